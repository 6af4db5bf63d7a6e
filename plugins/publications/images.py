"""Responsive pictures: which widths to make, where they go, the <picture> markup, and
the encoding itself (Pillow). Pure of Pelican.

Every local raster image of a page becomes::

    <a class="picture-link" href="{original}">
      <picture>
        <source type="image/webp" srcset="…-480-<hash>.webp 480w, …" sizes="…">
        <img src="{original}" srcset="…-480-<hash>.jpg 480w, …, {original} 1600w" sizes="…"
             width="1600" height="1067" alt="…" loading="lazy" decoding="async">
      </picture><span class="visually-hidden">(open the full-size picture)</span>
    </a>

The first picture of a page is not lazy (it may be above the fold). An <img> already
inside a link keeps its link; one already inside <picture> is left alone.

File names carry a hash of the source bytes and of the encoding parameters, so the
same input always gives the same names and bytes, and a changed picture gets new
names (no stale browser caches).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

import PIL
from PIL import Image, ImageOps

from .summary import has_class, normalise, parse, text_of

EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
SUFFIX = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# A candidate width this close to the largest one adds bytes, not sharpness.
CLOSENESS = 0.85
PLACEHOLDERS = ("{static}", "{attach}", "|static|", "|attach|")


def choose_widths(original: int, wanted: Sequence[int], closeness: float = CLOSENESS) -> tuple[int, ...]:
    """The widths to offer for a picture `original` pixels wide: never larger than the
    original, never two that are almost the same, ascending."""
    if original < 1:
        raise ValueError(f"a picture is at least 1 pixel wide, not {original}")
    top = min(original, max(wanted))
    smaller = sorted({width for width in wanted if width < top and width <= closeness * top})
    return (*smaller, top)


def scaled_height(width: int, original: tuple[int, int]) -> int:
    return max(1, round(original[1] * width / original[0]))


@dataclass(frozen=True)
class Variant:
    path: str  # where it is written, relative to the output folder ('/'-separated)
    width: int
    height: int
    format: str  # "WEBP", "JPEG", "PNG"
    quality: int | None
    source: str  # the original, relative to the content folder
    copy_of_original: bool = False  # the original file itself serves this width


@dataclass(frozen=True)
class Picture:
    """A local raster picture and the variants made from it."""

    source: str  # relative to the content folder, e.g. images/stories/x.jpg
    url: str  # the original's URL as pages link it (SITEURL/…)
    width: int  # as displayed (EXIF orientation applied)
    height: int
    format: str
    variants: tuple[Variant, ...] = field(default=())

    def srcset(self, image_format: str, siteurl: str) -> str:
        chosen = [v for v in self.variants if v.format == image_format]
        return ", ".join(
            f"{self.url if v.copy_of_original else siteurl + '/' + quote(v.path)} {v.width}w" for v in chosen
        )

    @property
    def generated(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if not v.copy_of_original)


def fingerprint(data: bytes, *parameters: object) -> str:
    digest = hashlib.sha256(data)
    for parameter in parameters:
        digest.update(b"\0" + str(parameter).encode())
    return digest.hexdigest()[:10]


def plan_picture(
    source: str,
    data: bytes,
    size: tuple[int, int],
    image_format: str,
    *,
    url: str,
    widths: Sequence[int],
    folder: str,
    static_folder: str,
    quality: Mapping[str, int],
) -> Picture:
    """The variants of one picture: WebP at every width, and the original format too
    (the original file itself at its own width)."""
    chosen = choose_widths(size[0], widths)
    inside = PurePosixPath(source)
    try:
        inside = inside.relative_to(static_folder)
    except ValueError:
        pass
    stem = inside.with_suffix("").as_posix()
    variants = []
    for target in ("WEBP", image_format) if image_format != "WEBP" else ("WEBP",):
        for width in chosen:
            height = scaled_height(width, size)
            if target == image_format and width == size[0]:
                variants.append(Variant(source, width, height, target, None, source, copy_of_original=True))
                continue
            q = quality.get(target) if target != "PNG" else None
            tag = fingerprint(data, target, width, q, PIL.__version__)
            path = f"{folder}/{stem}-{width}-{tag}.{SUFFIX[target]}"
            variants.append(Variant(path, width, height, target, q, source))
    return Picture(source, url, size[0], size[1], image_format, tuple(variants))


def measure(path: Path) -> tuple[tuple[int, int], str]:
    """(width, height) as displayed, and the Pillow format of a picture file."""
    with Image.open(path) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        return (width, height), image.format


def encode(path: Path, variant: Variant) -> bytes:
    """The bytes of one variant: same input, same bytes (no metadata, fixed parameters)."""
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.size != (variant.width, variant.height):
            image = image.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
        has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
        buffer = BytesIO()
        if variant.format == "WEBP":
            image = image.convert("RGBA" if has_alpha else "RGB")
            image.save(buffer, "WEBP", quality=variant.quality or 80, method=6, exact=False)
        elif variant.format == "JPEG":
            image = image.convert("L" if image.mode in ("L", "LA") else "RGB")
            image.save(buffer, "JPEG", quality=variant.quality or 82, optimize=True, progressive=True)
        else:
            if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                image = image.convert("RGBA" if has_alpha else "RGB")
            image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue()


def write_variant(path: Path, variant: Variant, output: Path, cache: Path | None) -> bool:
    """Write a variant into the output; True when it came from the cache."""
    target = output / variant.path
    target.parent.mkdir(parents=True, exist_ok=True)
    cached = cache / PurePosixPath(variant.path).name if cache is not None else None
    if cached is not None and cached.is_file():
        target.write_bytes(cached.read_bytes())
        return True
    data = encode(path, variant)
    target.write_bytes(data)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cached.parent, prefix=".part-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, cached)  # atomic: parallel builds never see half a file
    return False


# finding pictures in a rendered body -------------------------------------------------------


@dataclass(frozen=True)
class ImgTag:
    start: int
    end: int
    attrs: tuple[tuple[str, str | None], ...]
    in_link: bool
    in_picture: bool
    in_figure: bool

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)


_NEWLINE = re.compile("\n")
_IMG_START = re.compile("<img", re.IGNORECASE)


class PositionParser(HTMLParser):
    """An HTMLParser that knows where in its text the current tag starts."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]

    def where(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column


class _Finder(PositionParser):
    def __init__(self, text: str):
        super().__init__(text)
        self.open = {"a": 0, "picture": 0, "figure": 0}
        self.found: list[ImgTag] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.open:
            self.open[tag] += 1
        elif tag == "img":
            start = self.where()
            raw = self.get_starttag_text() or ""
            self.found.append(
                ImgTag(start, start + len(raw), tuple(attrs), self.open["a"] > 0, self.open["picture"] > 0,
                       self.open["figure"] > 0)
            )

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.open.get(tag):
            self.open[tag] -= 1


def find_images(text: str) -> list[ImgTag]:
    if not _IMG_START.search(text):
        return []  # most bodies (every report) have no picture: no need to tokenise them
    finder = _Finder(text)
    finder.feed(text)
    finder.close()
    return finder.found


def local_source(src: str, content_dir: str, static_folders: Sequence[str]) -> str | None:
    """The content-relative path of a local raster `src`, or None (remote, SVG, elsewhere).

    ``{static}/x`` is relative to the content folder, ``{static}x`` to the page's own
    folder `content_dir`, as Pelican resolves them; ``/images/…`` is a site path."""
    value = src.strip()
    for placeholder in PLACEHOLDERS:
        if value.startswith(placeholder):
            value = value[len(placeholder):]
            if not value.startswith("/"):
                value = f"{content_dir}/{value}" if content_dir else value
            break
    else:
        if not value.startswith("/") or value.startswith("//"):
            return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    path = os.path.normpath(unquote(parts.path).lstrip("/")).replace(os.sep, "/")
    if path.startswith("../") or PurePosixPath(path).suffix.lower() not in EXTENSIONS:
        return None
    if PurePosixPath(path).parts[0] not in static_folders:
        return None
    return path


# writing the <picture> -----------------------------------------------------------------------


def element(name: str, attrs: Sequence[tuple[str, str | None]]) -> str:
    """A start tag; attribute values escaped, so text from content cannot break out."""
    parts = [name]
    for key, value in attrs:
        parts.append(key if value is None else f'{key}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


REPLACED = frozenset({"src", "srcset", "sizes", "width", "height", "loading", "decoding"})


def picture_markup(
    picture: Picture,
    tag: ImgTag | None,
    *,
    alt: str,
    sizes: str,
    lazy: bool,
    siteurl: str,
    src: str | None = None,
    link_label: str | None = None,
    link: bool = True,
) -> str:
    """The <picture> (in a link to the full picture, unless `link` is False) for one image.

    `src` is the value written for the fallback src and the link (it may be a
    ``{static}`` placeholder Pelican resolves later); by default the original's URL."""
    original = src if src is not None else picture.url
    kept = [(k, v) for k, v in (tag.attrs if tag else ()) if k not in REPLACED and k != "alt"]
    img_attrs = [
        ("src", original),
        *(
            [("srcset", picture.srcset(picture.format, siteurl)), ("sizes", sizes)]
            if picture.format != "WEBP"
            else [("srcset", picture.srcset("WEBP", siteurl)), ("sizes", sizes)]
        ),
        ("width", str(picture.width)),
        ("height", str(picture.height)),
        ("alt", alt),
        *kept,
        *([("loading", "lazy")] if lazy else []),
        ("decoding", "async"),
    ]
    inner = "<picture>"
    if picture.format != "WEBP":
        inner += element("source", [("type", "image/webp"), ("srcset", picture.srcset("WEBP", siteurl)), ("sizes", sizes)])
    inner += element("img", img_attrs) + "</picture>"
    if not link:
        return inner
    hidden = f'<span class="visually-hidden">{html.escape(link_label, quote=False)}</span>' if link_label else ""
    return element("a", [("class", "picture-link"), ("href", original)]) + inner + hidden + "</a>"


@dataclass(frozen=True)
class Problem:
    src: str
    what: str


def rewrite(
    text: str,
    pictures: Callable[[str], Picture | None],
    *,
    sizes: str,
    siteurl: str,
    link_label: str | None,
    first_is_lazy: bool = False,
) -> tuple[str, list[Problem]]:
    """The body with every local raster <img> turned into a responsive <picture>, and
    the images that lack alt text. `pictures(src)` plans the picture for a src, or None
    when it is not a local raster picture."""
    problems: list[Problem] = []
    pieces: list[str] = []
    position = 0
    seen_first = first_is_lazy
    for tag in find_images(text):
        src = tag.get("src") or ""
        alt = tag.get("alt")
        if alt is None:
            problems.append(Problem(src, "has no alt text"))
        elif not alt.strip():
            problems.append(Problem(src, "has empty alt text"))
        if tag.in_picture:
            seen_first = True
            continue
        picture = pictures(src)
        if picture is None:
            seen_first = True
            continue
        pieces.append(text[position:tag.start])
        pieces.append(
            picture_markup(
                picture, tag, alt=alt or "", sizes=sizes, lazy=seen_first, siteurl=siteurl, src=src,
                link_label=link_label, link=not tag.in_link,
            )
        )
        position = tag.end
        seen_first = True
    pieces.append(text[position:])
    return "".join(pieces), problems


# figures: caption, credit and date, for metadata ------------------------------------------------


@dataclass(frozen=True)
class Figure:
    src: str
    alt: str
    caption: str  # the caption without its credit and date
    credit: str
    date: str  # the datetime of the caption's <time>, "" when none


def figures(text: str) -> list[Figure]:
    """The figures of a body, from their <img>, <figcaption>, ``.credit`` and <time>."""
    root = parse(text) if _FIGURE_START.search(text or "") else None
    if root is None:
        return []
    found = []
    for figure in root.iter("figure"):
        img = next(figure.iter("img"), None)
        if img is None:
            continue
        caption = next(figure.iter("figcaption"), None)
        credit = date = ""
        words = ""
        if caption is not None:
            credit_tag = next((e for e in caption.iterdescendants() if isinstance(e.tag, str) and has_class(e, "credit")), None)
            time_tag = next(caption.iterdescendants("time"), None)
            credit = normalise(text_of(credit_tag)) if credit_tag is not None else ""
            date = (time_tag.get("datetime") or normalise(text_of(time_tag))) if time_tag is not None else ""
            extracted = frozenset(tag for tag in (credit_tag, time_tag) if tag is not None)
            words = normalise(text_of(caption, extracted.__contains__))
        found.append(Figure(img.get("src") or "", img.get("alt") or "", words, credit, date))
    return found


_FIGURE_START = re.compile("<figure", re.IGNORECASE)
