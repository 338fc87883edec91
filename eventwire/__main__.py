"""``python -m eventwire`` is the ``eventwire`` command."""
from .cli import app

app(prog_name="eventwire")
