"""Draw the sample photographs and the sample magazine cover.

The pictures are *sample* illustrations for the sample content: believable,
old-looking "photographs" drawn entirely with Pillow shapes, gradients and
noise, plus a designed cover for the sample issue of 《定海政协》.

Output (relative to the content directory):

* ``images/stories/morning-at-the-old-pier.jpg`` -- sepia harbour at dawn,
  a ferry at the end of a stone pier, fishing boats, hills across the water;
* ``images/stories/under-the-eaves-of-the-old-street.jpg`` -- black-and-white
  old-town street after rain: wooden shop boards, tiled eaves, whitewashed
  stepped gable walls (马头墙), people walking on wet stone slabs;
* ``images/magazine/2023-1-cover.jpg`` -- 1200x1600 cover with the masthead
  定海政协 and 2023年第1期 set in Noto CJK (no text if the font is missing).

Everything is seeded, so a rerun writes byte-identical files (files whose
bytes would not change are left untouched).

Usage::

    python -m tools.make_sample_images [--content-dir DIR]
"""

from __future__ import annotations

import argparse
import io
import itertools
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content"

PHOTO_SIZE = (1600, 1067)
COVER_SIZE = (1200, 1600)
SS = 2  # supersampling factor for drawing (anti-aliasing)
JPEG_QUALITY = 80
MAX_BYTES = 300_000

SEEDS = {
    "harbour": 19860418,
    "street": 19830612,
    "cover": 20230331,
}

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONT_FILES = {
    "serif-bold": "NotoSerifCJK-Bold.ttc",
    "serif": "NotoSerifCJK-Regular.ttc",
    "sans": "NotoSansCJK-Regular.ttc",
    "sans-bold": "NotoSansCJK-Bold.ttc",
}

STORY_PHOTOS = {
    "morning-at-the-old-pier": "harbour",
    "under-the-eaves-of-the-old-street": "street",
}


# ---------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------


def clamp(v: float, lo: int = 0, hi: int = 255) -> int:
    return int(max(lo, min(hi, round(v))))


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def vertical_gradient(size: tuple[int, int], stops: list[tuple[float, float]]) -> Image.Image:
    """An "L" image whose rows interpolate the (position, value) stops."""
    w, h = size
    col = Image.new("L", (1, h))
    px = col.load()
    for y in range(h):
        t = y / max(1, h - 1)
        value = stops[-1][1]
        for (p0, v0), (p1, v1) in itertools.pairwise(stops):
            if p0 <= t <= p1:
                u = 0.0 if p1 == p0 else (t - p0) / (p1 - p0)
                value = lerp(v0, v1, u)
                break
        px[0, y] = clamp(value)
    return col.resize((w, h), Image.Resampling.NEAREST)


