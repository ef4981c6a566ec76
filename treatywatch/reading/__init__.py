"""Reading news: claims out of text, checked against the record (see pipeline.py)."""
