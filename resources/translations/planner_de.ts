<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Kunde bearbeiten</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Parent account</source>
        <translation>Über&amp;geordneter Kunde</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Branche</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>Prüfhinweis</translation>
    </message>
    <message>
        <source>Name cannot be empty.</source>
        <translation>Der Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Name is too long (at most {count} characters).</source>
        <translation>Der Name ist zu lang (höchstens {count} Zeichen).</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>Accountability</name>
    <message>
        <source>Win rate (count)</source>
        <translation>Gewinnquote (Anzahl)</translation>
    </message>
    <message>
        <source>Deals won ÷ deals won or lost, closed in the period. Walked-away deals are not in it: they are counted apart.</source>
        <translation>Gewonnene Verkaufschancen ÷ gewonnene oder verlorene Verkaufschancen, im Zeitraum abgeschlossen. Aufgegebene Verkaufschancen zählen nicht mit: sie werden gesondert gezählt.</translation>
    </message>
    <message>
        <source>Win rate (value)</source>
        <translation>Gewinnquote (Wert)</translation>
    </message>
    <message>
        <source>Amount won ÷ amount won or lost, closed in the period, in the base currency. Deals without an amount or without an exchange rate are left out; walked-away deals too.</source>
        <translation>Gewonnener Betrag ÷ gewonnener oder verlorener Betrag, im Zeitraum abgeschlossen, in der Basiswährung. Verkaufschancen ohne Betrag oder ohne Wechselkurs bleiben außen vor, aufgegebene Verkaufschancen ebenso.</translation>
    </message>
    <message>
        <source>Walked away</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Deals the seller walked away from, closed in the period.</source>
        <translation>Verkaufschancen, die der Verkäufer im Zeitraum aufgegeben hat.</translation>
    </message>
    <message>
        <source>Sales cycle</source>
        <translation>Verkaufszyklus</translation>
    </message>
    <message>
        <source>Average days from a deal&apos;s creation to its closing day, over the deals won in the period.</source>
        <translation>Durchschnittliche Tage von der Anlage einer Verkaufschance bis zu ihrem Abschlusstag, über die im Zeitraum gewonnenen Verkaufschancen.</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>Durchschnittlicher Auftragswert</translation>
    </message>
    <message>
        <source>Average amount of the deals won in the period, in the base currency (deals without an amount or an exchange rate left out).</source>
        <translation>Durchschnittlicher Betrag der im Zeitraum gewonnenen Verkaufschancen, in der Basiswährung (Verkaufschancen ohne Betrag oder Wechselkurs bleiben außen vor).</translation>
    </message>
    <message>
        <source>Funnel velocity</source>
        <translation>Funnel-Geschwindigkeit</translation>
    </message>
    <message>
        <source>Deals won or lost in the period × win rate (count) × average deal size ÷ sales cycle: the value the funnel turns into wins per day.</source>
        <translation>Im Zeitraum gewonnene oder verlorene Verkaufschancen × Gewinnquote (Anzahl) × durchschnittlicher Auftragswert ÷ Verkaufszyklus: der Wert, den der Funnel pro Tag in Gewinne verwandelt.</translation>
    </message>
    <message>
        <source>Slip rate</source>
        <translation>Verschiebungsquote</translation>
    </message>
    <message>
        <source>Share of the deals closed in the period whose close date was moved later at least once while they were open (setting the close date to the closing day is no slip).</source>
        <translation>Anteil der im Zeitraum abgeschlossenen Verkaufschancen, deren Abschlussdatum mindestens einmal nach hinten verschoben wurde, solange sie offen waren (das Abschlussdatum auf den Abschlusstag zu setzen ist keine Verschiebung).</translation>
    </message>
    <message>
        <source>Economic buyer met (Best Few)</source>
        <translation>Economic Buyer getroffen (Best Few)</translation>
    </message>
    <message>
        <source>Of the deals closed in the period that entered a Best Few stage, the share with an Economic buying influence whose coverage is on record (someone in “covered by” or a last contact). The plan keeps only the last contact, so the day of the first meeting cannot be checked against the day the deal entered Best Few.</source>
        <translation>Von den im Zeitraum abgeschlossenen Verkaufschancen, die eine Best-Few-Phase erreicht haben, der Anteil mit einem Economic Buying Influence, dessen Betreuung festgehalten ist (jemand unter „betreut von“ oder ein letzter Kontakt). Der Plan hält nur den letzten Kontakt fest, daher lässt sich der Tag des ersten Treffens nicht mit dem Tag vergleichen, an dem die Verkaufschance Best Few erreichte.</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konversion</translation>
    </message>
    <message>
        <source>Of the deals closed in the period that entered the stage, the share that went further: into a later stage of the board, or won.</source>
        <translation>Von den im Zeitraum abgeschlossenen Verkaufschancen, die die Phase erreicht haben, der Anteil, der weiterkam: in eine spätere Phase der Phasenansicht oder gewonnen.</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>Tage im Schnitt</translation>
    </message>
    <message>
        <source>Average days the deals closed in the period spent in the stage: from the day a deal entered it to the day it left (its stays added when it was there more than once).</source>
        <translation>Durchschnittliche Tage, die die im Zeitraum abgeschlossenen Verkaufschancen in der Phase verbrachten: vom Tag, an dem eine Verkaufschance sie erreichte, bis zu dem Tag, an dem sie sie verließ (mehrere Aufenthalte zusammengezählt).</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Tage im Median</translation>
    </message>
    <message>
        <source>The middle of the days the deals closed in the period spent in the stage (the average of the two middle ones for an even count): one very long deal does not move it.</source>
        <translation>Der mittlere Wert der Tage, die die im Zeitraum abgeschlossenen Verkaufschancen in der Phase verbrachten (bei gerader Anzahl der Durchschnitt der beiden mittleren): eine einzelne sehr lange Verkaufschance verschiebt ihn nicht.</translation>
    </message>
    <message>
        <source>Say 1 to {most} quarters, not {quarters}.</source>
        <translation>Bitte 1 bis {most} Quartale angeben, nicht {quarters}.</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} Tage</translation>
    </message>
    <message>
        <source>{amount} a day</source>
        <translation>{amount} pro Tag</translation>
    </message>
    <message>
        <source>{part} of {whole}</source>
        <translation>{part} von {whole}</translation>
    </message>
    <message>
        <source>{part} of {whole} deals</source>
        <translation>{part} von {whole} Verkaufschancen</translation>
    </message>
    <message>
        <source>over {whole} deals</source>
        <translation>über {whole} Verkaufschancen</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <source>Accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>The plan&apos;s accounts, subsidiaries under their parent; Enter edits one</source>
        <translation>Die Kunden des Plans, Tochtergesellschaften unter ihrer Muttergesellschaft; die Eingabetaste bearbeitet einen Kunden</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected account</source>
        <translation>Ausgewählten Kunden bearbeiten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected account</source>
        <translation>Ausgewählten Kunden löschen</translation>
    </message>
</context>
<context>
    <name>AccuracyModel</name>
    <message>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Letzte Prognose</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Best Case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Won - Commit</source>
        <translation>Gewonnen - Zusage</translation>
    </message>
    <message>
        <source>Won ÷ Commit</source>
        <translation>Gewonnen ÷ Zusage</translation>
    </message>
    <message>
        <source>Won ÷ Best Case</source>
        <translation>Gewonnen ÷ Best Case</translation>
    </message>
    <message>
        <source>The week, Monday to Sunday, that holds a day of the quarter</source>
        <translation>Die Woche (Montag bis Sonntag), die einen Tag des Quartals enthält</translation>
    </message>
    <message>
        <source>The day of the last call recorded for the quarter in that week</source>
        <translation>Der Tag der letzten Prognose für das Quartal in dieser Woche</translation>
    </message>
    <message>
        <source>What that call said would be won by the quarter&apos;s end, for sure</source>
        <translation>Was laut dieser Prognose bis zum Quartalsende sicher gewonnen wird</translation>
    </message>
    <message>
        <source>What that call said could be won if things go well</source>
        <translation>Was laut dieser Prognose gewonnen werden kann, wenn es gut läuft</translation>
    </message>
    <message>
        <source>Won in the quarter: final once it has ended, so far before (as the Forecast tab counts it)</source>
        <translation>Im Quartal gewonnen: endgültig, sobald es vorbei ist, vorher bisher (wie der Prognose-Reiter zählt)</translation>
    </message>
    <message>
        <source>Won - called Commit: below zero, less was won than committed</source>
        <translation>Gewonnen - prognostizierte Zusage: unter null wurde weniger gewonnen als zugesagt</translation>
    </message>
    <message>
        <source>Won ÷ called Commit x 100: 100 % is a call that came true</source>
        <translation>Gewonnen ÷ prognostizierte Zusage x 100: 100 % ist eine Prognose, die eingetroffen ist</translation>
    </message>
    <message>
        <source>Won ÷ called Best Case x 100</source>
        <translation>Gewonnen ÷ prognostizierter Best Case x 100</translation>
    </message>
    <message>
        <source>no call</source>
        <translation>keine Prognose</translation>
    </message>
</context>
<context>
    <name>ActionSection</name>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>&amp;Plan as action</source>
        <translation>Als Maßnahme &amp;planen</translation>
    </message>
    <message>
        <source>Add the CRM&apos;s next step to the action plan as a planned action</source>
        <translation>Den nächsten Schritt aus dem CRM als geplante Maßnahme in den Maßnahmenplan übernehmen</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Maßnahmenplan</translation>
    </message>
    <message>
        <source>Bold: the next step (shown on the card). Red: overdue.</source>
        <translation>Fett: der nächste Schritt (steht auf der Karte). Rot: überfällig.</translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation>Maßnahme hinzufügen</translation>
    </message>
    <message>
        <source>e.g. Ask the coach to introduce us to the CFO</source>
        <translation>z. B. den Coach bitten, uns dem Finanzvorstand vorzustellen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Removes or uses</source>
        <translation>Beseitigt oder nutzt</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Was</translation>
    </message>
    <message>
        <source>W&amp;ho</source>
        <translation>We&amp;r</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Fällig</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Removes / &amp;uses</source>
        <translation>Beseitigt / &amp;nutzt</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Delete the selected action (Delete)</source>
        <translation>Die ausgewählte Maßnahme löschen (Entf)</translation>
    </message>
    <message>
        <source>Next step: none planned. Add the action that moves the deal forward.</source>
        <translation>Nächster Schritt: keiner geplant. Fügen Sie die Maßnahme hinzu, die die Verkaufschance voranbringt.</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>Nächster Schritt: {step}</translation>
    </message>
    <message>
        <source>The action was not added: {reason}</source>
        <translation>Die Maßnahme wurde nicht hinzugefügt: {reason}</translation>
    </message>
</context>
<context>
    <name>ActionStatus</name>
    <message>
        <source>Possible</source>
        <translation>Möglich</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>AddInfluenceDialog</name>
    <message>
        <source>Add a buying influence</source>
        <translation>Einflussperson hinzufügen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Neuer Ansprechpartner…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Job title, e.g. Head of Operations</source>
        <translation>Funktion, z. B. Leitung Betrieb</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Ansprechpartner</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Funktion</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>People at {account} can be buying influences on several of its deals; a new person joins the account.</source>
        <translation>Ansprechpartner bei {account} können Einflusspersonen bei mehreren seiner Verkaufschancen sein; ein neuer Ansprechpartner wird dem Kunden hinzugefügt.</translation>
    </message>
    <message>
        <source>People at the account can be buying influences on several of its deals; a new person joins the account.</source>
        <translation>Ansprechpartner beim Kunden können Einflusspersonen bei mehreren seiner Verkaufschancen sein; ein neuer Ansprechpartner wird dem Kunden hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Snooze ends</source>
        <translation>Zurückstellung endet</translation>
    </message>
    <message>
        <source>Turns stale</source>
        <translation>Wird ruhend</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>A planned action of the deal</source>
        <translation>Eine geplante Maßnahme der Verkaufschance</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>The meeting was held: debrief it (what did the customer commit to?)</source>
        <translation>Der Termin hat stattgefunden: nachbereiten (was hat der Kunde zugesagt?)</translation>
    </message>
    <message>
        <source>A customer meeting with a call plan</source>
        <translation>Ein Kundentermin mit Gesprächsplan</translation>
    </message>
    <message>
        <source>The day the customer is expected to decide</source>
        <translation>Der Tag, an dem der Kunde voraussichtlich entscheidet</translation>
    </message>
    <message>
        <source>Snoozed ({reason}): after this day the stale warning returns</source>
        <translation>Zurückgestellt ({reason}): nach diesem Tag kommt die Ruhe-Warnung zurück</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Grund</translation>
    </message>
    <message>
        <source>No customer commitment for more than {limit} day by then (the stage&apos;s limit)</source>
        <translation>Bis dahin seit mehr als {limit} Tag keine Kundenzusage (Grenze der Phase)</translation>
    </message>
    <message>
        <source>No customer commitment for more than {limit} days by then (the stage&apos;s limit)</source>
        <translation>Bis dahin seit mehr als {limit} Tagen keine Kundenzusage (Grenze der Phase)</translation>
    </message>
    <message>
        <source>Overdue by {days} day</source>
        <translation>Seit {days} Tag überfällig</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>Seit {days} Tagen überfällig</translation>
    </message>
    <message>
        <source>Your manager&apos;s coaching item. {why}</source>
        <translation>Coaching-Punkt Ihrer Führungskraft. {why}</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} überfällig</translation>
    </message>
    <message>
        <source>{n} due today</source>
        <translation>{n} heute fällig</translation>
    </message>
    <message>
        <source>{overdue}, {today}</source>
        <translation>{overdue}, {today}</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Why it is here</source>
        <translation>Warum es hier steht</translation>
    </message>
    <message>
        <source>… and {n} more, not listed: the first ones done or moved make room</source>
        <translation>… und {n} weitere, nicht aufgeführt: erledigte oder verschobene oben machen Platz</translation>
    </message>
    <message>
        <source>{section} ({n})</source>
        <translation>{section} ({n})</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>{kind}: {what}</source>
        <translation>{kind}: {what}</translation>
    </message>
</context>
<context>
    <name>AgendaNotice</name>
    <message>
        <source>Today&apos;s agenda: {summary}.</source>
        <translation>Die Agenda für heute: {summary}.</translation>
    </message>
    <message>
        <source>Today&apos;s agenda</source>
        <translation>Die Agenda für heute</translation>
    </message>
    <message>
        <source>Show the agenda</source>
        <translation>Agenda zeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Export the agenda to a calendar file</source>
        <translation>Agenda als Kalenderdatei exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>The agenda was not exported</source>
        <translation>Die Agenda wurde nicht exportiert</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>{n} events written to {path}. Import the file into your calendar; exporting again updates the same events.</source>
        <translation>{n} Termine in {path} geschrieben. Importieren Sie die Datei in Ihren Kalender; ein erneuter Export aktualisiert dieselben Termine.</translation>
    </message>
    <message>
        <source>The plan is read-only, so it could not remember this export: a changed event may not replace the old one in your calendar.</source>
        <translation>Der Plan ist schreibgeschützt und konnte sich diesen Export nicht merken: ein geänderter Termin ersetzt den alten im Kalender womöglich nicht.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Follow-up planned from the agenda</source>
        <translation>Nachfassen aus der Agenda geplant</translation>
    </message>
    <message>
        <source>Agenda summary</source>
        <translation>Zusammenfassung der Agenda</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>Mark the action done; for a call, write its debrief (Ctrl+D)</source>
        <translation>Maßnahme als erledigt markieren; ein Gespräch nachbereiten (Strg+D)</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Verschieben…</translation>
    </message>
    <message>
        <source>Give the row another day: an action&apos;s due date, a call&apos;s day, the close date, the end of a snooze (Ctrl+R)</source>
        <translation>Einen anderen Tag geben: Fälligkeit einer Maßnahme, Tag eines Gesprächs, Abschlussdatum, Ende einer Zurückstellung (Strg+R)</translation>
    </message>
    <message>
        <source>&amp;Open deal</source>
        <translation>Verkaufschance ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the deal on the board and in the docks (Enter, or double-click)</source>
        <translation>Die Verkaufschance in der Phasenansicht und den Seitenleisten zeigen (Eingabe oder Doppelklick)</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>What is overdue, due today, this week and later. Enter opens the row&apos;s deal, Ctrl+D marks it done, Ctrl+R reschedules it.</source>
        <translation>Was überfällig, heute, diese Woche und später fällig ist. Eingabe öffnet die Verkaufschance der Zeile, Strg+D markiert sie als erledigt, Strg+R verschiebt sie.</translation>
    </message>
    <message>
        <source>{summary} · {week} this week · {later} later</source>
        <translation>{summary} · {week} diese Woche · {later} später</translation>
    </message>
    <message>
        <source>The call is on {day}: write its debrief once it is held</source>
        <translation>Der Termin ist am {day}: den Nachbericht schreiben, sobald er stattgefunden hat</translation>
    </message>
    <message>
        <source>Done: “{what}”</source>
        <translation>Erledigt: „{what}“</translation>
    </message>
    <message>
        <source>The action was not marked done</source>
        <translation>Die Maßnahme wurde nicht als erledigt markiert</translation>
    </message>
    <message>
        <source>Reschedule “{what}” ({deal}) to {date}</source>
        <translation>„{what}“ ({deal}) auf {date} verschieben</translation>
    </message>
    <message>
        <source>The row was not rescheduled</source>
        <translation>Die Zeile wurde nicht verschoben</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>A new day for “{what}” of “{deal}”.</source>
        <translation>Ein neuer Tag für „{what}“ von „{deal}“.</translation>
    </message>
    <message>
        <source>New &amp;day</source>
        <translation>Neuer &amp;Tag</translation>
    </message>
    <message>
        <source>“{what}” no longer exists.</source>
        <translation>„{what}“ gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>ArchiveModel</name>
    <message>
        <source>Deal</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen am</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <source>Closed deals</source>
        <translation>Abgeschlossene Verkaufschancen</translation>
    </message>
    <message>
        <source>Won, lost and walked-away deals with their close dates and reasons</source>
        <translation>Gewonnene, verlorene und aufgegebene Verkaufschancen mit Abschlussdatum und Grund</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>Return the deal to its last open stage</source>
        <translation>Die Verkaufschance in ihre letzte offene Phase zurückholen</translation>
    </message>
    <message>
        <source>{won} won · {lost} lost · {walked} walked away</source>
        <translation>{won} gewonnen · {lost} verloren · {walked} aufgegeben</translation>
    </message>
</context>
<context>
    <name>BlueSheetFields</name>
    <message>
        <source>person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>degree</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Reaktionsmodus</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>win</source>
        <translation>persönlicher Gewinn</translation>
    </message>
    <message>
        <source>result</source>
        <translation>Geschäftsergebnis</translation>
    </message>
    <message>
        <source>concept kind</source>
        <translation>Konzeptart</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>Konzept</translation>
    </message>
    <message>
        <source>covered by</source>
        <translation>betreut von</translation>
    </message>
    <message>
        <source>last contact</source>
        <translation>letzter Kontakt</translation>
    </message>
    <message>
        <source>new in job</source>
        <translation>neu in der Position</translation>
    </message>
    <message>
        <source>reports to</source>
        <translation>berichtet an</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>what</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>due</source>
        <translation>Fälligkeit</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>removes / uses</source>
        <translation>beseitigt / nutzt</translation>
    </message>
    <message>
        <source>who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>done on</source>
        <translation>erledigt am</translation>
    </message>
    <message>
        <source>product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>Einzelverkaufsziel</translation>
    </message>
</context>
<context>
    <name>BlueSheetLabels</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>euphoria is often blindness; check the evidence behind it</source>
        <translation>Euphorie macht oft blind; prüfen Sie die Belege dafür</translation>
    </message>
    <message>
        <source>find out what is missing and act on it</source>
        <translation>finden Sie heraus, was fehlt, und handeln Sie</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht festgelegt</translation>
    </message>
    <message>
        <source>{rating} Euphoric</source>
        <translation>{rating} Euphorisch</translation>
    </message>
    <message>
        <source>{rating} Panic</source>
        <translation>{rating} Panik</translation>
    </message>
</context>
<context>
    <name>BlueSheetPanel</name>
    <message>
        <source>{items} and {last}</source>
        <translation>{items} und {last}</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Person #{id}</source>
        <translation>Ansprechpartner Nr. {id}</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Verkaufsziel</translation>
    </message>
    <message>
        <source>Influences</source>
        <translation>Einflusspersonen</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Warnsignale</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>Wettbewerb</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Blue Sheet</source>
        <translation>Blue Sheet</translation>
    </message>
    <message>
        <source>Select a deal on the board to see its Blue Sheet.</source>
        <translation>Wählen Sie auf der Tafel eine Verkaufschance aus, um ihr Blue Sheet zu sehen.</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>{n} red flag</source>
        <translation>{n} Warnsignal</translation>
    </message>
    <message>
        <source>{n} red flags</source>
        <translation>{n} Warnsignale</translation>
    </message>
    <message>
        <source>{n} strength</source>
        <translation>{n} Stärke</translation>
    </message>
    <message>
        <source>{n} strengths</source>
        <translation>{n} Stärken</translation>
    </message>
    <message>
        <source>Influences ({n})</source>
        <translation>Einflusspersonen ({n})</translation>
    </message>
    <message>
        <source>Flags ({n})</source>
        <translation>Warnsignale ({n})</translation>
    </message>
    <message>
        <source>Actions ({n})</source>
        <translation>Maßnahmen ({n})</translation>
    </message>
    <message>
        <source>Commitments ({n})</source>
        <translation>Zusagen ({n})</translation>
    </message>
    <message>
        <source>Calls ({n})</source>
        <translation>Gespräche ({n})</translation>
    </message>
    <message>
        <source>the deal</source>
        <translation>die Verkaufschance</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>Set {field} of {deal}</source>
        <translation>{field} von {deal} festlegen</translation>
    </message>
    <message>
        <source>The objective was not saved</source>
        <translation>Das Einzelverkaufsziel wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Set current position of {deal} to {position}</source>
        <translation>Aktuelle Einschätzung von {deal} auf {position} setzen</translation>
    </message>
    <message>
        <source>The position was not saved</source>
        <translation>Die Einschätzung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Add {name} to {deal}</source>
        <translation>{name} zu {deal} hinzufügen</translation>
    </message>
    <message>
        <source>The buying influence was not added</source>
        <translation>Die Einflussperson wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Add {name} (new) to {deal}</source>
        <translation>{name} (neu) zu {deal} hinzufügen</translation>
    </message>
    <message>
        <source>Set {field} of {name}</source>
        <translation>{field} von {name} festlegen</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>The buying influence was not saved</source>
        <translation>Die Einflussperson wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Remove buying influence</source>
        <translation>Einflussperson entfernen</translation>
    </message>
    <message>
        <source>Take {name} off this deal? They stay at the account. You can undo this with Edit → Undo.</source>
        <translation>{name} von dieser Verkaufschance entfernen? Der Ansprechpartner bleibt beim Kunden. Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Remove {name} from {deal}</source>
        <translation>{name} von {deal} entfernen</translation>
    </message>
    <message>
        <source>The buying influence was not removed</source>
        <translation>Die Einflussperson wurde nicht entfernt</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>{old} in {new} umbenennen</translation>
    </message>
    <message>
        <source>The person was not saved</source>
        <translation>Der Ansprechpartner wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Influence map: {deal}</source>
        <translation>Einflusskarte: {deal}</translation>
    </message>
    <message>
        <source>Influence map</source>
        <translation>Einflusskarte</translation>
    </message>
    <message>
        <source>{deal} - influence map</source>
        <translation>{deal} - Einflusskarte</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>Export the influence map</source>
        <translation>Einflusskarte exportieren</translation>
    </message>
    <message>
        <source>The map was not exported</source>
        <translation>Die Karte wurde nicht exportiert</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>{path} konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Add strength to {deal}</source>
        <translation>Stärke zu {deal} hinzufügen</translation>
    </message>
    <message>
        <source>The strength was not added</source>
        <translation>Die Stärke wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Add red flag to {deal}</source>
        <translation>Warnsignal zu {deal} hinzufügen</translation>
    </message>
    <message>
        <source>The red flag was not added</source>
        <translation>Das Warnsignal wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Remove your strength</source>
        <translation>Eigene Stärke entfernen</translation>
    </message>
    <message>
        <source>Remove your red flag</source>
        <translation>Eigenes Warnsignal entfernen</translation>
    </message>
    <message>
        <source>Remove “{text}”?</source>
        <translation>„{text}“ entfernen?</translation>
    </message>
    <message>
        <source>Remove your own flag from {deal}</source>
        <translation>Eigenes Signal von {deal} entfernen</translation>
    </message>
    <message>
        <source>The flag was not removed</source>
        <translation>Das Signal wurde nicht entfernt</translation>
    </message>
    <message>
        <source>Add competitor {name} to {deal}</source>
        <translation>Wettbewerber {name} zu {deal} hinzufügen</translation>
    </message>
    <message>
        <source>The competitor was not added</source>
        <translation>Der Wettbewerber wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Edit competitor {name}</source>
        <translation>Wettbewerber {name} bearbeiten</translation>
    </message>
    <message>
        <source>The competitor was not saved</source>
        <translation>Der Wettbewerber wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Remove {name} from this deal&apos;s competition?</source>
        <translation>{name} aus dem Wettbewerb dieser Verkaufschance entfernen?</translation>
    </message>
    <message>
        <source>Remove competitor</source>
        <translation>Wettbewerber entfernen</translation>
    </message>
    <message>
        <source>Remove competitor {name}</source>
        <translation>Wettbewerber {name} entfernen</translation>
    </message>
    <message>
        <source>The competitor was not removed</source>
        <translation>Der Wettbewerber wurde nicht entfernt</translation>
    </message>
    <message>
        <source>Add action “{what}”</source>
        <translation>Maßnahme „{what}“ hinzufügen</translation>
    </message>
    <message>
        <source>The action was not added</source>
        <translation>Die Maßnahme wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Plan “{what}” as an action</source>
        <translation>„{what}“ als Maßnahme planen</translation>
    </message>
    <message>
        <source>Set {field} of action “{what}”</source>
        <translation>{field} der Maßnahme „{what}“ festlegen</translation>
    </message>
    <message>
        <source>Edit action “{what}”</source>
        <translation>Maßnahme „{what}“ bearbeiten</translation>
    </message>
    <message>
        <source>The action was not saved</source>
        <translation>Die Maßnahme wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Delete the action “{what}”?</source>
        <translation>Die Maßnahme „{what}“ löschen?</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>Maßnahme löschen</translation>
    </message>
    <message>
        <source>Delete action “{what}”</source>
        <translation>Maßnahme „{what}“ löschen</translation>
    </message>
    <message>
        <source>The action was not deleted</source>
        <translation>Die Maßnahme wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>Add private note to {deal}</source>
        <translation>Privatnotiz zu {deal} hinzufügen</translation>
    </message>
    <message>
        <source>Add shareable note to {deal}</source>
        <translation>Teilbare Notiz zu {deal} hinzufügen</translation>
    </message>
    <message>
        <source>The note was not added</source>
        <translation>Die Notiz wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Edit note on {deal}</source>
        <translation>Notiz zu {deal} bearbeiten</translation>
    </message>
    <message>
        <source>The note was not saved</source>
        <translation>Die Notiz wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Delete this note?</source>
        <translation>Diese Notiz löschen?</translation>
    </message>
    <message>
        <source>Delete note on {deal}</source>
        <translation>Notiz zu {deal} löschen</translation>
    </message>
    <message>
        <source>The note was not deleted</source>
        <translation>Die Notiz wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>Hide coaching note on {deal}</source>
        <translation>Coaching-Notiz zu {deal} ausblenden</translation>
    </message>
    <message>
        <source>The note was not hidden</source>
        <translation>Die Notiz wurde nicht ausgeblendet</translation>
    </message>
    <message>
        <source>Plan call “{title}”</source>
        <translation>Gespräch „{title}“ planen</translation>
    </message>
    <message>
        <source>The call plan was not saved</source>
        <translation>Der Gesprächsplan wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Edit call plan “{title}”</source>
        <translation>Gesprächsplan „{title}“ bearbeiten</translation>
    </message>
    <message>
        <source>Debrief call “{title}”</source>
        <translation>Gespräch „{title}“ nachbereiten</translation>
    </message>
    <message>
        <source>The debrief was not saved</source>
        <translation>Die Nachbereitung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Move the deal</source>
        <translation>Verkaufschance verschieben</translation>
    </message>
    <message>
        <source>The customer committed to “{commitment}”, on the {stage} checklist. Move the deal to {target}?</source>
        <translation>Der Kunde hat „{commitment}“ zugesagt, einen Punkt der Checkliste von {stage}. Die Verkaufschance nach {target} verschieben?</translation>
    </message>
    <message>
        <source>Move the deal to {target}</source>
        <translation>Nach {target} verschieben</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Delete the call plan “{title}” of {when}? What the customer committed to stays recorded. You can undo this with Edit → Undo.</source>
        <translation>Den Gesprächsplan „{title}“ vom {when} löschen? Was der Kunde zugesagt hat, bleibt festgehalten. Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Delete call plan</source>
        <translation>Gesprächsplan löschen</translation>
    </message>
    <message>
        <source>Delete call plan “{title}”</source>
        <translation>Gesprächsplan „{title}“ löschen</translation>
    </message>
    <message>
        <source>The call plan was not deleted</source>
        <translation>Der Gesprächsplan wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>{call} - call plan</source>
        <translation>{call} - Gesprächsplan</translation>
    </message>
    <message>
        <source>call</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Print the call plan as PDF</source>
        <translation>Gesprächsplan als PDF drucken</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The call plan was not printed</source>
        <translation>Der Gesprächsplan wurde nicht gedruckt</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>The commitment was not recorded</source>
        <translation>Die Kundenzusage wurde nicht erfasst</translation>
    </message>
    <message>
        <source>Remove the customer commitment “{what}” of {date}?
Stale and Premature no longer count it. You can undo this with Edit → Undo.</source>
        <translation>Die Kundenzusage „{what}“ vom {date} entfernen?
„Ruhend“ und „Verfrüht“ zählen sie dann nicht mehr. Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Remove commitment</source>
        <translation>Kundenzusage entfernen</translation>
    </message>
    <message>
        <source>Remove commitment “{what}” from {deal}</source>
        <translation>Kundenzusage „{what}“ von {deal} entfernen</translation>
    </message>
    <message>
        <source>The commitment was not removed</source>
        <translation>Die Kundenzusage wurde nicht entfernt</translation>
    </message>
</context>
<context>
    <name>BlueSheetTable</name>
    <message>
        <source>Not linked</source>
        <translation>Nicht verknüpft</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Reaktionsmodus</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>Persönlicher Gewinn</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Geschäftsergebnis</translation>
    </message>
    <message>
        <source>Concept kind</source>
        <translation>Konzeptart</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Konzept</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Betreut von</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>New in job</source>
        <translation>Neu in Position</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Berichtet an</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Person #{id}</source>
        <translation>Ansprechpartner Nr. {id}</translation>
    </message>
    <message>
        <source>New in the job</source>
        <translation>Neu in der Position</translation>
    </message>
    <message>
        <source>Not new in the job</source>
        <translation>Nicht neu in der Position</translation>
    </message>
    <message>
        <source>{column}: {value}</source>
        <translation>{column}: {value}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Unknown: missing information is a red flag.</source>
        <translation>Unbekannt: fehlende Angaben sind ein Warnsignal.</translation>
    </message>
    <message>
        <source>(Changing the person changes them on every deal of the account.)</source>
        <translation>(Eine Änderung am Ansprechpartner gilt für alle Verkaufschancen des Kunden.)</translation>
    </message>
    <message>
        <source>New in the job or reorganised: check their role again.</source>
        <translation>Neu in der Position oder umorganisiert: prüfen Sie die Rolle erneut.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Removes / uses</source>
        <translation>Beseitigt / nutzt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Erledigt am</translation>
    </message>
    <message>
        <source>Uses: {reason}</source>
        <translation>Nutzt: {reason}</translation>
    </message>
    <message>
        <source>Removes: {reason}</source>
        <translation>Beseitigt: {reason}</translation>
    </message>
    <message>
        <source>{rule} (no longer raised)</source>
        <translation>{rule} (nicht mehr gemeldet)</translation>
    </message>
    <message>
        <source>The next step: the earliest open action (shown on the card).</source>
        <translation>Der nächste Schritt: die früheste offene Maßnahme (steht auf der Karte).</translation>
    </message>
    <message>
        <source>Overdue: it was due {days} ago.</source>
        <translation>Überfällig: sie war vor {days} fällig.</translation>
    </message>
    <message>
        <source>Link it to the red flag it removes or the strength it uses.</source>
        <translation>Verknüpfen Sie sie mit dem Warnsignal, das sie beseitigt, oder der Stärke, die sie nutzt.</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>{stage} column</source>
        <translation>Spalte {stage}</translation>
    </message>
    <message>
        <source>Deals in the {stage} stage ({level})</source>
        <translation>Verkaufschancen in der Phase {stage} ({level})</translation>
    </message>
    <message>
        <source>Funnel level {level}</source>
        <translation>Trichterebene {level}</translation>
    </message>
</context>
<context>
    <name>BoardOrder</name>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>Gewichteter Betrag</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>Tage in der Phase</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Warnsignale</translation>
    </message>
    <message>
        <source>My own order</source>
        <translation>Eigene Reihenfolge</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Debriefed {date}</source>
        <translation>Nachbereitet am {date}</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Anstehend</translation>
    </message>
    <message>
        <source>To debrief</source>
        <translation>Nachzubereiten</translation>
    </message>
    <message>
        <source>{when} · {title}</source>
        <translation>{when} · {title}</translation>
    </message>
    <message>
        <source>{status} · {commitment}</source>
        <translation>{status} · {commitment}</translation>
    </message>
    <message>
        <source>Committed: {text}</source>
        <translation>Zugesagt: {text}</translation>
    </message>
    <message>
        <source>No commitment</source>
        <translation>Keine Zusage</translation>
    </message>
