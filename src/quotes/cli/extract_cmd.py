"""`quotes extract` and `quotes evaluate` (attribution engine)."""
COMMANDS: list = []
