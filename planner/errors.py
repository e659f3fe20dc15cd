"""Errors an edit raises for a reason the seller can act on (light: the window imports it at start)."""

from __future__ import annotations


class OperationError(ValueError):
    """An operation refused for a reason the seller can act on."""