</context>
<context>
    <name>CallSection</name>
    <message>
        <source>Calls</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>A call plan (Green Sheet) for each customer meeting: who comes, what to ask, and the commitment to ask for. Debrief it after the meeting to record what the customer committed to.</source>
        <translation>Ein Gesprächsplan (Green Sheet) für jeden Kundentermin: wer kommt, was Sie fragen und um welche Zusage Sie bitten. Bereiten Sie ihn nach dem Termin nach, um festzuhalten, was der Kunde zugesagt hat.</translation>
    </message>
    <message>
        <source>&amp;New call plan…</source>
        <translation>&amp;Neuer Gesprächsplan…</translation>
    </message>
    <message>
        <source>Plan a meeting with the customer (Insert)</source>
        <translation>Einen Termin mit dem Kunden planen (Einfg)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open the selected call plan (double-click)</source>
        <translation>Den ausgewählten Gesprächsplan öffnen (Doppelklick)</translation>
    </message>
    <message>
        <source>De&amp;brief…</source>
        <translation>Nach&amp;bereiten…</translation>
    </message>
    <message>
        <source>Record what the customer committed to at the selected meeting, once it was held</source>
        <translation>Festhalten, was der Kunde beim ausgewählten Termin zugesagt hat, sobald er stattfand</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Write the selected call plan as a one-page PDF</source>
        <translation>Den ausgewählten Gesprächsplan als einseitiges PDF schreiben</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected call plan (Delete)</source>
        <translation>Den ausgewählten Gesprächsplan löschen (Entf)</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>No account</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>Nächstes: {step}</translation>
    </message>
    <message>
        <source>No next step</source>
        <translation>Kein nächster Schritt</translation>
    </message>
    <message>
        <source>{days} in stage</source>
        <translation>{days} in Phase</translation>
    </message>
</context>
<context>
    <name>CardBadge</name>
    <message>
        <source>Stale {days}d</source>
        <translation>Ruht {days} T</translation>
    </message>
    <message>
        <source>Stalled for a known reason: see the deal&apos;s details</source>
        <translation>Aus bekanntem Grund zurückgestellt: siehe die Details der Verkaufschance</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Slipped {count}x</source>
        <translation>{count}× verschoben</translation>
    </message>
    <message>
        <source>{n} flag</source>
        <translation>{n} Warnsignal</translation>
    </message>
    <message>
        <source>{n} flags</source>
        <translation>{n} Warnsignale</translation>
    </message>
    <message>
        <source>Your manager</source>
        <translation>Ihre Führungskraft</translation>
    </message>
    <message>
        <source>{who}: {verdict} ({reason})</source>
        <translation>{who}: {verdict} ({reason})</translation>
    </message>
    <message>
        <source>{who}: {verdict}</source>
        <translation>{who}: {verdict}</translation>
    </message>
    <message>
        <source>{badge}: {reason}</source>
        <translation>{badge}: {reason}</translation>
    </message>
    <message>
        <source>+{count}</source>
        <translation>+{count}</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Since last week</source>
        <translation>Seit Vorwoche</translation>
    </message>
    <message>
        <source>Since last month</source>
        <translation>Seit Vormonat</translation>
    </message>
    <message>
        <source>Since {when}</source>
        <translation>Seit {when}</translation>
    </message>
    <message>
        <source>{since} ({date})</source>
        <translation>{since} ({date})</translation>
    </message>
    <message>
        <source>no snapshot yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <source>{count} · {amount}</source>
        <translation>{count} · {amount}</translation>
    </message>
    <message>
        <source>{deal}: {change}</source>
        <translation>{deal}: {change}</translation>
    </message>
</context>
<context>
    <name>CloseReasons</name>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>Keine Entscheidung</translation>
    </message>
    <message>
        <source>Competitor won</source>
        <translation>Wettbewerber gewann</translation>
    </message>
    <message>
        <source>Product fit</source>
        <translation>Produkt passt nicht</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>Budget cut</source>
        <translation>Budget gestrichen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Competitor not named</source>
        <translation>Wettbewerber nicht genannt</translation>
    </message>
    <message>
        <source>Keep at least one close reason.</source>
        <translation>Behalten Sie mindestens einen Abschlussgrund.</translation>
    </message>
    <message>
        <source>A plan has at most {limit} close reasons.</source>
        <translation>Ein Plan hat höchstens {limit} Abschlussgründe.</translation>
    </message>
    <message>
        <source>Every close reason needs a name.</source>
        <translation>Jeder Abschlussgrund braucht einen Namen.</translation>
    </message>
    <message>
        <source>A close reason is at most {limit} characters.</source>
        <translation>Ein Abschlussgrund hat höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <source>“{name}” is always offered; it needs no entry.</source>
        <translation>„{name}“ wird immer angeboten und braucht keinen Eintrag.</translation>
    </message>
    <message>
        <source>“{name}” is in the list twice.</source>
        <translation>„{name}“ steht zweimal in der Liste.</translation>
    </message>
    <message>
        <source>A competitor&apos;s name is at most {limit} characters.</source>
        <translation>Der Name eines Wettbewerbers hat höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <source>Name the competitor who won.</source>
        <translation>Nennen Sie den Wettbewerber, der gewonnen hat.</translation>
    </message>
</context>
<context>
    <name>CloseReasonsDialog</name>
    <message>
        <source>Close reasons</source>
        <translation>Abschlussgründe</translation>
    </message>
    <message>
        <source>Closing a deal as won, lost or walked away asks for one of these reasons; “Other” is always offered too. Deals keep their reason when it leaves the list.</source>
        <translation>Wer eine Verkaufschance als gewonnen, verloren oder aufgegeben abschließt, wählt einen dieser Gründe; „Sonstiges“ wird immer mit angeboten. Verkaufschancen behalten ihren Grund, wenn er aus der Liste entfernt wird.</translation>
    </message>
    <message>
        <source>A new reason, e.g. Reorganisation</source>
        <translation>Ein neuer Grund, z. B. Umstrukturierung</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>Neuer Grund</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>Prüfmeldung</translation>
    </message>
</context>
<context>
    <name>Coaching</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Zugestimmt</translation>
    </message>
    <message>
        <source>Challenged</source>
        <translation>Hinterfragt</translation>
    </message>
    <message>
        <source>That coaching item no longer exists.</source>
        <translation>Dieser Coaching-Punkt existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Write your answer to the question first.</source>
        <translation>Schreiben Sie zuerst Ihre Antwort auf die Frage.</translation>
    </message>
    <message>
        <source>The answer is too long (at most {limit} characters).</source>
        <translation>Die Antwort ist zu lang (höchstens {limit} Zeichen).</translation>
    </message>
</context>
<context>
    <name>CoachingActions</name>
    <message>
        <source>Answer a coaching item</source>
        <translation>Coaching-Punkt beantworten</translation>
    </message>
    <message>
        <source>The coaching item was not marked answered</source>
        <translation>Der Coaching-Punkt wurde nicht als beantwortet markiert</translation>
    </message>
</context>
<context>
    <name>CoachingItemsDialog</name>
    <message>
        <source>Whole plan</source>
        <translation>Ganzer Plan</translation>
    </message>
    <message>
        <source>{where} · {kind}: {text}</source>
        <translation>{where} · {kind}: {text}</translation>
    </message>
    <message>
        <source> (due {date})</source>
        <translation> (fällig {date})</translation>
    </message>
    <message>
        <source> — from {reviewer}</source>
        <translation> — von {reviewer}</translation>
    </message>
    <message>
        <source>Coaching items</source>
        <translation>Coaching-Punkte</translation>
    </message>
    <message>
        <source>Your manager&apos;s questions and actions from the last reviews. Answer a question, or mark an action answered once it is done; the next review pack shows which are answered.</source>
        <translation>Fragen und Aktionen Ihrer Führungskraft aus den letzten Reviews. Beantworten Sie eine Frage oder markieren Sie eine erledigte Aktion als beantwortet; das nächste Review-Paket zeigt, welche beantwortet sind.</translation>
    </message>
    <message>
        <source>Open coaching items</source>
        <translation>Offene Coaching-Punkte</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Your answer (needed for a question)…</source>
        <translation>Ihre Antwort (für eine Frage nötig)…</translation>
    </message>
    <message>
        <source>&amp;Mark answered</source>
        <translation>Als beantwortet &amp;markieren</translation>
    </message>
    <message>
        <source>No open coaching items.</source>
        <translation>Keine offenen Coaching-Punkte.</translation>
    </message>
    <message>
        <source>Write your answer to the question first.</source>
        <translation>Schreiben Sie zuerst Ihre Antwort auf die Frage.</translation>
    </message>
</context>
<context>
    <name>CoachingNotesPanel</name>
    <message>
        <source>Just a note</source>
        <translation>Nur eine Notiz</translation>
    </message>
    <message>
        <source>A question to answer</source>
        <translation>Eine Frage zum Beantworten</translation>
    </message>
    <message>
        <source>An action with a due date</source>
        <translation>Eine Aktion mit Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>A coaching item comes back to the seller as work: a question is answered, an action is done by its due date. Both become one of the deal&apos;s actions and appear in the Agenda.</source>
        <translation>Ein Coaching-Punkt kommt als Arbeit zum Verkäufer zurück: Eine Frage wird beantwortet, eine Aktion bis zum Fälligkeitsdatum erledigt. Beide werden zu Aktionen des Deals und erscheinen in der Agenda.</translation>
    </message>
    <message>
        <source>Due date of the coaching item</source>
        <translation>Fälligkeitsdatum des Coaching-Punkts</translation>
    </message>
    <message>
        <source>Question: {text}</source>
        <translation>Frage: {text}</translation>
    </message>
    <message>
        <source>Action: {text}</source>
        <translation>Aktion: {text}</translation>
    </message>
    <message>
        <source> (due {date})</source>
        <translation> (fällig {date})</translation>
    </message>
    <message>
        <source>Coaching notes</source>
        <translation>Coaching-Notizen</translation>
    </message>
    <message>
        <source>Your notes for the seller, on the selected deal and on the whole plan</source>
        <translation>Ihre Notizen für den Verkäufer, zur ausgewählten Verkaufschance und zum ganzen Plan</translation>
    </message>
    <message>
        <source>Select a deal on the board to write a note on it.</source>
        <translation>Wählen Sie eine Verkaufschance in der Phasenansicht, um eine Notiz dazu zu schreiben.</translation>
    </message>
    <message>
        <source>Coaching notes already in the plan</source>
        <translation>Coaching-Notizen, die schon im Plan stehen</translation>
    </message>
    <message>
        <source>Your notes on this deal</source>
        <translation>Ihre Notizen zu dieser Verkaufschance</translation>
    </message>
    <message>
        <source>New note on this deal</source>
        <translation>Neue Notiz zu dieser Verkaufschance</translation>
    </message>
    <message>
        <source>A coaching note on this deal…</source>
        <translation>Eine Coaching-Notiz zu dieser Verkaufschance…</translation>
    </message>
    <message>
        <source>Coaching item on this deal</source>
        <translation>Coaching-Punkt zu diesem Deal</translation>
    </message>
    <message>
        <source>Add note on this &amp;deal</source>
        <translation>Notiz zu dieser &amp;Chance hinzufügen</translation>
    </message>
    <message>
        <source>Your notes on the whole plan</source>
        <translation>Ihre Notizen zum ganzen Plan</translation>
    </message>
    <message>
        <source>New note on the whole plan</source>
        <translation>Neue Notiz zum ganzen Plan</translation>
    </message>
    <message>
        <source>A note on the whole plan: the funnel, the quarter, priorities…</source>
        <translation>Eine Notiz zum ganzen Plan: der Trichter, das Quartal, Prioritäten…</translation>
    </message>
    <message>
        <source>Coaching item on the whole plan</source>
        <translation>Coaching-Punkt zum ganzen Plan</translation>
    </message>
    <message>
        <source>Add note on the whole &amp;plan</source>
        <translation>Notiz zum ganzen &amp;Plan hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove selected note</source>
        <translation>Ausgewählte Notiz &amp;entfernen</translation>
    </message>
    <message>
        <source>Your verdict on this deal</source>
        <translation>Ihr Urteil zu diesem Deal</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Zustimmen</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>Hinterfragen</translation>
    </message>
    <message>
        <source>Your word on a deal the seller committed to this quarter: agree, or challenge it with a reason. The seller sees it on the card and in the deal&apos;s details.</source>
        <translation>Ihr Wort zu einem Deal, den der Verkäufer in diesem Quartal zugesagt hat: zustimmen oder mit Begründung hinterfragen. Der Verkäufer sieht es auf der Karte und in den Deal-Details.</translation>
    </message>
    <message>
        <source>Reason for the verdict</source>
        <translation>Begründung des Urteils</translation>
    </message>
    <message>
        <source>Why (needed to challenge)</source>
        <translation>Warum (zum Hinterfragen nötig)</translation>
    </message>
    <message>
        <source>Give &amp;verdict</source>
        <translation>&amp;Urteil abgeben</translation>
    </message>
    <message>
        <source>On this deal</source>
        <translation>Zu dieser Verkaufschance</translation>
    </message>
    <message>
        <source>On the whole plan</source>
        <translation>Zum ganzen Plan</translation>
    </message>
    <message>
        <source>{date}: {note}</source>
        <translation>{date}: {note}</translation>
    </message>
    <message>
        <source>Earlier coaching notes:
{notes}</source>
        <translation>Frühere Coaching-Notizen:
{notes}</translation>
    </message>
    <message>
        <source>A verdict is given on a deal the seller committed to.</source>
        <translation>Ein Urteil gibt es zu Deals, die der Verkäufer zugesagt hat.</translation>
    </message>
    <message>
        <source>No verdict on this committed deal yet.</source>
        <translation>Noch kein Urteil zu diesem zugesagten Deal.</translation>
    </message>
    <message>
        <source>Your verdict: challenged ({reason})</source>
        <translation>Ihr Urteil: hinterfragt ({reason})</translation>
    </message>
    <message>
        <source>Your verdict: agreed</source>
        <translation>Ihr Urteil: zugestimmt</translation>
    </message>
    <message>
        <source>Say why</source>
        <translation>Begründen Sie</translation>
    </message>
    <message>
        <source>A challenge needs a reason the seller can act on.</source>
        <translation>Ein Hinterfragen braucht eine Begründung, mit der der Verkäufer arbeiten kann.</translation>
    </message>
    <message>
        <source>The note is too long</source>
        <translation>Die Notiz ist zu lang</translation>
    </message>
    <message>
        <source>A note has at most {limit} characters; this one has {length}.</source>
        <translation>Eine Notiz hat höchstens {limit} Zeichen; diese hat {length}.</translation>
    </message>
    <message>
        <source>When is it due?</source>
        <translation>Wann ist es fällig?</translation>
    </message>
    <message>
        <source>An action for the seller needs a due date.</source>
        <translation>Eine Aktion für den Verkäufer braucht ein Fälligkeitsdatum.</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>Record customer commitment</source>
        <translation>Kundenzusage erfassen</translation>
    </message>
    <message>
        <source>What did the customer of “{title}” commit to, and when?</source>
        <translation>Was hat der Kunde bei „{title}“ zugesagt, und wann?</translation>
    </message>
    <message>
        <source>{stage}: {commitment}</source>
        <translation>{stage}: {commitment}</translation>
    </message>
    <message>
        <source>In the customer&apos;s words…</source>
        <translation>In den Worten des Kunden …</translation>
    </message>
    <message>
        <source>e.g. agreed to a workshop with the plant managers</source>
        <translation>z. B. einem Workshop mit den Werksleitern zugestimmt</translation>
    </message>
    <message>
        <source>Optional: who on the customer&apos;s side</source>
        <translation>Optional: wer auf Kundenseite</translation>
    </message>
    <message>
        <source>Optional: how it shows, e.g. her mail of Tuesday</source>
        <translation>Optional: woran es sich zeigt, z. B. ihre Mail vom Dienstag</translation>
    </message>
    <message>
        <source>&amp;Commitment</source>
        <translation>&amp;Zusage</translation>
    </message>
    <message>
        <source>In the customer&apos;s &amp;words</source>
        <translation>In den &amp;Worten des Kunden</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>W&amp;ho</source>
        <translation>W&amp;er</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>&amp;Beleg</translation>
    </message>
    <message>
        <source>Record “{what}” for “{title}”</source>
        <translation>„{what}“ für „{title}“ erfassen</translation>
    </message>
</context>
<context>
    <name>CommitmentListModel</name>
    <message>
        <source>{date} · {what}</source>
        <translation>{date} · {what}</translation>
    </message>
    <message>
        <source>{stage}&apos;s checklist</source>
        <translation>Checkliste von {stage}</translation>
    </message>
    <message>
        <source>In the customer&apos;s words</source>
        <translation>In den Worten des Kunden</translation>
    </message>
</context>
<context>
    <name>CommitmentSection</name>
    <message>
        <source>Stage checklist</source>
        <translation>Checkliste der Phasen</translation>
    </message>
    <message>
        <source>Record customer &amp;commitment…</source>
        <translation>Kunden&amp;zusage erfassen …</translation>
    </message>
    <message>
        <source>What the customer did, on any day: a checklist item or in their words. Stale counts from it.</source>
        <translation>Was der Kunde getan hat, an jedem beliebigen Tag: ein Punkt der Checkliste oder in seinen Worten. „Ruhend“ zählt ab diesem Tag.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected commitment (Delete)</source>
        <translation>Die ausgewählte Kundenzusage entfernen (Entf)</translation>
    </message>
    <message>
        <source>Recorded commitments, the latest first</source>
        <translation>Erfasste Kundenzusagen, die neueste zuerst</translation>
    </message>
    <message>
        <source>Recorded commitments</source>
        <translation>Erfasste Kundenzusagen</translation>
    </message>
    <message>
        <source>{stage} (now): to leave it</source>
        <translation>{stage} (jetzt): um sie zu verlassen</translation>
    </message>
    <message>
        <source>{stage}: to get past it</source>
        <translation>{stage}: um über sie hinauszukommen</translation>
    </message>
    <message>
        <source>No checklist: Stage settings define one.</source>
        <translation>Keine Checkliste: Sie wird in den Phaseneinstellungen festgelegt.</translation>
    </message>
    <message>
        <source>✓ {commitment}: {date}</source>
        <translation>✓ {commitment}: {date}</translation>
    </message>
    <message>
        <source>• {commitment}: not yet</source>
        <translation>• {commitment}: noch nicht</translation>
    </message>
    <message>
        <source>The plan has no open stage.</source>
        <translation>Der Plan hat keine offene Phase.</translation>
    </message>
</context>
<context>
    <name>CompetitionKind</name>
    <message>
        <source>Other vendor</source>
        <translation>Anderer Anbieter</translation>
    </message>
    <message>
        <source>Internal resources</source>
        <translation>Interne Ressourcen</translation>
    </message>
    <message>
        <source>Budget spent elsewhere</source>
        <translation>Budget anderweitig ausgegeben</translation>
    </message>
    <message>
        <source>Doing nothing</source>
        <translation>Nichts tun</translation>
    </message>
</context>
<context>
    <name>CompetitionSection</name>
    <message>
        <source>Competition</source>
        <translation>Wettbewerb</translation>
    </message>
    <message>
        <source>Add competition</source>
        <translation>Wettbewerb hinzufügen</translation>
    </message>
    <message>
        <source>e.g. Contoso, or the in-house IT team</source>
        <translation>z. B. Fabrikam oder die hauseigene IT-Abteilung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Where they are strong, what they offer</source>
        <translation>Wo sie stark sind, was sie anbieten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected competitor (Delete)</source>
        <translation>Den ausgewählten Wettbewerber entfernen (Entf)</translation>
    </message>
</context>
<context>
    <name>ConceptKind</name>
    <message>
        <source>Accomplish</source>
        <translation>Erreichen</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>Vermeiden</translation>
    </message>
</context>
<context>
    <name>CrmExport</name>
    <message>
        <source>Stage “{stage}” has no {crm} stage value: choose one in Stage settings, then export again.</source>
        <translation>Die Phase „{stage}“ hat keinen {crm}-Phasenwert: Wählen Sie einen in den Phaseneinstellungen und exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>{count} close reason was left out: name your {crm} field once</source>
        <translation>{count} Abschlussgrund wurde weggelassen: Nennen Sie Ihr {crm}-Feld einmal</translation>
    </message>
    <message>
        <source>{count} close reasons were left out: name your {crm} field once</source>
        <translation>{count} Abschlussgründe wurden weggelassen: Nennen Sie Ihr {crm}-Feld einmal</translation>
    </message>
    <message>
        <source>with --reason-field (e.g. {example}).</source>
        <translation>mit --reason-field (z. B. {example}).</translation>
    </message>
</context>
<context>
    <name>CrmExportDialog</name>
    <message>
        <source>Export for CRM</source>
        <translation>Für CRM exportieren</translation>
    </message>
    <message>
        <source>In Data Loader choose Update and the Opportunity object, choose this file, use “Auto-Match Fields to Columns”, leave “Insert null values” off in Settings, and run. Load the contact roles file with Insert into the Opportunity Contact Role object.</source>
        <translation>Wählen Sie im Data Loader „Update“ und das Objekt „Opportunity“, dann diese Datei, nutzen Sie „Auto-Match Fields to Columns“, lassen Sie „Insert null values“ in den Settings ausgeschaltet und starten Sie. Die Datei mit den Kontaktrollen laden Sie mit „Insert“ in das Objekt „Opportunity Contact Role“.</translation>
    </message>
    <message>
        <source>In HubSpot choose Import, File from computer, One file, One object, Deals; choose this file, let “Record ID” match existing deals (Update existing deals only), keep “Don&apos;t overwrite existing values with blank values” on, and finish the import.</source>
        <translation>Wählen Sie in HubSpot „Importieren“, „Datei vom Computer“, „Eine Datei“, „Ein Objekt“, „Deals“; wählen Sie diese Datei, lassen Sie „Record ID“ die vorhandenen Deals zuordnen (nur vorhandene Deals aktualisieren), lassen Sie „Vorhandene Werte nicht mit leeren Werten überschreiben“ eingeschaltet und schließen Sie den Import ab.</translation>
    </message>
    <message>
        <source>In Pipedrive choose … (More), Import data, From a spreadsheet; choose this file, map “Deal - ID” to the deal ID, merge duplicates by ID, and import.</source>
        <translation>Wählen Sie in Pipedrive „… (Mehr)“, „Daten importieren“, „Aus einer Tabelle“; wählen Sie diese Datei, ordnen Sie „Deal - ID“ der Deal-ID zu, führen Sie Duplikate nach ID zusammen und importieren Sie.</translation>
    </message>
    <message>
        <source>In Zoho CRM choose Deals, Import, Import Deals, From file; choose this file, choose Update existing Deals only, matched by Record Id, leave skip empty values on, and import.</source>
        <translation>Wählen Sie in Zoho CRM „Deals“, „Importieren“, „Deals importieren“, „Aus Datei“; wählen Sie diese Datei und „Nur vorhandene Deals aktualisieren“, zugeordnet über „Record Id“, lassen Sie das Überspringen leerer Werte eingeschaltet und importieren Sie.</translation>
    </message>
    <message>
        <source>Load it with {tool}.</source>
        <translation>Laden Sie sie mit {tool}.</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>&amp;CRM:</source>
        <translation>&amp;CRM:</translation>
    </message>
    <message>
        <source>Stage values this CRM needs</source>
        <translation>Phasenwerte, die dieses CRM braucht</translation>
    </message>
    <message>
        <source>What will be written</source>
        <translation>Was geschrieben wird</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>{crm} field for &amp;reasons:</source>
        <translation>{crm}-Feld für &amp;Gründe:</translation>
    </message>
    <message>
        <source>e.g. {example} (empty: reasons are left out)</source>
        <translation>z. B. {example} (leer: Gründe werden weggelassen)</translation>
    </message>
    <message>
        <source>{crm} field for lost and walk-away reasons</source>
        <translation>{crm}-Feld für Gründe bei Verlust und Rückzug</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>{crm} stage value for “{stage}”</source>
        <translation>{crm}-Phasenwert für „{stage}“</translation>
    </message>
    <message>
        <source>No deal of this plan was imported from {crm}: there is nothing to write.</source>
        <translation>Kein Deal dieses Plans wurde aus {crm} importiert: Es gibt nichts zu schreiben.</translation>
    </message>
    <message>
        <source>No deal changed since the last import from {crm}: there is nothing to write.</source>
        <translation>Seit dem letzten Import aus {crm} hat sich kein Deal geändert: Es gibt nichts zu schreiben.</translation>
    </message>
    <message>
        <source>{count} changed deal will be written.</source>
        <translation>{count} geänderter Deal wird geschrieben.</translation>
    </message>
    <message>
        <source>{count} changed deals will be written.</source>
        <translation>{count} geänderte Deals werden geschrieben.</translation>
    </message>
    <message>
        <source>Save the {crm} update file</source>
        <translation>{crm}-Aktualisierungsdatei speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>{path} kann nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>{count} close reason is left out: name your {crm} field for reasons in Export for CRM.</source>
        <translation>{count} Abschlussgrund wird weggelassen: Nennen Sie Ihr {crm}-Feld für Gründe unter „Für CRM exportieren“.</translation>
    </message>
    <message>
        <source>{count} close reasons are left out: name your {crm} field for reasons in Export for CRM.</source>
        <translation>{count} Abschlussgründe werden weggelassen: Nennen Sie Ihr {crm}-Feld für Gründe unter „Für CRM exportieren“.</translation>
    </message>
    <message>
        <source>Wrote {count} changed deal to {path}.</source>
        <translation>{count} geänderter Deal wurde nach {path} geschrieben.</translation>
    </message>
    <message>
        <source>Wrote {count} changed deals to {path}.</source>
        <translation>{count} geänderte Deals wurden nach {path} geschrieben.</translation>
    </message>
    <message>
        <source>Wrote {count} contact role to {path}.</source>
        <translation>{count} Kontaktrolle wurde nach {path} geschrieben.</translation>
    </message>
    <message>
        <source>Wrote {count} contact roles to {path}.</source>
        <translation>{count} Kontaktrollen wurden nach {path} geschrieben.</translation>
    </message>
    <message>
        <source>How to load this file into {crm}: {steps}</source>
        <translation>So laden Sie diese Datei in {crm}: {steps}</translation>
    </message>
</context>
<context>
    <name>CurrenciesCommand</name>
    <message>
        <source>Change currencies and rates</source>
        <translation>Währungen und Kurse ändern</translation>
    </message>
</context>
<context>
    <name>CurrencyDialog</name>
    <message>
        <source>Currencies and rates</source>
        <translation>Währungen und Kurse</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Worth in base currency</source>
        <translation>Wert in Basiswährung</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Wechselkurse</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>Kurs &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove rate</source>
        <translation>Kurs &amp;entfernen</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>Prüfhinweis</translation>
    </message>
    <message>
        <source>Column totals add deals in other currencies at these rates. A currency without a rate is shown beside the total, never added to it.</source>
        <translation>Die Spaltensummen rechnen Verkaufschancen in anderen Währungen zu diesen Kursen um. Eine Währung ohne Kurs steht neben der Summe und wird nie hinzugerechnet.</translation>
    </message>
    <message>
        <source>&amp;Base currency</source>
        <translation>&amp;Basiswährung</translation>
    </message>
    <message>
        <source>The rate for {code}: {reason}</source>
        <translation>Der Kurs für {code}: {reason}</translation>
    </message>
    <message>
        <source>The rate for {code} must be a number, like {example}.</source>
        <translation>Der Kurs für {code} muss eine Zahl sein, etwa {example}.</translation>
    </message>
    <message>
        <source>The rate for {code} must be a positive number.</source>
        <translation>Der Kurs für {code} muss eine positive Zahl sein.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>e.g. {date}</source>
        <translation>z. B. {date}</translation>
    </message>
    <message>
        <source>Type a date like {example} or {spoken}, or pick one in the calendar (F4).</source>
        <translation>Datum wie {example} oder {spoken} eingeben oder im Kalender wählen (F4).</translation>
    </message>
    <message>
        <source>Pick the date in a calendar (F4)</source>
        <translation>Datum im Kalender wählen (F4)</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>Bitte ein Datum eingeben.</translation>
    </message>
    <message>
        <source>The date cannot be before {date}.</source>
        <translation>Das Datum darf nicht vor dem {date} liegen.</translation>
    </message>
    <message>
        <source>The date cannot be after {date}.</source>
        <translation>Das Datum darf nicht nach dem {date} liegen.</translation>
    </message>
</context>
<context>
    <name>DebriefDialog</name>
    <message>
        <source>Mode of {name}</source>
        <translation>Reaktionsmodus von {name}</translation>
    </message>
    <message>
        <source>Rating of {name}</source>
        <translation>Bewertung von {name}</translation>
    </message>
    <message>
        <source>What they want to accomplish, fix or avoid, in their words</source>
        <translation>Was die Person erreichen, beheben oder vermeiden will, in ihren Worten</translation>
    </message>
    <message>
        <source>Concept of {name}</source>
        <translation>Konzept von {name}</translation>
    </message>
    <message>
        <source>Mode, rating</source>
        <translation>Modus, Bewertung</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Konzept</translation>
    </message>
    <message>
        <source>Debrief: {title}</source>
        <translation>Nachbereitung: {title}</translation>
    </message>
    <message>
        <source>{title}, {when}</source>
        <translation>{title}, {when}</translation>
    </message>
    <message>
        <source>Best Action Commitment: {text}</source>
        <translation>Bestmögliche Zusage: {text}</translation>
    </message>
    <message>
        <source>Minimum Acceptable Action: {text}</source>
        <translation>Mindestzusage: {text}</translation>
    </message>
    <message>
        <source>The call plan asked for no commitment.</source>
        <translation>Der Gesprächsplan bat um keine Zusage.</translation>
    </message>
    <message>
        <source>Debriefed on</source>
        <translation>Nachbereitet am</translation>
    </message>
    <message>
        <source>The customer committed to</source>
        <translation>Zusage des Kunden</translation>
    </message>
    <message>
        <source>Choose, or type it in the customer&apos;s words</source>
        <translation>Wählen oder in den Worten des Kunden eingeben</translation>
    </message>
    <message>
        <source>The Best Action Commitment you asked for</source>
        <translation>Die bestmögliche Zusage, um die Sie gebeten haben</translation>
    </message>
    <message>
        <source>The Minimum Acceptable Action you asked for</source>
        <translation>Die Mindestzusage, um die Sie gebeten haben</translation>
    </message>
    <message>
        <source>On the checklist of {stage}</source>
        <translation>Auf der Checkliste von {stage}</translation>
    </message>
    <message>
        <source>Choose the commitment you asked for, one of the {stage} checklist (it can then move the deal), or type what the customer agreed to do. Leave it empty if they committed to nothing.</source>
        <translation>Wählen Sie die erbetene Zusage oder einen Punkt der Checkliste von {stage} (dann kann die Verkaufschance weiterrücken), oder geben Sie ein, was der Kunde zugesagt hat. Leer lassen, wenn er nichts zugesagt hat.</translation>
    </message>
    <message>
        <source>Choose the commitment you asked for, or type what the customer agreed to do. Leave it empty if they committed to nothing.</source>
        <translation>Wählen Sie die erbetene Zusage, oder geben Sie ein, was der Kunde zugesagt hat. Leer lassen, wenn er nichts zugesagt hat.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>What happened, what you learnt</source>
        <translation>Was geschah, was Sie erfahren haben</translation>
    </message>
    <message>
        <source>&amp;Debriefed on</source>
        <translation>&amp;Nachbereitet am</translation>
    </message>
    <message>
        <source>The customer &amp;committed to</source>
        <translation>&amp;Zusage des Kunden</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The call plan names no attendees.</source>
        <translation>Der Gesprächsplan nennt keine Teilnehmer.</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Folgemaßnahmen</translation>
    </message>
    <message>
        <source>e.g. Send the pilot proposal</source>
        <translation>z. B. Pilotangebot senden</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Folgemaßnahme hinzufügen</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>Folgemaßnahmen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Was</translation>
    </message>
    <message>
        <source>W&amp;ho</source>
        <translation>W&amp;er</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Fällig</translation>
    </message>
    <message>
        <source>Each follow-up becomes a planned action of the deal.</source>
        <translation>Jede Folgemaßnahme wird eine geplante Maßnahme der Verkaufschance.</translation>
    </message>
    <message>
        <source>Save debrief</source>
        <translation>Nachbereitung speichern</translation>
    </message>
