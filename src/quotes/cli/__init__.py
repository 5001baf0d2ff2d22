"""The ``quotes`` command: a thin click layer over the Python API in ``quotes``.

Each verb lives in the module of its stage; this file only assembles them.
"""
from __future__ import annotations

import click

from quotes import __version__


@click.group()
@click.version_option(__version__, prog_name="quotes")
def cli():
    """Find quotes and reported claims in English news, attribute them, store and browse them."""


def _register() -> None:
    from quotes.cli import extract_cmd, models_cmd, speakers_cmd, store_cmd

    for module in (models_cmd, extract_cmd, store_cmd, speakers_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
