"""Settings as data: every setting has a default and a help text in ``default_config.toml``.

Precedence (last wins): the packaged defaults, a user TOML file (``--config``), environment
variables ``EVENTWIRE_<SECTION>_<NAME>``, explicit overrides passed by the caller.
Unknown names and values of the wrong type raise ``ConfigError`` naming the valid options.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Mapping

from .errors import ConfigError

ENV_PREFIX = "EVENTWIRE_"


@dataclass(frozen=True)
class Setting:
    """One setting: its dotted name, value, default and help text."""

    name: str
    value: Any
    default: Any
    help: str


def _load_defaults() -> dict[str, Setting]:
    raw = tomllib.loads(resources.files("eventwire").joinpath("default_config.toml").read_text())
    table: dict[str, Setting] = {}
    for section, entries in raw.items():
        for key, spec in entries.items():
            name = f"{section}.{key}"
            table[name] = Setting(name, spec["value"], spec["value"], spec["help"])
    return table


def _coerce(name: str, default: Any, value: Any) -> Any:
    """Give ``value`` the type of the default, or refuse it."""
    kind = type(default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        try:
            if kind is bool:
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            if kind in (int, float):
                return kind(value)
            if kind is list:
                return [v.strip() for v in value.split(",") if v.strip()]
        except ValueError:
            pass
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    raise ConfigError(name, value, f"a {kind.__name__}")


class Settings(Mapping[str, Any]):
    """Resolved settings; read as ``settings["ingest.batch_size"]``."""

    def __init__(self, overrides: Mapping[str, Any] | None = None,
                 config_file: str | Path | None = None, environ: Mapping[str, str] | None = None):
        self._table = _load_defaults()
        if config_file:
            self._apply_file(Path(config_file))
        self._apply_env(os.environ if environ is None else environ)
        for name, value in (overrides or {}).items():
            if value is not None:
                self.set(name, value)

    def set(self, name: str, value: Any) -> None:
        if name not in self._table:
            raise ConfigError(name, valid=sorted(self._table))
        old = self._table[name]
        self._table[name] = Setting(name, _coerce(name, old.default, value), old.default, old.help)

    def _apply_file(self, path: Path) -> None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(str(path), valid=f"a readable TOML file ({exc})") from exc
        for section, entries in data.items():
            if not isinstance(entries, dict):
                raise ConfigError(section, entries, "a [section] table")
            for key, value in entries.items():
                self.set(f"{section}.{key}", value)

    def _apply_env(self, environ: Mapping[str, str]) -> None:
        for name in list(self._table):
            env_name = ENV_PREFIX + name.replace(".", "_").upper()
            if env_name in environ:
                self.set(name, environ[env_name])

    def __getitem__(self, name: str) -> Any:
        try:
            return self._table[name].value
        except KeyError:
            raise ConfigError(name, valid=sorted(self._table)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def describe(self) -> list[Setting]:
        """Every setting with its current value, default and help text (for ``eventwire settings``)."""
        return list(self._table.values())


def cache_dir(settings: Settings) -> Path:
    """Where compiled indexes live (gazetteer); created on demand."""
    configured = settings["gazetteer.cache_dir"]
    if configured:
        path = Path(configured).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        path = Path(base) / "eventwire"
    path.mkdir(parents=True, exist_ok=True)
    return path
