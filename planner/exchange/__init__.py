"""CRM imports and plan exports that need no Qt."""
