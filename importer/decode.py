"""Bytes to text: detect the encoding, refuse binary data, normalise line endings."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import UndecodableInput

# Control characters that never occur in text. Tab, LF, VT, FF and CR do
# (VT is Word's manual line break, FF a PDF page break) and are kept.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE with BOM"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE with BOM"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE with BOM"),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded input: text with ``\\n`` line endings, and what was detected."""

    text: str
    encoding: str
    line_endings: str
    doubt: str | None = None  # set when another encoding would also have decoded the bytes


def decode(data: bytes) -> Decoded:
    """Decode ``data``; raise :class:`UndecodableInput` naming the byte offset on failure."""
    text, encoding = _decode(data)
    doubt = _doubt(data, text) if encoding == "UTF-8" else None
    text, endings = normalise_newlines(text)
    return Decoded(text, encoding, endings, doubt)


def _doubt(data: bytes, text: str) -> str | None:
    """Short GB18030 text can be valid UTF-8 too (展 = D5 B9 = Armenian չ): say so.

    UTF-8 Chinese uses three-byte sequences (U+0800 and up); text that has
    non-ASCII characters but none of those, and also decodes as GB18030, is
    ambiguous.
    """
    if not any("\x80" <= ch < "\u0800" for ch in text) or any(ch >= "\u0800" for ch in text):
        return None
    try:
        other = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    sample = next(ch for ch in text if ch >= "\x80")
    return (f"read as UTF-8 («{sample}»), but the bytes are valid GB18030 too («{other.strip()[:20]}»): "
            "check the text, and save it as UTF-8 if it is GB18030")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                raise UndecodableInput(
                    f"input starts with a {name.split(' with')[0]} byte-order mark but is not valid "
                    f"{name.split(' with')[0]}: {error.reason} at byte offset {len(bom) + error.start}"
                ) from None
            match = _BINARY.search(text)
            if match:
                offset = len(bom) + len(text[: match.start()].encode(codec))
                raise _binary(ord(match.group()), offset)
            return text, name
    match = _BINARY_BYTES.search(data)
    if match:
        raise _binary(data[match.start()], match.start())
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "GB18030"
        except UnicodeDecodeError as gb_error:
            raise UndecodableInput(
                f"input is neither UTF-8 (invalid byte 0x{data[utf8_error.start]:02X} at byte offset "
                f"{utf8_error.start}) nor GB18030 (invalid byte 0x{data[gb_error.start]:02X} at byte "
                f"offset {gb_error.start}); save it as UTF-8 and try again"
            ) from None


def _binary(byte: int, offset: int) -> UndecodableInput:
    return UndecodableInput(
        f"input looks binary, not text: control byte 0x{byte:02X} at byte offset {offset} "
        "(UTF-16 needs a byte-order mark; export documents as plain text first)"
    )


def normalise_newlines(text: str) -> tuple[str, str]:
    """Turn CRLF, lone CR, VT, FF and Unicode line/paragraph separators into LF."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, count in (("CRLF", crlf), ("CR", lone_cr), ("LF", lf)) if count]
    endings = " and ".join(kinds) if kinds else "none"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\x0b\x0c\u2028\u2029\x85]", "\n", text)
    return text, endings
