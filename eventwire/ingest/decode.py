"""Bytes on disk to article text: size limit, binary and encoding checks, normalisation.

Every refusal is a ``ReadError`` naming the file and the reason in one line, raised before the
text reaches a parser: an 80 MB HTML page is refused by its size (``stat``, before reading), a
PNG renamed ``.txt`` as binary, a Latin-1 file as "not UTF-8 text (invalid byte 0xe9 at
offset 3)", UTF-16 saved without its byte-order mark as such (not as binary). Accepted text is
UTF-8 (with or without a byte-order mark) or UTF-16 with a BOM.

``normalise_text`` is what every article text goes through once: line ends unified to ``\\n``,
NFC, control characters other than newline and tab removed. Nothing else changes, so the
offsets that later stages record stay valid for ``Article.text``.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..errors import ReadError

#: how much of a file the binary check looks at
BINARY_SAMPLE_BYTES = 8192
#: a sample with more than this share of control bytes (not tab, newline, CR, FF) is binary
BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
#: UTF-16 without a BOM: in mostly Latin-script text at least this share of the high bytes
#: (every other byte) is NUL, and no low byte is
UTF16_NUL_SHARE = 0.8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_LINE_ENDS = re.compile(r"\r\n?")
#: C0 and C1 control characters except tab (\x09) and newline (\x0a); NUL is counted apart;
#: and the invisible zero-width space, word joiner and no-break space a CMS leaves in copy
#: ("\u200bNEW ORLEANS -- Police ...": the dateline was not found behind one). The zero-width
#: joiners (\u200c, \u200d) stay: Persian, Indic scripts and emoji need them.
_CONTROLS = re.compile("[\x01-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff]")


def load_text(path: Path, max_bytes: int, *, allow_nul: bool = False) -> str:
    """The decoded text of ``path``, or a ``ReadError`` saying why it cannot be read.

    ``allow_nul``: JSON files may carry NUL characters inside strings; they are removed later,
    with a warning, instead of refusing the whole file as binary.
    """
    source = str(path)
    try:
        info = path.stat()
        if not path.is_file():
            raise ReadError(source, "not a regular file")
        if info.st_size > max_bytes:
            raise ReadError(source, f"file is {info.st_size} bytes, over the limit of "
                                    f"{max_bytes} (ingest.max_file_bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(source, f"cannot read ({exc.strerror or exc})") from exc
    if not data:
        raise ReadError(source, "empty file")
    text = decode_bytes(data, source, allow_nul=allow_nul)
    if not text.strip():
        raise ReadError(source, "empty file (only whitespace)")
    return text


def decode_bytes(data: bytes, source: str, *, allow_nul: bool = False) -> str:
    """UTF-8 (optional BOM) or UTF-16 with a BOM; anything else is refused, naming the bad byte."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(source, f"not valid UTF-16 text ({exc.reason} at offset {exc.start})")
    order = _utf16_without_bom(data[:BINARY_SAMPLE_BYTES])
    if order:
        raise ReadError(source, f"UTF-16 text ({order}) without a byte-order mark: "
                                "save it as UTF-8, or as UTF-16 with a BOM")
    if not allow_nul and b"\x00" in data:
        raise ReadError(source, "binary file (NUL bytes)")
    sample = data[:BINARY_SAMPLE_BYTES]
    if sum(1 for byte in sample if byte in _CONTROL_BYTES) > BINARY_CONTROL_SHARE * len(sample):
        raise ReadError(source, "binary file (mostly non-text bytes)")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        raise ReadError(source, f"not UTF-8 text (invalid byte 0x{data[offset]:02x} "
                                f"at offset {offset})") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """"little-endian" or "big-endian" when ``sample`` reads as UTF-16 text with no BOM."""
    pairs = len(sample) // 2
    for order, high, low in (("little-endian", sample[1::2], sample[0::2]),
                             ("big-endian", sample[0::2], sample[1::2])):
        if pairs and high[:pairs].count(0) >= UTF16_NUL_SHARE * pairs and 0 not in low[:pairs]:
            return order
    return None


def unify_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return _LINE_ENDS.sub("\n", text)


def normalise_text(text: str, warnings: list[str]) -> str:
    """Newlines unified, NFC, control and invisible zero-width characters removed (NUL with a
    warning), and a lone surrogate (a broken ``\\ud800`` escape in JSON, which no UTF-8 file
    can hold) replaced."""
    text = _without_lone_surrogates(text, warnings)
    text = unicodedata.normalize("NFC", unify_newlines(text))
    nuls = text.count("\x00")
    if nuls:
        warnings.append(f"removed {nuls} NUL character{'s' if nuls > 1 else ''} from the text")
        text = text.replace("\x00", "")
    return _CONTROLS.sub("", text)


#: a UTF-16 surrogate standing alone (JSON can spell one; it is no character)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(text: str, warnings: list[str]) -> str:
    found = len(LONE_SURROGATE.findall(text))
    if not found:
        return text
    warnings.append(f"replaced {found} lone surrogate escape{'s' if found > 1 else ''} "
                    f"(not a character) with U+FFFD")
    return LONE_SURROGATE.sub("\ufffd", text)
