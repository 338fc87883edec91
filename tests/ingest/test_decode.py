"""Bytes to text: size limit, binary and encoding checks, and the normalisation of article text."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from eventwire.errors import ReadError
from eventwire.ingest.decode import decode_bytes, load_text, normalise_text

LIMIT = 10_000


def write(tmp_path: Path, data: bytes, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(tmp_path: Path, data: bytes, **kwargs) -> str:
    with pytest.raises(ReadError) as caught:
        load_text(write(tmp_path, data), LIMIT, **kwargs)
    assert caught.value.source.endswith("story.txt")
    return caught.value.reason


@pytest.mark.parametrize("data, expected", [
    ("Shelling hit Kharkiv.".encode("utf-8"), "Shelling hit Kharkiv."),
    (codecs.BOM_UTF8 + "Beyrouth, café".encode("utf-8"), "Beyrouth, café"),
    (codecs.BOM_UTF16_LE + "Mosul — strikes".encode("utf-16-le"), "Mosul — strikes"),
    (codecs.BOM_UTF16_BE + "Mosul — strikes".encode("utf-16-be"), "Mosul — strikes"),
])
def test_utf8_and_utf16_with_a_bom_are_read(tmp_path, data, expected):
    assert load_text(write(tmp_path, data), LIMIT) == expected


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file (only whitespace)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)"),
    (bytes(range(1, 9)) * 50, "binary file (mostly non-text bytes)"),
    ("Beyrouth, café".encode("latin-1"), "not UTF-8 text (invalid byte 0xe9 at offset 13)"),
    (codecs.BOM_UTF8 + b"caf\xe9", "not UTF-8 text (invalid byte 0xe9 at offset 6)"),
])
def test_unreadable_files_are_refused_with_the_reason(tmp_path, data, reason):
    assert refusal(tmp_path, data) == reason


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    reason = refusal(tmp_path, b"x" * (LIMIT + 1))
    assert reason == f"file is {LIMIT + 1} bytes, over the limit of {LIMIT} (ingest.max_file_bytes)"


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    with pytest.raises(ReadError, match="cannot read"):
        load_text(tmp_path / "gone.txt", LIMIT)
    with pytest.raises(ReadError, match="not a regular file"):
        load_text(tmp_path, LIMIT)


def test_json_may_carry_nul_characters_that_are_removed_later():
    assert decode_bytes(b'{"text": "a\x00b"}', "a.json", allow_nul=True) == '{"text": "a\x00b"}'


def test_normalisation_unifies_newlines_composes_accents_and_drops_control_characters():
    warnings: list[str] = []
    text = normalise_text("Cafe\u0301 bombed\r\nin Beirut\rat dawn\x07\x1b.\tEnd\x85", warnings)
    assert text == "Café bombed\nin Beirut\nat dawn.\tEnd"
    assert warnings == []


def test_invisible_zero_width_characters_are_removed_but_joiners_stay():
    text = normalise_text("WWLTV\n\n\u200bNEW ORLEANS -- Police\u2060 said\ufeff. \u0645\u200c\u06cc", [])
    assert text == "WWLTV\n\nNEW ORLEANS -- Police said. \u0645\u200c\u06cc"


def test_nul_characters_are_removed_with_a_warning():
    warnings: list[str] = []
    assert normalise_text("Two\x00 killed\x00", warnings) == "Two killed"
    assert warnings == ["removed 2 NUL characters from the text"]


def test_other_characters_are_kept_so_offsets_hold():
    text = "Gaza\u00a0City \u2014 \u201cstrikes\u201d \u0627\u0644\u0642\u062f\u0633 \U0001f4a5"
    assert normalise_text(text, []) == text