</context>
<context>
    <name>Degree</name>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Gering</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Forecast category</source>
        <translation>Prognosekategorie</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>In stage since</source>
        <translation>In der Phase seit</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Deal details</source>
        <translation>Details der Verkaufschance</translation>
    </message>
    <message>
        <source>{date}: {what}</source>
        <translation>{date}: {what}</translation>
    </message>
    <message>
        <source>Verdict: {verdict}</source>
        <translation>Urteil: {verdict}</translation>
    </message>
    <message>
        <source> ({reason})</source>
        <translation> ({reason})</translation>
    </message>
    <message>
        <source>{kind}: {text}</source>
        <translation>{kind}: {text}</translation>
    </message>
    <message>
        <source> (answered {date})</source>
        <translation> (beantwortet {date})</translation>
    </message>
    <message>
        <source>: {answer}</source>
        <translation>: {answer}</translation>
    </message>
    <message>
        <source> (due {date}, open)</source>
        <translation> (fällig {date}, offen)</translation>
    </message>
    <message>
        <source> (open)</source>
        <translation> (offen)</translation>
    </message>
    <message>
        <source> ({stage})</source>
        <translation> ({stage})</translation>
    </message>
    <message>
        <source>, {who}</source>
        <translation>, {who}</translation>
    </message>
    <message>
        <source>: {evidence}</source>
        <translation>: {evidence}</translation>
    </message>
    <message>
        <source>The selected deal&apos;s fields, its customer commitments, its stage history and its close-date changes</source>
        <translation>Die Felder der ausgewählten Verkaufschance, ihre Kundenzusagen, ihr Phasenverlauf und die Änderungen ihres Abschlussdatums</translation>
    </message>
    <message>
        <source>Select a deal on the board to see its details.</source>
        <translation>Wählen Sie eine Verkaufschance in der Phasenansicht, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>Customer commitments</source>
        <translation>Kundenzusagen</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Phasenverlauf</translation>
    </message>
    <message>
        <source>Close-date changes</source>
        <translation>Änderungen des Abschlussdatums</translation>
    </message>
    <message>
        <source>Manager&apos;s coaching notes</source>
        <translation>Coaching-Notizen der Führungskraft</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronik</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>{stage} ({level})</source>
        <translation>{stage} ({level})</translation>
    </message>
    <message>
        <source>{percent} % (set by you)</source>
        <translation>{percent} % (von Ihnen festgelegt)</translation>
    </message>
    <message>
        <source>{percent} % (stage default)</source>
        <translation>{percent} % (Vorgabe der Phase)</translation>
    </message>
    <message>
        <source>From the stage</source>
        <translation>Aus der Phase</translation>
    </message>
    <message>
        <source>{date} ({days})</source>
        <translation>{date} ({days})</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Until {date}: {reason}</source>
        <translation>Bis {date}: {reason}</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>{date}: {reason}</source>
        <translation>{date}: {reason}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>None recorded yet.</source>
        <translation>Noch keine erfasst.</translation>
    </message>
    <message>
        <source>{date}: {source} → {target}</source>
        <translation>{date}: {source} → {target}</translation>
    </message>
    <message>
        <source>; customer: {commitment}</source>
        <translation>; Kundenzusage: {commitment}</translation>
    </message>
    <message>
        <source>No moves yet.</source>
        <translation>Noch keine Phasenwechsel.</translation>
    </message>
    <message>
        <source>{date}: {old} → {new} (slip)</source>
        <translation>{date}: {old} → {new} (verschoben)</translation>
    </message>
    <message>
        <source>{date}: {old} → {new}</source>
        <translation>{date}: {old} → {new}</translation>
    </message>
    <message>
        <source>The close date never changed.</source>
        <translation>Das Abschlussdatum wurde nie geändert.</translation>
    </message>
    <message>
        <source>{date}: {note}</source>
        <translation>{date}: {note}</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Noch keine.</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>In the Commit</source>
        <translation>In der Zusage</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PDF (print, or read anywhere)</source>
        <translation>PDF (zum Drucken oder Lesen überall)</translation>
    </message>
    <message>
        <source>HTML (one file; phones and browsers)</source>
        <translation>HTML (eine Datei; Smartphones und Browser)</translation>
    </message>
    <message>
        <source>Markdown (a wiki page)</source>
        <translation>Markdown (eine Wiki-Seite)</translation>
    </message>
    <message>
        <source>CSV (deals, and influences beside it)</source>
        <translation>CSV (Verkaufschancen, Einflusspersonen in einer Datei daneben)</translation>
    </message>
    <message>
        <source>Excel workbook (deals and influences sheets)</source>
        <translation>Excel-Arbeitsmappe (Blätter für Verkaufschancen und Einflusspersonen)</translation>
    </message>
    <message>
        <source>Plan bundle (JSON: the manager opens it for review)</source>
        <translation>Plan-Paket (JSON: der Manager öffnet es zur Durchsicht)</translation>
    </message>
    <message>
        <source>Export review pack</source>
        <translation>Review-Paket exportieren</translation>
    </message>
    <message>
        <source>Deals in the pack</source>
        <translation>Verkaufschancen im Paket</translation>
    </message>
    <message>
        <source>&amp;All open deals</source>
        <translation>&amp;Alle offenen Verkaufschancen</translation>
    </message>
    <message>
        <source>One &amp;account and its subsidiaries:</source>
        <translation>Ein &amp;Kunde und seine Tochtergesellschaften:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>The &amp;selected deal ({n})</source>
        <translation>Die aus&amp;gewählte Verkaufschance ({n})</translation>
    </message>
    <message>
        <source>The &amp;selected deals ({n})</source>
        <translation>Die aus&amp;gewählten Verkaufschancen ({n})</translation>
    </message>
    <message>
        <source>The &amp;selected deals (none)</source>
        <translation>Die aus&amp;gewählten Verkaufschancen (keine)</translation>
    </message>
    <message>
        <source>Deals closing in the &amp;quarter:</source>
        <translation>Abschluss im &amp;Quartal:</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Pipe&amp;line:</source>
        <translation>P&amp;ipeline:</translation>
    </message>
    <message>
        <source>Formats (one file each)</source>
        <translation>Formate (je eine Datei)</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Papierformat</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Include my &amp;private notes</source>
        <translation>Meine &amp;privaten Notizen einschließen</translation>
    </message>
    <message>
        <source>Off by default. The pack says on its cover whether it includes them.</source>
        <translation>Standardmäßig aus. Das Deckblatt des Pakets sagt, ob sie enthalten sind.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>{plan} review {date}</source>
        <translation>{plan} Review {date}</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for the folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <source>Changes since</source>
        <translation>Änderungen seit</translation>
    </message>
    <message>
        <source>The manager&apos;s page lists what changed in the plan on this day or later: deals added, advanced, moved back, pushed, amount and category changes, won, lost, walked away, red flags raised and resolved. It starts as the day the last pack was exported.</source>
        <translation>Die Managerseite listet, was sich im Plan an diesem Tag oder später geändert hat: neue Deals, vorgerückte, zurückgestufte, verschobene, geänderte Beträge und Kategorien, gewonnene, verlorene, aufgegebene Deals, aufgetretene und behobene Warnsignale. Vorbelegt ist der Tag, an dem das letzte Paket exportiert wurde.</translation>
    </message>
    <message>
        <source>Changes &amp;since</source>
        <translation>Änderungen &amp;seit</translation>
    </message>
    <message>
        <source>Pape&amp;r (PDF)</source>
        <translation>Papie&amp;r (PDF)</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>File &amp;name</source>
        <translation>Dateina&amp;me</translation>
    </message>
    <message>
        <source>Preview of the pack&apos;s pages</source>
        <translation>Vorschau der Seiten des Pakets</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Fortschritt des Exports</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>review pack</source>
        <translation>Review-Paket</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>{scope}: {n} deal, {amount} (weighted {weighted})</source>
        <translation>{scope}: {n} Verkaufschance, {amount} (gewichtet {weighted})</translation>
    </message>
    <message>
        <source>{scope}: {n} deals, {amount} (weighted {weighted})</source>
        <translation>{scope}: {n} Verkaufschancen, {amount} (gewichtet {weighted})</translation>
    </message>
    <message>
        <source>{n} red flag.</source>
        <translation>{n} Warnsignal.</translation>
    </message>
    <message>
        <source>{n} red flags.</source>
        <translation>{n} Warnsignale.</translation>
    </message>
    <message>
        <source>The pack will say there are no deals in this scope.</source>
        <translation>Das Paket wird angeben, dass es in dieser Auswahl keine Verkaufschancen gibt.</translation>
    </message>
    <message>
        <source>{deals}, {flags}</source>
        <translation>{deals}, {flags}</translation>
    </message>
    <message>
        <source>Page {page} of {count} (the first deals only)</source>
        <translation>Seite {page} von {count} (nur die ersten Verkaufschancen)</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Seite {page} von {count}</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>This file exists already:
{names}

Replace it?</source>
        <translation>Diese Datei gibt es schon:
{names}

Ersetzen?</translation>
    </message>
    <message>
        <source>These files exist already:
{names}

Replace them?</source>
        <translation>Diese Dateien gibt es schon:
{names}

Ersetzen?</translation>
    </message>
    <message>
        <source>Writing {file}… %p%</source>
        <translation>Schreibe {file}… %p%</translation>
    </message>
    <message>
        <source>Written before the error:
{files}</source>
        <translation>Vor dem Fehler geschrieben:
{files}</translation>
    </message>
    <message>
        <source>The pack was not exported</source>
        <translation>Das Paket wurde nicht exportiert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cannot write {file}: it is a folder. Nothing was written.</source>
        <translation>{file} kann nicht geschrieben werden: Es ist ein Ordner. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write {file}: the folder {folder} does not exist. Nothing was written.</source>
        <translation>{file} kann nicht geschrieben werden: Den Ordner {folder} gibt es nicht. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>{scope}, {pipeline} pipeline</source>
        <translation>{scope}, Pipeline {pipeline}</translation>
    </message>
    <message>
        <source>{n} selected deal</source>
        <translation>{n} ausgewählte Verkaufschance</translation>
    </message>
    <message>
        <source>{n} selected deals</source>
        <translation>{n} ausgewählte Verkaufschancen</translation>
    </message>
    <message>
        <source>Open deals of {account} and its subsidiaries</source>
        <translation>Offene Verkaufschancen von {account} und seinen Tochtergesellschaften</translation>
    </message>
    <message>
        <source>Open deals of {account}</source>
        <translation>Offene Verkaufschancen von {account}</translation>
    </message>
    <message>
        <source>Open deals closing in {quarter}</source>
        <translation>Offene Verkaufschancen mit Abschluss in {quarter}</translation>
    </message>
    <message>
        <source>All open deals</source>
        <translation>Alle offenen Verkaufschancen</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>it is a folder, not a file</source>
        <translation>es ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>it is a named pipe (FIFO), not a regular file</source>
        <translation>es ist eine benannte Pipe (FIFO), keine normale Datei</translation>
    </message>
    <message>
        <source>it is a device, not a regular file</source>
        <translation>es ist ein Gerät, keine normale Datei</translation>
    </message>
    <message>
        <source>it is a socket, not a regular file</source>
        <translation>es ist ein Socket, keine normale Datei</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine normale Datei</translation>
    </message>
    <message>
        <source>Cannot write {path}: {problem}. Nothing was written.</source>
        <translation>{path} kann nicht geschrieben werden: {problem}. Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>FlagListModel</name>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Red flag</source>
        <translation>Warnsignal</translation>
    </message>
    <message>
        <source>{kind}: {reason}</source>
        <translation>{kind}: {reason}</translation>
    </message>
    <message>
        <source>{kind} (your own)</source>
        <translation>{kind} (eigenes)</translation>
    </message>
    <message>
        <source>{kind} ({rule})</source>
        <translation>{kind} ({rule})</translation>
    </message>
</context>
<context>
    <name>FlagSection</name>
    <message>
        <source>Red flags and strengths</source>
        <translation>Warnsignale und Stärken</translation>
    </message>
    <message>
        <source>Click one, or press Enter on it, to go to the person or field it is about.</source>
        <translation>Klicken Sie auf einen Eintrag oder drücken Sie darauf die Eingabetaste, um zum betroffenen Ansprechpartner oder Feld zu gehen.</translation>
    </message>
    <message>
        <source>Your own red flags and strengths</source>
        <translation>Eigene Warnsignale und Stärken</translation>
    </message>
    <message>
        <source>e.g. Procurement wants three quotes</source>
        <translation>z. B. der Einkauf will drei Angebote</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Wortlaut</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Add red &amp;flag</source>
        <translation>Als &amp;Warnsignal</translation>
    </message>
    <message>
        <source>Add stren&amp;gth</source>
        <translation>Als &amp;Stärke</translation>
    </message>
    <message>
        <source>Remove yours</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected red flag or strength you wrote</source>
        <translation>Das ausgewählte eigene Warnsignal oder die eigene Stärke entfernen</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>W&amp;ortlaut</translation>
    </message>
    <message>
        <source>A&amp;bout</source>
        <translation>&amp;Betrifft</translation>
    </message>
    <message>
        <source>The deal</source>
        <translation>Die Verkaufschance</translation>
    </message>
    <message>
        <source>Person #{id}</source>
        <translation>Ansprechpartner Nr. {id}</translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <source>Jan</source>
        <translation>Jan.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>März</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Okt.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dez.</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>A quarter is 1 to 4, not {number}.</source>
        <translation>Ein Quartal ist 1 bis 4, nicht {number}.</translation>
    </message>
    <message>
        <source>A fiscal year starts in month 1 to 12, not {start_month}.</source>
        <translation>Ein Geschäftsjahr beginnt in Monat 1 bis 12, nicht {start_month}.</translation>
    </message>
    <message>
        <source>The year {year} is out of range.</source>
        <translation>Das Jahr {year} liegt außerhalb des gültigen Bereichs.</translation>
    </message>
    <message>
        <source>{first}–{last} {year}</source>
        <translation>{first}–{last} {year}</translation>
    </message>
    <message>
        <source>“{text}” is not a quarter: write the year and the quarter, like 2026Q4.</source>
        <translation>„{text}“ ist kein Quartal: Schreiben Sie Jahr und Quartal, etwa 2026Q4.</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Omitted</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>best case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>weighted</source>
        <translation>gewichtet</translation>
    </message>
    <message>
        <source>omitted</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
    <message>
        <source>{percent} ({won} of {closed} closed deals that started Above the Funnel were won)</source>
        <translation>{percent} ({won} von {closed} abgeschlossenen Chancen, die oberhalb des Trichters begannen, wurden gewonnen)</translation>
    </message>
    <message>
        <source>{percent} (the Above the Funnel stage&apos;s probability: only {closed} closed deal started Above the Funnel, {needed} are needed to use the plan&apos;s own history)</source>
        <translation>{percent} (die Wahrscheinlichkeit der Phase oberhalb des Trichters: Erst {closed} abgeschlossene Chance begann oberhalb des Trichters; {needed} sind nötig, um den eigenen Verlauf des Plans zu nutzen)</translation>
    </message>
    <message>
        <source>{percent} (the Above the Funnel stage&apos;s probability: only {closed} closed deals started Above the Funnel, {needed} are needed to use the plan&apos;s own history)</source>
        <translation>{percent} (die Wahrscheinlichkeit der Phase oberhalb des Trichters: Erst {closed} abgeschlossene Chancen begannen oberhalb des Trichters; {needed} sind nötig, um den eigenen Verlauf des Plans zu nutzen)</translation>
    </message>
    <message>
        <source>the target of {quarter}, as none is set for {following}</source>
        <translation>dem Ziel von {quarter}, da für {following} keines festgelegt ist</translation>
    </message>
    <message>
        <source>next quarter&apos;s target ({following})</source>
        <translation>dem Ziel des nächsten Quartals ({following})</translation>
    </message>
    <message>
        <source>Above the Funnel holds {amount} in {deals}. At a conversion of {conversion}, that feeds about {feeds}, short of {need}, {source}.</source>
        <translation>Oberhalb des Trichters liegen {amount} in {deals}. Bei einer Umwandlung von {conversion} ergibt das etwa {feeds}, weniger als {need} nach {source}.</translation>
    </message>
    <message>
        <source> Above the Funnel would need about {amount}: find more prospects.</source>
        <translation> Oberhalb des Trichters wären etwa {amount} nötig: Finden Sie mehr Interessenten.</translation>
    </message>
    <message>
        <source>Dry top</source>
        <translation>Trockene Spitze</translation>
    </message>
    <message>
        <source>{stuck} of the {in_funnel} deals In the Funnel ({share}) have sat in their stage for longer than its stale limit, against {best_few} in the Best Few: move them on with a customer commitment, or walk away.</source>
        <translation>{stuck} der {in_funnel} Chancen im Trichter ({share}) stehen länger in ihrer Phase als deren Ruhegrenze erlaubt, gegenüber {best_few} in den Best Few: Bringen Sie sie mit einer Kundenzusage weiter, oder geben Sie sie auf.</translation>
    </message>
    <message>
        <source>Jammed middle</source>
        <translation>Verstopfte Mitte</translation>
    </message>
    <message>
        <source>Won so far, {won}, plus {deals} in the Best Few closing this quarter, {value}, make {total}: {shortfall} short of the {target} target.</source>
        <translation>Bisher gewonnen, {won}, plus {deals} in den Best Few mit Abschluss in diesem Quartal, {value}, ergeben {total}: {shortfall} weniger als das Ziel von {target}.</translation>
    </message>
    <message>
        <source>Best Few too small for the target</source>
        <translation>Best Few zu klein für das Ziel</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day}. {month} {year}</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>closed {date}</source>
        <translation>abgeschlossen am {date}</translation>
    </message>
    <message>
        <source>a deleted stage</source>
        <translation>einer gelöschten Phase</translation>
    </message>
    <message>
        <source>deleted from the plan</source>
        <translation>aus dem Plan gelöscht</translation>
    </message>
    <message>
        <source>{n} deal</source>
        <translation>{n} Chance</translation>
    </message>
    <message>
        <source>{n} deals</source>
        <translation>{n} Chancen</translation>
    </message>
    <message>
        <source>No target set for {quarter}.</source>
        <translation>Für {quarter} ist kein Ziel festgelegt.</translation>
    </message>
    <message>
        <source>gap to target after won and commit {amount} {currency}</source>
        <translation>Lücke zum Ziel nach Gewonnen und Zusage {amount} {currency}</translation>
    </message>
    <message>
        <source>won and commit are {amount} {currency} above the target</source>
        <translation>Gewonnen und Zusage liegen {amount} {currency} über dem Ziel</translation>
    </message>
    <message>
        <source>target reached</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>coverage {ratio}x</source>
        <translation>Abdeckung {ratio}x</translation>
    </message>
    <message>
        <source>Target {target} {currency} · still to win {remaining} {currency} · {gap} · {coverage} (open pipeline {pipeline} {currency})</source>
        <translation>Ziel {target} {currency} · noch zu gewinnen {remaining} {currency} · {gap} · {coverage} (offene Pipeline {pipeline} {currency})</translation>
    </message>
    <message>
        <source>{amount} {currency} in {column}</source>
        <translation>{amount} {currency} in {column}</translation>
    </message>
    <message>
        <source>Not converted (no exchange rate), so not in the figures: {parts}</source>
        <translation>Nicht umgerechnet (kein Wechselkurs), daher nicht in den Zahlen: {parts}</translation>
    </message>
    <message>
        <source>Omitted from the forecast: {deals}, {amount} {currency}</source>
        <translation>Aus der Prognose ausgelassen: {deals}, {amount} {currency}</translation>
    </message>
    <message>
        <source>{deals} open without a close date, so in no quarter.</source>
        <translation>{deals} offen ohne Abschlussdatum, daher in keinem Quartal.</translation>
    </message>
    <message>
        <source>{deals} open with a close date before {quarter}: see the clean-up list.</source>
        <translation>{deals} offen mit Abschlussdatum vor {quarter}: siehe die Bereinigungsliste.</translation>
    </message>
    <message>
        <source>Since last week: no snapshot that old yet (the planner takes one in each week it is used).</source>
        <translation>Seit letzter Woche: noch keine so alte Momentaufnahme (der Planer legt in jeder Woche, in der er benutzt wird, eine an).</translation>
    </message>
    <message>
        <source>Since last month: no snapshot that old yet (the planner takes one in each week it is used).</source>
        <translation>Seit letztem Monat: noch keine so alte Momentaufnahme (der Planer legt in jeder Woche, in der er benutzt wird, eine an).</translation>
    </message>
    <message>
        <source>Since last week ({date})</source>
        <translation>Seit Vorwoche ({date})</translation>
    </message>
    <message>
        <source>Since last month ({date})</source>
        <translation>Seit Vormonat ({date})</translation>
    </message>
    <message>
        <source>Since {when}: no snapshot that old yet (the planner takes one in each week it is used).</source>
        <translation>Seit {when}: noch keine so alte Momentaufnahme (der Planer legt in jeder Woche, in der er benutzt wird, eine an).</translation>
    </message>
    <message>
        <source>Since {when} ({date})</source>
        <translation>Seit {when} ({date})</translation>
    </message>
</context>
<context>
    <name>ForecastCallDialog</name>
    <message>
        <source>Record forecast call</source>
        <translation>Prognose abgeben</translation>
    </message>
    <message>
        <source>What do you expect to have won by the end of each quarter? Commit: what you are sure of. Best Case: what could come in if things go well. Both include what is won already; the figures proposed come from the deals&apos; forecast categories.</source>
        <translation>Was erwarten Sie bis zum Ende jedes Quartals gewonnen zu haben? Zusage: was sicher ist. Best Case: was hinzukommen kann, wenn es gut läuft. Beide enthalten das bereits Gewonnene; die vorgeschlagenen Zahlen kommen aus den Prognosekategorien der Deals.</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Won so far</source>
        <translation>Bisher gewonnen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Best Case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <source>Commit for {quarter}</source>
        <translation>Zusage für {quarter}</translation>
    </message>
    <message>
        <source>Proposed: won + the deals in Commit = {amount}</source>
        <translation>Vorschlag: gewonnen + die Deals in Zusage = {amount}</translation>
    </message>
    <message>
        <source>Best Case for {quarter}</source>
        <translation>Best Case für {quarter}</translation>
    </message>
    <message>
        <source>Proposed: won + the deals in Commit and Best Case = {amount}</source>
        <translation>Vorschlag: gewonnen + die Deals in Zusage und Best Case = {amount}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>e.g. the Acme renewal moved to Commit after the budget meeting</source>
        <translation>z. B. die Acme-Verlängerung ist nach dem Budgettermin in der Zusage</translation>
    </message>
    <message>
        <source>C&amp;omment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <source>A second call on the same day replaces the first. Undo removes the call.</source>
        <translation>Eine zweite Prognose am selben Tag ersetzt die erste. Rückgängig entfernt die Prognose.</translation>
    </message>
    <message>
        <source>&amp;Record call</source>
        <translation>Prognose &amp;abgeben</translation>
    </message>
    <message>
        <source>Enter a Commit and a Best Case for {quarter}.</source>
        <translation>Geben Sie eine Zusage und einen Best Case für {quarter} ein.</translation>
    </message>
    <message>
        <source>The call was not recorded</source>
        <translation>Die Prognose wurde nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>ForecastCalls</name>
    <message>
        <source>A called amount is between 0 and 1,000,000,000,000.</source>
        <translation>Ein prognostizierter Betrag liegt zwischen 0 und 1.000.000.000.000.</translation>
    </message>
    <message>
        <source>Best Case includes Commit, so it cannot be lower: {quarter}&apos;s Best Case is below its Commit.</source>
        <translation>Der Best Case enthält die Zusage und kann nicht niedriger sein: Der Best Case von {quarter} liegt unter seiner Zusage.</translation>
    </message>
    <message>
        <source>The comment is too long (at most {limit} characters).</source>
        <translation>Der Kommentar ist zu lang (höchstens {limit} Zeichen).</translation>
    </message>
    <message>
        <source>Committed and lost</source>
        <translation>Zugesagt und verloren</translation>
    </message>
    <message>
        <source>Slipped out of the quarter</source>
        <translation>Aus dem Quartal gerutscht</translation>
    </message>
    <message>
        <source>Committed, not closed</source>
        <translation>Zugesagt, nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Won from outside the commit</source>
        <translation>Gewonnen außerhalb der Zusage</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>deleted from the plan</source>
        <translation>aus dem Plan gelöscht</translation>
    </message>
    <message>
        <source>{outcome} on {date}</source>
        <translation>{outcome} am {date}</translation>
    </message>
    <message>
        <source>won on {date}</source>
        <translation>gewonnen am {date}</translation>
    </message>
    <message>
        <source>now closes {date}</source>
        <translation>schließt jetzt am {date}</translation>
    </message>
    <message>
        <source>still open, closes {date}</source>
        <translation>noch offen, schließt am {date}</translation>
    </message>
    <message>
        <source>Best Case in the call</source>
        <translation>Best Case in der Prognose</translation>
    </message>
    <message>
        <source>not in Commit or Best Case in the call</source>
        <translation>in der Prognose weder Zusage noch Best Case</translation>
    </message>
    <message>
        <source>Record forecast call</source>
        <translation>Prognose abgeben</translation>
    </message>
    <message>
        <source>The forecast call was not recorded</source>
        <translation>Die Prognose wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Forecast call recorded for {quarters}.</source>
        <translation>Prognose für {quarters} gespeichert.</translation>
    </message>
</context>
<context>
    <name>ForecastCallsView</name>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{quarter}: forecast calls against the won amount</source>
        <translation>{quarter}: Prognosen gegen den gewonnenen Betrag</translation>
    </message>
    <message>
        <source>Commit called</source>
        <translation>Zusage prognostiziert</translation>
    </message>
    <message>
        <source>Best Case called</source>
        <translation>Best Case prognostiziert</translation>
    </message>
    <message>
        <source>Won (final)</source>
        <translation>Gewonnen (endgültig)</translation>
    </message>
    <message>
        <source>Won so far</source>
        <translation>Bisher gewonnen</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>thousand {currency}</source>
        <translation>Tausend {currency}</translation>
    </message>
    <message>
        <source>Call of {date}: Commit {commit}, Best Case {best_case}.</source>
        <translation>Prognose vom {date}: Zusage {commit}, Best Case {best_case}.</translation>
    </message>
    <message>
        <source>No call recorded for this quarter.</source>
        <translation>Für dieses Quartal wurde keine Prognose abgegeben.</translation>
    </message>
    <message>
        <source>Won: {amount}.</source>
        <translation>Gewonnen: {amount}.</translation>
    </message>
    <message>
        <source>Forecast calls chart</source>
        <translation>Diagramm der Prognosen</translation>
    </message>
    <message>
        <source>Accuracy by week</source>
        <translation>Treffsicherheit nach Woche</translation>
    </message>
    <message>
        <source>Deals that made the difference</source>
        <translation>Deals, die den Unterschied machten</translation>
    </message>
    <message>
        <source>No forecast call recorded for {quarter}: use “Record forecast call…” (all pipelines).</source>
        <translation>Für {quarter} wurde keine Prognose abgegeben: „Prognose abgeben…“ verwenden (alle Pipelines).</translation>
    </message>
    <message>
        <source>{quarter} has ended with {won} won. Each week&apos;s last call against it, in {currency} (all pipelines):</source>
        <translation>{quarter} endete mit {won} gewonnen. Die letzte Prognose jeder Woche dagegen, in {currency} (alle Pipelines):</translation>
    </message>
    <message>
        <source>{quarter} has not ended: {won} won so far. The accuracy is final when it ends (in {currency}, all pipelines).</source>
        <translation>{quarter} ist nicht vorbei: bisher {won} gewonnen. Die Treffsicherheit ist endgültig, wenn es endet (in {currency}, alle Pipelines).</translation>
    </message>
    <message>
        <source>Select a week with a call to see which deals made the difference.</source>
        <translation>Wählen Sie eine Woche mit Prognose, um zu sehen, welche Deals den Unterschied machten.</translation>
    </message>
    <message>
        <source>Call of {date}: won - Commit {difference} = the deals below {deals} - your change to the deals&apos; Commit {adjustment} + other {other} (committed deals won for another amount).</source>
        <translation>Prognose vom {date}: gewonnen - Zusage {difference} = die Deals unten {deals} - Ihre Änderung an der Zusage der Deals {adjustment} + Sonstiges {other} (zugesagte Deals zu einem anderen Betrag gewonnen).</translation>
    </message>
</context>
<context>
    <name>ForecastCategory</name>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Best Case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Omitted</source>
        <translation>Ausgelassen</translation>
    </message>
</context>
<context>
    <name>ForecastChange</name>
    <message>
        <source>Added (new or reopened)</source>
        <translation>Neu oder wieder geöffnet</translation>
    </message>
    <message>
        <source>Advanced a stage</source>
        <translation>Eine Phase weiter</translation>
    </message>
    <message>
        <source>Moved back</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <source>Close date slipped</source>
        <translation>Abschlussdatum verschoben</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Walked away</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
</context>
<context>
    <name>ForecastCommands</name>
    <message>
        <source>Forecast “{title}” from its stage</source>
        <translation>Prognose für „{title}“ aus ihrer Phase</translation>
    </message>
    <message>
        <source>Forecast “{title}” as {category}</source>
        <translation>Prognose für „{title}“: {category}</translation>
    </message>
    <message>
        <source>Clear the target of {quarter}</source>
        <translation>Ziel für {quarter} löschen</translation>
    </message>
    <message>
        <source>Set the target of {quarter}</source>
        <translation>Ziel für {quarter} festlegen</translation>
    </message>
    <message>
        <source>Change the fiscal year&apos;s first month</source>
        <translation>Ersten Monat des Geschäftsjahres ändern</translation>
    </message>
</context>
<context>
    <name>ForecastDealsModel</name>
    <message>
        <source>Deal · account</source>
        <translation>Verkaufschance · Kunde</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Prob.</source>
        <translation>Wahrsch.</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>{deal} · {account}</source>
        <translation>{deal} · {account}</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{category} (yours)</source>
        <translation>{category} (von Ihnen)</translation>
    </message>
    <message>
        <source>{category}: the deal was won</source>
        <translation>{category}: die Verkaufschance wurde gewonnen</translation>
    </message>
    <message>
        <source>{category}, set by you. Right-click to change it.</source>
        <translation>{category}, von Ihnen gesetzt. Mit Rechtsklick ändern.</translation>
    </message>
    <message>
        <source>{category}, from the stage ({stage}). Right-click to change it.</source>
        <translation>{category}, aus der Phase ({stage}). Mit Rechtsklick ändern.</translation>
    </message>
</context>
<context>
    <name>ForecastTableModel</name>
    <message>
        <source>Deals</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Quarter {quarter}</source>
        <translation>Quartal {quarter}</translation>
    </message>
    <message>
        <source>{column}: {deals}</source>
        <translation>{column}: {deals}</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Omitted</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>{n} deal</source>
        <translation>{n} Verkaufschance</translation>
    </message>
    <message>
        <source>{n} deals</source>
        <translation>{n} Verkaufschancen</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>{first}–{last} {year}</source>
        <translation>{first}–{last} {year}</translation>
    </message>
    <message>
        <source>{first}–{last}</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <source>{quarter}: cumulative by month end, against the target</source>
        <translation>{quarter}: kumuliert zum Monatsende, gegen das Ziel</translation>
    </message>
    <message>
        <source>Target {amount}</source>
        <translation>Ziel {amount}</translation>
    </message>
    <message>
        <source>The funnel by level (open deals, any close date)</source>
        <translation>Der Trichter nach Ebene (offene Verkaufschancen, beliebiges Abschlussdatum)</translation>
    </message>
    <message>
        <source>Value ({unit})</source>
        <translation>Wert ({unit})</translation>
    </message>
    <message>
        <source>{level} · {deals} · {amount}</source>
        <translation>{level} · {deals} · {amount}</translation>
    </message>
    <message>
        <source>Deals whose close date moved out of {quarter}, by week</source>
        <translation>Verkaufschancen, deren Abschlussdatum aus {quarter} verschoben wurde, nach Woche</translation>
    </message>
    <message>
        <source>Deals moved out</source>
        <translation>Hinausgeschobene Verkaufschancen</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>thousand {currency}</source>
        <translation>Tausend {currency}</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>By the end of {month}: won {won}, commit {commit}, best case {best_case}, pipeline {pipeline}.</source>
        <translation>Bis Ende {month}: gewonnen {won}, Zusage {commit}, Best Case {best_case}, Pipeline {pipeline}.</translation>
    </message>
    <message>
        <source>No target is set for {quarter}.</source>
        <translation>Für {quarter} ist kein Ziel festgelegt.</translation>
    </message>
    <message>
        <source>The target of {quarter} is {amount}.</source>
        <translation>Das Ziel für {quarter} beträgt {amount}.</translation>
    </message>
    <message>
        <source>{level}: {deals} worth {amount}.</source>
        <translation>{level}: {deals} im Wert von {amount}.</translation>
    </message>
    <message>
        <source>{n} deal moved out of {quarter} in these {weeks} weeks.</source>
        <translation>In diesen {weeks} Wochen wurde {n} Verkaufschance aus {quarter} hinausgeschoben.</translation>
    </message>
    <message>
        <source>{n} deals moved out of {quarter} in these {weeks} weeks.</source>
        <translation>In diesen {weeks} Wochen wurden {n} Verkaufschancen aus {quarter} hinausgeschoben.</translation>
    </message>
    <message>
        <source>Week starting {date}: {deals}.</source>
        <translation>Woche ab {date}: {deals}.</translation>
    </message>
    <message>
        <source>{category} · {series}: {value}</source>
        <translation>{category} · {series}: {value}</translation>
    </message>
    <message>
        <source>Forecast &amp;category</source>
        <translation>Prognose&amp;kategorie</translation>
    </message>
    <message>
        <source>From the stage ({category})</source>
        <translation>Aus der Phase ({category})</translation>
    </message>
    <message>
        <source>The forecast category was not saved</source>
        <translation>Die Prognosekategorie wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Fiscal year starts in</source>
        <translation>Geschäftsjahr beginnt im</translation>
    </message>
    <message>
        <source>Quarters count from this month; January gives calendar quarters.</source>
        <translation>Die Quartale zählen ab diesem Monat; Januar ergibt Kalenderquartale.</translation>
    </message>
    <message>
        <source>Target of the quarter</source>
        <translation>Ziel des Quartals</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>The quarter&apos;s target in the base currency; empty: no target. Enter saves.</source>
        <translation>Das Ziel des Quartals in der Basiswährung; leer: kein Ziel. Die Eingabetaste speichert.</translation>
    </message>
    <message>
        <source>Take &amp;snapshot now</source>
        <translation>&amp;Momentaufnahme erstellen</translation>
    </message>
    <message>
        <source>Record today&apos;s funnel now, to compare with later. The planner also takes one in each week the plan is used. Snapshots are records, not edits: undo does not remove them.</source>
        <translation>Hält den heutigen Trichter jetzt fest, zum späteren Vergleich. Der Planer erstellt außerdem in jeder Woche, in der der Plan benutzt wird, eine. Momentaufnahmen sind Aufzeichnungen, keine Änderungen: Rückgängig entfernt sie nicht.</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>&amp;Quartal:</translation>
    </message>
    <message>
        <source>Fiscal &amp;year starts in</source>
        <translation>Geschäfts&amp;jahr ab</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Record forecast &amp;call…</source>
        <translation>&amp;Prognose abgeben…</translation>
    </message>
    <message>
        <source>Your Commit and Best Case for this quarter and the next, proposed from the deals&apos; categories (undoable)</source>
        <translation>Ihre Zusage und Ihr Best Case für dieses und das nächste Quartal, vorgeschlagen aus den Kategorien der Deals (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Gap after won + commit</source>
        <translation>Restlücke zum Ziel</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Forecast notes</source>
        <translation>Hinweise zur Prognose</translation>
    </message>
    <message>
        <source>Forecast by month</source>
        <translation>Prognose nach Monat</translation>
    </message>
    <message>
        <source>Funnel balance</source>
        <translation>Ausgewogenheit des Trichters</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Hover over a number to see the deals</source>
        <translation>Zeigen Sie auf eine Zahl, um die Verkaufschancen zu sehen</translation>
    </message>
    <message>
        <source>What changed (from the weekly snapshots)</source>
        <translation>Was sich geändert hat (aus den wöchentlichen Momentaufnahmen)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Quarter against target</source>
        <translation>Quartal gegen Ziel</translation>
    </message>
    <message>
        <source>Funnel by level</source>
        <translation>Trichter nach Ebene</translation>
    </message>
    <message>
        <source>Slip trend</source>
        <translation>Verschiebungen</translation>
    </message>
    <message>
        <source>Deals in the quarter</source>
        <translation>Verkaufschancen im Quartal</translation>
    </message>
    <message>
        <source>Forecast category</source>
        <translation>Prognosekategorie</translation>
    </message>
    <message>
        <source>Set the selected deal&apos;s forecast category (undoable)</source>
        <translation>Die Prognosekategorie der ausgewählten Verkaufschance setzen (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Forecast sections</source>
        <translation>Bereiche der Prognose</translation>
    </message>
    <message>
        <source>The quarter</source>
        <translation>Das Quartal</translation>
    </message>
    <message>
        <source>Forecast calls and accuracy</source>
        <translation>Prognosen und Treffsicherheit</translation>
    </message>
    <message>
        <source>{n} deal counted in {quarter} (right-click a deal to set its forecast category)</source>
        <translation>{n} Verkaufschance in {quarter} gezählt (Rechtsklick auf eine Verkaufschance setzt ihre Prognosekategorie)</translation>
    </message>
    <message>
        <source>{n} deals counted in {quarter} (right-click a deal to set its forecast category)</source>
        <translation>{n} Verkaufschancen in {quarter} gezählt (Rechtsklick auf eine Verkaufschance setzt ihre Prognosekategorie)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>ahead by {amount}</source>
        <translation>{amount} voraus</translation>
    </message>
    <message>
        <source>target won</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>{ratio} x</source>
        <translation>{ratio} x</translation>
    </message>
    <message>
        <source>Open pipeline (commit + best case + pipeline closing this quarter) ÷ target still to win</source>
        <translation>Offene Pipeline (Zusage + Best Case + Pipeline mit Abschluss in diesem Quartal) ÷ noch zu gewinnendes Ziel</translation>
    </message>
    <message>
        <source>⚠ {title}: {message}</source>
        <translation>⚠ {title}: {message}</translation>
    </message>
    <message>
        <source>No warning: the top, the middle and the Best Few look balanced.</source>
        <translation>Keine Warnung: oben, Mitte und Best Few wirken ausgewogen.</translation>
    </message>
    <message>
        <source>Conversion from Above the Funnel to won: {conversion}</source>
        <translation>Umwandlung von „Oberhalb des Trichters“ zu gewonnen: {conversion}</translation>
    </message>
    <message>
        <source>{quarter} · {span} (now)</source>
        <translation>{quarter} · {span} (aktuell)</translation>
    </message>
    <message>
        <source>{quarter} · {span}</source>
        <translation>{quarter} · {span}</translation>
    </message>
    <message>
        <source>The target was not saved</source>
        <translation>Das Ziel wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>The fiscal year was not changed</source>
        <translation>Das Geschäftsjahr wurde nicht geändert</translation>
    </message>
    <message>
        <source>The snapshot was not taken</source>
        <translation>Die Momentaufnahme wurde nicht erstellt</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>“{text}” could be read two ways: write the decimals after “{point}”, like {example}.</source>
        <translation>„{text}“ ist mehrdeutig: Schreiben Sie die Nachkommastellen nach „{point}“, etwa {example}.</translation>
    </message>
    <message>
        <source>“{text}” is not a rate: write it like {example}.</source>
        <translation>„{text}“ ist kein Kurs: Schreiben Sie ihn etwa als {example}.</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>kein Betrag</translation>
    </message>
    <message>
        <source>{amount} {currency}</source>
        <translation>{amount} {currency}</translation>
    </message>
    <message>
        <source>{number}M</source>
        <translation>{number} Mio.</translation>
    </message>
    <message>
        <source>{number}k</source>
        <translation>{number} Tsd.</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Date must look like {example} or {spoken}.</source>
        <translation>Das Datum muss wie {example} oder {spoken} aussehen.</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>Time must look like {example}.</source>
        <translation>Die Uhrzeit muss wie {example} aussehen.</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} Tag</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} Tage</translation>
    </message>
    <message>
        <source>CRM: {step}</source>
        <translation>CRM: {step}</translation>
    </message>
    <message>
        <source>{step} (overdue since {date})</source>
        <translation>{step} (überfällig seit {date})</translation>
    </message>
    <message>
        <source>{step} (due {date})</source>
        <translation>{step} (fällig am {date})</translation>
    </message>
    <message>
        <source>{title}, {account}</source>
        <translation>{title}, {account}</translation>
    </message>
    <message>
        <source>closed {date}</source>
        <translation>abgeschlossen am {date}</translation>
    </message>
    <message>
        <source>closes {date}</source>
        <translation>Abschluss am {date}</translation>
    </message>
    <message>
        <source>no close date</source>
        <translation>kein Abschlussdatum</translation>
    </message>
    <message>
        <source>{days} in this stage</source>
        <translation>{days} in dieser Phase</translation>
    </message>
    <message>
        <source>next step: {step}</source>
        <translation>nächster Schritt: {step}</translation>
    </message>
    <message>
        <source>no next step</source>
        <translation>kein nächster Schritt</translation>
    </message>
    <message>
        <source>last customer commitment: {what}, {date}</source>
        <translation>letzte Kundenzusage: {what}, {date}</translation>
    </message>
    <message>
        <source>no customer commitment recorded</source>
        <translation>keine Kundenzusage erfasst</translation>
    </message>
    <message>
        <source>{n} red flag</source>
        <translation>{n} Warnsignal</translation>
    </message>
    <message>
        <source>{n} red flags</source>
        <translation>{n} Warnsignale</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{n} deal</source>
        <translation>{n} Chance</translation>
    </message>
    <message>
        <source>{n} deals</source>
        <translation>{n} Chancen</translation>
    </message>
    <message>
        <source>{count} · {amount}</source>
        <translation>{count} · {amount}</translation>
    </message>
    <message>
        <source>weighted {amount}</source>
        <translation>gewichtet {amount}</translation>
    </message>
