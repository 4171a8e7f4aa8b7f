"""Read stage: a path (or stdin) becomes a decoded `Source`."""

from aloud.read.text import decode_text, read_source

__all__ = ["decode_text", "read_source"]
