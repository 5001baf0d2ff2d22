"""The store's one error: a database that cannot be used, said in one line naming the file."""
from __future__ import annotations

from pathlib import Path
from typing import Union


class StoreError(Exception):
    """A database that cannot be used; the message is one line naming the file."""


def describe_error(path: Union[str, Path], error: BaseException) -> str:
    message = str(error)
    if "locked" in message or "busy" in message:
        return f"{path}: database is locked by another process ({message})"
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return f"{path}: database file is corrupt or not a SQLite database ({message})"
    if "readonly" in message or "read-only" in message:
        return f"{path}: database is read-only ({message})"
    if "unable to open" in message:
        return f"{path}: cannot open database file ({message})"
    return f"{path}: database error ({type(error).__name__}: {message})"
