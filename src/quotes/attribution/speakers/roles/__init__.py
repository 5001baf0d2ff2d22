"""Roles: what the article says a speaker is ("Kremlin spokesman").

    offices.py       the office vocabulary, which of several roles a reader
                     shows, and which offices conflict
    role_text.py     a role as a tracker shows it (no honorific, no clause,
                     short)
    beside_names.py  a role set beside a name in the parse ("Kevin Sullivan,
                     Connecticut's tax commissioner,")
    described.py     offices said in place of a name ("The Republican
                     presidential nominee noted ...")
"""
