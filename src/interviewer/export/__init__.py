"""Exporters: one module per output, found through a registry."""
