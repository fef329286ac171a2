"""The JSON Schema of the protocol format, for editors with a YAML language server."""

from __future__ import annotations

from typing import Any

from interviewer.domain.protocol import HIGHLIGHT_COLOURS, InterviewProtocol

SCHEMA_ID = "https://interviewer.invalid/schema/protocol-1.json"
"""A stable identifier; never fetched (the app works offline), only used to name the schema."""


def _colour_enum(node: Any) -> None:
    """Give colour fields the list of Word highlight names, so editors can complete them."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "colour" and isinstance(value, dict):
                names = [*HIGHLIGHT_COLOURS, "grey", "gray"]
                choice = {"type": "string", "enum": names}
                if "anyOf" in value:
                    value["anyOf"] = [choice, {"type": "null"}]
                else:
                    value.update(choice)
            else:
                _colour_enum(value)
    elif isinstance(node, list):
        for item in node:
            _colour_enum(item)


def protocol_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a protocol file, generated from the model itself."""
    schema = InterviewProtocol.model_json_schema(mode="validation")
    _colour_enum(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Interview protocol (interviewer, format 1)",
    }
