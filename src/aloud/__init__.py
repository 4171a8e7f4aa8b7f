"""aloud: turn a text into a chaptered, offline audio edition."""

__version__ = "0.1.0"
