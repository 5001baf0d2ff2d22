"""Names read off the text: a mention split into name and role (``names``),
the names an article holds (``mentions``, ``name_runs``, ``article_names``),
who can speak (``speaking_heads``), a speaker's type (``kinds``) and names a
speakers table can show (``table_names``). Roles are in ``speakers.roles``."""