</context>
<context>
    <name>Funnel</name>
    <message>
        <source>No customer commitment for {days} day</source>
        <translation>Seit {days} Tag keine Kundenzusage</translation>
    </message>
    <message>
        <source>No customer commitment for {days} days</source>
        <translation>Seit {days} Tagen keine Kundenzusage</translation>
    </message>
    <message>
        <source>No customer commitment for {days} day (stage limit {limit})</source>
        <translation>Seit {days} Tag keine Kundenzusage (Grenze der Phase: {limit})</translation>
    </message>
    <message>
        <source>No customer commitment for {days} days (stage limit {limit})</source>
        <translation>Seit {days} Tagen keine Kundenzusage (Grenze der Phase: {limit})</translation>
    </message>
    <message>
        <source>The close date moved later once</source>
        <translation>Das Abschlussdatum hat sich einmal verschoben</translation>
    </message>
    <message>
        <source>The close date moved later {slips} times</source>
        <translation>Das Abschlussdatum hat sich {slips}-mal verschoben</translation>
    </message>
    <message>
        <source>Premature: never recorded: {missing}</source>
        <translation>Verfrüht: nie erfasst: {missing}</translation>
    </message>
    <message>
        <source>The close date passed {days} day ago and the deal is still open</source>
        <translation>Das Abschlussdatum ist seit {days} Tag überschritten und die Chance ist noch offen</translation>
    </message>
    <message>
        <source>The close date passed {days} days ago and the deal is still open</source>
        <translation>Das Abschlussdatum ist seit {days} Tagen überschritten und die Chance ist noch offen</translation>
    </message>
</context>
<context>
    <name>FunnelLevel</name>
    <message>
        <source>Universe</source>
        <translation>Universum</translation>
    </message>
    <message>
        <source>Above the Funnel</source>
        <translation>Oberhalb des Trichters</translation>
    </message>
    <message>
        <source>In the Funnel</source>
        <translation>Im Trichter</translation>
    </message>
    <message>
        <source>Best Few</source>
        <translation>Best Few</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Walked away</source>
        <translation>Aufgegeben</translation>
    </message>
</context>
<context>
    <name>GreenSheet</name>
    <message>
        <source>That call plan no longer exists.</source>
        <translation>Diesen Gesprächsplan gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>{what} must be a list of questions.</source>
        <translation>{what} muss eine Liste von Fragen sein.</translation>
    </message>
    <message>
        <source>{what}: at most {limit} questions.</source>
        <translation>{what}: höchstens {limit} Fragen.</translation>
    </message>
    <message>
        <source>Give the meeting&apos;s date and time.</source>
        <translation>Geben Sie Datum und Uhrzeit des Termins an.</translation>
    </message>
    <message>
        <source>The meeting&apos;s date</source>
        <translation>Das Datum des Termins</translation>
    </message>
    <message>
        <source>An attendee is not a buying influence on this deal.</source>
        <translation>Ein Teilnehmer ist keine Einflussperson dieser Verkaufschance.</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>Der Titel</translation>
    </message>
    <message>
        <source>The valid business reason</source>
        <translation>Der triftige Geschäftsgrund</translation>
    </message>
    <message>
        <source>What we give</source>
        <translation>Was wir geben</translation>
    </message>
    <message>
        <source>Confirmation questions</source>
        <translation>Bestätigungsfragen</translation>
    </message>
    <message>
        <source>New-information questions</source>
        <translation>Fragen nach neuen Informationen</translation>
    </message>
    <message>
        <source>Attitude questions</source>
        <translation>Einstellungsfragen</translation>
    </message>
    <message>
        <source>The Best Action Commitment</source>
        <translation>Die bestmögliche Zusage</translation>
    </message>
    <message>
        <source>The Minimum Acceptable Action</source>
        <translation>Die Mindestzusage</translation>
    </message>
    <message>
        <source>The commit-by date</source>
        <translation>Das Datum der Zusage</translation>
    </message>
    <message>
        <source>The debrief&apos;s date</source>
        <translation>Das Datum der Nachbereitung</translation>
    </message>
    <message>
        <source>Say when the call was debriefed.</source>
        <translation>Geben Sie an, wann das Gespräch nachbereitet wurde.</translation>
    </message>
    <message>
        <source>A debrief cannot be dated in the future.</source>
        <translation>Eine Nachbereitung kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>A call is debriefed on the day it was held or later: change the meeting&apos;s date if it was held earlier.</source>
        <translation>Ein Gespräch wird am Tag des Termins oder später nachbereitet: Ändern Sie das Datum des Termins, wenn er früher stattfand.</translation>
    </message>
    <message>
        <source>What the customer committed to</source>
        <translation>Die Zusage des Kunden</translation>
    </message>
    <message>
        <source>The debrief notes</source>
        <translation>Die Notizen der Nachbereitung</translation>
    </message>
</context>
<context>
    <name>GreenSheetDialog</name>
    <message>
        <source>“{deal}”</source>
        <translation>„{deal}“</translation>
    </message>
    <message>
        <source>closes {date}</source>
        <translation>Abschluss {date}</translation>
    </message>
    <message>
        <source>Person #{id}</source>
        <translation>Person Nr. {id}</translation>
    </message>
    <message>
        <source>{kind}: {concept}</source>
        <translation>{kind}: {concept}</translation>
    </message>
    <message>
        <source>{name} ({role})
Concept: {concept}</source>
        <translation>{name} ({role})
Konzept: {concept}</translation>
    </message>
    <message>
        <source>New call plan</source>
        <translation>Neuer Gesprächsplan</translation>
    </message>
    <message>
        <source>Call plan: {title}</source>
        <translation>Gesprächsplan: {title}</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>e.g. Evaluation kick-off with IT</source>
        <translation>z. B. Auftakt der Bewertung mit der IT</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>The deal has no buying influences yet: add them in the Blue Sheet to choose attendees.</source>
        <translation>Die Verkaufschance hat noch keine Einflusspersonen: Fügen Sie sie im Blue Sheet hinzu, um Teilnehmer zu wählen.</translation>
    </message>
    <message>
        <source>Valid business reason</source>
        <translation>Triftiger Geschäftsgrund</translation>
    </message>
    <message>
        <source>Why the customer should spend this time with you</source>
        <translation>Warum der Kunde diese Zeit mit Ihnen verbringen sollte</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Attendees</source>
        <translation>Teil&amp;nehmer</translation>
    </message>
    <message>
        <source>&amp;Valid business reason</source>
        <translation>Triftiger &amp;Geschäftsgrund</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>What we give</source>
        <translation>Was wir geben</translation>
    </message>
    <message>
        <source>Our unique strengths, and the information the customer needs</source>
        <translation>Unsere Alleinstellungsmerkmale und die Informationen, die der Kunde braucht</translation>
    </message>
    <message>
        <source>Confirmation questions</source>
        <translation>Bestätigungsfragen</translation>
    </message>
    <message>
        <source>What to confirm, e.g. Is March still the go-live?</source>
        <translation>Was zu bestätigen ist, z. B. Bleibt es beim Start im März?</translation>
    </message>
    <message>
        <source>New-information questions</source>
        <translation>Fragen nach neuen Informationen</translation>
    </message>
    <message>
        <source>What you do not know yet, e.g. Who else signs off?</source>
        <translation>Was Sie noch nicht wissen, z. B. Wer muss noch zustimmen?</translation>
    </message>
    <message>
        <source>Attitude questions</source>
        <translation>Einstellungsfragen</translation>
    </message>
    <message>
        <source>How they feel about it, e.g. What worries you about the rollout?</source>
        <translation>Wie die Person dazu steht, z. B. Was bereitet Ihnen bei der Einführung Sorgen?</translation>
    </message>
    <message>
        <source>What we &amp;give</source>
        <translation>Was wir &amp;geben</translation>
    </message>
    <message>
        <source>&amp;Confirmation questions</source>
        <translation>&amp;Bestätigungsfragen</translation>
    </message>
    <message>
        <source>&amp;New-information questions</source>
        <translation>Fragen nach &amp;neuen Informationen</translation>
    </message>
    <message>
        <source>Attit&amp;ude questions</source>
        <translation>&amp;Einstellungsfragen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informationen</translation>
    </message>
    <message>
        <source>Best Action Commitment</source>
        <translation>Bestmögliche Zusage</translation>
    </message>
    <message>
        <source>The most the customer could do next, e.g. Sign the pilot order</source>
        <translation>Das Meiste, was der Kunde als Nächstes tun könnte, z. B. den Pilotauftrag unterschreiben</translation>
    </message>
    <message>
        <source>Minimum Acceptable Action</source>
        <translation>Mindestzusage</translation>
    </message>
    <message>
        <source>The least that keeps the deal moving, e.g. Introduce us to the CFO</source>
        <translation>Das Mindeste, das die Verkaufschance voranbringt, z. B. uns dem Finanzvorstand vorstellen</translation>
    </message>
    <message>
        <source>Commit by</source>
        <translation>Zusage bis</translation>
    </message>
    <message>
        <source>Ask for a commitment at every meeting: an action the customer takes, by a date. The debrief records what they actually committed to.</source>
        <translation>Bitten Sie bei jedem Termin um eine Zusage: eine Handlung des Kunden bis zu einem Datum. Die Nachbereitung hält fest, was er tatsächlich zugesagt hat.</translation>
    </message>
    <message>
        <source>&amp;Best Action Commitment</source>
        <translation>&amp;Bestmögliche Zusage</translation>
    </message>
    <message>
        <source>&amp;Minimum Acceptable Action</source>
        <translation>&amp;Mindestzusage</translation>
    </message>
    <message>
        <source>Commit b&amp;y</source>
        <translation>Zusage b&amp;is</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Give the meeting&apos;s date.</source>
        <translation>Geben Sie das Datum des Termins an.</translation>
    </message>
</context>
<context>
    <name>GreenSheetPrint</name>
    <message>
        <source>That call plan no longer exists.</source>
        <translation>Diesen Gesprächsplan gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Opportunity Planner user guide</source>
        <translation>Opportunity Planner – Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>HygieneModel</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Why it is listed</source>
        <translation>Warum sie aufgeführt ist</translation>
    </message>
    <message>
        <source>{amount} (no rate)</source>
        <translation>{amount} (kein Kurs)</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>kein Betrag</translation>
    </message>
</context>
<context>
    <name>HygieneView</name>
    <message>
        <source>{n} incomplete</source>
        <translation>{n} unvollständig</translation>
    </message>
    <message>
        <source>{n} stale</source>
        <translation>{n} ruhend</translation>
    </message>
    <message>
        <source>{n} slipping</source>
        <translation>{n} verschoben</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} überfällig</translation>
    </message>
    <message>
        <source>{n} premature</source>
        <translation>{n} verfrüht</translation>
    </message>
    <message>
        <source>{n} unconfirmed in Best Few</source>
        <translation>{n} in Best Few unbestätigt</translation>
    </message>
    <message>
        <source>{n} without a next step</source>
        <translation>{n} ohne nächsten Schritt</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>{n} deal</source>
        <translation>{n} Verkaufschance</translation>
    </message>
    <message>
        <source>{n} deals</source>
        <translation>{n} Verkaufschancen</translation>
    </message>
    <message>
        <source>Every open deal the red-flag rules call stale, slipping, overdue, premature, incomplete, unconfirmed in Best Few or without a next step, most valuable first. Select one or more rows (Ctrl or Shift for several), then act on them. Everything here can be undone with Edit → Undo.</source>
        <translation>Jede offene Verkaufschance, die die Warnsignal-Regeln als ruhend, sich verschiebend, überfällig, verfrüht, unvollständig, in Best Few unbestätigt oder ohne nächsten Schritt einstufen, die wertvollsten zuerst. Wählen Sie eine oder mehrere Zeilen (Strg oder Umschalt für mehrere) und handeln Sie dann. Alles hier lässt sich mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Clean-up summary</source>
        <translation>Zusammenfassung der Bereinigung</translation>
    </message>
    <message>
        <source>Change &amp;close date…</source>
        <translation>&amp;Abschlussdatum ändern…</translation>
    </message>
    <message>
        <source>Give the selected deals a realistic close date</source>
        <translation>Den ausgewählten Verkaufschancen ein realistisches Abschlussdatum geben</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>&amp;Zurückstellen…</translation>
    </message>
    <message>
        <source>Stalled for a known reason: hide the stale warning until a date</source>
        <translation>Stockt aus bekanntem Grund: die Ruhend-Warnung bis zu einem Datum ausblenden</translation>
    </message>
    <message>
        <source>&amp;Walk away…</source>
        <translation>A&amp;ufgeben…</translation>
    </message>
    <message>
        <source>Close the selected deals as Walked away, with one reason (into the archive)</source>
        <translation>Die ausgewählten Verkaufschancen mit einem Grund als aufgegeben abschließen (ins Archiv)</translation>
    </message>
    <message>
        <source>&amp;Open deal</source>
        <translation>Chance ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the deal (double-click a row does the same)</source>
        <translation>Die Verkaufschance zeigen (ein Doppelklick auf eine Zeile bewirkt dasselbe)</translation>
    </message>
    <message>
        <source>Deals to clean up</source>
        <translation>Zu bereinigende Verkaufschancen</translation>
    </message>
    <message>
        <source>The deals the red-flag rules list, most valuable first. Select one or more rows (Shift or Ctrl for several), then use the buttons above; double-click a row to open its deal.</source>
        <translation>Die Verkaufschancen, die die Warnsignal-Regeln aufführen, die wertvollsten zuerst. Wählen Sie eine oder mehrere Zeilen (Umschalt oder Strg für mehrere) und nutzen Sie dann die Schaltflächen darüber; ein Doppelklick auf eine Zeile öffnet ihre Verkaufschance.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{listed} of {total} open deals needs a clean-up, worth {amount} ({rules})</source>
        <translation>{listed} von {total} offenen Verkaufschancen braucht eine Bereinigung, im Wert von {amount} ({rules})</translation>
    </message>
    <message>
        <source>{listed} of {total} open deals need a clean-up, worth {amount} ({rules})</source>
        <translation>{listed} von {total} offenen Verkaufschancen brauchen eine Bereinigung, im Wert von {amount} ({rules})</translation>
    </message>
    <message>
        <source>Nothing to clean up: the {total} open deal is not flagged.</source>
        <translation>Nichts zu bereinigen: die {total} offene Verkaufschance hat kein Warnsignal.</translation>
    </message>
    <message>
        <source>Nothing to clean up: none of the {total} open deals is flagged.</source>
        <translation>Nichts zu bereinigen: keine der {total} offenen Verkaufschancen hat ein Warnsignal.</translation>
    </message>
    <message>
        <source>New close date for {deals}</source>
        <translation>Neues Abschlussdatum für {deals}</translation>
    </message>
    <message>
        <source>The close date was not changed</source>
        <translation>Das Abschlussdatum wurde nicht geändert</translation>
    </message>
    <message>
        <source>Snooze {deals}</source>
        <translation>{deals} zurückstellen</translation>
    </message>
    <message>
        <source>The snooze was not saved</source>
        <translation>Das Zurückstellen wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Walk away from {deals}</source>
        <translation>{deals} aufgeben</translation>
    </message>
    <message>
        <source>The deals were not walked away from</source>
        <translation>Die Verkaufschancen wurden nicht aufgegeben</translation>
    </message>
    <message>
        <source>Change the close date</source>
        <translation>Abschlussdatum ändern</translation>
    </message>
    <message>
        <source>A realistic close date for {deals}: the date the customer will decide.</source>
        <translation>Ein realistisches Abschlussdatum für {deals}: das Datum, an dem der Kunde entscheiden wird.</translation>
    </message>
    <message>
        <source>New &amp;close date</source>
        <translation>Neues &amp;Abschlussdatum</translation>
    </message>
    <message>
        <source>Snooze the stale warning</source>
        <translation>Ruhend-Warnung zurückstellen</translation>
    </message>
    <message>
        <source>{deals} stalled for a known reason: the stale warning stays hidden until the date.</source>
        <translation>{deals} stockt aus bekanntem Grund: die Ruhend-Warnung bleibt bis zum Datum ausgeblendet.</translation>
    </message>
    <message>
        <source>{deals} stalled for a known reason: their stale warnings stay hidden until the date.</source>
        <translation>{deals} stocken aus bekanntem Grund: ihre Ruhend-Warnungen bleiben bis zum Datum ausgeblendet.</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>e.g. the customer&apos;s budget round ends in January</source>
        <translation>z. B. die Budgetrunde des Kunden endet im Januar</translation>
    </message>
    <message>
        <source>Walk away</source>
        <translation>Aufgeben</translation>
    </message>
    <message>
        <source>Walk away from {deals}: it moves to Walked away, into the archive, with this reason. You can reopen it from the archive.</source>
        <translation>{deals} aufgeben: Die Verkaufschance wechselt mit diesem Grund zu „Aufgegeben“, ins Archiv. Sie können sie aus dem Archiv wieder öffnen.</translation>
    </message>
    <message>
        <source>Walk away from {deals}: they move to Walked away, into the archive, with this reason. You can reopen them from the archive.</source>
        <translation>{deals} aufgeben: Die Verkaufschancen wechseln mit diesem Grund zu „Aufgegeben“, ins Archiv. Sie können sie aus dem Archiv wieder öffnen.</translation>
    </message>
    <message>
        <source>&amp;Closed on</source>
        <translation>Abgeschlossen &amp;am</translation>
    </message>
    <message>
        <source>e.g. no budget this year and no access to the economic buyer</source>
        <translation>z. B. kein Budget in diesem Jahr und kein Zugang zum Wirtschaftlichen Entscheider</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>is not a CSV or spreadsheet file (it contains binary data: a NUL byte on line {line})</source>
        <translation>ist keine CSV- oder Tabellendatei (sie enthält Binärdaten: ein NUL-Byte in Zeile {line})</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>starts like {label} text but byte {start} is not {label}; save it again as CSV UTF-8</source>
        <translation>beginnt wie {label}-Text, aber Byte {start} ist kein {label}; speichern Sie die Datei erneut als CSV UTF-8</translation>
    </message>
    <message>
        <source>is not a CSV or spreadsheet file (it looks like {binary})</source>
        <translation>ist keine CSV- oder Tabellendatei (sie sieht aus wie {binary})</translation>
    </message>
    <message>
        <source>is in an encoding the importer cannot read (byte 0x{byte:02X} at position {start} is neither UTF-8, UTF-16 nor Windows-1252); save it as CSV UTF-8</source>
        <translation>hat eine Kodierung, die der Import nicht lesen kann (Byte 0x{byte:02X} an Position {start} ist weder UTF-8 noch UTF-16 noch Windows-1252); speichern Sie sie als CSV UTF-8</translation>
    </message>
    <message>
        <source>has more than {limit} rows; export fewer rows (at most {limit} per file)</source>
        <translation>hat mehr als {limit} Zeilen; exportieren Sie weniger Zeilen (höchstens {limit} pro Datei)</translation>
    </message>
    <message>
        <source>has more than {limit} cells; export fewer rows or columns (at most {limit} per file)</source>
        <translation>hat mehr als {limit} Zellen; exportieren Sie weniger Zeilen oder Spalten (höchstens {limit} pro Datei)</translation>
    </message>
    <message>
        <source>has {cells} cells but the header has {width}; the extra cells are ignored</source>
        <translation>hat {cells} Zellen, die Kopfzeile aber {width}; die zusätzlichen Zellen werden ignoriert</translation>
    </message>
    <message>
        <source>is not a data row (only one cell filled); ignored</source>
        <translation>ist keine Datenzeile (nur eine Zelle gefüllt); ignoriert</translation>
    </message>
    <message>
        <source>has a header row but no data rows</source>
        <translation>hat eine Kopfzeile, aber keine Datenzeilen</translation>
    </message>
    <message>
        <source>is not UTF-8 like the rest of the file; it was read as Windows-1252: check its accented letters</source>
        <translation>ist nicht wie der Rest der Datei UTF-8; sie wurde als Windows-1252 gelesen: prüfen Sie ihre Umlaute und Akzente</translation>
    </message>
    <message>
        <source>cannot be read as CSV: in the row starting on line {start}, a quoted cell is not closed or text follows its closing quote ({error}); save the file again from the spreadsheet</source>
        <translation>kann nicht als CSV gelesen werden: In der Zeile ab Zeile {start} ist eine Zelle in Anführungszeichen nicht geschlossen oder nach dem schließenden Anführungszeichen folgt Text ({error}); speichern Sie die Datei erneut aus der Tabellenkalkulation</translation>
    </message>
    <message>
        <source>cannot be read as an XLSX workbook ({kind}: {error})</source>
        <translation>kann nicht als XLSX-Arbeitsmappe gelesen werden ({kind}: {error})</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>Monat/Tag/Jahr</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>Tag/Monat/Jahr</translation>
    </message>
    <message>
        <source>{file}: some dates are day-first and others month-first; read as {order}</source>
        <translation>{file}: manche Daten beginnen mit dem Tag, andere mit dem Monat; gelesen als {order}</translation>
    </message>
    <message>
        <source>{n} date</source>
        <translation>{n} Datum</translation>
    </message>
    <message>
        <source>{n} dates</source>
        <translation>{n} Daten</translation>
    </message>
    <message>
        <source>{file}: {dates} could be read either way; read as {order} (change it on the mapping page, or in the mapping file)</source>
        <translation>{file}: {dates} ließen sich auf beide Arten lesen; gelesen als {order} (ändern Sie das auf der Seite der Zuordnung oder in der Zuordnungsdatei)</translation>
    </message>
    <message>
        <source>outside the years {first} to {last}</source>
        <translation>außerhalb der Jahre {first} bis {last}</translation>
    </message>
    <message>
        <source>not a real date (there is no month {month})</source>
        <translation>kein gültiges Datum (es gibt keinen Monat {month})</translation>
    </message>
    <message>
        <source>not a real date ({month_name} {year} has {days} days)</source>
        <translation>kein gültiges Datum ({month_name} {year} hat {days} Tage)</translation>
    </message>
    <message>
        <source>not a date (write it like 2026-12-15 or 12/15/2026)</source>
        <translation>kein Datum (schreiben Sie es wie 2026-12-15 oder 12/15/2026)</translation>
    </message>
    <message>
        <source>not an amount (write it like 120000, 120,000.50 or 120.000,50 €)</source>
        <translation>kein Betrag (schreiben Sie ihn wie 120000, 120,000.50 oder 120.000,50 €)</translation>
    </message>
    <message>
        <source>negative (an amount cannot be negative)</source>
        <translation>negativ (ein Betrag kann nicht negativ sein)</translation>
    </message>
    <message>
        <source>too large for an amount (at most 1,000,000,000,000)</source>
        <translation>zu groß für einen Betrag (höchstens 1.000.000.000.000)</translation>
    </message>
    <message>
        <source>semicolons between columns</source>
        <translation>Semikolons zwischen den Spalten</translation>
    </message>
    <message>
        <source>commas between columns</source>
        <translation>Kommas zwischen den Spalten</translation>
    </message>
    <message>
        <source>dates written like 15.01.2027</source>
        <translation>Datumsangaben wie 15.01.2027</translation>
    </message>
    <message>
        <source>day-first dates</source>
        <translation>Datumsangaben mit dem Tag zuerst</translation>
    </message>
    <message>
        <source>month-first dates</source>
        <translation>Datumsangaben mit dem Monat zuerst</translation>
    </message>
    <message>
        <source>currency signs after the amounts</source>
        <translation>Währungszeichen nach den Beträgen</translation>
    </message>
    <message>
        <source>currency signs before the amounts</source>
        <translation>Währungszeichen vor den Beträgen</translation>
    </message>
    <message>
        <source>{file}: the amounts in “{column}” can be read two ways (“{example}” is {point} in the 1,234.56 style and {comma} in the 1.234,56 style) and nothing else in the file says which</source>
        <translation>{file}: die Beträge in „{column}“ lassen sich auf zwei Arten lesen („{example}“ ist {point} in der Schreibweise 1,234.56 und {comma} in der Schreibweise 1.234,56), und sonst sagt nichts in der Datei, welche gilt</translation>
    </message>
    <message>
        <source>{file}: amounts read in the {style} style, as chosen before for files like this one</source>
        <translation>{file}: Beträge in der Schreibweise {style} gelesen, wie zuvor für Dateien wie diese gewählt</translation>
    </message>
    <message>
        <source>{file}: “{column}” writes amounts in both the 1,234.56 and the 1.234,56 style; read in the {style} style like most of them, the others are listed as problems</source>
        <translation>{file}: „{column}“ schreibt Beträge sowohl als 1,234.56 als auch als 1.234,56; gelesen in der Schreibweise {style} wie die meisten, die übrigen stehen bei den Problemen</translation>
    </message>
    <message>
        <source>{n} amount such as “{example}” reads</source>
        <translation>{n} Betrag wie „{example}“ lässt sich</translation>
    </message>
    <message>
        <source>{n} amounts such as “{example}” read</source>
        <translation>{n} Beträge wie „{example}“ lassen sich</translation>
    </message>
    <message>
        <source>{file}: {amounts} differently in the 1,234.56 and the 1.234,56 style; read in the {style} style (“{example}” is {reading}) from {signals}</source>
        <translation>{file}: {amounts} in den Schreibweisen 1,234.56 und 1.234,56 verschieden lesen; gelesen in der Schreibweise {style} („{example}“ ist {reading}), erkannt an: {signals}</translation>
    </message>
    <message>
        <source>the amounts&apos; own marks</source>
        <translation>den Trennzeichen der Beträge selbst</translation>
    </message>
    <message>
        <source>Amount is in the {written} style, but the file&apos;s amounts are in the {style} style; read as {amount}, check it</source>
        <translation>Betrag steht in der Schreibweise {written}, die Beträge der Datei aber in der Schreibweise {style}; gelesen als {amount}, bitte prüfen</translation>
    </message>
    <message>
        <source>ambiguous in a column that writes amounts both ways ({point} in the 1,234.56 style, {comma} in the 1.234,56 style)</source>
        <translation>mehrdeutig in einer Spalte, die Beträge auf beide Arten schreibt ({point} in der Schreibweise 1,234.56, {comma} in der Schreibweise 1.234,56)</translation>
    </message>
    <message>
        <source>not a probability (write it like 25, 25 % or 0.25)</source>
        <translation>keine Wahrscheinlichkeit (schreiben Sie sie wie 25, 25 % oder 0.25)</translation>
    </message>
    <message>
        <source>not a probability between 0 and 100 %</source>
        <translation>keine Wahrscheinlichkeit zwischen 0 und 100 %</translation>
    </message>
    <message>
        <source>the file has no column “{header}”</source>
        <translation>die Datei hat keine Spalte „{header}“</translation>
    </message>
    <message>
        <source>“{field}” is not a field of a {kind} file</source>
        <translation>„{field}“ ist kein Feld einer Datei mit {kind}</translation>
    </message>
    <message>
        <source>both “{first}” and “{second}” are mapped to {field}</source>
        <translation>sowohl „{first}“ als auch „{second}“ sind {field} zugeordnet</translation>
    </message>
    <message>
        <source>the account id {id} is in no accounts file; imported without an account (import the accounts file, e.g. Account.csv, with it)</source>
        <translation>die Kunden-ID {id} steht in keiner Kundendatei; ohne Kunden importiert (importieren Sie die Kundendatei, z. B. Account.csv, mit)</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>its parent chain leads back to itself; no parent set</source>
        <translation>die Kette der übergeordneten Kunden führt zu ihm selbst zurück; kein übergeordneter Kunde gesetzt</translation>
    </message>
    <message>
        <source>{what} is too long ({length} characters; at most {limit}); not imported</source>
        <translation>{what} ist zu lang ({length} Zeichen; höchstens {limit}); nicht importiert</translation>
    </message>
    <message>
        <source>The next step</source>
        <translation>Der nächste Schritt</translation>
    </message>
    <message>
        <source>The lost reason</source>
        <translation>Der Verlustgrund</translation>
    </message>
    <message>
        <source>The contact name</source>
        <translation>Der Kontaktname</translation>
    </message>
    <message>
        <source>The account name</source>
        <translation>Der Kundenname</translation>
    </message>
    <message>
        <source>The product</source>
        <translation>Das Produkt</translation>
    </message>
    <message>
        <source>looks like a spreadsheet formula; imported as plain text</source>
        <translation>sieht aus wie eine Tabellenformel; als reiner Text importiert</translation>
    </message>
    <message>
        <source>is not a forecast category (Pipeline, Best Case, Commit, Closed, Omitted); ignored</source>
        <translation>ist keine Prognosekategorie (Pipeline, Best Case, Zusage, Abgeschlossen, Ausgelassen); ignoriert</translation>
    </message>
    <message>
        <source>is too long for an id (at most {limit} characters)</source>
        <translation>ist zu lang für eine ID (höchstens {limit} Zeichen)</translation>
    </message>
    <message>
        <source>The deal name is too long ({length} characters; at most {limit}); the row is skipped</source>
        <translation>Der Name der Chance ist zu lang ({length} Zeichen; höchstens {limit}); die Zeile wird übersprungen</translation>
    </message>
    <message>
        <source>had line breaks or repeated spaces; joined into one line</source>
        <translation>hatte Zeilenumbrüche oder mehrfache Leerzeichen; zu einer Zeile zusammengefügt</translation>
    </message>
    <message>
        <source>Amount is {error}; imported without an amount</source>
        <translation>Betrag ist {error}; ohne Betrag importiert</translation>
    </message>
    <message>
        <source>is not a three-letter currency code such as EUR or USD; ignored</source>
        <translation>ist kein dreibuchstabiger Währungscode wie EUR oder USD; ignoriert</translation>
    </message>
    <message>
        <source>Close date is {error}; imported without a close date</source>
        <translation>Abschlussdatum ist {error}; ohne Abschlussdatum importiert</translation>
    </message>
    <message>
        <source>Created date is {error}; ignored</source>
        <translation>Erstellungsdatum ist {error}; ignoriert</translation>
    </message>
    <message>
        <source>is not a positive quantity; ignored</source>
        <translation>ist keine positive Menge; ignoriert</translation>
    </message>
    <message>
        <source>is neither true nor false; ignored</source>
        <translation>ist weder wahr noch falsch; ignoriert</translation>
    </message>
    <message>
        <source>Probability is {error}; ignored</source>
        <translation>Wahrscheinlichkeit ist {error}; ignoriert</translation>
    </message>
    <message>
        <source>the mapping names a column the file lacks</source>
        <translation>die Zuordnung nennt eine Spalte, die die Datei nicht hat</translation>
    </message>
    <message>
        <source>{field} is not a field of a {kind} file</source>
        <translation>{field} ist kein Feld einer Datei mit {kind}</translation>
    </message>
    <message>
        <source>{file}: not used (its columns look like none of deals, accounts, contacts, contact roles, stage history, products or users)</source>
        <translation>{file}: nicht verwendet (die Spalten passen weder zu Chancen noch zu Kunden, Kontakten, Kontaktrollen, Phasenverlauf, Produkten oder Benutzern)</translation>
    </message>
    <message>
        <source>{question}; nothing is imported from it until you say which style it uses</source>
        <translation>{question}; aus ihr wird nichts importiert, bis Sie sagen, welche Schreibweise sie verwendet</translation>
    </message>
    <message>
        <source>{file}: no column is mapped to a field</source>
        <translation>{file}: keine Spalte ist einem Feld zugeordnet</translation>
    </message>
    <message>
        <source>{file}: no account column; deals are imported without accounts</source>
        <translation>{file}: keine Kundenspalte; die Chancen werden ohne Kunden importiert</translation>
    </message>
    <message>
        <source>the files have no owner column to filter by</source>
        <translation>die Dateien haben keine Spalte mit dem Verantwortlichen, nach der gefiltert werden könnte</translation>
    </message>
    <message>
        <source>no deal in the files is owned by “{owner}” (owners: {owners})</source>
        <translation>keine Chance in den Dateien gehört „{owner}“ (Verantwortliche: {owners})</translation>
    </message>
    <message>
        <source>the same id is on row {row}; this row is skipped</source>
        <translation>dieselbe ID steht in Zeile {row}; diese Zeile wird übersprungen</translation>
    </message>
    <message>
        <source>the same id is on {file}, row {row}; this row is skipped</source>
        <translation>dieselbe ID steht in {file}, Zeile {row}; diese Zeile wird übersprungen</translation>
    </message>
    <message>
        <source>Product “{written}” is written “{spelling}” ({deals})</source>
        <translation>Produkt „{written}“ wird „{spelling}“ geschrieben ({deals})</translation>
    </message>
    <message>
        <source>{n} deal</source>
        <translation>{n} Chance</translation>
    </message>
    <message>
        <source>{n} deals</source>
        <translation>{n} Chancen</translation>
    </message>
    <message>
        <source>deleted in the CRM; skipped</source>
        <translation>im CRM gelöscht; übersprungen</translation>
    </message>
    <message>
        <source>no account; imported without one</source>
        <translation>kein Kunde; ohne Kunden importiert</translation>
    </message>
    <message>
        <source>the row has no deal name, product, account or id; skipped</source>
        <translation>die Zeile hat weder Namen der Chance noch Produkt, Kunden oder ID; übersprungen</translation>
    </message>
    <message>
        <source>the plan has no open stage to put the deal in; skipped</source>
        <translation>der Plan hat keine offene Phase für die Chance; übersprungen</translation>
    </message>
    <message>
        <source>the stage is not mapped; placed in {stage}</source>
        <translation>die Phase ist nicht zugeordnet; in {stage} eingeordnet</translation>
    </message>
    <message>
        <source>no stage; placed in {stage}</source>
        <translation>keine Phase; in {stage} eingeordnet</translation>
    </message>
    <message>
        <source>open deal without a close date; imported and flagged</source>
        <translation>offene Chance ohne Abschlussdatum; importiert und markiert</translation>
    </message>
    <message>
        <source>a contact role names a contact that is in no contacts file; not added</source>
        <translation>eine Kontaktrolle nennt einen Kontakt, der in keiner Kontaktdatei steht; nicht hinzugefügt</translation>
    </message>
    <message>
        <source>a contact person needs an account; not added</source>
        <translation>eine Kontaktperson braucht einen Kunden; nicht hinzugefügt</translation>
    </message>
    <message>
        <source>No file holds deals ({files}).</source>
        <translation>Keine Datei enthält Chancen ({files}).</translation>
    </message>
    <message>
        <source>{start}… ({count} characters)</source>
        <translation>{start}… ({count} Zeichen)</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>Zeile {row}</translation>
    </message>
    <message>
        <source>{file} {problem}.</source>
        <translation>{file} {problem}.</translation>
    </message>
    <message>
        <source>is larger than {size} MB; export fewer rows</source>
        <translation>ist größer als {size} MB; exportieren Sie weniger Zeilen</translation>
    </message>
    <message>
        <source>is a ZIP file of more than {limit} files; unpack the files you need</source>
        <translation>ist eine ZIP-Datei mit mehr als {limit} Dateien; entpacken Sie die Dateien, die Sie brauchen</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>holds no CSV, XLSX or ZIP file</source>
        <translation>enthält keine CSV-, XLSX- oder ZIP-Datei</translation>
    </message>
    <message>
        <source>is a damaged ZIP file ({error})</source>
        <translation>ist eine beschädigte ZIP-Datei ({error})</translation>
    </message>
    <message>
        <source>is a ZIP file without CSV or XLSX files in it</source>
        <translation>ist eine ZIP-Datei ohne CSV- oder XLSX-Dateien darin</translation>
    </message>
    <message>
        <source>cannot be unpacked ({error})</source>
        <translation>kann nicht entpackt werden ({error})</translation>
    </message>
    <message>
        <source>unpacks to more than {size} MB; export fewer rows or unpack the files you need</source>
        <translation>wird entpackt größer als {size} MB; exportieren Sie weniger Zeilen oder entpacken Sie die Dateien, die Sie brauchen</translation>
    </message>
