"""Pure models and rules: protocol, session, timing, conditions (no Textual, no I/O)."""
