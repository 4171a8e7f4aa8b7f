"""Where work runs: the executor protocol, the local pool, and the scheduler that retries."""