</context>
<context>
    <name>ImportChanges</name>
    <message>
        <source>economic</source>
        <translation>Wirtschaftlicher Entscheider</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Anwender</translation>
    </message>
    <message>
        <source>technical</source>
        <translation>Technischer Prüfer</translation>
    </message>
    <message>
        <source>coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>Rolle unbekannt</translation>
    </message>
    <message>
        <source>CRM id</source>
        <translation>CRM-ID</translation>
    </message>
    <message>
        <source>Buying influence</source>
        <translation>Einflussperson</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Forecast category</source>
        <translation>Prognosekategorie</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>{change} (replaces your planner edit)</source>
        <translation>{change} (ersetzt Ihre Änderung im Planer)</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>CRM id</source>
        <translation>CRM-ID</translation>
    </message>
    <message>
        <source>Deal name</source>
        <translation>Name der Chance</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Kunden-ID</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Status (open/won/lost)</source>
        <translation>Status (offen/gewonnen/verloren)</translation>
    </message>
    <message>
        <source>Is won</source>
        <translation>Ist gewonnen</translation>
    </message>
    <message>
        <source>Is closed</source>
        <translation>Ist abgeschlossen</translation>
    </message>
    <message>
        <source>Is deleted</source>
        <translation>Ist gelöscht</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Forecast category</source>
        <translation>Prognosekategorie</translation>
    </message>
    <message>
        <source>Created / engaged on</source>
        <translation>Angelegt / begonnen am</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Verlustgrund</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Parent account</source>
        <translation>Übergeordneter Kunde</translation>
    </message>
    <message>
        <source>Parent account id</source>
        <translation>ID des übergeordneten Kunden</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Deal id</source>
        <translation>ID der Chance</translation>
    </message>
    <message>
        <source>Contact id</source>
        <translation>Kontakt-ID</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Changed on</source>
        <translation>Geändert am</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
</context>
<context>
    <name>ImportFileKind</name>
    <message>
        <source>Deals</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Contact roles</source>
        <translation>Kontaktrollen</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Phasenverlauf</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>Nicht verwendet</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>Kontakten</translation>
    </message>
    <message>
        <source>contact roles</source>
        <translation>Kontaktrollen</translation>
    </message>
    <message>
        <source>stage history</source>
        <translation>Phasenverlauf</translation>
    </message>
    <message>
        <source>products</source>
        <translation>Produkten</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzern</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
</context>
<context>
    <name>ImportReview</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Vanished</source>
        <translation>Verschwunden</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>no longer in the files; it stays in the plan</source>
        <translation>nicht mehr in den Dateien; sie bleibt im Plan</translation>
    </message>
    <message>
        <source>Old data</source>
        <translation>Alte Daten</translation>
    </message>
    <message>
        <source>Most close dates in these files are more than a year in the past.</source>
        <translation>Die meisten Abschlussdaten in diesen Dateien liegen mehr als ein Jahr zurück.</translation>
    </message>
    <message>
        <source>Bring in the closed history only (won and lost deals, for the forecast and the archive), or every deal, open ones on the board too?</source>
        <translation>Nur die abgeschlossene Historie übernehmen (gewonnene und verlorene Verkaufschancen, für Prognose und Archiv) oder jede Verkaufschance, offene auch auf das Board?</translation>
    </message>
    <message>
        <source>&amp;Closed history only</source>
        <translation>Nur &amp;abgeschlossene Historie</translation>
    </message>
    <message>
        <source>&amp;Every deal</source>
        <translation>&amp;Jede Verkaufschance</translation>
    </message>
    <message>
        <source>Import from CRM</source>
        <translation>Aus dem CRM importieren</translation>
    </message>
