"""`quotes ingest`, `serve`, `export`, `stats`, `merge` (store and Datasette)."""
COMMANDS: list = []
