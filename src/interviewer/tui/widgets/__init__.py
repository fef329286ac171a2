"""Widgets: regions of a screen."""