</context>
<context>
    <name>ImportStages</name>
    <message>
        <source>remembered</source>
        <translation>gemerkt</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>gleicher Name</translation>
    </message>
    <message>
        <source>probability {probability} % is nearest {stage}&apos;s {stage_probability} %</source>
        <translation>Wahrscheinlichkeit {probability} % liegt am nächsten an {stage_probability} % von {stage}</translation>
    </message>
    <message>
        <source>name like {stage}&apos;s</source>
        <translation>Name wie bei {stage}</translation>
    </message>
    <message>
        <source>the name says deals start there: {stage}, the earliest level</source>
        <translation>der Name sagt, dass Verkaufschancen dort beginnen: {stage}, die früheste Stufe</translation>
    </message>
    <message>
        <source>by order</source>
        <translation>nach Reihenfolge</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Would import from {crm}: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped</source>
        <translation>Würde aus {crm} importieren: {created} neu, {updated} aktualisiert, {unchanged} unverändert, {skipped} übersprungen</translation>
    </message>
    <message>
        <source>Imported from {crm}: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped</source>
        <translation>Aus {crm} importiert: {created} neu, {updated} aktualisiert, {unchanged} unverändert, {skipped} übersprungen</translation>
    </message>
    <message>
        <source>{count} of other owners left out</source>
        <translation>{count} von anderen Verantwortlichen ausgelassen</translation>
    </message>
    <message>
        <source>(dry run: nothing was written)</source>
        <translation>(Probelauf: nichts wurde geschrieben)</translation>
    </message>
    <message>
        <source>New accounts: {accounts}; new people: {people}; new buying influences: {influences}</source>
        <translation>Neue Kunden: {accounts}; neue Personen: {people}; neue Einflusspersonen: {influences}</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <source>Stages: {stages}</source>
        <translation>Phasen: {stages}</translation>
    </message>
    <message>
        <source>Updated “{title}”: {changes}</source>
        <translation>„{title}“ aktualisiert: {changes}</translation>
    </message>
    <message>
        <source>… and {count} more updated deals (--json lists them all)</source>
        <translation>… und {count} weitere aktualisierte Chancen (--json listet alle auf)</translation>
    </message>
    <message>
        <source>{n} open deal</source>
        <translation>{n} offene Chance</translation>
    </message>
    <message>
        <source>{n} open deals</source>
        <translation>{n} offene Chancen</translation>
    </message>
    <message>
        <source>{deals} imported from {crm} before are not in these files (nothing was deleted):</source>
        <translation>{deals}, früher aus {crm} importiert, fehlen in diesen Dateien (nichts wurde gelöscht):</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
    <message>
        <source>Error: {problem}</source>
        <translation>Fehler: {problem}</translation>
    </message>
    <message>
        <source>Warning: {problem}</source>
        <translation>Warnung: {problem}</translation>
    </message>
    <message>
        <source>{n} row</source>
        <translation>{n} Zeile</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} Zeilen</translation>
    </message>
    <message>
        <source>… and {count} more kinds of problem (--json lists them all)</source>
        <translation>… und {count} weitere Arten von Problemen (--json listet alle auf)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Edit → Undo takes the whole import back.</source>
        <translation>Bearbeiten → Rückgängig nimmt den ganzen Import zurück.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Beispielwerte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(nicht importiert)</translation>
    </message>
    <message>
        <source>Stage in the file</source>
        <translation>Phase in der Datei</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Plan stage</source>
        <translation>Phase im Plan</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Zu importierende Dateien</translation>
    </message>
    <message>
        <source>Exports of Salesforce, HubSpot or Pipedrive, or any CSV or XLSX file of deals. Several files, a folder or a Salesforce weekly Data Export ZIP are joined by their ids.</source>
        <translation>Exporte aus Salesforce, HubSpot oder Pipedrive oder eine beliebige CSV- oder XLSX-Datei mit Verkaufschancen. Mehrere Dateien, ein Ordner oder ein wöchentlicher Salesforce-Datenexport (ZIP) werden über ihre IDs verknüpft.</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Import from CRM</source>
        <translation>Aus CRM importieren</translation>
    </message>
    <message>
        <source>CRM exports (*.csv *.tsv *.txt *.xlsx *.zip);;All files (*)</source>
        <translation>CRM-Exporte (*.csv *.tsv *.txt *.xlsx *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a folder of CRM exports</source>
        <translation>Einen Ordner mit CRM-Exporten importieren</translation>
    </message>
    <message>
        <source>Nothing could be read.</source>
        <translation>Es konnte nichts gelesen werden.</translation>
    </message>
    <message>
        <source>What the files hold</source>
        <translation>Was die Dateien enthalten</translation>
    </message>
    <message>
        <source>Files read</source>
        <translation>Gelesene Dateien</translation>
    </message>
    <message>
        <source>Recognise from the headers</source>
        <translation>An den Spaltenköpfen erkennen</translation>
    </message>
    <message>
        <source>Other (CSV/XLSX)</source>
        <translation>Andere (CSV/XLSX)</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Not a known CRM layout: columns are matched by their names (check them next).</source>
        <translation>Kein bekannter CRM-Aufbau: Die Spalten werden über ihre Namen zugeordnet (im nächsten Schritt prüfen).</translation>
    </message>
    <message>
        <source>Recognised as {crm} exports; deals and accounts keep their {crm} ids.</source>
        <translation>Als {crm}-Exporte erkannt; Verkaufschancen und Kunden behalten ihre {crm}-IDs.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Check which field each column is. Your choices are remembered for files like this one.</source>
        <translation>Prüfen Sie, welches Feld jede Spalte ist. Ihre Wahl wird für gleichartige Dateien gespeichert.</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Spalten der Datei</translation>
    </message>
    <message>
        <source>Read from the file&apos;s dates</source>
        <translation>Aus den Daten der Datei ablesen</translation>
    </message>
    <message>
        <source>Month first (03/04/2026 is 4 March)</source>
        <translation>Monat zuerst (03/04/2026 ist der 04.03.2026)</translation>
    </message>
    <message>
        <source>Day first (03/04/2026 is 3 April)</source>
        <translation>Tag zuerst (03/04/2026 ist der 03.04.2026)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>Datu&amp;msangaben:</translation>
    </message>
    <message>
        <source>&amp;Amounts in this file use:</source>
        <translation>&amp;Beträge in dieser Datei:</translation>
    </message>
    <message>
        <source>{file} ({holds})</source>
        <translation>{file} ({holds})</translation>
    </message>
    <message>
        <source>Read from the file&apos;s amounts</source>
        <translation>Aus den Beträgen der Datei erkennen</translation>
    </message>
    <message>
        <source>{style} (“{example}” is {amount})</source>
        <translation>{style} („{example}“ ist {amount})</translation>
    </message>
    <message>
        <source>{question}. Choose how this file writes amounts.</source>
        <translation>{question}. Wählen Sie, wie diese Datei Beträge schreibt.</translation>
    </message>
    <message>
        <source>Amounts are read in the {style} style.</source>
        <translation>Beträge werden in der Schreibweise {style} gelesen.</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Won and lost are recognised by name; open stages by probability, else by order.</source>
        <translation>Gewonnen und verloren werden am Namen erkannt, offene Phasen an der Wahrscheinlichkeit, sonst an der Reihenfolge.</translation>
    </message>
    <message>
        <source>Stages in the files</source>
        <translation>Phasen in den Dateien</translation>
    </message>
    <message>
        <source>Whose deals</source>
        <translation>Wessen Verkaufschancen</translation>
    </message>
    <message>
        <source>The files name an owner or sales agent for each deal. Import only yours?</source>
        <translation>Die Dateien nennen zu jeder Verkaufschance einen Verantwortlichen. Nur Ihre importieren?</translation>
    </message>
    <message>
        <source>&amp;Import the deals of:</source>
        <translation>Verkaufschancen &amp;importieren von:</translation>
    </message>
    <message>
        <source>Everyone ({n} deal)</source>
        <translation>Alle ({n} Verkaufschance)</translation>
    </message>
    <message>
        <source>Everyone ({n} deals)</source>
        <translation>Alle ({n} Verkaufschancen)</translation>
    </message>
    <message>
        <source>{owner} ({n} deal)</source>
        <translation>{owner} ({n} Verkaufschance)</translation>
    </message>
    <message>
        <source>{owner} ({n} deals)</source>
        <translation>{owner} ({n} Verkaufschancen)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Deals the import changes</source>
        <translation>Verkaufschancen, die der Import ändert</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Gefundene Probleme</translation>
    </message>
    <message>
        <source>&amp;Skip every row with a warning</source>
        <translation>Jede Zeile mit einer Warnung &amp;überspringen</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>S&amp;top the import</source>
        <translation>Import a&amp;bbrechen</translation>
    </message>
    <message>
        <source>The import is written in one go: all accepted rows or nothing.</source>
        <translation>Der Import wird in einem Zug geschrieben: alle angenommenen Zeilen oder nichts.</translation>
    </message>
    <message>
        <source>{n} to create</source>
        <translation>{n} neu anzulegen</translation>
    </message>
    <message>
        <source>{n} to update</source>
        <translation>{n} zu aktualisieren</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>{n} unverändert</translation>
    </message>
    <message>
        <source>{n} to skip</source>
        <translation>{n} zu überspringen</translation>
    </message>
    <message>
        <source>{n} of other owners left out</source>
        <translation>{n} anderer Verantwortlicher ausgelassen</translation>
    </message>
    <message>
        <source>{n} open deal no longer in the files (it stays)</source>
        <translation>{n} offene Verkaufschance nicht mehr in den Dateien (sie bleibt)</translation>
    </message>
    <message>
        <source>{n} open deals no longer in the files (they stay)</source>
        <translation>{n} offene Verkaufschancen nicht mehr in den Dateien (sie bleiben)</translation>
    </message>
    <message>
        <source>{counts}.</source>
        <translation>{counts}.</translation>
    </message>
    <message>
        <source>The import was stopped; nothing was written.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was imported: the plan could not be written ({error}).</source>
        <translation>Es wurde nichts importiert: Der Plan konnte nicht geschrieben werden ({error}).</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>What was imported</source>
        <translation>Was importiert wurde</translation>
    </message>
    <message>
        <source>Dates are read as {order}.</source>
        <translation>Datumsangaben werden als {order} gelesen.</translation>
    </message>
</context>
<context>
    <name>InfluenceMap</name>
    <message>
        <source>Not a buying influence on this deal</source>
        <translation>Keine Einflussperson bei dieser Verkaufschance</translation>
    </message>
    <message>
        <source>Role: {role} · Mode: {mode} · Rating: {rating}</source>
        <translation>Rolle: {role} · Reaktionsmodus: {mode} · Bewertung: {rating}</translation>
    </message>
    <message>
        <source>Not on this deal</source>
        <translation>Nicht bei dieser Chance</translation>
    </message>
    <message>
        <source>Person #{id}</source>
        <translation>Ansprechpartner Nr. {id}</translation>
    </message>
    <message>
        <source>hexagon</source>
        <translation>Sechseck</translation>
    </message>
    <message>
        <source>rounded</source>
        <translation>abgerundet</translation>
    </message>
    <message>
        <source>rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>cut corners</source>
        <translation>abgeschrägte Ecken</translation>
    </message>
    <message>
        <source>dashed</source>
        <translation>gestrichelt</translation>
    </message>
    <message>
        <source>green</source>
        <translation>grün</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>blau</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>grau</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <source>white</source>
        <translation>weiß</translation>
    </message>
    <message>
        <source>Shape: role</source>
        <translation>Form: Rolle</translation>
    </message>
    <message>
        <source>Colour: mode</source>
        <translation>Farbe: Reaktionsmodus</translation>
    </message>
    <message>
        <source>Badge: rating from {minus}5 to +5 (? unknown; red: hostile, green: +3 or more). Dashed grey: reported to, not on this deal.</source>
        <translation>Plakette: Bewertung von {minus}5 bis +5 (? unbekannt; rot: feindselig, grün: +3 oder mehr). Grau gestrichelt: Vorgesetzte, nicht bei dieser Verkaufschance.</translation>
    </message>
    <message>
        <source>{look} {meaning}</source>
        <translation>{look} {meaning}</translation>
    </message>
    <message>
        <source>{title} ({items}).</source>
        <translation>{title} ({items}).</translation>
    </message>
    <message>
        <source>No buying influences yet: add the people who decide.</source>
        <translation>Noch keine Einflusspersonen: Fügen Sie die Menschen hinzu, die entscheiden.</translation>
    </message>
    <message>
        <source>Influence map</source>
        <translation>Einflusskarte</translation>
    </message>
    <message>
        <source>Buying influences by reports-to: shape is the role, colour the mode.</source>
        <translation>Einflusspersonen nach Berichtslinie: die Form zeigt die Rolle, die Farbe den Reaktionsmodus.</translation>
    </message>
    <message>
        <source>{n} buying influence.</source>
        <translation>{n} Einflussperson.</translation>
    </message>
    <message>
        <source>{n} buying influences.</source>
        <translation>{n} Einflusspersonen.</translation>
    </message>
    <message>
        <source>{name}: {role}, {mode}, rating {rating}.</source>
        <translation>{name}: {role}, {mode}, Bewertung {rating}.</translation>
    </message>
    <message>
        <source>{name} is not on this deal.</source>
        <translation>{name} ist nicht bei dieser Verkaufschance.</translation>
    </message>
    <message>
        <source>{name} reports to {boss}.</source>
        <translation>{name} berichtet an {boss}.</translation>
    </message>
    <message>
        <source>Arrow keys move from person to person; the table follows the selection.</source>
        <translation>Die Pfeiltasten gehen von Ansprechpartner zu Ansprechpartner; die Tabelle folgt der Auswahl.</translation>
    </message>
</context>
<context>
    <name>InfluenceSection</name>
    <message>
        <source>Buying influences</source>
        <translation>Einflusspersonen</translation>
    </message>
    <message>
        <source>&amp;Add influence…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add someone at the account, or a new person (Insert)</source>
        <translation>Jemanden beim Kunden oder einen neuen Ansprechpartner hinzufügen (Einfg)</translation>
    </message>
    <message>
        <source>Edit &amp;person…</source>
        <translation>Per&amp;son…</translation>
    </message>
    <message>
        <source>Name, title and contact details: shared by every deal of the account</source>
        <translation>Name, Funktion und Kontaktdaten: gelten für alle Verkaufschancen des Kunden</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Take the selected person off this deal (Delete)</source>
        <translation>Den ausgewählten Ansprechpartner von dieser Verkaufschance entfernen (Entf)</translation>
    </message>
    <message>
        <source>Export map as P&amp;NG…</source>
        <translation>Als P&amp;NG exportieren…</translation>
    </message>
    <message>
        <source>Export map as &amp;SVG…</source>
        <translation>Als S&amp;VG exportieren…</translation>
    </message>
    <message>
        <source>Influence map: who reports to whom</source>
        <translation>Einflusskarte: wer an wen berichtet</translation>
    </message>
    <message>
        <source>Give the deal an account first: buying influences are people at the customer&apos;s account.</source>
        <translation>Ordnen Sie die Verkaufschance zuerst einem Kunden zu: Einflusspersonen sind Ansprechpartner beim Kunden.</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>{value} is more than {limit}</source>
        <translation>{value} ist größer als {limit}</translation>
    </message>
    <message>
        <source>{value} is less than {limit}</source>
        <translation>{value} ist kleiner als {limit}</translation>
    </message>
    <message>
        <source>{length} characters, more than {limit}</source>
        <translation>{length} Zeichen, mehr als {limit}</translation>
    </message>
    <message>
        <source>{count} items, more than {limit}</source>
        <translation>{count} Einträge, mehr als {limit}</translation>
    </message>
    <message>
        <source>{date} is not between the years {first} and {last}</source>
        <translation>{date} liegt nicht zwischen den Jahren {first} und {last}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clear filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>No deal matches “{text}”.</source>
        <translation>Keine Verkaufschance passt zu „{text}“.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>{plan} — Opportunity Planner</source>
        <translation>{plan} — Opportunity Planner</translation>
    </message>
    <message>
        <source>Stage board</source>
        <translation>Phasenansicht</translation>
    </message>
    <message>
        <source>The open deals by stage. Arrow keys move between cards, Enter opens one, Ctrl+Right and Ctrl+Left move it to the next or previous stage.</source>
        <translation>Die offenen Verkaufschancen nach Phase. Die Pfeiltasten wechseln zwischen den Karten, die Eingabetaste öffnet eine, Strg+Rechts und Strg+Links verschieben sie in die nächste oder vorige Phase.</translation>
    </message>
    <message>
        <source>Filter deals</source>
        <translation>Verkaufschancen filtern</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Phasen</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>Ar&amp;chiv</translation>
    </message>
    <message>
        <source>Fo&amp;recast</source>
        <translation>Pro&amp;gnose</translation>
    </message>
    <message>
        <source>&amp;Clean-up</source>
        <translation>Bere&amp;inigung</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>Ag&amp;enda</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>Pe&amp;rsonen</translation>
    </message>
    <message>
        <source>Perf&amp;ormance</source>
        <translation>Ke&amp;nnzahlen</translation>
    </message>
    <message>
        <source>Deal details</source>
        <translation>Details der Verkaufschance</translation>
    </message>
    <message>
        <source>Blue Sheet</source>
        <translation>Blue Sheet</translation>
    </message>
    <message>
        <source>Select a deal on the board to see its Blue Sheet.</source>
        <translation>Wählen Sie eine Verkaufschance in der Phasenansicht, um ihr Blue Sheet zu sehen.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Plan as opened</source>
        <translation>Plan beim Öffnen</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Verlauf der Änderungen</translation>
    </message>
    <message>
        <source>The changes made since the plan was opened; select one to go back to it</source>
        <translation>Die Änderungen seit dem Öffnen des Plans; wählen Sie eine aus, um zu diesem Stand zurückzukehren</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Sortieren nach:</translation>
    </message>
    <message>
        <source>Sort the board&apos;s columns by</source>
        <translation>Spalten des Boards sortieren nach</translation>
    </message>
    <message>
        <source>Orders the cards of every column; with My own order, drag a card to place it</source>
        <translation>Ordnet die Karten jeder Spalte; bei „Eigene Reihenfolge“ eine Karte an ihren Platz ziehen</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is a demo plan.&lt;/b&gt; Look around: the board, a deal&apos;s details, the accounts. Nothing here is yours.</source>
        <translation>&lt;b&gt;Dies ist ein Demo-Plan.&lt;/b&gt; Sehen Sie sich um: Phasen, Details, Kunden. Nichts davon gehört Ihnen.</translation>
    </message>
    <message>
        <source>Start my own plan</source>
        <translation>Eigenen Plan beginnen</translation>
    </message>
    <message>
        <source>Import from CRM…</source>
        <translation>Aus CRM importieren…</translation>
    </message>
    <message>
        <source>Bring in deals from a Salesforce, HubSpot or Pipedrive export</source>
        <translation>Verkaufschancen aus einem Export von Salesforce, HubSpot oder Pipedrive übernehmen</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Neuer Plan…</translation>
    </message>
    <message>
        <source>&amp;Open plan…</source>
        <translation>Plan ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Start my own plan</source>
        <translation>&amp;Eigenen Plan beginnen</translation>
    </message>
    <message>
        <source>&amp;Import from CRM…</source>
        <translation>Aus CRM &amp;importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport for CRM…</source>
        <translation>Für C&amp;RM exportieren…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Export review pack…</source>
        <translation>Review-Paket e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export a&amp;genda…</source>
        <translation>&amp;Agenda exportieren…</translation>
    </message>
    <message>
        <source>Open for re&amp;view…</source>
        <translation>Für &amp;Review öffnen…</translation>
    </message>
    <message>
        <source>Open a &amp;team&apos;s folder for review…</source>
        <translation>&amp;Team-Ordner für Review öffnen…</translation>
    </message>
    <message>
        <source>Import review &amp;notes…</source>
        <translation>Review-N&amp;otizen importieren…</translation>
    </message>
    <message>
        <source>Coac&amp;hing items…</source>
        <translation>Coaching-&amp;Punkte…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;New deal…</source>
        <translation>&amp;Neue Verkaufschance…</translation>
    </message>
    <message>
        <source>&amp;Edit deal…</source>
        <translation>Verkaufschance &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete deal…</source>
        <translation>Verkaufschance &amp;löschen…</translation>
    </message>
    <message>
        <source>Move &amp;forward…</source>
        <translation>Eine Phase &amp;vor…</translation>
    </message>
    <message>
        <source>Move &amp;back…</source>
        <translation>Eine Phase &amp;zurück…</translation>
    </message>
    <message>
        <source>&amp;Snooze stale warning…</source>
        <translation>Ruhe-Warnung zurück&amp;stellen…</translation>
    </message>
    <message>
        <source>Record customer &amp;commitment…</source>
        <translation>Kunden&amp;zusage erfassen …</translation>
    </message>
    <message>
        <source>New &amp;account…</source>
        <translation>Neuer K&amp;unde…</translation>
    </message>
    <message>
        <source>S&amp;tage settings…</source>
        <translation>&amp;Phasen-Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Currencies and rates…</source>
        <translation>Währungen und &amp;Kurse…</translation>
    </message>
    <message>
        <source>C&amp;lose reasons…</source>
        <translation>Abschluss&amp;gründe…</translation>
    </message>
    <message>
        <source>Record &amp;forecast call…</source>
        <translation>&amp;Prognose abgeben…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Willkommen…</translation>
    </message>
    <message>
        <source>&amp;Filter deals</source>
        <translation>Verkaufschancen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>Alles &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;About Opportunity Planner</source>
        <translation>Übe&amp;r Opportunity Planner</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Phasenansicht</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>{n} open deal · plan file: {where} · every change is saved as you make it</source>
        <translation>{n} offene Verkaufschance · Plandatei: {where} · jede Änderung wird sofort gespeichert</translation>
    </message>
    <message>
        <source>{n} open deals · plan file: {where} · every change is saved as you make it</source>
        <translation>{n} offene Verkaufschancen · Plandatei: {where} · jede Änderung wird sofort gespeichert</translation>
    </message>
    <message>
        <source>The window could not show a change</source>
        <translation>Das Fenster konnte eine Änderung nicht anzeigen</translation>
    </message>
    <message>
        <source>Something went wrong while the window was updated ({error}). Nothing you entered was lost: the window now shows the plan as it is saved.</source>
        <translation>Beim Aktualisieren des Fensters ist ein Fehler aufgetreten ({error}). Nichts von Ihren Eingaben ging verloren: Das Fenster zeigt jetzt den Plan, wie er gespeichert ist.</translation>
    </message>
    <message>
        <source>Read-only: {reason}</source>
        <translation>Schreibgeschützt: {reason}</translation>
    </message>
    <message>
        <source>Save a copy as…</source>
        <translation>Kopie speichern unter…</translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <source>Create “{title}”</source>
        <translation>„{title}“ anlegen</translation>
    </message>
    <message>
        <source>The deal was not created</source>
        <translation>Die Verkaufschance wurde nicht angelegt</translation>
    </message>
    <message>
        <source>“{title}” for the new account “{name}”</source>
        <translation>„{title}“ für den neuen Kunden „{name}“</translation>
    </message>
    <message>
        <source>Edit “{title}” and move it to {stage}</source>
        <translation>„{title}“ bearbeiten und nach {stage} verschieben</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>„{title}“ bearbeiten</translation>
    </message>
    <message>
        <source>The deal was not saved</source>
        <translation>Die Verkaufschance wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Delete deal</source>
        <translation>Verkaufschance löschen</translation>
    </message>
    <message>
        <source>Delete “{title}” with its Blue Sheet and history?
You can undo this with Edit → Undo.</source>
        <translation>„{title}“ mit Blue Sheet und Verlauf löschen?
Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Delete “{title}”</source>
        <translation>„{title}“ löschen</translation>
    </message>
    <message>
        <source>The deal was not deleted</source>
        <translation>Die Verkaufschance wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>Move “{title}” to {stage}</source>
        <translation>„{title}“ nach {stage} verschieben</translation>
    </message>
    <message>
        <source>The deal was not moved</source>
        <translation>Die Verkaufschance wurde nicht verschoben</translation>
    </message>
    <message>
        <source>Place “{title}”</source>
        <translation>„{title}“ einordnen</translation>
    </message>
    <message>
        <source>The deal was not placed</source>
        <translation>Die Verkaufschance wurde nicht eingeordnet</translation>
    </message>
    <message>
        <source>The deal was not reopened</source>
        <translation>Die Verkaufschance wurde nicht wieder geöffnet</translation>
    </message>
    <message>
        <source>The commitment was not recorded</source>
        <translation>Die Kundenzusage wurde nicht erfasst</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Snoozed until {date}: {reason}

Clear the snooze?</source>
        <translation>Zurückgestellt bis {date}: {reason}

Zurückstellung aufheben?</translation>
    </message>
    <message>
        <source>Snooze stale warning</source>
        <translation>Ruhe-Warnung zurückstellen</translation>
    </message>
    <message>
        <source>Clear snooze</source>
        <translation>Zurückstellung aufheben</translation>
    </message>
    <message>
        <source>The snooze was not saved</source>
        <translation>Die Zurückstellung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>The change could not be undone or redone</source>
        <translation>Die Änderung konnte nicht rückgängig gemacht oder wiederholt werden</translation>
    </message>
    <message>
        <source>Review pack written: {files}</source>
        <translation>Review-Paket geschrieben: {files}</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your name, as your manager sees it on the review pack:</source>
        <translation>Ihr Name, wie Ihre Führungskraft ihn im Review-Paket sieht:</translation>
    </message>
    <message>
        <source>Import review notes</source>
        <translation>Review-Notizen importieren</translation>
    </message>
    <message>
        <source>The review notes import could not be put on the undo stack</source>
        <translation>Der Import der Review-Notizen konnte nicht in den Rückgängig-Verlauf aufgenommen werden</translation>
    </message>
    <message>
        <source>The import could not be put on the undo stack</source>
        <translation>Der Import konnte nicht in den Rückgängig-Verlauf aufgenommen werden</translation>
    </message>
    <message>
        <source>Change stage settings</source>
        <translation>Phasen-Einstellungen ändern</translation>
    </message>
    <message>
        <source>The stage settings were not saved</source>
        <translation>Die Phasen-Einstellungen wurden nicht gespeichert</translation>
    </message>
    <message>
        <source>Change close reasons</source>
        <translation>Abschlussgründe ändern</translation>
    </message>
    <message>
        <source>The close reasons were not saved</source>
        <translation>Die Abschlussgründe wurden nicht gespeichert</translation>
    </message>
    <message>
        <source>The currencies were not saved</source>
        <translation>Die Währungen wurden nicht gespeichert</translation>
    </message>
    <message>
        <source>Create account “{name}”</source>
        <translation>Kunde „{name}“ anlegen</translation>
    </message>
    <message>
        <source>Filter by title, account, product or person (Ctrl+F)</source>
        <translation>Nach Titel, Kunde, Produkt oder Ansprechpartner filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Shows only the deals whose title, account, product or people contain the text</source>
        <translation>Zeigt nur die Verkaufschancen, deren Titel, Kunde, Produkt oder Beteiligte die Eingabe enthalten</translation>
    </message>
    <message>
        <source>The account was not created</source>
        <translation>Der Kunde wurde nicht angelegt</translation>
    </message>
    <message>
        <source>Edit account “{name}”</source>
        <translation>Kunde „{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>The account was not saved</source>
        <translation>Der Kunde wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Delete “{name}” and its {n} deal, with its people and notes?
You can undo this with Edit → Undo.</source>
        <translation>„{name}“ und seine {n} Verkaufschance mit Personen und Notizen löschen?
Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Delete “{name}” and its {n} deals, with its people and notes?
You can undo this with Edit → Undo.</source>
        <translation>„{name}“ und seine {n} Verkaufschancen mit Personen und Notizen löschen?
Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Delete “{name}”, with its people and notes?
You can undo this with Edit → Undo.</source>
        <translation>„{name}“ mit Personen und Notizen löschen?
Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Kunde löschen</translation>
    </message>
    <message>
        <source>Delete account “{name}”</source>
        <translation>Kunde „{name}“ löschen</translation>
    </message>
    <message>
        <source>The account was not deleted</source>
        <translation>Der Kunde wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Neuer Plan</translation>
    </message>
    <message>
        <source>my-plan.plan</source>
        <translation>mein-plan.plan</translation>
    </message>
    <message>
        <source>Plans (*.plan);;All files (*)</source>
        <translation>Pläne (*.plan);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name, or open it.</source>
        <translation>{path} gibt es schon. Wählen Sie einen anderen Namen oder öffnen Sie die Datei.</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Plan öffnen</translation>
    </message>
    <message>
        <source>About Opportunity Planner</source>
        <translation>Über Opportunity Planner</translation>
    </message>
    <message>
        <source>Opportunity Planner {version}

Plan B2B deals offline with the Miller Heiman method.

This plan: {where}
License: MIT</source>
        <translation>Opportunity Planner {version}

B2B-Verkaufschancen offline nach der Miller-Heiman-Methode planen.

Dieser Plan: {where}
Lizenz: MIT</translation>
    </message>
    <message>
        <source>No other plans yet</source>
        <translation>Noch keine anderen Pläne</translation>
    </message>
    <message>
        <source>The plan file is read-only, so the change could not be saved. Make it writable and try again.</source>
        <translation>Die Plandatei ist schreibgeschützt, daher wurde die Änderung nicht gespeichert. Machen Sie sie beschreibbar und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Another program is writing to the plan file. Try again in a moment.</source>
        <translation>Ein anderes Programm schreibt gerade in die Plandatei. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The disk is full, so the change could not be saved; the plan still holds everything shown. Free some space and make the change again.</source>
        <translation>Der Datenträger ist voll, daher wurde die Änderung nicht gespeichert; der Plan enthält weiterhin alles Angezeigte. Schaffen Sie Platz und nehmen Sie die Änderung noch einmal vor.</translation>
    </message>
    <message>
        <source>The plan file could not be written ({error}); the plan still holds everything shown. Check the disk, then make the change again, or save a copy.</source>
        <translation>Die Plandatei konnte nicht geschrieben werden ({error}); der Plan enthält weiterhin alles Angezeigte. Prüfen Sie den Datenträger und nehmen Sie die Änderung noch einmal vor, oder speichern Sie eine Kopie.</translation>
    </message>
    <message>
        <source>The change could not be saved: {error}</source>
        <translation>Die Änderung konnte nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicates</source>
        <translation>Doppelte zusammenführen</translation>
    </message>
    <message>
        <source>These look like the same person. Keep one: the others&apos; deals move to it, and their empty details are filled in from the others.</source>
        <translation>Das scheint dieselbe Person zu sein. Behalten Sie einen Eintrag: Die Verkaufschancen der anderen gehen auf ihn über, und seine leeren Angaben werden aus den anderen ergänzt.</translation>
    </message>
    <message>
        <source>{name}, {title} ({deals}; {email})</source>
        <translation>{name}, {title} ({deals}; {email})</translation>
    </message>
    <message>
        <source>{n} deal</source>
        <translation>{n} Verkaufschance</translation>
    </message>
    <message>
        <source>{n} deals</source>
        <translation>{n} Verkaufschancen</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <source>Growth</source>
        <translation>Wachstum</translation>
    </message>
    <message>
        <source>Trouble</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Even Keel</source>
        <translation>Gleichlauf</translation>
    </message>
    <message>
        <source>Overconfident</source>
        <translation>Übersicherheit</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>What did the customer sign or order?</source>
        <translation>Was hat der Kunde unterschrieben oder bestellt?</translation>
    </message>
    <message>
        <source>Lost to whom, and why?</source>
        <translation>An wen verloren, und warum?</translation>
    </message>
    <message>
        <source>Why did we walk away?</source>
        <translation>Warum haben wir uns zurückgezogen?</translation>
    </message>
    <message>
        <source>Move to {stage}</source>
        <translation>Nach {stage} verschieben</translation>
    </message>
    <message>
        <source>“{title}” moves from {source} to {target}. Which commitment did the customer make?</source>
        <translation>„{title}“ wechselt von {source} nach {target}. Welche Zusage hat der Kunde gemacht?</translation>
    </message>
    <message>
        <source>{commitment} (recorded {date})</source>
        <translation>{commitment} (erfasst am {date})</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Another commitment, in the customer&apos;s words</source>
        <translation>Eine andere Zusage, in den Worten des Kunden</translation>
    </message>
    <message>
        <source>&amp;Other</source>
        <translation>&amp;Andere</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>Close as {stage}</source>
        <translation>Als {stage} abschließen</translation>
    </message>
    <message>
        <source>“{title}” closes as {stage}.</source>
        <translation>„{title}“ wird als {stage} abgeschlossen.</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>Grund wählen</translation>
    </message>
    <message>
        <source>Why the deal closed, from the plan&apos;s list (Edit → Close reasons…); the win/loss view in the Archive counts deals by it.</source>
        <translation>Warum die Verkaufschance abgeschlossen wurde, aus der Liste des Plans (Bearbeiten → Abschlussgründe…); die Gewinn/Verlust-Übersicht im Archiv zählt danach.</translation>
    </message>
    <message>
        <source>Who we beat (optional)</source>
        <translation>Wen wir geschlagen haben (freiwillig)</translation>
    </message>
    <message>
        <source>Who won, when a competitor won</source>
        <translation>Wer gewann, wenn ein Wettbewerber gewann</translation>
    </message>
    <message>
        <source>Actual &amp;close date</source>
        <translation>Tatsächliches &amp;Abschlussdatum</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Com&amp;petitor</source>
        <translation>&amp;Wettbewerber</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Move back to {stage}</source>
        <translation>Zurück nach {stage} verschieben</translation>
    </message>
    <message>
        <source>“{title}” moves back from {source} to {target}. Why?</source>
        <translation>„{title}“ geht von {source} zurück nach {target}. Warum?</translation>
    </message>
    <message>
        <source>e.g. the economic buyer changed; evaluation restarts</source>
        <translation>z. B. der wirtschaftliche Entscheider hat gewechselt; die Bewertung beginnt neu</translation>
    </message>
    <message>
        <source>Every commitment that enters {stage} is on record: no new one is needed.</source>
        <translation>Jede Zusage für den Eintritt in {stage} ist erfasst: Eine neue ist nicht nötig.</translation>
    </message>
    <message>
        <source>{stage} will show Premature: never recorded: {missing}</source>
        <translation>{stage} wird „Verfrüht“ zeigen: nie erfasst: {missing}</translation>
    </message>
</context>
<context>
    <name>NoteListModel</name>
    <message>
        <source>Manager&apos;s coaching note (read-only)</source>
        <translation>Coaching-Notiz der Führungskraft (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Privatnotiz</translation>
    </message>
    <message>
        <source>Shareable note</source>
        <translation>Teilbare Notiz</translation>
    </message>
</context>
<context>
    <name>NoteSection</name>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Write a note on this deal…</source>
        <translation>Notiz zu dieser Verkaufschance schreiben…</translation>
    </message>
    <message>
        <source>&amp;Private: never exported unless you ask</source>
        <translation>&amp;Privat: wird nur auf Ihren Wunsch exportiert</translation>
    </message>
    <message>
        <source>A coaching note from your manager: read-only.</source>
        <translation>Eine Coaching-Notiz Ihrer Führungskraft: schreibgeschützt.</translation>
    </message>
    <message>
        <source>&amp;New note</source>
        <translation>&amp;Neue Notiz</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>Notiz &amp;speichern</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+Return)</source>
        <translation>Die Notiz speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Delete the selected note (Delete)</source>
        <translation>Die ausgewählte Notiz löschen (Entf)</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <translation>Ausb&amp;lenden</translation>
    </message>
    <message>
        <source>Hide your manager&apos;s coaching note from this deal (Undo shows it again)</source>
        <translation>Die Coaching-Notiz Ihrer Führungskraft bei dieser Verkaufschance ausblenden (Rückgängig zeigt sie wieder)</translation>
    </message>
</context>
<context>
    <name>ObjectiveSection</name>
    <message>
        <source>Single Sales Objective</source>
        <translation>Einzelverkaufsziel</translation>
    </message>
    <message>
        <source>The product or service, e.g. Fleet Telematics</source>
        <translation>Das Produkt oder die Dienstleistung, z. B. Flottentelematik</translation>
    </message>
    <message>
        <source>How many units, e.g. 120</source>
        <translation>Wie viele Einheiten, z. B. 120</translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <translation>z. B. {amount}</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Produkt</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Menge</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>&amp;Close date</source>
        <translation>&amp;Abschlussdatum</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>The five tests</source>
        <translation>Die fünf Prüfungen</translation>
    </message>
    <message>
        <source>Current position: how do you feel about this deal?</source>
        <translation>Aktuelle Einschätzung: Wie sicher sind Sie sich?</translation>
    </message>
    <message>
        <source>Current position, Panic {minus}5 to Euphoric +5</source>
        <translation>Aktuelle Einschätzung, Panik {minus}5 bis Euphorisch +5</translation>
    </message>
    <message>
        <source>Panic {minus}5</source>
        <translation>Panik {minus}5</translation>
    </message>
    <message>
        <source>Euphoric +5</source>
        <translation>Euphorisch +5</translation>
    </message>
    <message>
        <source>Both ends are warnings: euphoria is often blindness, panic needs a plan.</source>
        <translation>Beide Enden sind Warnungen: Euphorie macht oft blind, Panik braucht einen Plan.</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Clear the current position</source>
        <translation>Die aktuelle Einschätzung zurücksetzen</translation>
    </message>
    <message>
        <source>{test}: {hint}</source>
        <translation>{test}: {hint}</translation>
    </message>
    <message>
        <source>Not set: move the slider to say how you feel about this deal.</source>
        <translation>Nicht festgelegt: Zeigen Sie mit dem Schieberegler, wie sicher Sie sich bei dieser Verkaufschance fühlen.</translation>
    </message>
    <message>
        <source>The stored position ({position}) is off the scale: set it again.</source>
        <translation>Die gespeicherte Einschätzung ({position}) liegt außerhalb der Skala: Legen Sie sie neu fest.</translation>
    </message>
    <message>
        <source>{position}: {advice}</source>
        <translation>{position}: {advice}</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>That deal no longer exists.</source>
        <translation>Diese Verkaufschance gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>“{title}” is {stage}: its forecast category follows the outcome.</source>
        <translation>„{title}“ ist {stage}: Die Prognosekategorie folgt dem Ergebnis.</translation>
    </message>
    <message>
        <source>A deal counts as Closed once it is won: move it to the Won stage.</source>
        <translation>Eine Chance zählt als Abgeschlossen, sobald sie gewonnen ist: Verschieben Sie sie in die Phase Gewonnen.</translation>
    </message>
    <message>
        <source>A target is an amount between 0 and 1,000,000,000,000.</source>
        <translation>Ein Ziel ist ein Betrag zwischen 0 und 1.000.000.000.000.</translation>
    </message>
    <message>
        <source>The fiscal year starts in a month from 1 (January) to 12 (December).</source>
        <translation>Das Geschäftsjahr beginnt in einem Monat von 1 (Januar) bis 12 (Dezember).</translation>
    </message>
    <message>
        <source>{key} is not a forecast setting.</source>
        <translation>{key} ist keine Einstellung der Prognose.</translation>
    </message>
    <message>
        <source>Choose one or more deals first.</source>
        <translation>Wählen Sie zuerst eine oder mehrere Verkaufschancen.</translation>
    </message>
    <message>
        <source>One of the deals no longer exists.</source>
        <translation>Eine der Verkaufschancen gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>“{title}” is already closed.</source>
        <translation>„{title}“ ist bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>A new close date is today or later: an earlier one would be overdue at once.</source>
        <translation>Ein neues Abschlussdatum ist heute oder später: Ein früheres wäre sofort überfällig.</translation>
    </message>
    <message>
        <source>The plan has no Walked away stage: add one in the stage settings.</source>
        <translation>Der Plan hat keine Phase „Aufgegeben“: Legen Sie eine in den Phaseneinstellungen an.</translation>
    </message>
    <message>
        <source>Say why you walk away: the reason stays with the deal in the archive.</source>
        <translation>Sagen Sie, warum Sie aufgeben: Der Grund bleibt bei der Chance im Archiv.</translation>
    </message>
    <message>
        <source>That stage no longer exists.</source>
        <translation>Diese Phase gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>That account no longer exists.</source>
        <translation>Diesen Kunden gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Account name cannot be empty.</source>
        <translation>Der Kundenname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The parent account no longer exists.</source>
        <translation>Den übergeordneten Kunden gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>An account cannot be its own parent or a subsidiary&apos;s subsidiary.</source>
        <translation>Ein Kunde kann nicht sein eigener übergeordneter Kunde oder die Tochter seiner Tochter sein.</translation>
    </message>
    <message>
        <source>The deal is already in {target}.</source>
        <translation>Die Chance ist bereits in {target}.</translation>
    </message>
    <message>
        <source>Say which customer commitment moved the deal forward.</source>
        <translation>Sagen Sie, welche Kundenzusage die Chance weitergebracht hat.</translation>
    </message>
    <message>
        <source>Say why the deal moves back or closes.</source>
        <translation>Sagen Sie, warum die Chance zurückgeht oder abgeschlossen wird.</translation>
    </message>
    <message>
        <source>The plan has no open stage to return the deal to.</source>
        <translation>Der Plan hat keine offene Phase, in die die Chance zurückkehren kann.</translation>
    </message>
    <message>
        <source>Say why the deal is stalled.</source>
        <translation>Sagen Sie, warum die Chance ruht.</translation>
    </message>
    <message>
        <source>The snooze must last until today or later.</source>
        <translation>Das Zurückstellen muss bis heute oder später dauern.</translation>
    </message>
    <message>
        <source>Every stage needs a name.</source>
        <translation>Jede Phase braucht einen Namen.</translation>
    </message>
    <message>
        <source>A plan has at most {limit} stages.</source>
        <translation>Ein Plan hat höchstens {limit} Phasen.</translation>
    </message>
    <message>
        <source>A stage name is at most {limit} characters.</source>
        <translation>Ein Phasenname hat höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <source>A stage has at most {count} exit commitments of at most {limit} characters each.</source>
        <translation>Eine Phase hat höchstens {count} Kundenzusagen mit je höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <source>Two stages are called {duplicates}.</source>
        <translation>Zwei Phasen heißen {duplicates}.</translation>
    </message>
    <message>
        <source>Keep at least one open stage.</source>
        <translation>Behalten Sie mindestens eine offene Phase.</translation>
    </message>
    <message>
        <source>Keep a stage for {label}: closing a deal needs it.</source>
        <translation>Behalten Sie eine Phase für {label}: Der Abschluss einer Chance braucht sie.</translation>
    </message>
    <message>
        <source>Probabilities are between 0 and 100 %.</source>
        <translation>Wahrscheinlichkeiten liegen zwischen 0 und 100 %.</translation>
    </message>
    <message>
        <source>Stale-after days are between 1 and 3650.</source>
        <translation>Die Tage bis „ruht“ liegen zwischen 1 und 3650.</translation>
    </message>
    <message>
        <source>A stage changed meanwhile; reopen the stage settings.</source>
        <translation>Eine Phase hat sich inzwischen geändert; öffnen Sie die Phaseneinstellungen erneut.</translation>
    </message>
    <message>
        <source>Say where the deals of {name} go.</source>
        <translation>Sagen Sie, wohin die Chancen aus {name} gehen.</translation>
    </message>
    <message>
        <source>The rate for {code} must be a positive number.</source>
        <translation>Der Kurs für {code} muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>{what} must be text.</source>
        <translation>{what} muss Text sein.</translation>
    </message>
    <message>
        <source>{what} is too long (at most {limit} characters).</source>
        <translation>{what} ist zu lang (höchstens {limit} Zeichen).</translation>
    </message>
    <message>
        <source>The commitment</source>
        <translation>Die Kundenzusage</translation>
    </message>
    <message>
        <source>Say what the customer committed to.</source>
        <translation>Sagen Sie, was der Kunde zugesagt hat.</translation>
    </message>
    <message>
        <source>The commitment needs the day it was made.</source>
        <translation>Die Kundenzusage braucht den Tag, an dem sie gemacht wurde.</translation>
    </message>
    <message>
        <source>A commitment cannot be dated in the future.</source>
        <translation>Eine Kundenzusage kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>That call plan no longer exists.</source>
        <translation>Diesen Gesprächsplan gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Who committed</source>
        <translation>Wer zugesagt hat</translation>
    </message>
    <message>
        <source>That commitment no longer exists.</source>
        <translation>Diese Kundenzusage gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>{what} cannot be empty.</source>
        <translation>{what} darf nicht leer sein.</translation>
    </message>
    <message>
        <source>{what} must be a date.</source>
        <translation>{what} muss ein Datum sein.</translation>
    </message>
    <message>
        <source>{what} must be between the years 1900 and 2200.</source>
        <translation>{what} muss zwischen den Jahren 1900 und 2200 liegen.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity must be a number.</source>
        <translation>Die Menge muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>Quantity must be a positive number.</source>
        <translation>Die Menge muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>Amount must be a number.</source>
        <translation>Der Betrag muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>The close date</source>
        <translation>Das Abschlussdatum</translation>
    </message>
    <message>
        <source>The current position runs from Panic (−5) to Euphoric (+5).</source>
        <translation>Die aktuelle Position reicht von Panik (−5) bis Euphorie (+5).</translation>
    </message>
    <message>
        <source>“{value}” is not a {what}: choose {choices}.</source>
        <translation>„{value}“ ist kein gültiger Wert für {what}: Wählen Sie {choices}.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Economic, User, Technical, Coach or Unknown</source>
        <translation>Wirtschaftlicher Entscheider, Anwender, Technischer Prüfer, Coach oder Unbekannt</translation>
    </message>
    <message>
        <source>degree of influence</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <source>High, Medium, Low or Unknown</source>
        <translation>hoch, mittel, gering oder unbekannt</translation>
    </message>
    <message>
        <source>response mode</source>
        <translation>Reaktionsmodus</translation>
    </message>
    <message>
        <source>Growth, Trouble, Even Keel, Overconfident or Unknown</source>
        <translation>Wachstum, Problem, Gleichlauf, Übersicherheit oder Unbekannt</translation>
    </message>
    <message>
        <source>“{concept_kind}” is not a kind of concept: choose accomplish, fix or avoid.</source>
        <translation>„{concept_kind}“ ist keine Art von Konzept: Wählen Sie erreichen, beheben oder vermeiden.</translation>
    </message>
    <message>
        <source>A rating runs from −5 to +5, or is Unknown; {rating} is not one.</source>
        <translation>Eine Bewertung reicht von −5 bis +5 oder ist unbekannt; {rating} ist keine.</translation>
    </message>
    <message>
        <source>Reports-to must be someone at the deal&apos;s account.</source>
        <translation>„Berichtet an“ muss jemand beim Kunden der Chance sein.</translation>
    </message>
    <message>
        <source>Nobody reports to themself: choose someone else, or nobody.</source>
        <translation>Niemand berichtet an sich selbst: Wählen Sie jemand anderen oder niemanden.</translation>
    </message>
    <message>
        <source>The last contact</source>
        <translation>Der letzte Kontakt</translation>
    </message>
    <message>
        <source>The Win</source>
        <translation>Der persönliche Gewinn</translation>
    </message>
    <message>
        <source>The Result</source>
        <translation>Das Geschäftsergebnis</translation>
    </message>
    <message>
        <source>The Concept</source>
        <translation>Das Konzept</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Betreut von</translation>
    </message>
    <message>
        <source>The evidence</source>
        <translation>Der Nachweis</translation>
    </message>
    <message>
        <source>{name} cannot report to {boss_name}: {boss_name} already reports to {name}, directly or through others.</source>
        <translation>{name} kann nicht an {boss_name} berichten: {boss_name} berichtet bereits an {name}, direkt oder über andere.</translation>
    </message>
    <message>
        <source>That person no longer exists.</source>
        <translation>Diese Person gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>{person} is a buying influence on {deal} at their account: take them off its Blue Sheet before moving them to another account.</source>
        <translation>{person} ist Einflussnehmer bei {deal} dieses Kunden: Nehmen Sie die Person vom Blue Sheet, bevor Sie sie einem anderen Kunden zuordnen.</translation>
    </message>
    <message>
        <source>Say the person&apos;s name.</source>
        <translation>Geben Sie den Namen der Person an.</translation>
    </message>
    <message>
        <source>Choose two different people to merge.</source>
        <translation>Wählen Sie zwei verschiedene Personen zum Zusammenführen.</translation>
    </message>
    <message>
        <source>Only people of the same account can be merged.</source>
        <translation>Nur Personen desselben Kunden können zusammengeführt werden.</translation>
    </message>
    <message>
        <source>{person} is not at this deal&apos;s account.</source>
        <translation>{person} ist nicht beim Kunden dieser Chance.</translation>
    </message>
    <message>
        <source>{person} is already a buying influence on this deal.</source>
        <translation>{person} ist bereits Einflussperson bei dieser Chance.</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>Der Name</translation>
    </message>
    <message>
        <source>The job title</source>
        <translation>Die Position</translation>
    </message>
    <message>
        <source>The email address</source>
        <translation>Die E-Mail-Adresse</translation>
    </message>
    <message>
        <source>The phone number</source>
        <translation>Die Telefonnummer</translation>
    </message>
    <message>
        <source>The notes on this person</source>
        <translation>Die Notizen zu dieser Person</translation>
    </message>
    <message>
        <source>Give the deal an account first: buying influences are people at the customer&apos;s account.</source>
        <translation>Geben Sie der Chance zuerst einen Kunden: Einflusspersonen sind Menschen beim Kunden.</translation>
    </message>
    <message>
        <source>That buying influence no longer exists.</source>
        <translation>Diese Einflussperson gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>A buying influence stays on its deal: add the person to the other deal.</source>
        <translation>Eine Einflussperson bleibt bei ihrer Chance: Fügen Sie die Person der anderen Chance hinzu.</translation>
    </message>
    <message>
        <source>A person stays at their account.</source>
        <translation>Eine Person bleibt bei ihrem Kunden.</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of competition: choose another vendor, internal resources, budget spent elsewhere or doing nothing.</source>
        <translation>„{value}“ ist keine Art von Wettbewerb: Wählen Sie anderer Anbieter, interne Ressourcen, Budget anderweitig ausgegeben oder Nichtstun.</translation>
    </message>
    <message>
        <source>Name the other vendor.</source>
        <translation>Nennen Sie den anderen Anbieter.</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Die Notizen</translation>
    </message>
    <message>
        <source>That competitor no longer exists.</source>
        <translation>Diesen Wettbewerber gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>“{value}” is not a status: choose possible, planned or done.</source>
        <translation>„{value}“ ist kein Status: Wählen Sie möglich, geplant oder erledigt.</translation>
    </message>
    <message>
        <source>The link</source>
        <translation>Die Verknüpfung</translation>
    </message>
    <message>
        <source>“{link}” is not a red flag or strength the planner knows.</source>
        <translation>„{link}“ ist kein Warnsignal und keine Stärke, die der Planer kennt.</translation>
    </message>
    <message>
        <source>The completion date</source>
        <translation>Das Erledigungsdatum</translation>
    </message>
    <message>
        <source>What the action is</source>
        <translation>Die Maßnahme</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>The due date</source>
        <translation>Das Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>That action no longer exists.</source>
        <translation>Diese Maßnahme gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The next step</source>
        <translation>Der nächste Schritt</translation>
    </message>
    <message>
        <source>The strength</source>
        <translation>Die Stärke</translation>
    </message>
    <message>
        <source>The red flag</source>
        <translation>Das Warnsignal</translation>
    </message>
    <message>
        <source>That buying influence is not on this deal.</source>
        <translation>Diese Einflussperson gehört nicht zu dieser Chance.</translation>
    </message>
    <message>
        <source>That red flag or strength no longer exists.</source>
        <translation>Dieses Warnsignal oder diese Stärke gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Coaching notes are your manager&apos;s: they cannot be changed or removed here.</source>
        <translation>Coaching-Notizen gehören Ihrer Führungskraft: Sie können hier nicht geändert oder entfernt werden.</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Die Notiz</translation>
    </message>
    <message>
        <source>That note no longer exists.</source>
        <translation>Diese Notiz gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Only your manager&apos;s coaching notes are hidden; delete your own notes.</source>
        <translation>Nur Coaching-Notizen Ihrer Führungskraft werden ausgeblendet; Ihre eigenen Notizen löschen Sie.</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Edit deal</source>
        <translation>Verkaufschance bearbeiten</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Neue Verkaufschance</translation>
    </message>
    <message>
        <source>What the customer buys, e.g. Fleet Telematics rollout</source>
        <translation>Was der Kunde kauft, z. B. Einführung Flotten-Telematik</translation>
    </message>
    <message>
        <source>e.g. 25 licences</source>
        <translation>z. B. 25 Lizenzen</translation>
    </message>
    <message>
        <source>e.g. 120000</source>
        <translation>z. B. 120000</translation>
    </message>
    <message>
        <source>A new account: OK creates it with the deal.</source>
        <translation>Ein neuer Kunde: OK legt ihn mit der Chance an.</translation>
    </message>
    <message>
        <source>How many: a number, with its unit if you like (25 licences). The number is kept; Product says what is counted.</source>
        <translation>Wie viele: eine Zahl, gern mit Einheit (25 Lizenzen). Gespeichert wird die Zahl; was gezählt wird, steht unter Produkt.</translation>
    </message>
    <message>
        <source>Stage default</source>
        <translation>Vorgabe der Phase</translation>
    </message>
    <message>
        <source>From the stage</source>
        <translation>Aus der Phase</translation>
    </message>
    <message>
        <source>The earliest open action of the Blue Sheet, shown on the card. Typing here renames it, or plans one when there is none; its date and status are set in the Blue Sheet.</source>
        <translation>Die früheste offene Maßnahme des Blue Sheets, wie auf der Karte. Eine Eingabe hier benennt sie um oder plant eine, wenn es keine gibt; Datum und Status legen Sie im Blue Sheet fest.</translation>
    </message>
    <message>
        <source>Next step on the card</source>
        <translation>Nächster Schritt auf der Karte</translation>
    </message>
    <message>
        <source>On the card: {step}</source>
        <translation>Auf der Karte: {step}</translation>
    </message>
    <message>
        <source>None planned: type it to add it to the action plan</source>
        <translation>Keiner geplant: hier eingeben, um ihn in den Maßnahmenplan aufzunehmen</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Produkt</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Menge</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>&amp;Close date</source>
        <translation>&amp;Abschlussdatum</translation>
    </message>
    <message>
        <source>Pipe&amp;line</source>
        <translation>P&amp;ipeline</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>P&amp;hase</translation>
    </message>
    <message>
        <source>Pro&amp;bability</source>
        <translation>Wahr&amp;scheinlichkeit</translation>
    </message>
    <message>
        <source>&amp;Forecast category</source>
        <translation>Progn&amp;osekategorie</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>&amp;Nächster Schritt</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>Prüfhinweis</translation>
    </message>
    <message>
        <source>Type to find an account, or a new name</source>
        <translation>Kunden suchen oder neuen Namen eingeben</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>The next step cannot be left empty: to drop it, mark its action done or remove it in the Blue Sheet.</source>
        <translation>Der nächste Schritt darf nicht leer bleiben: Um ihn zu verwerfen, markieren Sie seine Maßnahme im Blue Sheet als erledigt oder entfernen Sie sie dort.</translation>
    </message>
    <message>
        <source>Account name is too long (at most {count} characters).</source>
        <translation>Der Kundenname ist zu lang (höchstens {count} Zeichen).</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>{deal}: {role}, {mode}, {rating}</source>
        <translation>{deal}: {role}, {mode}, {rating}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Met by</source>
        <translation>Getroffen von</translation>
    </message>
    <message>
        <source>Deals (role, mode, rating)</source>
        <translation>Verkaufschancen (Rolle, Modus, Bewertung)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>No deal</source>
        <translation>Keine Verkaufschance</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>Person &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit person…</source>
        <translation>Person &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Merge duplicates…</source>
        <translation>Doppelte &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>Their deals (double-click to open)</source>
        <translation>Ihre Verkaufschancen (Doppelklick öffnet)</translation>
    </message>
    <message>
        <source>Their deals</source>
        <translation>Ihre Verkaufschancen</translation>
    </message>
    <message>
        <source>Likely duplicates (same account, same name)</source>
        <translation>Wahrscheinlich doppelt (gleicher Kunde, gleicher Name)</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Wahrscheinlich doppelt</translation>
    </message>
    <message>
        <source>{people}, {duplicates}</source>
        <translation>{people}, {duplicates}</translation>
    </message>
    <message>
        <source>{n} person</source>
        <translation>{n} Person</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} Personen</translation>
    </message>
    <message>
        <source>{n} likely duplicate</source>
        <translation>{n} wahrscheinlich doppelt</translation>
    </message>
    <message>
        <source>{n} likely duplicates</source>
        <translation>{n} wahrscheinlich doppelt</translation>
    </message>
    <message>
        <source>{name} at {account} ({count} records)</source>
        <translation>{name} bei {account} ({count} Einträge)</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>{name} hinzufügen</translation>
    </message>
    <message>
        <source>The person was not added</source>
        <translation>Die Person wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>The person was not saved</source>
        <translation>Die Person wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Merge duplicates of {name}</source>
        <translation>Doppelte von {name} zusammenführen</translation>
    </message>
    <message>
        <source>The people were not merged</source>
        <translation>Die Personen wurden nicht zusammengeführt</translation>
    </message>
</context>
<context>
    <name>PerformanceView</name>
    <message>
        <source>Closed (won / lost / walked away)</source>
        <translation>Abgeschlossen (gewonnen / verloren / aufgegeben)</translation>
    </message>
    <message>
        <source>Each column counts the deals closed in it: a deal counts in the quarter of its closing day.</source>
        <translation>Jede Spalte zählt die darin abgeschlossenen Verkaufschancen: eine Verkaufschance zählt im Quartal ihres Abschlusstags.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konversion</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>Tage im Schnitt</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Tage im Median</translation>
    </message>
    <message>
        <source>How many of the deals closed in the period entered the stage.</source>
        <translation>Wie viele der im Zeitraum abgeschlossenen Verkaufschancen die Phase erreicht haben.</translation>
    </message>
    <message>
        <source>Deals closed from {start} to {end}</source>
        <translation>Verkaufschancen abgeschlossen vom {start} bis {end}</translation>
    </message>
    <message>
        <source>Win rate by quarter</source>
        <translation>Gewinnquote je Quartal</translation>
    </message>
    <message>
        <source>Days per stage, {period}</source>
        <translation>Tage je Phase, {period}</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Conversion funnel, {period}</source>
        <translation>Konversions-Funnel, {period}</translation>
    </message>
    <message>
        <source>Deals that entered the stage</source>
        <translation>Verkaufschancen, die die Phase erreicht haben</translation>
    </message>
    <message>
        <source>{stage} ({conversion})</source>
        <translation>{stage} ({conversion})</translation>
    </message>
    <message>
        <source>{quarter}: {count} by count, {value} by value.</source>
        <translation>{quarter}: {count} nach Anzahl, {value} nach Wert.</translation>
    </message>
    <message>
        <source>{stage}: {entered} entered, {conversion} went further; {average} on average.</source>
        <translation>{stage}: {entered} erreicht, {conversion} kamen weiter; im Schnitt {average}.</translation>
    </message>
    <message>
        <source>Last quarter shown</source>
        <translation>Letztes gezeigtes Quartal</translation>
    </message>
    <message>
        <source>&amp;Last quarter shown:</source>
        <translation>&amp;Letztes gezeigtes Quartal:</translation>
    </message>
    <message>
        <source>Accountability figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Conversion and days per stage</source>
        <translation>Konversion und Tage je Phase</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Win rate trend</source>
        <translation>Verlauf der Gewinnquote</translation>
    </message>
    <message>
        <source>Days per stage</source>
        <translation>Tage je Phase</translation>
    </message>
    <message>
        <source>Conversion funnel</source>
        <translation>Konversions-Funnel</translation>
    </message>
    <message>
        <source>By stage, {period}</source>
        <translation>Nach Phase, {period}</translation>
    </message>
    <message>
        <source>{period}: a deal counts in the quarter it was closed in. Amounts in {currency}. Hover a figure for its definition.</source>
        <translation>{period}: eine Verkaufschance zählt im Quartal, in dem sie abgeschlossen wurde. Beträge in {currency}. Für die Definition einer Kennzahl den Mauszeiger darauf halten.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Ansprechpartner bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Funktion</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>This person is a buying influence on {n} deal: it changes.</source>
        <translation>Dieser Ansprechpartner ist Einflussperson bei {n} Verkaufschance: sie ändert sich mit.</translation>
    </message>
    <message>
        <source>This person is a buying influence on {n} deals: all of them change.</source>
        <translation>Dieser Ansprechpartner ist Einflussperson bei {n} Verkaufschancen: alle ändern sich mit.</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
</context>
<context>
    <name>PipelineSwitch</name>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Show one pipeline on the board, or all of them</source>
        <translation>Eine Pipeline zeigen oder alle</translation>
    </message>
    <message>
        <source>All pipelines</source>
        <translation>Alle Pipelines</translation>
    </message>
    <message>
        <source>Count one pipeline&apos;s deals, or all of them</source>
        <translation>Die Verkaufschancen einer Pipeline zählen oder alle</translation>
    </message>
</context>
<context>
    <name>PlanFile</name>
    <message>
        <source>An in-memory plan has no backups.</source>
        <translation>Ein Plan im Arbeitsspeicher hat keine Sicherungen.</translation>
    </message>
    <message>
        <source>The backup {backup} cannot be restored: {problem}.</source>
        <translation>Die Sicherung {backup} kann nicht wiederhergestellt werden: {problem}.</translation>
    </message>
    <message>
        <source>The backup {backup} could not be restored ({error}); the plan is unchanged.</source>
        <translation>Die Sicherung {backup} konnte nicht wiederhergestellt werden ({error}); der Plan ist unverändert.</translation>
    </message>
    <message>
        <source>{plan_path} is open in this window; restore it from there.</source>
        <translation>{plan_path} ist in diesem Fenster geöffnet; stellen Sie sie von dort wieder her.</translation>
    </message>
    <message>
        <source>{plan_path} is open in another window; close it there first.</source>
        <translation>{plan_path} ist in einem anderen Fenster geöffnet; schließen Sie sie dort zuerst.</translation>
    </message>
    <message>
        <source>{plan_path} is being restored in another window; open it again in a moment.</source>
        <translation>{plan_path} wird gerade in einem anderen Fenster wiederhergestellt; öffnen Sie ihn gleich noch einmal.</translation>
    </message>
    <message>
        <source>A restore of {name} was interrupted before it replaced the plan, so the plan was left as it was.</source>
        <translation>Eine Wiederherstellung von {name} wurde unterbrochen, bevor sie den Plan ersetzt hat; der Plan ist daher unverändert.</translation>
    </message>
    <message>
        <source>A restore of {name} was interrupted; it has now been finished: the plan holds the backup that was chosen, and the damaged plan is kept in {folder}.</source>
        <translation>Eine Wiederherstellung von {name} wurde unterbrochen und ist jetzt abgeschlossen: Der Plan enthält die gewählte Sicherung, der beschädigte Plan liegt in {folder}.</translation>
    </message>
    <message>
        <source>{dest} already exists; choose another name.</source>
        <translation>{dest} gibt es bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cannot write {dest}: {error}.</source>
        <translation>{dest} kann nicht geschrieben werden: {error}.</translation>
    </message>
    <message>
        <source>Cannot open {path}: {parent} is not a folder.</source>
        <translation>{path} kann nicht geöffnet werden: {parent} ist kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot open {path}: {error}.</source>
        <translation>{path} kann nicht geöffnet werden: {error}.</translation>
    </message>
    <message>
        <source>No plan at {path}.</source>
        <translation>Kein Plan unter {path}.</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder {parent} does not exist.</source>
        <translation>{path} kann nicht angelegt werden: Den Ordner {parent} gibt es nicht.</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder {parent} is not writable.</source>
        <translation>{path} kann nicht angelegt werden: Der Ordner {parent} ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Cannot create {path}: {error}.</source>
        <translation>{path} kann nicht angelegt werden: {error}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a plan file.</source>
        <translation>{path} ist ein Ordner, keine Plandatei.</translation>
    </message>
    <message>
        <source>{path} is not a regular file, not a plan.</source>
        <translation>{path} ist keine normale Datei und kein Plan.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}.</source>
        <translation>{path} kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>{path} is an empty file, not a plan.</source>
        <translation>{path} ist eine leere Datei, kein Plan.</translation>
    </message>
    <message>
        <source>{path} is not a plan file (it is not an SQLite database).</source>
        <translation>{path} ist keine Plandatei (keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <source>{path} is a damaged SQLite file, not a plan.</source>
        <translation>{path} ist eine beschädigte SQLite-Datei, kein Plan.</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another program, not a plan.</source>
        <translation>{path} ist eine SQLite-Datenbank eines anderen Programms, kein Plan.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Opportunity Planner; update the planner to open it.</source>
        <translation>{path} wurde von einer neueren Version von Opportunity Planner geschrieben; aktualisieren Sie den Planer, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>{path} cannot be read as a plan: {error}.</source>
        <translation>{path} kann nicht als Plan gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}). Nothing was written to it.</source>
        <translation>{path} ist beschädigt ({problem}). Es wurde nichts hineingeschrieben.</translation>
    </message>
    <message>
        <source>{where} was written by a newer version of Opportunity Planner; update the planner to open it.</source>
        <translation>{where} wurde von einer neueren Version von Opportunity Planner geschrieben; aktualisieren Sie den Planer, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>A restore of {path} was interrupted, and cannot be finished now: {error}.</source>
        <translation>Eine Wiederherstellung von {path} wurde unterbrochen und kann jetzt nicht abgeschlossen werden: {error}.</translation>
    </message>
    <message>
        <source>{path} is missing because a restore of it was interrupted. Open it in the planner window to finish the restore.</source>
        <translation>{path} fehlt, weil seine Wiederherstellung unterbrochen wurde. Öffnen Sie ihn im Planner-Fenster, um die Wiederherstellung abzuschließen.</translation>
    </message>
    <message>
        <source>Cannot upgrade {path}: a backup could not be written first ({error}). Nothing was changed.</source>
        <translation>{path} kann nicht aktualisiert werden: Zuvor konnte keine Sicherung geschrieben werden ({error}). Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Nothing can be read from {source}: {error}.</source>
        <translation>Aus {source} kann nichts gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>trigger “{name}” on “{table}”</source>
        <translation>Trigger „{name}“ auf „{table}“</translation>
    </message>
    <message>
        <source>index “{name}” on “{table}”</source>
        <translation>Index „{name}“ auf „{table}“</translation>
    </message>
    <message>
        <source>view “{name}”</source>
        <translation>Sicht „{name}“</translation>
    </message>
    <message>
        <source>table “{name}”</source>
        <translation>Tabelle „{name}“</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>„{name}“</translation>
    </message>
    <message>
        <source>{count} more</source>
        <translation>{count} weitere</translation>
    </message>
    <message>
        <source>This plan file holds objects that Opportunity Planner did not make ({objects}); such objects can change or delete deals when the plan is edited. It is open read-only, so none of them runs. “Save a copy as…” makes a clean copy without them to work in.</source>
        <translation>Diese Plandatei enthält Objekte, die Opportunity Planner nicht angelegt hat ({objects}); solche Objekte können Verkaufschancen ändern oder löschen, wenn der Plan bearbeitet wird. Er ist schreibgeschützt geöffnet, daher wird keines davon ausgeführt. „Kopie speichern unter…“ legt eine saubere Kopie ohne sie an, in der Sie weiterarbeiten können.</translation>
    </message>
    <message>
        <source>its schema was changed outside Opportunity Planner: {objects}</source>
        <translation>sein Schema wurde außerhalb von Opportunity Planner geändert: {objects}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Wie das System ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language takes effect the next time the planner starts.</source>
        <translation>Eine andere Sprache gilt ab dem nächsten Start des Planers.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Same as the region ({paper})</source>
        <translation>Passend zur Region ({paper})</translation>
    </message>
    <message>
        <source>Paper size for PDF export</source>
        <translation>Papierformat für den PDF-Export</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Paper for PDF export:</source>
        <translation>&amp;Papier für den PDF-Export:</translation>
    </message>
    <message>
        <source>This plan</source>
        <translation>Dieser Plan</translation>
    </message>
    <message>
        <source>The fiscal year, the quarter targets, the currencies and the stages are kept in the plan, so they travel with it. Change them here:</source>
        <translation>Geschäftsjahr, Quartalsziele, Währungen und Phasen sind im Plan gespeichert und reisen mit ihm. Hier ändern Sie sie:</translation>
    </message>
    <message>
        <source>&amp;Fiscal year and targets…</source>
        <translation>&amp;Geschäftsjahr und Ziele…</translation>
    </message>
    <message>
        <source>Keeps the choices above, closes Preferences and shows the fiscal year and the quarter&apos;s target on the Forecast tab.</source>
        <translation>Übernimmt die Auswahl oben, schließt die Einstellungen und zeigt Geschäftsjahr und Quartalsziel im Tab Prognose.</translation>
    </message>
    <message>
        <source>&amp;Currencies and rates…</source>
        <translation>&amp;Währungen und Kurse…</translation>
    </message>
    <message>
        <source>&amp;Stages…</source>
        <translation>P&amp;hasen…</translation>
    </message>
    <message>
        <source>The new language takes effect the next time the planner starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start des Planers.</translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>{list}: the list</source>
        <translation>{list}: die Liste</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>Die ausgewählte Zeile entfernen</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>Convert with rates</source>
        <translation>Mit Kursen umrechnen</translation>
    </message>
    <message>
        <source>Show the team&apos;s amounts in one currency. A currency left without a rate keeps its own total: amounts are never added across currencies.</source>
        <translation>Die Beträge des Teams in einer Währung zeigen. Eine Währung ohne Kurs behält ihre eigene Summe: Beträge verschiedener Währungen werden nie addiert.</translation>
    </message>
    <message>
        <source>Show amounts &amp;in</source>
        <translation>Beträge zeigen &amp;in</translation>
    </message>
    <message>
        <source>Rate of {code}</source>
        <translation>Kurs von {code}</translation>
    </message>
    <message>
        <source>1 {code} =</source>
        <translation>1 {code} =</translation>
    </message>
    <message>
        <source>{code}, or empty to keep apart</source>
        <translation>{code}, oder leer, um sie getrennt zu halten</translation>
    </message>
    <message>
        <source>A rate is a number above 0.</source>
        <translation>Ein Kurs ist eine Zahl über 0.</translation>
    </message>
