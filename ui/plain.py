"""Text other people wrote, shown as text: tooltips, rich text with escaped values, message boxes.

Qt guesses whether a tooltip, a What's This text, a message box or a label in its default
format is rich text (`Qt.mightBeRichText`). Deal titles, account names and notes come from CRM
files, plan bundles and review notes written by others: a title `<img src="file:///…">` would
load that file when hovered, and a few nested tables freeze the layout for minutes. Every such
text is shown through this module, so Qt never reads it as markup.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

# A tooltip is read at a glance; the view itself shows the whole text.
TOOLTIP_LIMIT = 600
# How many characters of a name a combo box is wide: its list shows every name whole.
NAME_CHARACTERS = 30

Button = QMessageBox.StandardButton


def escape(text: str) -> str:
    """`text` as rich text that shows it literally ('<b>' stays '<b>', '&amp;' stays '&amp;').

    html.escape(text, quote=False), without importing html (and its entity table) at start-up:
    the board's tooltips use this module.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def without_mnemonic(text: str) -> str:
    """A menu item's text as it reads, without its Alt-key mark ("&&" is a literal "&")."""
    return _MNEMONIC.sub(r"\1", text)


_MNEMONIC = re.compile("&(.)", re.DOTALL)


def plain_tooltip(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    """`text` as a tooltip or What's This text that Qt shows literally; '' (no tooltip) for ''.

    Escaped rich text rather than plain text: Qt offers no way to make a tooltip plain, and even
    text without tags is read as markup when it merely looks like some ('x &lt; y'). The
    paragraph keeps line breaks and runs of spaces as written and lets long lines wrap.
    """
    if not text:
        return ""
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def rich(template: str, **values: object) -> str:
    """Our own markup (`template`, e.g. '<b>{name}</b>') with every value escaped.

    Numbers keep their format specifications ('{n:,}'); anything else is escaped as text.
    """
    safe = {
        key: value if isinstance(value, int | float) else escape(str(value)) for key, value in values.items()
    }
    return template.format(**safe)


def message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    """A modal message box showing `text` as plain text; the button chosen.

    QMessageBox's static functions take their text as AutoText: a value quoted from a file
    would be read as markup.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    chosen = box.exec()
    box.deleteLater()  # with a parent it would otherwise live as long as the window
    return Button(chosen)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    """Say that something failed, in plain text."""
    message(parent, QMessageBox.Icon.Warning, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    """Say what happened, in plain text."""
    message(parent, QMessageBox.Icon.Information, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    """Say that something could not be done at all, in plain text."""
    message(parent, QMessageBox.Icon.Critical, title, text)


def about(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.about in plain text: the program's icon beside `text`."""
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, text, Button.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    icon = box.windowIcon()
    box.setIconPixmap(icon.pixmap(icon.actualSize(QSize(64, 64))))
    box.exec()
    box.deleteLater()


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.NoButton,
) -> Button:
    """Ask, in plain text; the button chosen."""
    return message(parent, QMessageBox.Icon.Question, title, text, buttons, default)


def keep_names_narrow(combo: QComboBox, characters: int = NAME_CHARACTERS) -> None:
    """A combo box of names others typed is `characters` wide however long one is (a combo box
    grows to its longest item: a 120-character account name made the export dialog wider than
    the screen). Its list opens as wide as the longest name, up to the screen's width."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
