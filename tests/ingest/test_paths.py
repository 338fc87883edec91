"""Naming files: files, directories and globs to a sorted list, and an error for each bad name."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest import expand_paths

ENDINGS = [".txt", ".json", ".jsonl", ".csv", ".html", ".htm", ".parquet"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of articles with a sub-folder, a hidden folder and files no reader knows."""
    for name in ["b.txt", "a.jsonl", "notes.md", "sub/c.html", "sub/d.CSV", ".cache/e.txt",
                 ".hidden.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Shelling killed two people.")
    return tmp_path


def names(paths: list[Path], root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in paths]


def test_a_directory_gives_its_readable_files_recursively_and_sorted(corpus):
    files, errors = expand_paths([str(corpus)], ENDINGS)
    assert names(files, corpus) == ["a.jsonl", "b.txt", "sub/c.html", "sub/d.CSV"]
    assert errors == []


def test_a_glob_gives_the_matching_readable_files(corpus):
    files, errors = expand_paths([f"{corpus}/*.txt", f"{corpus}/**/*.html"], ENDINGS)
    assert names(files, corpus) == ["b.txt", "sub/c.html"]
    assert errors == []


def test_only_the_given_endings_are_picked_up(corpus):
    files, _ = expand_paths([str(corpus)], [".txt"])
    assert names(files, corpus) == ["b.txt"]


def test_a_file_named_twice_is_read_once(corpus):
    files, _ = expand_paths([str(corpus / "b.txt"), str(corpus), f"{corpus}/b.*"], ENDINGS)
    assert names(files, corpus).count("b.txt") == 1


def test_bad_names_are_errors_naming_them_and_the_rest_is_kept(corpus):
    missing, pattern, unknown = (str(corpus / "missing.txt"), f"{corpus}/*.xml",
                                 str(corpus / "notes.md"))
    files, errors = expand_paths([missing, str(corpus / "b.txt"), pattern, unknown], ENDINGS)
    assert names(files, corpus) == ["b.txt"]
    assert [e.source for e in errors] == [missing, pattern, unknown]
    assert errors[0].reason == "no such file or directory"
    assert "matches no files" in errors[1].reason
    assert errors[2].reason.startswith("unknown file ending '.md'")


def test_a_directory_with_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    files, errors = expand_paths([str(tmp_path)], ENDINGS)
    assert files == [] and errors[0].source == str(tmp_path)


def test_paths_may_be_path_objects_and_endings_may_lack_the_dot(corpus):
    files, errors = expand_paths([corpus / "b.txt"], ["txt"])
    assert names(files, corpus) == ["b.txt"] and errors == []