</context>
<context>
    <name>RatingSpinBox</name>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>How well this base is covered, from {minus}5 to +5, or Unknown</source>
        <translation>Wie gut diese Basis abgedeckt ist, von {minus}5 bis +5, oder Unbekannt</translation>
    </message>
</context>
<context>
    <name>RedFlagRule</name>
    <message>
        <source>No Economic buyer</source>
        <translation>Kein Wirtschaftlicher Entscheider</translation>
    </message>
    <message>
        <source>Several Economic buyers</source>
        <translation>Mehrere Wirtschaftliche Entscheider</translation>
    </message>
    <message>
        <source>No Coach</source>
        <translation>Kein Coach</translation>
    </message>
    <message>
        <source>Uncovered influence</source>
        <translation>Einflussperson nicht betreut</translation>
    </message>
    <message>
        <source>Hostile influence</source>
        <translation>Feindselige Einflussperson</translation>
    </message>
    <message>
        <source>Unreceptive Economic buyer</source>
        <translation>Wirtschaftlicher Entscheider nicht aufgeschlossen</translation>
    </message>
    <message>
        <source>Missing information</source>
        <translation>Fehlende Angaben</translation>
    </message>
    <message>
        <source>No Win-Result</source>
        <translation>Kein persönlicher Gewinn / Geschäftsergebnis</translation>
    </message>
    <message>
        <source>New player</source>
        <translation>Neue Einflussperson</translation>
    </message>
    <message>
        <source>Objective incomplete</source>
        <translation>Einzelverkaufsziel unvollständig</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Ruhend</translation>
    </message>
    <message>
        <source>Slipping</source>
        <translation>Verschiebt sich</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Premature</source>
        <translation>Verfrüht</translation>
    </message>
    <message>
        <source>Not in the Funnel yet</source>
        <translation>Noch nicht im Trichter</translation>
    </message>
    <message>
        <source>Best Few unconfirmed</source>
        <translation>Best Few unbestätigt</translation>
    </message>
    <message>
        <source>No next step</source>
        <translation>Kein nächster Schritt</translation>
    </message>
    <message>
        <source>Single-threaded</source>
        <translation>Nur ein Kontakt</translation>
    </message>
    <message>
        <source>Euphoric despite red flags</source>
        <translation>Euphorisch trotz Warnsignalen</translation>
    </message>
    <message>
        <source>Red flag without an action</source>
        <translation>Warnsignal ohne Maßnahme</translation>
    </message>
    <message>
        <source>Panic</source>
        <translation>Panik</translation>
    </message>
    <message>
        <source>Strong Coach</source>
        <translation>Starker Coach</translation>
    </message>
    <message>
        <source>Receptive Economic buyer</source>
        <translation>Wirtschaftlicher Entscheider aufgeschlossen</translation>
    </message>
    <message>
        <source>Every role covered</source>
        <translation>Jede Rolle besetzt</translation>
    </message>
    <message>
        <source>Commitment this week</source>
        <translation>Zusage in dieser Woche</translation>
    </message>
    <message>
        <source>Seller&apos;s own</source>
        <translation>Vom Verkäufer selbst</translation>
    </message>
</context>
<context>
    <name>RedFlags</name>
    <message>
        <source>Names the product or service and how much</source>
        <translation>Nennt Produkt oder Leistung und die Menge</translation>
    </message>
    <message>
        <source>Specific and clear</source>
        <translation>Konkret und klar</translation>
    </message>
    <message>
        <source>Measurable</source>
        <translation>Messbar</translation>
    </message>
    <message>
        <source>Tied to a date</source>
        <translation>An ein Datum gebunden</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Einzeln</translation>
    </message>
    <message>
        <source>Name the product or service, and how much: an amount or a quantity</source>
        <translation>Nennen Sie Produkt oder Leistung und wie viel: einen Betrag oder eine Menge</translation>
    </message>
    <message>
        <source>Name the product or service</source>
        <translation>Nennen Sie Produkt oder Leistung</translation>
    </message>
    <message>
        <source>Say how much: an amount or a quantity</source>
        <translation>Sagen Sie, wie viel: einen Betrag oder eine Menge</translation>
    </message>
    <message>
        <source>Write a title of two words or more that says more than the product or account name</source>
        <translation>Schreiben Sie einen Titel aus zwei oder mehr Wörtern, der mehr sagt als der Produkt- oder Kundenname</translation>
    </message>
    <message>
        <source>Give an amount or a quantity above zero</source>
        <translation>Geben Sie einen Betrag oder eine Menge über null an</translation>
    </message>
    <message>
        <source>Set the close date</source>
        <translation>Legen Sie das Abschlussdatum fest</translation>
    </message>
    <message>
        <source>Keep to one piece of business: give each add-on its own objective</source>
        <translation>Bleiben Sie bei einem Geschäft: Geben Sie jeder Ergänzung ein eigenes Ziel</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Reaktionsmodus</translation>
    </message>
    <message>
        <source>degree of influence</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <translation>{items} und {last}</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>In the Funnel, but no buying influence in Growth or Trouble mode has been met</source>
        <translation>Im Trichter, aber keine Einflussperson im Modus Wachstum oder Problem wurde getroffen</translation>
    </message>
    <message>
        <source>In the Funnel, but no buying influence in Growth or Trouble mode was met recently (stage limit {limit})</source>
        <translation>Im Trichter, aber keine Einflussperson im Modus Wachstum oder Problem wurde kürzlich getroffen (Grenze der Phase: {limit})</translation>
    </message>
    <message>
        <source>In Best Few without the Economic buyer&apos;s agreed decision date: “{item}” is not recorded</source>
        <translation>In Best Few ohne das vom Wirtschaftlichen Entscheider zugesagte Entscheidungsdatum: „{item}“ ist nicht erfasst</translation>
    </message>
    <message>
        <source>In Best Few, but closes in {days} day: more than half the normal cycle of {cycle} days (the median of {won} won deals, from creation to won)</source>
        <translation>In Best Few, aber Abschluss erst in {days} Tag: mehr als die Hälfte des üblichen Zyklus von {cycle} Tagen (der Median von {won} gewonnenen Chancen, von der Anlage bis zum Gewinn)</translation>
    </message>
    <message>
        <source>In Best Few, but closes in {days} days: more than half the normal cycle of {cycle} days (the median of {won} won deals, from creation to won)</source>
        <translation>In Best Few, aber Abschluss erst in {days} Tagen: mehr als die Hälfte des üblichen Zyklus von {cycle} Tagen (der Median von {won} gewonnenen Chancen, von der Anlage bis zum Gewinn)</translation>
    </message>
    <message>
        <source>In Best Few without the Economic buyer&apos;s agreed decision date (“{item}” is not recorded), and closes in {days} day: more than half the normal cycle of {cycle} days (the median of {won} won deals)</source>
        <translation>In Best Few ohne das vom Wirtschaftlichen Entscheider zugesagte Entscheidungsdatum („{item}“ ist nicht erfasst) und Abschluss erst in {days} Tag: mehr als die Hälfte des üblichen Zyklus von {cycle} Tagen (der Median von {won} gewonnenen Chancen)</translation>
    </message>
    <message>
        <source>In Best Few without the Economic buyer&apos;s agreed decision date (“{item}” is not recorded), and closes in {days} days: more than half the normal cycle of {cycle} days (the median of {won} won deals)</source>
        <translation>In Best Few ohne das vom Wirtschaftlichen Entscheider zugesagte Entscheidungsdatum („{item}“ ist nicht erfasst) und Abschluss erst in {days} Tagen: mehr als die Hälfte des üblichen Zyklus von {cycle} Tagen (der Median von {won} gewonnenen Chancen)</translation>
    </message>
    <message>
        <source>No next step: the deal has no open action</source>
        <translation>Kein nächster Schritt: die Chance hat keine offene Maßnahme</translation>
    </message>
    <message>
        <source>No next step planned: the CRM&apos;s “{step}” is not an action on the Blue Sheet</source>
        <translation>Kein nächster Schritt geplant: „{step}“ aus dem CRM ist keine Maßnahme im Blue Sheet</translation>
    </message>
    <message>
        <source>Single-threaded: {label} is the only buying influence</source>
        <translation>Nur ein Kontakt: {label} ist die einzige Einflussperson</translation>
    </message>
    <message>
        <source>Single-threaded: {label} is the only one of {count} buying influences met recently</source>
        <translation>Nur ein Kontakt: {label} ist die einzige von {count} Einflusspersonen, die kürzlich getroffen wurde</translation>
    </message>
    <message>
        <source>Single-threaded: {label} is the only one of {count} buying influences anyone has met</source>
        <translation>Nur ein Kontakt: {label} ist die einzige von {count} Einflusspersonen, die jemand von uns getroffen hat</translation>
    </message>
    <message>
        <source>Current position {position} with {count} red flag: euphoria is often blindness, check the evidence</source>
        <translation>Aktuelle Einschätzung {position} bei {count} Warnsignal: Euphorie macht oft blind, prüfen Sie die Belege</translation>
    </message>
    <message>
        <source>Current position {position} with {count} red flags: euphoria is often blindness, check the evidence</source>
        <translation>Aktuelle Einschätzung {position} bei {count} Warnsignalen: Euphorie macht oft blind, prüfen Sie die Belege</translation>
    </message>
    <message>
        <source>Current position {position}: find out what is missing and act on it</source>
        <translation>Aktuelle Position {position}: finden Sie heraus, was fehlt, und handeln Sie</translation>
    </message>
    <message>
        <source>No open action is linked to the red flag “{reason}”</source>
        <translation>Keine offene Maßnahme ist mit dem Warnsignal „{reason}“ verknüpft</translation>
    </message>
    <message>
        <source>{count} red flags have no open action linked to them, the first: “{reason}”</source>
        <translation>{count} Warnsignale haben keine verknüpfte offene Maßnahme, das erste: „{reason}“</translation>
    </message>
    <message>
        <source>The customer committed today: “{what}”</source>
        <translation>Der Kunde hat heute zugesagt: „{what}“</translation>
    </message>
    <message>
        <source>The customer committed yesterday: “{what}”</source>
        <translation>Der Kunde hat gestern zugesagt: „{what}“</translation>
    </message>
    <message>
        <source>The customer committed {days} days ago: “{what}”</source>
        <translation>Der Kunde hat vor {days} Tagen zugesagt: „{what}“</translation>
    </message>
    <message>
        <source>Person #{id}</source>
        <translation>Person Nr. {id}</translation>
    </message>
    <message>
        <source>Nobody on our side has met {label}</source>
        <translation>Niemand von uns hat {label} getroffen</translation>
    </message>
    <message>
        <source>No meeting with {label} on record</source>
        <translation>Kein Treffen mit {label} erfasst</translation>
    </message>
    <message>
        <source>{label} was last met {days} days ago (stage limit {limit})</source>
        <translation>{label} wurde zuletzt vor {days} Tagen getroffen (Grenze der Phase: {limit})</translation>
    </message>
    <message>
        <source>{label} is rated {rating}: hostile</source>
        <translation>{label} ist mit {rating} bewertet: feindlich</translation>
    </message>
    <message>
        <source>{label} is in {mode} mode: no gap, not receptive</source>
        <translation>{label} ist im Modus {mode}: keine Lücke, nicht aufnahmebereit</translation>
    </message>
    <message>
        <source>{label}: {fields} unknown</source>
        <translation>{label}: {fields} unbekannt</translation>
    </message>
    <message>
        <source>{label} has no Win-Result: neither a personal Win nor a business Result</source>
        <translation>{label} hat kein Gewinn-Ergebnis: weder einen persönlichen Gewinn noch ein Geschäftsergebnis</translation>
    </message>
    <message>
        <source>{label} has no personal Win</source>
        <translation>{label} hat keinen persönlichen Gewinn</translation>
    </message>
    <message>
        <source>{label} has no business Result</source>
        <translation>{label} hat kein Geschäftsergebnis</translation>
    </message>
    <message>
        <source>{label} is new in the job or reorganised: check their role again</source>
        <translation>{label} ist neu in der Position oder umorganisiert: Prüfen Sie die Rolle erneut</translation>
    </message>
    <message>
        <source>{label} is rated {rating}: a strong Coach</source>
        <translation>{label} ist mit {rating} bewertet: ein starker Coach</translation>
    </message>
    <message>
        <source>{label} is in {mode} mode and rated {rating}: receptive and in favour</source>
        <translation>{label} ist im Modus {mode} und mit {rating} bewertet: aufnahmebereit und dafür</translation>
    </message>
    <message>
        <source>No Economic buyer identified on this deal</source>
        <translation>Kein Wirtschaftlicher Entscheider für diese Chance benannt</translation>
    </message>
    <message>
        <source>{count} Economic buyers on one objective: {names} (there should be one)</source>
        <translation>{count} Wirtschaftliche Entscheider für ein Ziel: {names} (es sollte einer sein)</translation>
    </message>
    <message>
        <source>No Coach on this deal</source>
        <translation>Kein Coach bei dieser Chance</translation>
    </message>
    <message>
        <source>Every role is covered and was met recently</source>
        <translation>Jede Rolle ist besetzt und wurde kürzlich getroffen</translation>
    </message>
    <message>
        <source>Every role is covered</source>
        <translation>Jede Rolle ist besetzt</translation>
    </message>
    <message>
        <source>The objective has {missing}</source>
        <translation>Das Ziel hat {missing}</translation>
    </message>
    <message>
        <source>no product</source>
        <translation>kein Produkt</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>keinen Betrag</translation>
    </message>
    <message>
        <source>no amount or quantity above zero</source>
        <translation>keinen Betrag und keine Menge über null</translation>
    </message>
    <message>
        <source>no close date</source>
        <translation>kein Abschlussdatum</translation>
    </message>
    <message>
        <source>no specific title</source>
        <translation>keinen konkreten Titel</translation>
    </message>
    <message>
        <source>several items in one title</source>
        <translation>mehrere Positionen in einem Titel</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Vor einer Aktualisierung</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Damaged plan, set aside</source>
        <translation>Beschädigter Plan, beiseitegelegt</translation>
    </message>
    <message>
        <source>Plans (*.plan);;All files (*)</source>
        <translation>Pläne (*.plan);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>cannot be read: {problem}</source>
        <translation>nicht lesbar: {problem}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Choose the plan as it was at one of these times. The plan as it is now is kept as a backup first. Backups live in {folder}.</source>
        <translation>Wählen Sie den Plan, wie er zu einem dieser Zeitpunkte war. Der jetzige Plan wird zuvor als Sicherung aufbewahrt. Die Sicherungen liegen in {folder}.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Nothing can be restored now. {reason}</source>
        <translation>Jetzt kann nichts wiederhergestellt werden. {reason}</translation>
    </message>
    <message>
        <source>This plan has no backup yet. One is taken each time it is opened.</source>
        <translation>Von diesem Plan gibt es noch keine Sicherung. Bei jedem Öffnen wird eine angelegt.</translation>
    </message>
    <message>
        <source>Replace the plan with the backup of {time}?

The plan as it is now is kept as a backup first, so this can be reversed.</source>
        <translation>Den Plan durch die Sicherung vom {time} ersetzen?

