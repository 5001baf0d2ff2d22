"""Names and roles read off the text: a mention split into name and role
(``names``), roles as a tracker shows them (``roles``), the names an article
holds (``mentions``) and names a speakers table can show (``table_names``)."""
