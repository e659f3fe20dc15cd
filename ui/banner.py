"""The coloured strips over the board (demo plan, read-only, no filter match): one look."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget


def banner(parent: QWidget, name: str, background: str, border: str, text: str) -> tuple[QFrame, QHBoxLayout]:
    """A strip named `name` (its style sheet is scoped to it, so its colours reach its labels
    only) and the row to put its label and buttons in."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setStyleSheet(
        f"#{name} {{ background: {background}; border-bottom: 1px solid {border}; }}"
        f"#{name} QLabel {{ color: {text}; }}"
    )
    row = QHBoxLayout(frame)
    row.setContentsMargins(12, 6, 12, 6)
    return frame, row
