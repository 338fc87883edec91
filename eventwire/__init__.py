"""eventwire: news reports in, conflict-event data out."""
__version__ = "0.1.0"
