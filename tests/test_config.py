from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.errors import ConfigError


def test_defaults_have_help_text():
    settings = Settings(environ={})
    assert settings["store.db"] == "eventwire.duckdb"
    assert all(s.help for s in settings.describe())


def test_file_then_environment_then_overrides(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[ingest]\nbatch_size = 8\n[dedup]\nthreshold = 0.7\n")
    settings = Settings({"dedup.threshold": 0.9}, config_file=config,
                        environ={"EVENTWIRE_INGEST_BATCH_SIZE": "16"})
    assert settings["ingest.batch_size"] == 16 and settings["dedup.threshold"] == 0.9


def test_unknown_setting_names_the_valid_ones():
    with pytest.raises(ConfigError) as err:
        Settings({"ingest.batchsize": 3}, environ={})
    assert "ingest.batch_size" in str(err.value)


def test_wrong_type_is_refused_with_its_value():
    with pytest.raises(ConfigError, match="'many'"):
        Settings(environ={"EVENTWIRE_INGEST_BATCH_SIZE": "many"})


def test_broken_config_file_is_one_clear_error(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[ingest\n")
    with pytest.raises(ConfigError, match="broken.toml"):
        Settings(config_file=broken, environ={})
