"""Opportunity Planner: the pure-Python domain and storage (never imports Qt)."""

__version__ = "0.1.0"
