"""Edit flows by subject: each takes the edit session and what it needs, never the window."""
