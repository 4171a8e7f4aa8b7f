"""Publish stage: many inputs in one run become a site — every edition in its folder, a
library page (`index.html`) and, given a base URL, a podcast feed (`feed.xml`) with
chapters and transcripts. Rebuilt incrementally: an edition is built only when its input
or its settings changed, and the site's own files are written whole.
"""
