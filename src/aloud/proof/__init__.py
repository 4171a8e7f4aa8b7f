"""Proof: check an edition's files and audio, and verify by listening that it says its text."""