def bezier(points: list[tuple[float, float]], n: int = 24) -> list[tuple[float, float]]:
    """Sample a cubic Bezier curve given by four control points."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
        out.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return out


class Pen:
    """Draws in design coordinates on a supersampled "L" image (and mask)."""

    def __init__(self, img: Image.Image, scale: int, mask: Image.Image | None = None):
        self.img = img
        self.s = scale
        self.d = ImageDraw.Draw(img)
        self.mask = mask
        self.m = ImageDraw.Draw(mask) if mask is not None else None

    @classmethod
    def layer(cls, w: float, h: float, scale: int = SS) -> Pen:
        size = (max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale)))
        return cls(Image.new("L", size, 0), scale, Image.new("L", size, 0))

    def _p(self, pts):
        return [(x * self.s, y * self.s) for x, y in pts]

    def poly(self, pts, fill, opaque: bool = True):
        pts = self._p(pts)
        self.d.polygon(pts, fill=clamp(fill))
        if self.m is not None and opaque:
            self.m.polygon(pts, fill=255)

    def rect(self, x0, y0, x1, y1, fill):
        self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill)

    def line(self, pts, fill, width: float = 1.0):
        w = max(1, round(width * self.s))
        pts = self._p(pts)
        self.d.line(pts, fill=clamp(fill), width=w, joint="curve")
        if self.m is not None:
            self.m.line(pts, fill=255, width=w, joint="curve")

    def ellipse(self, cx, cy, rx, ry, fill):
        box = [(cx - rx) * self.s, (cy - ry) * self.s, (cx + rx) * self.s, (cy + ry) * self.s]
        self.d.ellipse(box, fill=clamp(fill))
        if self.m is not None:
            self.m.ellipse(box, fill=255)

    def pieslice(self, cx, cy, rx, ry, start, end, fill):
        box = [(cx - rx) * self.s, (cy - ry) * self.s, (cx + rx) * self.s, (cy + ry) * self.s]
        self.d.pieslice(box, start, end, fill=clamp(fill))
        if self.m is not None:
            self.m.pieslice(box, start, end, fill=255)


def screen(base: Image.Image, layer: Image.Image, strength: float = 1.0) -> Image.Image:
    if strength != 1.0:
        layer = layer.point(lambda v: clamp(v * strength))
    return ImageChops.screen(base, layer)


def soft_layer(size, draw_fn, blur: float) -> Image.Image:
    layer = Image.new("L", size, 0)
    draw_fn(ImageDraw.Draw(layer))
    return layer.filter(ImageFilter.GaussianBlur(blur))


def person(pen: Pen, x: float, y: float, h: float, tone: float, kind: str, rng: random.Random,
           facing: int = 1) -> None:
    """A small figure standing or walking, feet at (x, y), height h (design px)."""
    coat = tone
    legs = tone - 18
    skin = tone + 28
    hw = h * 0.115  # half shoulder width
    shoulder = y - h * 0.80
    hem = y - h * 0.40
    step = h * 0.07 * rng.choice([0.4, 0.8, 1.0])
    # legs
    pen.poly([(x - h * 0.07, hem), (x - h * 0.01, hem), (x - step * 0.4, y), (x - step - h * 0.05, y)], legs)
    pen.poly([(x + h * 0.01, hem), (x + h * 0.07, hem), (x + step + h * 0.05, y), (x + step * 0.4, y)], legs)
    # shoes
    pen.ellipse(x - step - h * 0.02, y - h * 0.008, h * 0.045, h * 0.016, legs - 15)
    pen.ellipse(x + step + h * 0.02, y - h * 0.008, h * 0.045, h * 0.016, legs - 15)
    # coat / jacket
    flare = h * 0.03
    pen.poly([(x - hw, shoulder), (x + hw, shoulder), (x + hw + flare, hem), (x - hw - flare, hem)], coat)
    # arms
    swing = facing * h * 0.04
    pen.poly([(x - hw, shoulder + h * 0.01), (x - hw + h * 0.05, shoulder + h * 0.02),
              (x - hw + h * 0.02 - swing, shoulder + h * 0.34), (x - hw - h * 0.035 - swing, shoulder + h * 0.33)],
             coat - 8)
    if kind != "pole":
        pen.poly([(x + hw - h * 0.05, shoulder + h * 0.02), (x + hw, shoulder + h * 0.01),
                  (x + hw + h * 0.035 + swing, shoulder + h * 0.33), (x + hw - h * 0.02 + swing, shoulder + h * 0.34)],
                 coat - 8)
    # neck and head
    pen.rect(x - h * 0.025, shoulder - h * 0.04, x + h * 0.025, shoulder + h * 0.01, skin - 10)
    head_y = shoulder - h * 0.095
    pen.ellipse(x, head_y, h * 0.058, h * 0.07, skin)
    pen.pieslice(x, head_y - h * 0.005, h * 0.06, h * 0.07, 180, 360, tone - 25)  # hair
    if kind == "hat":  # conical bamboo hat
        pen.poly([(x - h * 0.16, head_y - h * 0.01), (x + h * 0.16, head_y - h * 0.01), (x, head_y - h * 0.14)],
                 tone + 55)
        pen.line([(x - h * 0.16, head_y - h * 0.01), (x + h * 0.16, head_y - h * 0.01)], tone + 20, h * 0.012)
    elif kind == "umbrella":
        hx = x + facing * h * 0.05
        pen.line([(hx, shoulder + h * 0.12), (hx, head_y - h * 0.2)], tone - 10, max(1.0, h * 0.012))
        pen.pieslice(hx, head_y - h * 0.12, h * 0.36, h * 0.17, 180, 360, tone + 8)
        for k in range(-3, 4):
            pen.line([(hx, head_y - h * 0.29), (hx + k * h * 0.1, head_y - h * 0.12)], tone - 10,
                     max(0.6, h * 0.006))
        pen.line([(hx - h * 0.36, head_y - h * 0.12), (hx + h * 0.36, head_y - h * 0.12)], tone - 15,
                 max(1.0, h * 0.01))
    elif kind == "pole":  # shoulder pole with two baskets
        py = shoulder + h * 0.01
        pen.line([(x - h * 0.42, py + h * 0.02), (x + h * 0.42, py - h * 0.02)], tone - 5, max(1.0, h * 0.02))
        for bx, by in ((x - h * 0.38, py + h * 0.02), (x + h * 0.38, py - h * 0.02)):
            bottom = y - h * 0.14
            pen.line([(bx, by), (bx - h * 0.07, bottom - h * 0.16)], tone, max(0.6, h * 0.006))
            pen.line([(bx, by), (bx + h * 0.07, bottom - h * 0.16)], tone, max(0.6, h * 0.006))
            pen.poly([(bx - h * 0.1, bottom - h * 0.16), (bx + h * 0.1, bottom - h * 0.16),
                      (bx + h * 0.08, bottom), (bx - h * 0.08, bottom)], tone + 30)
            for k in range(1, 4):
                yy = bottom - h * 0.16 + k * h * 0.04
                pen.line([(bx - h * 0.095, yy), (bx + h * 0.095, yy)], tone + 10, max(0.5, h * 0.005))
    elif kind == "basket":
        bx = x + facing * (hw + h * 0.05)
        pen.ellipse(bx, hem - h * 0.02, h * 0.09, h * 0.06, tone + 35)
        pen.line([(bx - h * 0.07, hem - h * 0.05), (bx, hem - h * 0.15), (bx + h * 0.07, hem - h * 0.05)],
                 tone + 20, max(0.6, h * 0.01))


# ---------------------------------------------------------------------------
# Photographic finish
# ---------------------------------------------------------------------------


def grain(size: tuple[int, int], rng: random.Random, amount: int, blur: float = 0.6) -> Image.Image:
    w, h = size
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    if blur:
        noise = noise.filter(ImageFilter.GaussianBlur(blur))
        noise = ImageOps.autocontrast(noise, cutoff=1)
    return noise.point(lambda v: clamp(v * amount / 255))


def vignette(size: tuple[int, int], strength: float) -> Image.Image:
    w, h = size
    small = Image.new("L", (160, 107))
    px = small.load()
    for y in range(107):
        for x in range(160):
            dx = (x - 79.5) / 80
            dy = (y - 53) / 53.5
            r = math.sqrt(dx * dx * 0.8 + dy * dy * 0.9)
            px[x, y] = clamp(255 * (1 - strength * max(0.0, r - 0.35) ** 1.6))
    return small.resize((w, h), Image.Resampling.BICUBIC)


def photographic_finish(img: Image.Image, rng: random.Random, *, blur: float, grain_amount: int,
                        vignette_strength: float, dust: int, tint: tuple) -> Image.Image:
    """Soft lens, vignette, film grain, dust and scratches, then a print tone."""
    img = img.resize(PHOTO_SIZE, Image.Resampling.LANCZOS)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    img = ImageChops.multiply(img, vignette(PHOTO_SIZE, vignette_strength))
    g = grain(PHOTO_SIZE, rng, grain_amount)
    img = ImageChops.add(img, g, scale=1.0, offset=-(grain_amount // 2))
    w, h = PHOTO_SIZE
    marks = Image.new("L", PHOTO_SIZE, 0)
    md = ImageDraw.Draw(marks)
    for _ in range(dust):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.choice([0.6, 0.8, 1.0, 1.2, 1.8])
        md.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(60, 140))
    for _ in range(3):  # faint vertical scratches
        x = rng.uniform(0.1 * w, 0.9 * w)
        y0 = rng.uniform(0, h * 0.5)
        y1 = y0 + rng.uniform(h * 0.2, h * 0.6)
        md.line([(x, y0), (x + rng.uniform(-6, 6), y1)], fill=rng.randint(35, 60), width=1)
    marks = marks.filter(ImageFilter.GaussianBlur(0.5))
    img = ImageChops.screen(img, marks)
    # gentle print curve: lifted blacks, softened highlights
    img = img.point(lambda v: clamp(14 + v * 0.92 - 10 * math.sin(v / 255 * math.pi) * (v < 96)))
    black, mid, white = tint
    return ImageOps.colorize(img, black=black, white=white, mid=mid)


# ---------------------------------------------------------------------------
# Scene 1: the old pier in the morning (sepia)
# ---------------------------------------------------------------------------


def ridge_profile(rng: random.Random, x0: float, x1: float, envelope, step: float = 4.0, octaves: int = 5):
    comps = [(rng.uniform(0, math.tau), (2**i) * rng.uniform(0.8, 1.25), 0.45**i) for i in range(octaves)]
    norm = sum(a for _, _, a in comps)
    pts = []
    x = x0
    while x <= x1 + step:
        u = min(1.0, (x - x0) / (x1 - x0))
        n = sum(a * math.sin(ph + fr * u * math.tau * 1.2) for ph, fr, a in comps) / norm
        pts.append((x, envelope(u) * (0.55 + 0.45 * n)))
        x += step
    return pts


def fishing_boat(w: float, h: float, tone: float, rng: random.Random, facing: int = 1) -> Pen:
    """A wooden Zhoushan fishing boat; waterline at the bottom of the layer."""
    pen = Pen.layer(w, h)
    deck = bezier([(0, 0.44 * h), (0.30 * w, 0.64 * h), (0.70 * w, 0.62 * h), (w, 0.38 * h)], 30)
    hull = deck + [(0.95 * w, 0.62 * h), (0.90 * w, h), (0.14 * w, h)] + bezier(
        [(0.14 * w, h), (0.06 * w, 0.92 * h), (0.02 * w, 0.65 * h), (0, 0.40 * h)], 10)
    # mast, stays and furled sail (behind the hull)
    mx = 0.34 * w
    pen.line([(mx, 0.66 * h), (mx, 0.0)], tone - 5, max(1.0, w * 0.009))
    pen.line([(mx, 0.02 * h), (0.02 * w, 0.40 * h)], tone + 10, max(0.6, w * 0.002))
    pen.line([(mx, 0.02 * h), (0.92 * w, 0.36 * h)], tone + 10, max(0.6, w * 0.002))
    pen.poly([(mx - 0.012 * w, 0.08 * h), (mx + 0.016 * w, 0.08 * h), (mx + 0.02 * w, 0.55 * h),
              (mx - 0.016 * w, 0.55 * h)], tone - 12)
    pen.line([(mx - 0.10 * w, 0.10 * h), (mx + 0.12 * w, 0.07 * h)], tone - 8, max(1.0, w * 0.006))
    pen.poly([(mx, 0.0), (mx + 0.05 * w, 0.02 * h), (mx, 0.045 * h)], tone + 30)  # pennant
    # wheelhouse
    pen.rect(0.58 * w, 0.26 * h, 0.82 * w, 0.63 * h, tone + 110)
    pen.rect(0.56 * w, 0.23 * h, 0.84 * w, 0.275 * h, tone - 10)
    for k in range(3):
        x0 = 0.60 * w + k * 0.075 * w
        pen.rect(x0, 0.32 * h, x0 + 0.05 * w, 0.43 * h, tone - 25)
    # hull with gunwale and painted band
    pen.poly(hull, tone)
    rail = [(x, y + 0.035 * h) for x, y in deck]
    pen.line(rail, tone + 55, max(1.0, h * 0.02))
    band = [(x, y + 0.09 * h) for x, y in deck[3:-3]]
    pen.line(band, tone + 25, max(1.0, h * 0.012))
    # the painted eye on the bow (a Zhoushan fishing-boat tradition)
    ex, ey = 0.075 * w, 0.54 * h
    pen.ellipse(ex, ey, 0.028 * w, 0.04 * h, tone + 120)
    pen.ellipse(ex + 0.004 * w, ey, 0.012 * w, 0.02 * h, tone - 30)
    # a few planks
    for k in range(1, 4):
        yy = 0.70 * h + k * 0.07 * h
        pen.line([(0.10 * w, yy), (0.92 * w, yy - 0.02 * h)], tone - 14, max(0.5, h * 0.006))
    if facing < 0:
        pen.img = pen.img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        pen.mask = pen.mask.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return pen


def ferry(w: float, h: float, tone: float) -> Pen:
    """A small passenger ferry seen broadside; waterline at the bottom."""
    pen = Pen.layer(w, h)
    light = tone + 130
    # mast and funnel
    pen.line([(0.22 * w, 0.30 * h), (0.22 * w, 0.0)], tone, max(1.0, w * 0.004))
    pen.line([(0.22 * w, 0.02 * h), (0.02 * w, 0.52 * h)], tone + 20, max(0.6, w * 0.0015))
    pen.line([(0.22 * w, 0.02 * h), (0.52 * w, 0.12 * h)], tone + 20, max(0.6, w * 0.0015))
    pen.poly([(0.60 * w, 0.02 * h), (0.67 * w, 0.02 * h), (0.69 * w, 0.20 * h), (0.59 * w, 0.20 * h)], tone + 10)
    pen.rect(0.595 * w, 0.06 * h, 0.675 * w, 0.10 * h, light - 20)
    # upper deck
    pen.rect(0.30 * w, 0.16 * h, 0.78 * w, 0.34 * h, light)
    pen.rect(0.28 * w, 0.14 * h, 0.80 * w, 0.17 * h, tone + 20)
    for k in range(9):
        x0 = 0.32 * w + k * 0.05 * w
        pen.rect(x0, 0.20 * h, x0 + 0.03 * w, 0.28 * h, tone - 10)
    # main deck cabin with windows and life rings
    pen.rect(0.08 * w, 0.32 * h, 0.90 * w, 0.58 * h, light - 8)
    pen.rect(0.06 * w, 0.31 * h, 0.92 * w, 0.345 * h, tone + 25)
    for k in range(16):
        x0 = 0.11 * w + k * 0.049 * w
        pen.rect(x0, 0.39 * h, x0 + 0.032 * w, 0.49 * h, tone - 5)
    for rx in (0.16 * w, 0.84 * w):
        pen.ellipse(rx, 0.535 * h, 0.016 * w, 0.035 * h, tone + 40)
        pen.ellipse(rx, 0.535 * h, 0.008 * w, 0.017 * h, light - 8)
    # railing on the upper deck
    pen.line([(0.08 * w, 0.24 * h), (0.30 * w, 0.24 * h)], tone + 40, max(0.6, h * 0.01))
    for k in range(8):
        xx = 0.09 * w + k * 0.028 * w
        pen.line([(xx, 0.24 * h), (xx, 0.32 * h)], tone + 30, max(0.5, h * 0.008))
    # hull
    pen.poly([(0.0, 0.56 * h), (w, 0.58 * h), (0.96 * w, h), (0.07 * w, h)], tone)
    pen.line([(0.01 * w, 0.60 * h), (0.99 * w, 0.62 * h)], light - 20, max(1.0, h * 0.03))
    pen.line([(0.05 * w, 0.88 * h), (0.965 * w, 0.89 * h)], tone + 35, max(1.0, h * 0.015))
    return pen


def paste_with_reflection(base: Image.Image, obj: Pen, x: float, yw: float, rng: random.Random,
                          strength: float = 0.55, squash: float = 0.8, amp: float = 4.0) -> None:
    """Paste a layer whose bottom is the waterline, with a rippled reflection."""
    s = obj.s
    w, h = obj.img.size
    X, YW = round(x * s), round(yw * s)
    rh = max(1, int(h * squash))
    ref = obj.img.transpose(Image.Transpose.FLIP_TOP_BOTTOM).resize((w, rh), Image.Resampling.BILINEAR)
    rmask = obj.mask.transpose(Image.Transpose.FLIP_TOP_BOTTOM).resize((w, rh), Image.Resampling.BILINEAR)
    ref = ref.point(lambda v: clamp(v * 0.72 + 22))
    fade = vertical_gradient((w, rh), [(0, 255 * strength), (1, 0)])
    rmask = ImageChops.multiply(rmask, fade)
    pad = int(amp * s * 3) + 2
    ref2 = Image.new("L", (w + 2 * pad, rh), 0)
    mask2 = Image.new("L", (w + 2 * pad, rh), 0)
    band = max(2, 3 * s)
    phase = rng.uniform(0, math.tau)
    for y0 in range(0, rh, band):
        y1 = min(rh, y0 + band)
        shift = round(math.sin(y0 / s * 0.35 + phase) * amp * s * (0.4 + y0 / rh))
        ref2.paste(ref.crop((0, y0, w, y1)), (pad + shift, y0))
        mask2.paste(rmask.crop((0, y0, w, y1)), (pad + shift, y0))
    md = ImageDraw.Draw(mask2)
    for _ in range(int(rh / s / 5)):
        yy = rng.uniform(0, rh)
        xx = rng.uniform(0, w + 2 * pad)
        md.line([(xx, yy), (xx + rng.uniform(0.2, 0.8) * w, yy)], fill=0, width=max(1, s))
    ref2 = ref2.filter(ImageFilter.GaussianBlur(0.8 * s))
    mask2 = mask2.filter(ImageFilter.GaussianBlur(0.8 * s))
    base.paste(ref2, (X - pad, YW), mask2)
    base.paste(obj.img, (X, YW - h), obj.mask)


def render_harbour(rng: random.Random) -> Image.Image:
    W, H = PHOTO_SIZE
    S = SS
    size = (W * S, H * S)
    HY = 548  # horizon
    sun = (1185, 405)
    img = vertical_gradient(size, [(0, 120), (HY / H * 0.6, 176), (HY / H, 214), (1, 214)])
    pen = Pen(img, S)

    # morning sun behind thin haze, and a few streaks of cloud
    glow = soft_layer(size, lambda d: d.ellipse([(sun[0] - 150) * S, (sun[1] - 120) * S,
                                                  (sun[0] + 150) * S, (sun[1] + 120) * S], fill=150), 110 * S)
    img = screen(img, glow)
    disc = soft_layer(size, lambda d: d.ellipse([(sun[0] - 24) * S, (sun[1] - 24) * S,
                                                  (sun[0] + 24) * S, (sun[1] + 24) * S], fill=255), 4 * S)
    img = screen(img, disc)

    def clouds(d):
        for _ in range(14):
            cx, cy = rng.uniform(-100, W + 100), rng.uniform(60, HY - 140)
            rx, ry = rng.uniform(120, 420), rng.uniform(6, 20)
            d.ellipse([(cx - rx) * S, (cy - ry) * S, (cx + rx) * S, (cy + ry) * S], fill=rng.randint(22, 48))

    img = screen(img, soft_layer(size, clouds, 14 * S))
    pen = Pen(img, S)
    for _ in range(7):  # gulls
        gx, gy, gs = rng.uniform(250, 1000), rng.uniform(140, 380), rng.uniform(6, 13)
        pen.line([(gx - gs, gy - gs * 0.35), (gx - gs * 0.3, gy - gs * 0.05), (gx, gy + gs * 0.15)], 70, 1.6)
        pen.line([(gx, gy + gs * 0.15), (gx + gs * 0.3, gy - gs * 0.05), (gx + gs, gy - gs * 0.4)], 70, 1.6)

    # hills: far island chain, middle range, near headland
    def hill(x0, x1, env, tone, base=HY + 2):
        pts = ridge_profile(rng, x0, x1, env)
        pen.poly([(x, base - y) for x, y in pts] + [(x1, base + 2), (x0, base + 2)], tone)
        return pts

    hill(300, 1620, lambda u: 40 + 70 * math.sin(math.pi * (u * 0.9 + 0.05)), 186)
    hill(1300, 1620, lambda u: 20 + 55 * u, 172)
    mid = hill(-20, 1060, lambda u: 30 + 150 * (1 - u) ** 1.2, 146)
    for _ in range(30):  # village houses along the far shore
        hx = rng.uniform(480, 900)
        hw_, hh = rng.uniform(8, 20), rng.uniform(6, 13)
        pen.rect(hx, HY - hh, hx + hw_, HY + 1, rng.choice([166, 172, 158]))
        pen.rect(hx - 1, HY - hh - 3, hx + hw_ + 1, HY - hh + 1, 122)
    near = hill(-20, 480, lambda u: 40 + 290 * (1 - u) ** 1.5, 92, base=HY + 5)
    for _ in range(700):  # trees and scrub on the headland
        i = rng.randrange(len(near) - 1)
        x, top = near[i]
        if x < 0 or x > 470:
            continue
        y = rng.uniform(HY + 5 - top + 4, HY)
        r = rng.uniform(3, 9)
        pen.ellipse(x, y, r * 1.3, r, rng.randint(66, 104))
    del mid

    # water
    water_top, water_bot = 206, 104

    def water_tone(y: float) -> float:
        return lerp(water_top, water_bot, ((y - HY) / (H - HY)) ** 0.8)

    water = vertical_gradient((W * S, (H - HY) * S), [(0, water_top), (0.5, lerp(water_top, water_bot, 0.57)),
                                                       (1, water_bot)])
    img.paste(water, (0, HY * S))
    pen.line([(0, HY + 1), (W, HY + 1)], 222, 1.5)
    for _ in range(2600):
        t = rng.random() ** 1.6
        y = HY + 3 + t * (H - HY)
        x = rng.uniform(-60, W)
        length = 8 + 110 * t * rng.random()
        tone = water_tone(y) + rng.choice([-1, 1]) * rng.uniform(8, 26)
        pen.line([(x, y), (x + length, y + rng.uniform(-0.5, 0.5))], tone, 1 + 2.5 * t)
    for _ in range(1100):  # glitter under the sun
        t = rng.random() ** 1.4
        y = HY + 2 + t * (H - HY - 2)
        spread = 12 + 240 * t
        x = sun[0] + rng.gauss(0, spread * 0.45)
        length = 3 + 46 * t * rng.random()
        pen.line([(x - length / 2, y), (x + length / 2, y)], rng.randint(214, 255), 0.8 + 2.2 * t)

    # distant boats on the horizon
    for _ in range(6):
        bx, by = rng.uniform(520, 1500), HY + rng.uniform(4, 14)
        bw = rng.uniform(14, 30)
        pen.poly([(bx, by - 3), (bx + bw, by - 4), (bx + bw * 0.9, by), (bx + bw * 0.1, by)], 118)
        pen.line([(bx + bw * 0.4, by - 3), (bx + bw * 0.4, by - 3 - bw * 0.7)], 118, 1.2)

    # boats and the ferry, farthest first
    paste_with_reflection(img, fishing_boat(150, 86, 92, rng), 345, 612, rng, amp=2.0)
    paste_with_reflection(img, fishing_boat(170, 98, 90, rng, facing=-1), 1290, 628, rng, amp=2.0)
    paste_with_reflection(img, ferry(390, 132, 70), 540, 652, rng, amp=3.0)
    paste_with_reflection(img, fishing_boat(330, 190, 72, rng), 150, 742, rng, amp=4.0)
    paste_with_reflection(img, fishing_boat(560, 330, 58, rng), -120, 1000, rng, amp=6.0)
    pen = Pen(img, S)

    # the stone pier, from the bottom right to the ferry
    def left_edge(u):
        return lerp(912, 1075, u), lerp(630, 1067, u) + 40 * u * u

    def right_edge(u):
        return lerp(1002, 1950, u), lerp(630, 1067, u) + 40 * u * u

    def face_depth(u):
        return lerp(12, 120, u)

    N = 40
    us = [i / N for i in range(N + 1)]
    top = [left_edge(u) for u in us] + [right_edge(u) for u in reversed(us)]
    face = [left_edge(u) for u in us] + [(left_edge(u)[0], left_edge(u)[1] + face_depth(u)) for u in reversed(us)]
    # reflection of the pier wall
    refl = [(left_edge(u)[0], left_edge(u)[1] + face_depth(u)) for u in us] + \
           [(left_edge(u)[0] - 4, left_edge(u)[1] + face_depth(u) * 1.7) for u in reversed(us)]
    pen.poly(refl, 96)
    pen.poly(face, 86)
    for frac in (0.3, 0.6):  # stone courses
        pen.line([(left_edge(u)[0], left_edge(u)[1] + face_depth(u) * frac) for u in us], 66, 1.4)
    u = 0.02
    while u < 1:
        x, y = left_edge(u)
        pen.line([(x, y), (x, y + face_depth(u) * 0.3)], 66, 1.2)
        pen.line([(x + 3 + 10 * u, y + face_depth(u) * 0.3), (x + 3 + 10 * u, y + face_depth(u) * 0.6)], 66, 1.2)
        u += 0.018 + 0.05 * u
    pen.poly(top, 162)

    def deck(u, v):
        lx_, ly_ = left_edge(u)
        return lerp(lx_, right_edge(u)[0], v), ly_

    u = 0.0
    while u < 1.0:  # worn granite slabs on the pier deck, in perspective
        du = 0.012 + 0.03 * u
        v = 0.0
        while v < 1.0:
            dv = rng.uniform(0.12, 0.22)
            if rng.random() < 0.55:
                tone = 162 + rng.uniform(-16, 12)
                pen.poly([deck(u, v), deck(u, min(1, v + dv)), deck(min(1, u + du), min(1, v + dv)),
                          deck(min(1, u + du), v)], tone)
            v += dv
        pen.line([deck(u, 0), deck(u, 1)], 140, 0.6 + 1.2 * u)
        u += du
    for k in range(1, 6):  # slab joints converging to the far end
        v = k / 6
        pen.line([(lerp(left_edge(u)[0], right_edge(u)[0], v), left_edge(u)[1]) for u in us], 136, 1.2)
    pen.line([left_edge(u) for u in us], 188, 2.5)  # edge stones catch the light
    pen.line([right_edge(u) for u in us], 176, 2.0)

    # bollards, a lamp post, ropes to the ferry and people on the pier
    for ub in (0.12, 0.32, 0.58):
        x, y = left_edge(ub)
        x += (right_edge(ub)[0] - x) * 0.05
        k = 6 + 60 * ub
        pen.rect(x - k * 0.35, y - k * 0.9, x + k * 0.35, y, 62)
        pen.ellipse(x, y - k * 0.9, k * 0.5, k * 0.18, 70)
    bx, by = left_edge(0.12)
    pen.line(bezier([(bx + 3, by - 10), (bx - 40, by + 10), (bx - 120, by - 5), (905, 612)], 20), 60, 1.6)
    lx, ly = lerp(left_edge(0.45)[0], right_edge(0.45)[0], 0.55), left_edge(0.45)[1]
    pen.line([(lx, ly), (lx, ly - 250)], 54, 4)
    pen.line([(lx, ly - 250), (lx - 26, ly - 262)], 54, 3)
    pen.poly([(lx - 38, ly - 262), (lx - 16, ly - 262), (lx - 20, ly - 240), (lx - 34, ly - 240)], 72)
    crowd = [
        (0.10, 0.35, "walk", 1), (0.14, 0.55, "pole", 1), (0.18, 0.25, "basket", -1), (0.22, 0.70, "walk", 1),
        (0.30, 0.42, "hat", 1), (0.36, 0.62, "walk", -1), (0.52, 0.30, "pole", 1), (0.64, 0.55, "basket", 1),
    ]
    for up, v, kind, facing in crowd:
        lx_, ly_ = left_edge(up)
        rx_, _ = right_edge(up)
        x = lerp(lx_, rx_, v)
        px_per_m = (rx_ - lx_) / 8.0
        person(pen, x, ly_ + 6 + 20 * up, 1.68 * px_per_m * rng.uniform(0.92, 1.05), rng.randint(48, 66), kind,
               rng, facing)
    return img


# ---------------------------------------------------------------------------
# Scene 2: an old-town street after rain (black and white)
# ---------------------------------------------------------------------------


def render_street(rng: random.Random) -> Image.Image:
    W, H = PHOTO_SIZE
    S = SS
    size = (W * S, H * S)
    F, CX, CY, EYE, FOG = 820.0, 770.0, 560.0, 1.55, 204.0
    Z_END = 64.0

    def P(X, Y, z):
        return (CX + F * X / z, CY - F * (Y - EYE) / z)

    def fog(t, z):
        return lerp(t, FOG, 1 - math.exp(-z / 36.0))

    def lw(width_m, z, minimum=0.5):
        return max(minimum, width_m * F / z)

    img = vertical_gradient(size, [(0, 214), (0.35, 230), (0.55, 236), (1, 236)])
    pen = Pen(img, S)
    pen.rect(0, CY - 2, W, H, fog(112, 30))

    # stone slabs, wet and shining with the sky towards the distance
    rows = []
    z = 1.4
    while z < Z_END + 4:
        dz = 0.60 * rng.uniform(0.9, 1.1)
        rows.append((z, z + dz))
        z += dz
    for za, zb in reversed(rows):
        X = -3.4
        while X < 3.3:
            Xb = min(3.3, X + rng.uniform(0.45, 0.95))
            sheen = 70 * math.exp(-(((X + Xb) / 2 + 0.3) ** 2) / 2.5) * min(1.0, za / 18) * rng.uniform(0.4, 1.0)
            tone = fog(rng.uniform(84, 132) + sheen, za)
            pen.poly([P(X, 0, za), P(Xb, 0, za), P(Xb, 0, zb), P(X, 0, zb)], tone)
            pen.line([P(X, 0, za), P(X, 0, zb)], fog(62, za), lw(0.02, za))
            X = Xb
        pen.line([P(-3.4, 0, za), P(3.3, 0, za)], fog(58, za), lw(0.025, za))
        for Xa, Xb in ((-4.3, -3.4), (3.3, 4.1)):  # kerb and gutter
            pen.poly([P(Xa, 0.12, za), P(Xb, 0.12, za), P(Xb, 0.12, zb), P(Xa, 0.12, zb)], fog(124, za))
    for Xk in (-3.4, 3.3):
        pen.poly([P(Xk, 0, 1.4), P(Xk, 0.12, 1.4), P(Xk, 0.12, Z_END), P(Xk, 0, Z_END)], fog(70, 10))

    # the building that closes the street where it bends
    ze = Z_END
    pen.poly([P(-9, 0, ze), P(9, 0, ze), P(9, 6.4, ze), P(-9, 6.4, ze)], fog(150, ze))
    pen.poly([P(-9, 0, ze), P(9, 0, ze), P(9, 3.1, ze), P(-9, 3.1, ze)], fog(92, ze))
    pen.poly([P(-10, 6.2, ze), P(10, 6.2, ze), P(7, 8.9, ze), P(-7, 8.9, ze)], fog(70, ze))
    pen.line([P(-7.4, 8.9, ze), P(7.4, 8.9, ze)], fog(50, ze), lw(0.3, ze))
    pen.poly([P(-10, 3.1, ze), P(10, 3.1, ze), P(10, 3.6, ze), P(-10, 3.6, ze)], fog(70, ze))
    for k in range(-7, 8, 2):
        pen.rect(*P(k - 0.5, 5.5, ze), *P(k + 0.5, 4.1, ze), fog(110, ze))

    # the houses on both sides
    houses = []
    for side in (-1, 1):
        z = 1.9
        prev_h = 9.0
        while z < Z_END - 1:
            depth = rng.uniform(3.8, 7.2)
            hu = rng.choice([5.0, 6.0, 6.3, 6.6, 7.4])
            hg = 3.1 if hu > 5.5 else 2.8
            houses.append({
                "side": side, "z0": z, "z1": min(z + depth, Z_END), "hu": hu, "hg": hg,
                "gable": rng.random() < (0.85 if hu >= prev_h - 0.2 else 0.35),
                "upper": rng.choice(["lattice", "lattice", "plaster"]),
                "shop": rng.random() < 0.6,
                "sign": rng.random() < 0.45,
                "lanterns": z > 9 and rng.random() < 0.4,
                "laundry": rng.random() < 0.3,
                "seed": rng.randrange(1 << 30),
            })
            prev_h = hu
            z += depth

    def draw_house(hs):
        r = random.Random(hs["seed"])
        s = hs["side"]
        xf = -4.3 if s < 0 else 4.1
        z0, z1, hu, hg = hs["z0"], hs["z1"], hs["hu"], hs["hg"]
        zm = (z0 + z1) / 2

        def X(d):  # d > 0: away from the street
            return xf + s * d

        def face(ya, yb, za, zb, tone):
            pen.poly([P(xf, ya, za), P(xf, ya, zb), P(xf, yb, zb), P(xf, yb, za)], fog(tone, (za + zb) / 2))

        # plain end wall with a roof edge in the plane z0 (gables are drawn last)
        if not hs["gable"]:
            pen.poly([P(X(0), 0, z0), P(X(0), hu, z0), P(X(3.6), hu + 2.1, z0), P(X(7.5), hu, z0), P(X(7.5), 0, z0)],
                     fog(176, z0))
            pen.line([P(X(-1.0), hu - 0.1, z0), P(X(3.6), hu + 2.2, z0), P(X(7.5), hu + 0.2, z0)], fog(55, z0),
                     lw(0.22, z0, 1))

        # facade: wooden shop boards below, lattice or plaster above
        face(0, hg, z0, z1, 88)
        face(hg, hu, z0, z1, 122 if hs["upper"] == "lattice" else 186)
        face(0, 0.16, z0, z1, 150)  # stone threshold
        zz = z0 + 0.15
        while zz < z1:
            pen.line([P(xf, 0.18, zz), P(xf, hg, zz)], fog(58, zz), lw(0.025, zz))
            zz += 0.3
        if hs["shop"]:
            za = z0 + r.uniform(0.3, 1.0)
            zb = min(z1 - 0.3, za + r.uniform(1.8, 3.5))
            if zb > za + 0.8:
                face(0.16, hg - 0.25, za, zb, 36)
                face(0.16, 0.95, za, zb, 104)
                pen.line([P(xf, 0.95, za), P(xf, 0.95, zb)], fog(150, za), lw(0.04, za))
                for _ in range(int((zb - za) * 3)):
                    zc = r.uniform(za + 0.1, zb - 0.2)
                    yc = r.uniform(1.15, 2.3)
                    face(yc, yc + r.uniform(0.15, 0.35), zc, zc + r.uniform(0.1, 0.3), r.uniform(70, 130))
        face(hg - 0.55, hg, z0, z1, 48)  # shadow under the eave
        if hs["upper"] == "lattice":
            zz = z0 + 0.3
            while zz + 1.0 < z1:
                zb = zz + 1.1
                face(hg + 0.75, hu - 0.75, zz, zb, 64)
                face(hg + 0.85, hu - 0.85, zz + 0.08, zb - 0.08, 168)
                k = zz + 0.28
                while k < zb - 0.1:
                    pen.line([P(xf, hg + 0.85, k), P(xf, hu - 0.85, k)], fog(80, k), lw(0.02, k))
                    k += 0.24
                y = hg + 1.05
                while y < hu - 0.9:
                    pen.line([P(xf, y, zz + 0.08), P(xf, y, zb - 0.08)], fog(80, zz), lw(0.02, zz))
                    y += 0.28
                zz = zb + 0.25
        else:
            for frac in (0.25, 0.62):
                zc = lerp(z0, z1, frac)
                face(hg + 0.9, hu - 0.8, zc, zc + 0.9, 60)
                face(hg + 1.0, hu - 0.9, zc + 0.08, zc + 0.82, 40)
                face(hg + 0.9, hu - 0.8, zc - 0.45, zc, 96)  # open shutter
        face(hu - 0.4, hu, z0, z1, 60)

        # the lower eave (腰檐): tiles, soffit with rafters, light drip edge
        def eave(y, out, rise):
            tiles = [P(xf, y + rise, z0), P(xf, y + rise, z1), P(X(-out), y + 0.15, z1), P(X(-out), y + 0.15, z0)]
            pen.poly(tiles, fog(62, zm))
            soffit = [P(xf, y - 0.1, z0), P(xf, y - 0.1, z1), P(X(-out), y - 0.1, z1), P(X(-out), y - 0.1, z0)]
            pen.poly(soffit, fog(40, zm))
            zz = z0 + 0.1
            while zz < z1:
                pen.line([P(xf, y - 0.1, zz), P(X(-out), y - 0.1, zz)], fog(72, zz), lw(0.04, zz))
                zz += 0.35
            pen.poly([P(X(-out), y - 0.12, z0), P(X(-out), y - 0.12, z1), P(X(-out), y + 0.16, z1),
                      P(X(-out), y + 0.16, z0)], fog(58, zm))
            pen.line([P(X(-out), y - 0.12, z0), P(X(-out), y - 0.12, z1)], fog(150, zm), lw(0.05, zm))
            zz = z0 + 0.12
            while zz < z1:  # round tile ends
                cx_, cy_ = P(X(-out), y + 0.2, zz)
                rr = 0.08 * F / zz
                pen.ellipse(cx_, cy_, rr, rr, fog(56, zz))
                zz += 0.22

        eave(hg, 0.85, 0.6)
        eave(hu, 1.0, 0.9)

        if hs["gable"]:
            # whitewashed stepped firewall (马头墙) in the plane z0; its front end
            # stands out past the eaves, so it is drawn over them
            steps = ((-1.25, 1.3, hu + 1.0), (1.1, 3.1, hu + 2.0), (2.9, 7.6, hu + 3.0))
            prof = [(-0.25, 0), (-0.25, hu - 0.35), (-1.15, hu - 0.35), (-1.15, hu + 1.0), (1.2, hu + 1.0),
                    (1.2, hu + 2.0), (3.0, hu + 2.0), (3.0, hu + 3.0), (7.5, hu + 3.0), (7.5, 0)]
            wall = fog(r.uniform(206, 222), z0)
            pen.poly([P(X(d), y, z0) for d, y in prof], wall)
            pen.poly([P(X(-1.15), hu - 0.35, z0), P(X(-0.25), hu - 0.35, z0), P(X(-0.25), hu - 0.6, z0)],
                     wall - 30)
            for _ in range(4):  # rain stains under the caps
                d = r.uniform(-1.0, 5)
                top = hu + (1.0 if d < 1.2 else 2.0 if d < 3.0 else 3.0)
                drop = r.uniform(0.8, 2.2)
                pen.poly([P(X(d), top, z0), P(X(d + 0.45), top, z0), P(X(d + 0.35), top - drop, z0),
                          P(X(d + 0.12), top - drop * 0.8, z0)], wall - 20)
            for da, db, y in steps:
                cap = fog(52, z0)
                pen.poly([P(X(da), y - 0.05, z0), P(X(db), y - 0.05, z0), P(X(db), y + 0.24, z0),
                          P(X(da + 0.1), y + 0.24, z0)], cap)
                pen.poly([P(X(da), y + 0.05, z0), P(X(da + 0.3), y + 0.24, z0), P(X(da - 0.08), y + 0.36, z0)], cap)
                pen.line([P(X(da + 0.1), y - 0.1, z0), P(X(db), y - 0.1, z0)], fog(150, z0), lw(0.04, z0))

        if hs["sign"]:  # a blank shop sign hung out from the wall
            zc = lerp(z0, z1, r.uniform(0.25, 0.7))
            pts = [P(X(-0.15), hg + 0.9, zc), P(X(-0.72), hg + 0.9, zc), P(X(-0.72), hu - 0.7, zc),
                   P(X(-0.15), hu - 0.7, zc)]
            pen.poly(pts, fog(46, zc))
            pen.poly([P(X(-0.2), hg + 1.0, zc), P(X(-0.67), hg + 1.0, zc), P(X(-0.67), hu - 0.8, zc),
                      P(X(-0.2), hu - 0.8, zc)], fog(196, zc))
            for k in range(4):  # suggested brush lettering, too soft to read
                yc = lerp(hu - 1.05, hg + 1.25, k / 3)
                kk = F / zc
                cx_, cy_ = P(X(-0.44), yc, zc)
                for _ in range(4):
                    dx, dy = r.uniform(-0.1, 0.1) * kk, r.uniform(-0.1, 0.1) * kk
                    if r.random() < 0.5:
                        pen.line([(cx_ + dx - 0.06 * kk, cy_ + dy), (cx_ + dx + 0.06 * kk, cy_ + dy)], fog(70, zc),
                                 0.03 * kk)
                    else:
                        pen.line([(cx_ + dx, cy_ + dy - 0.06 * kk), (cx_ + dx - 0.02 * kk, cy_ + dy + 0.06 * kk)],
                                 fog(70, zc), 0.03 * kk)
        if hs["lanterns"]:
            for frac in (0.3, 0.7):
                zc = lerp(z0, z1, frac)
                top = P(X(-0.6), hg - 0.1, zc)
                c = P(X(-0.6), hg - 0.55, zc)
                k = F / zc
                pen.line([top, c], fog(40, zc), lw(0.02, zc))
                pen.ellipse(c[0], c[1], 0.2 * k, 0.26 * k, fog(120, zc))
                pen.ellipse(c[0] - 0.05 * k, c[1] - 0.06 * k, 0.07 * k, 0.1 * k, fog(175, zc))
        if hs["laundry"]:
            zc = lerp(z0, z1, r.uniform(0.3, 0.6))
            a, b = P(xf, hu - 0.9, zc), P(X(-1.8), hu - 0.75, zc + 0.4)
            pen.line([a, b], fog(70, zc), lw(0.04, zc))
            for k in range(3):
                t = 0.25 + 0.25 * k
                px_, py_ = lerp(a[0], b[0], t), lerp(a[1], b[1], t)
                kk = F / (zc + 0.4 * t)
                wid, hei = r.uniform(0.25, 0.4) * kk, r.uniform(0.5, 0.9) * kk
                pen.rect(px_ - wid / 2, py_, px_ + wid / 2, py_ + hei, fog(r.choice([150, 190, 110]), zc))

    for hs in sorted(houses, key=lambda h_: -h_["z0"]):
        draw_house(hs)

    # overhead wires, sagging across the street
    for za, zb, y in ((5.0, 9.0, 7.9), (7.5, 12.5, 8.3), (16.0, 19.0, 7.8)):
        pts = []
        for i in range(41):
            t = i / 40
            Xw = lerp(-4.3, 4.1, t)
            pts.append(P(Xw, y - 0.7 * (1 - (2 * t - 1) ** 2), lerp(za, zb, t)))
        pen.line(pts, 60, 1.6)

    # people on the street, farthest first
    walkers = [(0.6, 44, "walk"), (-0.9, 40, "umbrella"), (1.4, 27, "pole"), (-1.6, 19, "basket"),
               (0.4, 13.5, "umbrella"), (-0.2, 8.5, "walk")]
    for Xp, zp, kind in walkers:
        x, y = P(Xp, 0, zp)
        h = 1.62 * F / zp * rng.uniform(0.95, 1.05)
        person(pen, x, y, h, fog(rng.randint(46, 70), zp * 0.6), kind, rng, rng.choice([-1, 1]))
        # reflection on the wet stone
        pen.poly([(x - h * 0.1, y + h * 0.005), (x + h * 0.1, y + h * 0.005), (x + h * 0.08, y + h * 0.25),
                  (x - h * 0.08, y + h * 0.25)], fog(96, zp), opaque=False)
    return img


# ---------------------------------------------------------------------------
# The magazine cover
# ---------------------------------------------------------------------------


def load_font(kind: str, size: int):
    """Noto CJK, Simplified Chinese face; None when the font is missing."""
    path = FONT_DIR / FONT_FILES[kind]
    if not path.is_file():
        return None
    for index in range(10):
        try:
            font = ImageFont.truetype(str(path), size, index=index, layout_engine=ImageFont.Layout.BASIC)
        except OSError:
            break
        family = font.getname()[0]
        if family.endswith(" SC") and "Mono" not in family:
            return font
    try:
        return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
    except OSError:
        return None


def render_cover(rng: random.Random) -> Image.Image:
    W, H = COVER_SIZE
    paper = (246, 242, 233)
    navy = (20, 50, 84)
    ink = (30, 34, 40)
    sea = (41, 104, 128)
    accent = (176, 58, 46)
    cover = Image.new("RGB", COVER_SIZE, paper)
    d = ImageDraw.Draw(cover)

    # masthead band with a quiet wave pattern
    band_h = 360
    d.rectangle([0, 0, W, band_h], fill=navy)
    waves = Image.new("L", (W * 2, band_h * 2), 0)
    wd = ImageDraw.Draw(waves)
    for k in range(9):
        y0 = 120 + k * 64
        pts = [(x, y0 + 14 * math.sin(x / 95 + k * 0.8) + 6 * math.sin(x / 31 + k)) for x in range(0, W * 2 + 8, 8)]
        wd.line(pts, fill=34, width=3)
    waves = waves.resize((W, band_h), Image.Resampling.LANCZOS)
    cover.paste(Image.new("RGB", (W, band_h), (120, 160, 190)), (0, 0), waves)
    d.rectangle([0, band_h, W, band_h + 10], fill=sea)

    # the cover picture: the harbour, in a blue duotone
    pic = render_harbour(random.Random(rng.randrange(1 << 30)))
    pic = pic.resize(PHOTO_SIZE, Image.Resampling.LANCZOS).filter(ImageFilter.GaussianBlur(0.6))
    pw, ph = W - 2 * 80, 600
    full_h = int(pw * PHOTO_SIZE[1] / PHOTO_SIZE[0])
    pic = pic.resize((pw, full_h), Image.Resampling.LANCZOS).crop((0, 60, pw, 60 + ph))
    pic = ImageOps.colorize(pic, black=(12, 30, 48), mid=(70, 118, 140), white=(236, 240, 236))
    top = band_h + 50
    d.rectangle([80 - 1, top - 1, 80 + pw, top + ph], outline=(200, 196, 186))
    cover.paste(pic, (80, top))

    lines_top = top + ph + 44
    row_h = 96
    rule = (186, 180, 168)
    for k in range(5):
        y = lines_top + k * row_h
        d.line([(80, y), (W - 80, y)], fill=rule, width=2)
    d.rectangle([0, H - 110, W, H], fill=navy)

    fonts = {name: load_font(kind, size) for name, kind, size in (
        ("mast", "serif-bold", 168), ("issue", "serif-bold", 52), ("latin", "sans", 30), ("tag", "sans-bold", 26),
        ("col", "sans-bold", 30), ("title", "serif", 42), ("foot", "sans", 28))}
    if any(f is None for f in fonts.values()):
        return cover  # no CJK font: a designed cover without lettering

    d.text((74, 70), "定海政协", font=fonts["mast"], fill=(250, 248, 240))
    d.text((82, 292), "DINGHAI  CPPCC", font=fonts["latin"], fill=(168, 196, 216))
    issue = "2023年第1期"
    iw = d.textlength(issue, font=fonts["issue"])
    d.text((W - 80 - iw, 196), issue, font=fonts["issue"], fill=(250, 248, 240))
    q = "季刊"
    qw = d.textlength(q, font=fonts["latin"])
    d.text((W - 80 - qw, 268), q, font=fonts["latin"], fill=(168, 196, 216))
    tag = "示例 SAMPLE"
    tw = d.textlength(tag, font=fonts["tag"])
    d.rectangle([W - 80 - tw - 28, 56, W - 80, 100], fill=accent)
    d.text((W - 80 - tw - 14, 61), tag, font=fonts["tag"], fill=(255, 250, 244))

    contents = [
        ("协商议政", "让海岛老人安享晚年"),
        ("协商议政", "协商驿站里的渔村振兴"),
        ("委员风采", "海边的委员工作室"),
        ("文史天地", "渔民号子里的东海"),
    ]
    for k, (col, title) in enumerate(contents):
        y = lines_top + k * row_h + 22
        d.text((80, y + 8), col, font=fonts["col"], fill=sea)
        d.text((260, y), title, font=fonts["title"], fill=ink)
    foot = "政协舟山市定海区委员会"
    d.text((80, H - 76), foot, font=fonts["foot"], fill=(232, 236, 240))
    note = "示例封面 · 程序生成"
    nw = d.textlength(note, font=fonts["foot"])
    d.text((W - 80 - nw, H - 76), note, font=fonts["foot"], fill=(168, 196, 216))
    return cover


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def encode_jpeg(img: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    for q in range(quality, 50, -5):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=q, optimize=True, progressive=False, subsampling="4:2:0")
        data = buf.getvalue()
        if len(data) < MAX_BYTES:
            return data
    return data


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def build_photo(kind: str) -> Image.Image:
    rng = random.Random(SEEDS[kind])
    if kind == "harbour":
        raw = render_harbour(rng)
        return photographic_finish(raw, rng, blur=0.75, grain_amount=26, vignette_strength=0.55, dust=140,
                                   tint=((36, 24, 14), (150, 116, 80), (248, 236, 212)))
    raw = render_street(rng)
    return photographic_finish(raw, rng, blur=0.7, grain_amount=30, vignette_strength=0.6, dust=110,
                               tint=((16, 16, 16), (126, 124, 120), (240, 237, 230)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content-dir", type=Path, default=DEFAULT_CONTENT,
                        help="content directory to write into (default: %(default)s)")
    args = parser.parse_args(argv)
    out = args.content_dir

    jobs = [(out / "images" / "stories" / f"{slug}.jpg", lambda kind=kind: build_photo(kind))
            for slug, kind in STORY_PHOTOS.items()]
    jobs.append((out / "images" / "magazine" / "2023-1-cover.jpg",
                 lambda: render_cover(random.Random(SEEDS["cover"]))))
    for path, build in jobs:
        data = encode_jpeg(build())
        changed = write_if_changed(path, data)
        print(f"{'wrote' if changed else 'unchanged'} {path} ({len(data) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
