"""Data package: lexicon CSV files with their ``.meta.json`` provenance. Read only through ``framing.lexicon``."""
