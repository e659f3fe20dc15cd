"""Opportunity Planner: the pure-Python domain and storage (never imports Qt)."""

__version__ = "0.1.0"
# The command's name, in every line it writes to stderr.
PROG = "planner"
