"""``interviewer schema``: JSON Schemas of the files interviewer reads and writes."""

from __future__ import annotations

import json

import click


@click.group("schema")
def schema_group() -> None:
    """Print the JSON Schema of a file format (for validators and other tools)."""


@schema_group.command("session")
def schema_session_command() -> None:
    """JSON Schema of the portable session file (interviewer export --format json)."""
    from interviewer.store.portable import portable_schema

    click.echo(json.dumps(portable_schema(), ensure_ascii=False, indent=2))


# --- `interviewer schema protocol` -- protocol area (the lead) ------------------------------
# The command lives in protocol_commands.py; it is attached here. Replace or extend freely.
from interviewer.cli.protocol_commands import schema_protocol_command  # noqa: E402

schema_group.add_command(schema_protocol_command, "protocol")
