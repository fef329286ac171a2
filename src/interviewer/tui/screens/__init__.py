"""Screens: one per mode of work (home, introduction, interview, closing, review)."""
