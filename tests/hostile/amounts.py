"""Amounts that read a thousand times too small or too large when a file's number style is guessed.

german.csv: a semicolon-separated export with 15.01.2027 dates whose amounts are all round
(10.000 €): ten thousand, never ten. mixed.csv: one column written in both styles (1'234.56
and 1,000 among 1.234,56). ambiguous.csv: commas between columns, ISO dates and 1.500: nothing
says whether that is one and a half or fifteen hundred.
"""

from __future__ import annotations

from pathlib import Path

HEADER = "id;name;account;stage;amount;close date\n"

# What each file must import: CRM id -> amount (None: reported and imported without one).
GERMAN = {"D-1": 10_000.0, "D-2": 25_000.0, "D-3": 150_000.0, "D-4": 7_500.0}
MIXED = {
    "M-1": 1_234.56, "M-2": 2_500.0, "M-3": 1_234.56, "M-4": None, "M-5": 12_000.0, "M-6": 5_000.0,
    "M-7": 3_450.0,
}  # fmt: skip
AMBIGUOUS_AS_COMMA = {"A-1": 1_500.0, "A-2": 2_000.0, "A-3": 12_000.0}


def make(folder: Path) -> list[Path]:
    german = folder / "german.csv"
    german.write_text(
        HEADER
        + "D-1;Lagersystem Nord;Müller Logistik GmbH;Prospect;10.000 €;15.01.2027\n"
        + "D-2;Scanner-Rollout;Müller Logistik GmbH;Prospect;25.000 €;31.01.2027\n"
        + "D-3;Flottenanbindung;Weber & Söhne KG;Prospect;150.000 €;28.02.2027\n"
        + "D-4;Wartungsvertrag;Weber & Söhne KG;Prospect;7.500 €;15.03.2027\n",
        encoding="utf-8-sig",  # what Excel's "CSV UTF-8" writes
    )
    mixed = folder / "mixed.csv"
    mixed.write_text(
        HEADER
        + "M-1;Alpha;Acme;Prospect;1.234,56 €;15.01.2027\n"
        + "M-2;Beta;Acme;Prospect;2.500 €;15.01.2027\n"
        + "M-3;Gamma;Acme;Prospect;1'234.56;15.01.2027\n"  # Swiss: only ever 1,234.56
        + "M-4;Delta;Acme;Prospect;1,000;15.01.2027\n"  # one thousand, or one?
        + "M-5;Epsilon;Acme;Prospect;12.000 €;15.01.2027\n"
        + "M-6;Zeta;Acme;Prospect;5000;15.01.2027\n"
        + "M-7;Eta;Acme;Prospect;3.450,00 €;15.01.2027\n",
        encoding="utf-8",
    )
    ambiguous = folder / "ambiguous.csv"
    ambiguous.write_text(
        "id,name,account,stage,amount,close date\n"
        "A-1,Alpha,Acme,Prospect,1.500,2027-01-15\n"
        "A-2,Beta,Acme,Prospect,2.000,2027-02-15\n"
        "A-3,Gamma,Acme,Prospect,12.000,2027-03-15\n",
        encoding="utf-8",
    )
    return [german, mixed, ambiguous]
