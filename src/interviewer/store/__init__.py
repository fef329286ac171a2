"""TinyDB session store: atomic storage, autosave, locking, record <-> domain conversion."""
