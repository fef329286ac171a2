"""interviewer: guide semi-structured research interviews from a YAML protocol."""

__version__ = "0.1.0"