Der jetzige Plan wird zuvor als Sicherung aufbewahrt; das lässt sich also rückgängig machen.</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>Die Sicherung wurde nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>The plan is damaged</source>
        <translation>Der Plan ist beschädigt</translation>
    </message>
    <message>
        <source>{file} is damaged, so it was not opened. Nothing was written to it.</source>
        <translation>{file} ist beschädigt und wurde daher nicht geöffnet. Es wurde nichts hineingeschrieben.</translation>
    </message>
    <message>
        <source>Restore the backup of {time}: the damaged file is kept in {folder}.</source>
        <translation>Die Sicherung vom {time} wiederherstellen: Die beschädigte Datei wird in {folder} aufbewahrt.</translation>
    </message>
    <message>
        <source>Restore the backup of {time}</source>
        <translation>Sicherung vom {time} wiederherstellen</translation>
    </message>
    <message>
        <source>There is no usable backup of this plan.</source>
        <translation>Von diesem Plan gibt es keine brauchbare Sicherung.</translation>
    </message>
    <message>
        <source>Copy what can still be read into a new plan, and open that.</source>
        <translation>Was noch lesbar ist, in einen neuen Plan kopieren und diesen öffnen.</translation>
    </message>
    <message>
        <source>Copy what can be read…</source>
        <translation>Lesbares kopieren…</translation>
    </message>
    <message>
        <source>The plan was not recovered</source>
        <translation>Der Plan wurde nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>{name}-recovered.plan</source>
        <translation>{name}-gerettet.plan</translation>
    </message>
    <message>
        <source>Save what can be read as</source>
        <translation>Lesbares speichern unter</translation>
    </message>
    <message>
        <source>{n} record was copied into {file}.</source>
        <translation>{n} Datensatz wurde nach {file} kopiert.</translation>
    </message>
    <message>
        <source>{n} records were copied into {file}.</source>
        <translation>{n} Datensätze wurden nach {file} kopiert.</translation>
    </message>
    <message>
        <source>Some rows could not be read and are missing: check the plan.</source>
        <translation>Einige Zeilen waren nicht lesbar und fehlen: Prüfen Sie den Plan.</translation>
    </message>
    <message>
        <source>Copied what could be read</source>
        <translation>Lesbares kopiert</translation>
    </message>
    <message>
        <source>{name}-copy.plan</source>
        <translation>{name}-Kopie.plan</translation>
    </message>
    <message>
        <source>plan.plan</source>
        <translation>Plan.plan</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Kopie speichern unter</translation>
    </message>
    <message>
        <source>The copy was not saved</source>
        <translation>Die Kopie wurde nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Review mode</source>
        <translation>Review-Modus</translation>
    </message>
    <message>
        <source>an Opportunity Planner plan bundle</source>
        <translation>ein Plan-Paket von Opportunity Planner</translation>
    </message>
    <message>
        <source>a review-notes file</source>
        <translation>eine Datei mit Review-Notizen</translation>
    </message>
    <message>
        <source>{path} is a folder, not {what}.</source>
        <translation>{path} ist ein Ordner; erwartet wurde {what}.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}.</source>
        <translation>{path} kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>{path} is empty, not {what}.</source>
        <translation>{path} ist leer; erwartet wurde {what}.</translation>
    </message>
    <message>
        <source>{path} is not {what}: it is not a text file.</source>
        <translation>{path} ist keine Textdatei; erwartet wurde {what}.</translation>
    </message>
    <message>
        <source>{path} is not {what}: it is not valid JSON ({error}).</source>
        <translation>{path} enthält kein gültiges JSON ({error}); erwartet wurde {what}.</translation>
    </message>
    <message>
        <source>{file} cannot be read: {where}: {problem}.</source>
        <translation>{file} kann nicht gelesen werden: {where}: {problem}.</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>expected text, found {value}</source>
        <translation>Text erwartet, gefunden: {value}</translation>
    </message>
    <message>
        <source>not the end of a quarter starting on quarter_start</source>
        <translation>nicht das Ende eines Quartals, das an quarter_start beginnt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>expected a whole number, found {value}</source>
        <translation>ganze Zahl erwartet, gefunden: {value}</translation>
    </message>
    <message>
        <source>expected a number, found {value}</source>
        <translation>Zahl erwartet, gefunden: {value}</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>“{value}” is not a date like 2026-12-31</source>
        <translation>„{value}“ ist kein Datum wie 2026-12-31</translation>
    </message>
    <message>
        <source>{value} is outside {low}..{high}</source>
        <translation>{value} liegt außerhalb von {low}..{high}</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, too large to be {what}.</source>
        <translation>{path} ist größer als {limit} MB und damit zu groß für {what}.</translation>
    </message>
    <message>
        <source>“{value}” is not one of {allowed}</source>
        <translation>„{value}“ ist keiner der Werte {allowed}</translation>
    </message>
    <message>
        <source>{file} is not {what}: it holds JSON of another kind.</source>
        <translation>{file} enthält JSON anderer Art; erwartet wurde {what}.</translation>
    </message>
    <message>
        <source>{file} is not {what} (its format is “{format}”).</source>
        <translation>{file} hat das Format „{format}“; erwartet wurde {what}.</translation>
    </message>
    <message>
        <source>{file} is not {what}.</source>
        <translation>{file} hat kein gültiges Format; erwartet wurde {what}.</translation>
    </message>
    <message>
        <source>{file} cannot be read: its version is missing or wrong.</source>
        <translation>{file} kann nicht gelesen werden: Die Version fehlt oder ist falsch.</translation>
    </message>
    <message>
        <source>{file} was written by a newer version of Opportunity Planner (format version {number}); update the planner to open it.</source>
        <translation>{file} wurde von einer neueren Version von Opportunity Planner geschrieben (Formatversion {number}); aktualisieren Sie den Planer, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>with private notes</source>
        <translation>mit privaten Notizen</translation>
    </message>
    <message>
        <source>without private notes</source>
        <translation>ohne private Notizen</translation>
    </message>
    <message>
        <source>{mode}: {seller}&apos;s plan “{plan}”, exported {date} ({scope}, {private}). Nothing here can be changed: add coaching notes, then save them as a file for the seller.</source>
        <translation>{mode}: Plan „{plan}“ von {seller}, exportiert am {date} ({scope}, {private}). Hier lässt sich nichts ändern: Fügen Sie Coaching-Notizen hinzu und speichern Sie sie dann als Datei für den Verkäufer.</translation>
    </message>
    <message>
        <source>{mode}: The plan “{plan}”, exported {date} ({scope}, {private}). Nothing here can be changed: add coaching notes, then save them as a file for the seller.</source>
        <translation>{mode}: Der Plan „{plan}“, exportiert am {date} ({scope}, {private}). Hier lässt sich nichts ändern: Fügen Sie Coaching-Notizen hinzu und speichern Sie sie dann als Datei für den Verkäufer.</translation>
    </message>
    <message>
        <source>{file} cannot be opened for review: {error}.</source>
        <translation>{file} kann nicht zum Review geöffnet werden: {error}.</translation>
    </message>
    <message>
        <source>deal {id} appears twice</source>
        <translation>Verkaufschance {id} kommt doppelt vor</translation>
    </message>
    <message>
        <source>the stage “{name}” appears twice</source>
        <translation>die Phase „{name}“ kommt doppelt vor</translation>
    </message>
    <message>
        <source>expected a list of texts</source>
        <translation>Liste von Texten erwartet</translation>
    </message>
    <message>
        <source>account {id} appears twice</source>
        <translation>Kunde {id} kommt doppelt vor</translation>
    </message>
    <message>
        <source>names no stage of the bundle</source>
        <translation>nennt keine Phase des Plan-Pakets</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time like 2026-12-09T14:30</source>
        <translation>„{value}“ ist kein Datum mit Uhrzeit wie 2026-12-09T14:30</translation>
    </message>
    <message>
        <source>{file} is a plan bundle, not review notes: open it with File → Open for review…</source>
        <translation>{file} ist ein Plan-Paket, keine Review-Notizen: Öffnen Sie es mit Datei → Für Review öffnen…</translation>
    </message>
    <message>
        <source>missing or too short</source>
        <translation>fehlt oder ist zu kurz</translation>
    </message>
    <message>
        <source>appears twice</source>
        <translation>kommt doppelt vor</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Added 1 coaching note to 1 deal.</source>
        <translation>1 Coaching-Notiz zu 1 Verkaufschance hinzugefügt.</translation>
    </message>
    <message>
        <source>Added {n} coaching notes to 1 deal.</source>
        <translation>{n} Coaching-Notizen zu 1 Verkaufschance hinzugefügt.</translation>
    </message>
    <message>
        <source>Added {n} coaching notes to {deals} deals.</source>
        <translation>{n} Coaching-Notizen zu {deals} Verkaufschancen hinzugefügt.</translation>
    </message>
    <message>
        <source>Added 1 coaching note on the plan.</source>
        <translation>1 Coaching-Notiz zum Plan hinzugefügt.</translation>
    </message>
    <message>
        <source>Added {n} coaching notes on the plan.</source>
        <translation>{n} Coaching-Notizen zum Plan hinzugefügt.</translation>
    </message>
    <message>
        <source>No new coaching notes.</source>
        <translation>Keine neuen Coaching-Notizen.</translation>
    </message>
    <message>
        <source>1 is a coaching item: it is in your actions.</source>
        <translation>1 davon ist ein Coaching-Punkt: Er steht bei Ihren Aktionen.</translation>
    </message>
    <message>
        <source>{n} are coaching items: they are in your actions.</source>
        <translation>{n} davon sind Coaching-Punkte: Sie stehen bei Ihren Aktionen.</translation>
    </message>
    <message>
        <source>1 new verdict on a committed deal.</source>
        <translation>1 neues Urteil zu einem zugesagten Deal.</translation>
    </message>
    <message>
        <source>{n} new verdicts on committed deals.</source>
        <translation>{n} neue Urteile zu zugesagten Deals.</translation>
    </message>
    <message>
        <source>1 was imported before.</source>
        <translation>1 wurde schon früher importiert.</translation>
    </message>
    <message>
        <source>{n} were imported before.</source>
        <translation>{n} wurden schon früher importiert.</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>„{name}“</translation>
    </message>
    <message>
        <source>{n} left out: their deals are no longer in this plan ({names}).</source>
        <translation>{n} ausgelassen: Die zugehörigen Verkaufschancen sind nicht mehr in diesem Plan ({names}).</translation>
    </message>
    <message>
        <source>{n} left out: their deals were not in the plan bundle these notes answer ({names}).</source>
        <translation>{n} ausgelassen: Die zugehörigen Verkaufschancen waren nicht in dem Plan-Paket, auf das sich diese Notizen beziehen ({names}).</translation>
    </message>
    <message>
        <source>These review notes are for “{plan}” (plan id {id}…), not for this plan. Open the plan they were written for and import them there. Nothing was imported.</source>
        <translation>Diese Review-Notizen gehören zu „{plan}“ (Plan-ID {id}…), nicht zu diesem Plan. Öffnen Sie den Plan, für den sie geschrieben wurden, und importieren Sie sie dort. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>These review notes are for another plan (plan id {id}…), not for this plan. Open the plan they were written for and import them there. Nothing was imported.</source>
        <translation>Diese Review-Notizen gehören zu einem anderen Plan (Plan-ID {id}…), nicht zu diesem Plan. Öffnen Sie den Plan, für den sie geschrieben wurden, und importieren Sie sie dort. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>deal {id}</source>
        <translation>Verkaufschance {id}</translation>
    </message>
    <message>
        <source>Answer your manager&apos;s question: {question}</source>
        <translation>Frage Ihrer Führungskraft beantworten: {question}</translation>
    </message>
    <message>
        <source>{path} holds no plan bundles (.json files).</source>
        <translation>{path} enthält keine Plan-Bundles (.json-Dateien).</translation>
    </message>
    <message>
        <source>{file} is an older bundle of the same plan as {newer}.</source>
        <translation>{file} ist ein älteres Bundle desselben Plans wie {newer}.</translation>
    </message>
    <message>
        <source>“{value}” is not a quarter like 2026Q4</source>
        <translation>„{value}“ ist kein Quartal wie 2026Q4</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review mode: {plan} — Opportunity Planner</source>
        <translation>Review-Modus: {plan} — Opportunity Planner</translation>
    </message>
    <message>
        <source>Coaching notes</source>
        <translation>Coaching-Notizen</translation>
    </message>
    <message>
        <source>&amp;Save review notes…</source>
        <translation>Review-Notizen &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your name, as the seller sees it on your notes and verdicts:</source>
        <translation>Ihr Name, wie der Verkäufer ihn bei Ihren Notizen und Urteilen sieht:</translation>
    </message>
    <message>
        <source>{n} coaching note in this review, not saved</source>
        <translation>{n} Coaching-Notiz in diesem Review, nicht gespeichert</translation>
    </message>
    <message>
        <source>{n} coaching notes in this review, not saved</source>
        <translation>{n} Coaching-Notizen in diesem Review, nicht gespeichert</translation>
    </message>
    <message>
        <source>Review notes saved to {file}</source>
        <translation>Review-Notizen gespeichert in {file}</translation>
    </message>
    <message>
        <source>{stem} review notes {date}.json</source>
        <translation>{stem} Review-Notizen {date}.json</translation>
    </message>
    <message>
        <source>Save review notes</source>
        <translation>Review-Notizen speichern</translation>
    </message>
    <message>
        <source>Review notes (*.json);;All files (*)</source>
        <translation>Review-Notizen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The review notes were not saved</source>
        <translation>Die Review-Notizen wurden nicht gespeichert</translation>
    </message>
    <message>
        <source>Save the review notes?</source>
        <translation>Review-Notizen speichern?</translation>
    </message>
    <message>
        <source>Your coaching notes are not saved yet. Save them for the seller?</source>
        <translation>Ihre Coaching-Notizen sind noch nicht gespeichert. Für den Verkäufer speichern?</translation>
    </message>
    <message>
        <source>Open plan bundles for review (several: a team)</source>
        <translation>Plan-Bundles für Review öffnen (mehrere: ein Team)</translation>
    </message>
    <message>
        <source>Plan bundles (*.json);;All files (*)</source>
        <translation>Plan-Pakete (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open for review</source>
        <translation>Öffnen zum Review nicht möglich</translation>
    </message>
    <message>
        <source>Open a team&apos;s folder for review</source>
        <translation>Team-Ordner für Review öffnen</translation>
    </message>
    <message>
        <source>Import review notes</source>
        <translation>Review-Notizen importieren</translation>
    </message>
    <message>
        <source>The review notes were not imported</source>
        <translation>Die Review-Notizen wurden nicht importiert</translation>
    </message>
    <message>
        <source>Review notes imported</source>
        <translation>Review-Notizen importiert</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Economic</source>
        <translation>Wirtschaftlicher Entscheider</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Anwender</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technischer Prüfer</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>The plan&apos;s search index is damaged, so nothing can be searched. Open the plan in the planner (not read-only) to rebuild it.</source>
        <translation>Der Suchindex des Plans ist beschädigt, daher kann nichts gesucht werden. Öffnen Sie den Plan im Planer (nicht schreibgeschützt), um ihn neu aufzubauen.</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>People and buying influences</source>
        <translation>Personen und Einflusspersonen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Coaching notes</source>
        <translation>Coaching-Notizen</translation>
    </message>
    <message>
        <source>Call plans</source>
        <translation>Gesprächspläne</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search everything</source>
        <translation>Alles durchsuchen</translation>
    </message>
    <message>
        <source>Deals, accounts, people, actions, notes, call plans, competitors…</source>
        <translation>Verkaufschancen, Kunden, Personen, Maßnahmen, Notizen, Gesprächspläne, Wettbewerber…</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Type a word or the start of one. Up and Down choose a result, Enter opens it.</source>
        <translation>Geben Sie ein Wort oder seinen Anfang ein. Pfeil auf und ab wählen ein Ergebnis, Eingabe öffnet es.</translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation>Nichts passt zu „{text}“.</translation>
    </message>
    <message>
        <source>Many rows match; the newest are shown. Type more to narrow them.</source>
        <translation>Viele Einträge passen; die neuesten werden gezeigt. Tippen Sie weiter, um sie einzugrenzen.</translation>
    </message>
    <message>
        <source>Enter opens the chosen result.</source>
        <translation>Eingabe öffnet das gewählte Ergebnis.</translation>
    </message>
</context>
<context>
    <name>SectionBar</name>
    <message>
        <source>Blue Sheet sections</source>
        <translation>Bereiche des Blue Sheets</translation>
    </message>
    <message>
        <source>Shows this section of the Blue Sheet</source>
        <translation>Zeigt diesen Bereich des Blue Sheets</translation>
    </message>
</context>
<context>
    <name>SheetDelegate</name>
    <message>
        <source>{column} was not changed: {reason}</source>
        <translation>{column} wurde nicht geändert: {reason}</translation>
    </message>
    <message>
        <source>{column}: {reason}</source>
        <translation>{column}: {reason}</translation>
    </message>
</context>
<context>
    <name>SheetListView</name>
    <message>
        <source>Arrow keys move; Delete removes the selected entry if you wrote it.</source>
        <translation>Pfeiltasten bewegen; Entf entfernt den ausgewählten Eintrag, wenn Sie ihn geschrieben haben.</translation>
    </message>
</context>
<context>
    <name>SheetTableView</name>
    <message>
        <source>Arrow keys and Tab move; F2 or Enter edits; Insert adds; Delete removes.</source>
        <translation>Pfeiltasten und Tab bewegen; F2 oder Eingabe bearbeitet; Einfg fügt hinzu; Entf entfernt.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Move between cards; Left and Right move between columns</source>
        <translation>Zwischen Karten wechseln; Links und Rechts wechseln zwischen Spalten</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Open the selected deal</source>
        <translation>Ausgewählte Verkaufschance öffnen</translation>
    </message>
    <message>
        <source>Move the selected deal to the next or previous stage</source>
        <translation>Ausgewählte Verkaufschance in die nächste oder vorige Phase verschieben</translation>
    </message>
    <message>
        <source>Move between the board, the filter and the panels</source>
        <translation>Zwischen Phasenansicht, Filter und Seitenleisten wechseln</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze the stale warning</source>
        <translation>Ruhend-Warnung zurückstellen</translation>
    </message>
    <message>
        <source>“{title}” is stalled for a known reason.</source>
        <translation>„{title}“ ruht aus einem bekannten Grund.</translation>
    </message>
    <message>
        <source>e.g. the customer&apos;s budget round ends in January</source>
        <translation>z. B. die Budgetrunde des Kunden endet im Januar</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
</context>
<context>
    <name>StageHistory</name>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Changed in the deal editor</source>
        <translation>Im Editor der Verkaufschance geändert</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>Entry commitments already on record</source>
        <translation>Zusagen für den Eintritt bereits erfasst</translation>
    </message>
    <message>
        <source>Stage {name} was deleted</source>
        <translation>Phase {name} wurde gelöscht</translation>
    </message>
    <message>
        <source>Imported from {crm}</source>
        <translation>Aus {crm} importiert</translation>
    </message>
    <message>
        <source>{crm} history: {stage}</source>
        <translation>Verlauf in {crm}: {stage}</translation>
    </message>
    <message>
        <source>Changed in {crm}</source>
        <translation>In {crm} geändert</translation>
    </message>
    <message>
        <source>Changed in {crm}: {stage}</source>
        <translation>In {crm} geändert: {stage}</translation>
    </message>
</context>
<context>
    <name>StageSettingsDialog</name>
    <message>
        <source>Stage settings</source>
        <translation>Phaseneinstellungen</translation>
    </message>
    <message>
        <source>Stages in order</source>
        <translation>Phasen in ihrer Reihenfolge</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>One customer commitment per line, e.g.
Shared decision criteria</source>
        <translation>Eine Kundenzusage pro Zeile, z. B.
Gemeinsame Entscheidungskriterien</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Funnel &amp;level</source>
        <translation>&amp;Trichterebene</translation>
    </message>
    <message>
        <source>Default &amp;probability</source>
        <translation>&amp;Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>S&amp;tale after</source>
        <translation>Ruht na&amp;ch</translation>
    </message>
    <message>
        <source>Customer &amp;exit commitments</source>
        <translation>Nötige &amp;Kundenzusagen</translation>
    </message>
    <message>
        <source>{crm} stage value</source>
        <translation>{crm}-Phasenwert</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>Prüfhinweis</translation>
    </message>
    <message>
        <source>Automatic: the status says won or lost</source>
        <translation>Automatisch: der Status sagt gewonnen oder verloren</translation>
    </message>
    <message>
        <source>Automatic: {value}</source>
        <translation>Automatisch: {value}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Without a value the export refuses deals in this stage.</source>
        <translation>Ohne Wert lehnt der Export Verkaufschancen in dieser Phase ab.</translation>
    </message>
    <message>
        <source>{name}  ({level})</source>
        <translation>{name}  ({level})</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <source>New stage {n}</source>
        <translation>Neue Phase {n}</translation>
    </message>
    <message>
        <source>Where do its deals go?</source>
        <translation>Wohin gehen ihre Verkaufschancen?</translation>
    </message>
    <message>
        <source>{name} holds {n} deal. Move it to:</source>
        <translation>{name} enthält {n} Verkaufschance. Verschieben nach:</translation>
    </message>
    <message>
        <source>{name} holds {n} deals. Move them to:</source>
        <translation>{name} enthält {n} Verkaufschancen. Verschieben nach:</translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message>
        <source>{n}×</source>
        <translation>{n}×</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Letzte Prognose</translation>
    </message>
    <message>
        <source>Accuracy last quarter</source>
        <translation>Genauigkeit letztes Quartal</translation>
    </message>
    <message>
        <source>Red flags on commit</source>
        <translation>Warnsignale in Zusage</translation>
    </message>
    <message>
        <source>The seller, as the bundle names them (else the plan&apos;s name).</source>
        <translation>Der Verkäufer, wie das Bundle ihn nennt (sonst der Name des Plans).</translation>
    </message>
    <message>
        <source>The seller&apos;s current quarter when the bundle was exported (their fiscal year).</source>
        <translation>Das laufende Quartal des Verkäufers beim Export des Bundles (sein Geschäftsjahr).</translation>
    </message>
    <message>
        <source>The seller&apos;s target for the quarter; a dash when the bundle has none.</source>
        <translation>Das Quartalsziel des Verkäufers; ein Strich, wenn das Bundle keines enthält.</translation>
    </message>
    <message>
        <source>Deals won in the quarter, in the seller&apos;s base currency.</source>
        <translation>Im Quartal gewonnene Verkaufschancen, in der Basiswährung des Verkäufers.</translation>
    </message>
    <message>
        <source>Open deals in the Commit category closing in the quarter.</source>
        <translation>Offene Verkaufschancen der Kategorie Zusage, die im Quartal abschließen.</translation>
    </message>
    <message>
        <source>Open deals in the Best Case category closing in the quarter.</source>
        <translation>Offene Verkaufschancen der Kategorie Best Case, die im Quartal abschließen.</translation>
    </message>
    <message>
        <source>Open pipeline (commit + best case + pipeline) ÷ remaining target (target - won); a dash without a target or with the target reached.</source>
        <translation>Offene Pipeline (Zusage + Best Case + Pipeline) ÷ verbleibendes Ziel (Ziel - gewonnen); ein Strich ohne Ziel oder bei erreichtem Ziel.</translation>
    </message>
    <message>
        <source>The Commit of the seller&apos;s last forecast call for the quarter (the cell&apos;s tooltip gives its day, Best Case and comment); a dash when the bundle carries no call for it.</source>
        <translation>Die Zusage der letzten Prognose des Verkäufers für das Quartal (der Tooltip der Zelle nennt Tag, Best Case und Kommentar); ein Strich, wenn das Bundle keine Prognose dafür enthält.</translation>
    </message>
    <message>
        <source>Won in last quarter ÷ the last Commit called for it: 100 % is a call that came true. A dash when the bundle carries no call for last quarter.</source>
        <translation>Im letzten Quartal gewonnen ÷ die zuletzt dafür abgegebene Zusage: 100 % ist eine Prognose, die eingetroffen ist. Ein Strich, wenn das Bundle keine Prognose für das letzte Quartal enthält.</translation>
    </message>
    <message>
        <source>Red flags on the open deals in Commit closing in the quarter, as the seller&apos;s pack lists them; the cell&apos;s tooltip names the deals.</source>
        <translation>Warnsignale der offenen Verkaufschancen in Zusage, die im Quartal abschließen, wie das Paket des Verkäufers sie auflistet; der Tooltip der Zelle nennt die Verkaufschancen.</translation>
    </message>
    <message>
        <source>{flags} on 1 deal</source>
        <translation>{flags} bei 1 Deal</translation>
    </message>
    <message>
        <source>{flags} on {deals} deals</source>
        <translation>{flags} bei {deals} Deals</translation>
    </message>
    <message>
        <source>Figures from the seller&apos;s forecast at export.</source>
        <translation>Zahlen aus dem Prognose des Verkäufers beim Export.</translation>
    </message>
    <message>
        <source>This bundle carries no forecast: figures counted from its deals (won only as far as it holds won deals; no target).</source>
        <translation>Dieses Bundle enthält keinen Prognose: Zahlen aus seinen Verkaufschancen gezählt (gewonnen nur, soweit es gewonnene Verkaufschancen enthält; kein Ziel).</translation>
    </message>
    <message>
        <source>{seller}
Plan: {plan}
File: {file}
Exported: {exported}
{source}</source>
        <translation>{seller}
Plan: {plan}
Datei: {file}
Exportiert: {exported}
{source}</translation>
    </message>
    <message>
        <source>Not added (no rate in the seller&apos;s plan): {amount} in {column}</source>
        <translation>Nicht addiert (kein Kurs im Plan des Verkäufers): {amount} in {column}</translation>
    </message>
    <message>
        <source>{deal}: {flags}</source>
        <translation>{deal}: {flags}</translation>
    </message>
    <message>
        <source>The bundle carries no forecast call for this quarter.</source>
        <translation>Das Bundle enthält keine Prognose für dieses Quartal.</translation>
    </message>
    <message>
        <source>Called on {day} for {quarter}: Commit {commit}, Best Case {best_case}.</source>
        <translation>Prognose vom {day} für {quarter}: Zusage {commit}, Best Case {best_case}.</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>Kommentar: {comment}</translation>
    </message>
    <message>
        <source>The bundle carries no forecast call for last quarter.</source>
        <translation>Das Bundle enthält keine Prognose für das letzte Quartal.</translation>
    </message>
    <message>
        <source>{quarter}: won {won} ÷ the last Commit called, {commit} on {day} = {percent}.</source>
        <translation>{quarter}: gewonnen {won} ÷ die zuletzt abgegebene Zusage, {commit} am {day} = {percent}.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Sellers</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>Amounts are never added across currencies: one row per currency, unless you convert them with your rates (Team → Convert with rates…).</source>
        <translation>Beträge verschiedener Währungen werden nie addiert: eine Zeile je Währung, außer Sie rechnen sie mit Ihren Kursen um (Team → Mit Kursen umrechnen…).</translation>
    </message>
    <message>
        <source>Sellers with amounts in this currency.</source>
        <translation>Verkäufer mit Beträgen in dieser Währung.</translation>
    </message>
    <message>
        <source>The sum of the targets of the sellers who have one.</source>
        <translation>Die Summe der Ziele der Verkäufer, die eines haben.</translation>
    </message>
    <message>
        <source>Target - (won + commit) of the sellers with a target: what best case and pipeline must bring.</source>
        <translation>Ziel - (gewonnen + Zusage) der Verkäufer mit Ziel: was Best Case und Pipeline bringen müssen.</translation>
    </message>
    <message>
        <source>Open pipeline ÷ remaining target (target - won), of the sellers with a target.</source>
        <translation>Offene Pipeline ÷ verbleibendes Ziel (Ziel - gewonnen) der Verkäufer mit Ziel.</translation>
    </message>
    <message>
        <source>{n} of {sellers} sellers have a target.</source>
        <translation>{n} von {sellers} Verkäufern haben ein Ziel.</translation>
    </message>
    <message>
        <source>Funnel level</source>
        <translation>Funnel-Ebene</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Open deals of every seller at this level, whatever their close date.</source>
        <translation>Offene Verkaufschancen aller Verkäufer auf dieser Ebene, unabhängig vom Abschlussdatum.</translation>
    </message>
    <message>
        <source>Their amounts, one total per currency.</source>
        <translation>Ihre Beträge, eine Summe je Währung.</translation>
    </message>
    <message>
        <source>Team review — Opportunity Planner</source>
        <translation>Team-Review — Opportunity Planner</translation>
    </message>
    <message>
        <source>Bundles not opened</source>
        <translation>Nicht geöffnete Bundles</translation>
    </message>
    <message>
        <source>Combined forecast</source>
        <translation>Gemeinsamer Prognose</translation>
    </message>
    <message>
        <source>Combined funnel</source>
        <translation>Gemeinsamer Funnel</translation>
    </message>
    <message>
        <source>&amp;Open the seller&apos;s plan</source>
        <translation>Plan des Verkäufers &amp;öffnen</translation>
    </message>
    <message>
        <source>&amp;Save every seller&apos;s notes…</source>
        <translation>Notizen aller Verkäufer &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Keep currencies apart</source>
        <translation>Währungen &amp;getrennt halten</translation>
    </message>
    <message>
        <source>Convert with &amp;rates…</source>
        <translation>Mit &amp;Kursen umrechnen…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Team review: 1 seller&apos;s plan, read-only. Double-click a seller to open their board and deals and write coaching notes; each seller&apos;s notes are saved as a file of their own.</source>
        <translation>Team-Review: der Plan eines Verkäufers, schreibgeschützt. Doppelklicken Sie auf einen Verkäufer, um seine Phasen und Verkaufschancen zu öffnen und Coaching-Notizen zu schreiben; die Notizen jedes Verkäufers werden in einer eigenen Datei gespeichert.</translation>
    </message>
    <message>
        <source>Team review: {n} sellers&apos; plans, read-only. Double-click a seller to open their board and deals and write coaching notes; each seller&apos;s notes are saved as a file of their own.</source>
        <translation>Team-Review: die Pläne von {n} Verkäufern, schreibgeschützt. Doppelklicken Sie auf einen Verkäufer, um seine Phasen und Verkaufschancen zu öffnen und Coaching-Notizen zu schreiben; die Notizen jedes Verkäufers werden in einer eigenen Datei gespeichert.</translation>
    </message>
    <message>
        <source>1 file was not opened:</source>
        <translation>1 Datei wurde nicht geöffnet:</translation>
    </message>
    <message>
        <source>{n} files were not opened:</source>
        <translation>{n} Dateien wurden nicht geöffnet:</translation>
    </message>
    <message>
        <source>Combined forecast (currencies kept apart)</source>
        <translation>Gemeinsamer Prognose (Währungen getrennt)</translation>
    </message>
    <message>
        <source>Combined forecast (converted into {code} with your rates)</source>
        <translation>Gemeinsamer Prognose (mit Ihren Kursen in {code} umgerechnet)</translation>
    </message>
    <message>
        <source>Cannot open for review</source>
        <translation>Öffnen zum Review nicht möglich</translation>
    </message>
    <message>
        <source>Saved 1 seller&apos;s notes in {folder}</source>
        <translation>Notizen eines Verkäufers in {folder} gespeichert</translation>
    </message>
    <message>
        <source>Saved {n} sellers&apos; notes in {folder}, a file each</source>
        <translation>Notizen von {n} Verkäufern in {folder} gespeichert, je eine Datei</translation>
    </message>
    <message>
        <source>No coaching notes</source>
        <translation>Keine Coaching-Notizen</translation>
    </message>
    <message>
        <source>Open a seller&apos;s plan (double-click their row) and add notes first.</source>
        <translation>Öffnen Sie zuerst den Plan eines Verkäufers (Doppelklick auf seine Zeile) und fügen Sie Notizen hinzu.</translation>
    </message>
    <message>
        <source>Save every seller&apos;s notes in</source>
        <translation>Notizen aller Verkäufer speichern in</translation>
    </message>
    <message>
        <source>Save the review notes?</source>
        <translation>Review-Notizen speichern?</translation>
    </message>
    <message>
        <source>Some sellers&apos; coaching notes are not saved yet. Save them, a file per seller?</source>
        <translation>Die Coaching-Notizen einiger Verkäufer sind noch nicht gespeichert. Speichern, eine Datei je Verkäufer?</translation>
    </message>
    <message>
        <source>No plan bundles were chosen.</source>
        <translation>Es wurden keine Plan-Bundles gewählt.</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>e.g. {time}</source>
        <translation>z. B. {time}</translation>
    </message>
    <message>
        <source>Type a time like {time} or 2:30 pm.</source>
        <translation>Uhrzeit wie {time} oder 1430 eingeben.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>nächster Schritt</translation>
    </message>
    <message>
        <source>forecast category</source>
        <translation>Forecast-Kategorie</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Created in {stage}</source>
        <translation>Angelegt in {stage}</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Moved {source} → {target}</source>
        <translation>Verschoben {source} → {target}</translation>
    </message>
    <message>
        <source>; customer: {commitment}</source>
        <translation>; Kunde: {commitment}</translation>
    </message>
    <message>
        <source>Customer committed: {what}</source>
        <translation>Zusage des Kunden: {what}</translation>
    </message>
    <message>
        <source> ({who})</source>
        <translation> ({who})</translation>
    </message>
    <message>
        <source>; evidence: {evidence}</source>
        <translation>; Nachweis: {evidence}</translation>
    </message>
    <message>
        <source>Close date {old} → {new} (slip)</source>
        <translation>Abschlussdatum {old} → {new} (verschoben)</translation>
    </message>
    <message>
        <source>Close date {old} → {new}</source>
        <translation>Abschlussdatum {old} → {new}</translation>
    </message>
    <message>
        <source>Amount {old} → {new}</source>
        <translation>Betrag {old} → {new}</translation>
    </message>
    <message>
        <source> (import from {source})</source>
        <translation> (Import aus {source})</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Call: {title}</source>
        <translation>Termin: {title}</translation>
    </message>
    <message>
        <source>no commitment</source>
        <translation>keine Zusage</translation>
    </message>
    <message>
        <source>Debrief of {title}: {outcome}</source>
        <translation>Nachbereitung von {title}: {outcome}</translation>
    </message>
    <message>
        <source>Done: {what}</source>
        <translation>Erledigt: {what}</translation>
    </message>
    <message>
        <source>Coaching: {note}</source>
        <translation>Coaching: {note}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>einer Datei</translation>
    </message>
    <message>
        <source>Imported from {source}</source>
        <translation>Importiert aus {source}</translation>
    </message>
    <message>
        <source>Import from {source} changed {fields}</source>
        <translation>Import aus {source} änderte {fields}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Amount must be a number, like {plain} or {grouped}.</source>
        <translation>Der Betrag muss eine Zahl sein, etwa {plain} oder {grouped}.</translation>
    </message>
    <message>
        <source>Amount must be a number, like 120000 or 120,000.50.</source>
        <translation>Der Betrag muss eine Zahl sein, etwa 120000 oder 120.000,50.</translation>
    </message>
    <message>
        <source>Amount “{text}” could be read two ways: write decimals after “{point}” and thousands like {example}.</source>
        <translation>Der Betrag „{text}“ ist mehrdeutig: Schreiben Sie Nachkommastellen nach „{point}“ und Tausender wie {example}.</translation>
    </message>
    <message>
        <source>Quantity “{text}” could be read two ways: write decimals after “{point}” and thousands like {example}.</source>
        <translation>Die Menge „{text}“ ist mehrdeutig: Schreiben Sie Nachkommastellen nach „{point}“ und Tausender wie {example}.</translation>
    </message>
    <message>
        <source>Amount must be a number.</source>
        <translation>Der Betrag muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>Amount cannot be negative.</source>
        <translation>Der Betrag darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Amount is too large (at most 1,000,000,000,000).</source>
        <translation>Der Betrag ist zu groß (höchstens 1.000.000.000.000).</translation>
    </message>
    <message>
        <source>Date must look like 2026-12-15.</source>
        <translation>Das Datum muss wie 2026-12-15 aussehen.</translation>
    </message>
    <message>
        <source>Date must be between the years 1900 and 2200.</source>
        <translation>Das Datum muss zwischen den Jahren 1900 und 2200 liegen.</translation>
    </message>
    <message>
        <source>Title cannot be empty.</source>
        <translation>Der Titel darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Title is too long (at most {limit} characters).</source>
        <translation>Der Titel ist zu lang (höchstens {limit} Zeichen).</translation>
    </message>
    <message>
        <source>Currency must be a three-letter code such as EUR or USD.</source>
        <translation>Die Währung muss ein dreistelliger Code wie EUR oder USD sein.</translation>
    </message>
    <message>
        <source>Probability must be between 0 and 100 %.</source>
        <translation>Die Wahrscheinlichkeit muss zwischen 0 und 100 % liegen.</translation>
    </message>
    <message>
        <source>Quantity must be a number.</source>
        <translation>Die Menge muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>Quantity must be a positive number.</source>
        <translation>Die Menge muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>{what} is too long (at most {limit} characters).</source>
        <translation>{what} ist zu lang (höchstens {limit} Zeichen).</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Opportunity Planner</source>
        <translation>Willkommen bei Opportunity Planner</translation>
    </message>
    <message>
        <source>Opportunity Planner logo</source>
        <translation>Logo von Opportunity Planner</translation>
    </message>
    <message>
        <source>Plan your deals with the Miller Heiman method. Three things to know:</source>
        <translation>Planen Sie Ihre Verkaufschancen nach der Miller-Heiman-Methode. Drei Dinge vorab:</translation>
    </message>
    <message>
        <source>This demo plan is for looking around: nothing in it is yours. When you are ready, start your own plan, or import your deals from a CRM export.</source>
        <translation>Dieser Demo-Plan ist zum Umsehen da: Nichts darin gehört Ihnen. Wenn Sie so weit sind, beginnen Sie Ihren eigenen Plan oder importieren Sie Ihre Verkaufschancen aus einem CRM-Export.</translation>
    </message>
    <message>
        <source>Add your first deal, or import your deals from a CRM export. You can open this welcome again from the Help menu.</source>
        <translation>Legen Sie Ihre erste Verkaufschance an oder importieren Sie Ihre Verkaufschancen aus einem CRM-Export. Diese Begrüßung finden Sie jederzeit im Menü Hilfe.</translation>
    </message>
    <message>
        <source>The board follows the customer</source>
        <translation>Die Phasenansicht folgt dem Kunden</translation>
    </message>
    <message>
        <source>Each column is a step of the customer&apos;s buying process. A deal moves on when the customer commits to something, such as a trial or a meeting with the decision maker. Badges mark deals that are stale (nothing happened for a while) or slipped (the close date moved).</source>
        <translation>Jede Spalte ist ein Schritt im Kaufprozess des Kunden. Eine Verkaufschance rückt weiter, wenn der Kunde etwas zusagt, etwa einen Test oder ein Treffen mit dem Entscheider. Markierungen zeigen Verkaufschancen, die ruhen (seit einer Weile ist nichts geschehen) oder sich verschoben haben (das Abschlussdatum hat sich geändert).</translation>
    </message>
    <message>
        <source>The Blue Sheet plans each deal</source>
        <translation>Das Blue Sheet plant jede Verkaufschance</translation>
    </message>
    <message>
        <source>Select a deal to see its Blue Sheet: the buying influences and where each one stands, the red flags to clear, and the action plan towards the next commitment.</source>
        <translation>Wählen Sie eine Verkaufschance, um ihr Blue Sheet zu sehen: die Einflusspersonen und wo jede von ihnen steht, die auszuräumenden Warnsignale und den Maßnahmenplan bis zur nächsten Zusage.</translation>
    </message>
    <message>
        <source>What next</source>
        <translation>Wie es weitergeht</translation>
    </message>
    <message>
        <source>&amp;Start my own plan</source>
        <translation>&amp;Eigenen Plan beginnen</translation>
    </message>
    <message>
        <source>An empty plan of your own; the demo stays as it is</source>
        <translation>Ein leerer eigener Plan; die Demo bleibt, wie sie ist</translation>
    </message>
    <message>
        <source>&amp;Import from CRM…</source>
        <translation>Aus CRM &amp;importieren…</translation>
    </message>
    <message>
        <source>Bring in deals from a Salesforce, HubSpot or Pipedrive export</source>
        <translation>Verkaufschancen aus einem Export von Salesforce, HubSpot oder Pipedrive übernehmen</translation>
    </message>
    <message>
        <source>&amp;Explore the demo</source>
        <translation>&amp;Demo erkunden</translation>
    </message>
    <message>
        <source>&amp;Get started</source>
        <translation>&amp;Loslegen</translation>
    </message>
    <message>
        <source>Step {number}: {title}</source>
        <translation>Schritt {number}: {title}</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>Schritt {number}</translation>
    </message>
</context>
<context>
    <name>WinLossView</name>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Walked away</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>{count} · {amount}</source>
        <translation>{count} · {amount}</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>The (fiscal) quarter the deals closed in</source>
        <translation>Das (Geschäfts-)Quartal, in dem die Verkaufschancen abgeschlossen wurden</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Deals closed in the quarter, by the reason chosen when they closed</source>
        <translation>Im Quartal abgeschlossene Verkaufschancen, nach dem beim Abschluss gewählten Grund</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Deals closed in the quarter that name a competitor: who won a lost deal, who we beat on a won one</source>
        <translation>Im Quartal abgeschlossene Verkaufschancen mit Wettbewerber: wer eine verlorene gewann, wen wir bei einer gewonnenen schlugen</translation>
    </message>
    <message>
        <source>Win/loss in</source>
        <translation>Gewinn/Verlust im</translation>
    </message>
    <message>
        <source>By reason</source>
        <translation>Nach Grund</translation>
    </message>
    <message>
        <source>By competitor</source>
        <translation>Nach Wettbewerber</translation>
    </message>
    <message>
        <source>How many deals closed this way, and their amount in the base currency (amounts without an exchange rate shown apart)</source>
        <translation>Wie viele Verkaufschancen so abgeschlossen wurden, und ihr Betrag in der Basiswährung (Beträge ohne Wechselkurs getrennt)</translation>
    </message>
    <message>
        <source>No deal has closed yet.</source>
        <translation>Noch keine Verkaufschance abgeschlossen.</translation>
    </message>
    <message>
        <source>Won {won} · lost {lost} · walked away {walked}</source>
        <translation>Gewonnen {won} · verloren {lost} · aufgegeben {walked}</translation>
    </message>
</context>
<context>
    <name>WindowManager</name>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>This week&apos;s funnel snapshot was not saved ({error}).</source>
        <translation>Die Trichter-Momentaufnahme dieser Woche wurde nicht gespeichert ({error}).</translation>
    </message>
    <message>
        <source>The automatic backup failed ({error}); the plan itself is saved.</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen ({error}); der Plan selbst ist gespeichert.</translation>
    </message>
    <message>
        <source>Cannot open the plan</source>
        <translation>Der Plan kann nicht geöffnet werden</translation>
    </message>
</context>
</TS>
