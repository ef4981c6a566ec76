"""The HTTP API and web pages over the ledger (read-only)."""
