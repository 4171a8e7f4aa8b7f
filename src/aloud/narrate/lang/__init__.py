"""Languages: a Locale per language (sentence rules, normalizer, heading words, announcements)."""
