"""Datasette for a quotes database: the plugin (registered by the ``datasette`` entry point) and ``quotes serve``.

This package is the plugin module Datasette loads, so its ``templates/`` and
``static/`` folders are the plugin's; the hooks live in ``plugin.py``.
"""
from quotes.datasette.plugin import (extra_css_urls, filters_from_request, get_metadata, menu_links,  # noqa: F401 - the hooks
                                     prepare_connection, register_facet_classes, register_routes, render_cell,
                                     startup, table_actions)
