"""Speech: the engine protocol, the engines, and speaking units with checks."""
