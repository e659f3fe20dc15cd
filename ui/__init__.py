"""The PySide6 user interface: thin views over planner's domain and storage."""
