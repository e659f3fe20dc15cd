"""Dialogs: editors with inline validation; nothing is written until the input is valid."""
