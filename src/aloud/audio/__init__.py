"""Audio: ffmpeg, segment planning, mastering, the cache of encoded segments, the timeline."""
