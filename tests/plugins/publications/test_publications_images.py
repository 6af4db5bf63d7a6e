"""Responsive pictures: widths, names, deterministic bytes, and the <picture> markup."""

from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from publications import images

WIDTHS = (480, 960, 1600)
QUALITY = {"WEBP": 80, "JPEG": 82}


# which widths --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        (4000, (480, 960, 1600)),  # large: capped at the largest wanted width
        (1600, (480, 960, 1600)),
        (1200, (480, 960, 1200)),  # the original's own width is the largest
        (1000, (480, 1000)),  # 960 is almost 1000: no gain
        (960, (480, 960)),
        (500, (500,)),  # 480 is almost 500
        (300, (300,)),  # never upscaled
    ],
)
def test_the_widths_never_exceed_the_original_nor_nearly_repeat(original, expected):
    assert images.choose_widths(original, WIDTHS) == expected


def test_widths_are_ascending_and_unique_whatever_the_setting_order():
    assert images.choose_widths(2000, (1600, 480, 960, 480)) == (480, 960, 1600)


def test_a_picture_has_a_size():
    with pytest.raises(ValueError):
        images.choose_widths(0, WIDTHS)


# planning -----------------------------------------------------------------------------


def jpeg(size=(1600, 1067), colour=(120, 90, 60)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def plan(data: bytes, size=(1600, 1067), image_format="JPEG", source="images/stories/pier.jpg"):
    return images.plan_picture(
        source, data, size, image_format, url="/images/stories/pier.jpg", widths=WIDTHS,
        folder="images/responsive", static_folder="images", quality=QUALITY,
    )


def test_a_jpeg_gets_webp_at_every_width_and_jpeg_below_its_own_width():
    picture = plan(jpeg())
    formats = [(v.format, v.width, v.height, v.copy_of_original) for v in picture.variants]
    assert formats == [
        ("WEBP", 480, 320, False), ("WEBP", 960, 640, False), ("WEBP", 1600, 1067, False),
        ("JPEG", 480, 320, False), ("JPEG", 960, 640, False), ("JPEG", 1600, 1067, True),
    ]
    assert all(v.path.startswith("images/responsive/stories/pier-") for v in picture.generated)


def test_names_carry_a_fingerprint_of_the_bytes():
    first, same, other = plan(jpeg()), plan(jpeg()), plan(jpeg(colour=(10, 10, 10)))
    assert [v.path for v in first.variants] == [v.path for v in same.variants]
    assert {v.path for v in first.generated}.isdisjoint(v.path for v in other.generated)


def test_srcset_lists_every_width_with_the_original_at_its_own_width():
    picture = plan(jpeg())
    srcset = picture.srcset("JPEG", "https://example.org")
    assert srcset.startswith("https://example.org/images/responsive/stories/pier-480-")
    assert srcset.endswith("/images/stories/pier.jpg 1600w")
    assert picture.srcset("WEBP", "").count("w, ") == 2


def test_encoding_is_deterministic_and_carries_no_metadata(tmp_path):
    source = tmp_path / "pier.jpg"
    source.write_bytes(jpeg())
    for variant in plan(source.read_bytes()).generated:
        first, second = images.encode(source, variant), images.encode(source, variant)
        assert first == second
        with Image.open(BytesIO(first)) as made:
            assert made.size == (variant.width, variant.height)
            assert made.format == variant.format
            assert not made.getexif()


def test_exif_orientation_is_applied_to_the_size_and_the_pixels(tmp_path):
    source = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    Image.new("RGB", (1200, 800), (200, 10, 10)).save(source, "JPEG", exif=exif)
    size, image_format = images.measure(source)
    assert size == (800, 1200) and image_format == "JPEG"
    variant = plan(source.read_bytes(), size=size).generated[0]
    with Image.open(BytesIO(images.encode(source, variant))) as made:
        assert made.size == (480, 720)


def test_a_png_with_transparency_keeps_it(tmp_path):
    source = tmp_path / "logo.png"
    Image.new("RGBA", (600, 300), (0, 0, 0, 0)).save(source, "PNG")
    picture = plan(source.read_bytes(), size=(600, 300), image_format="PNG", source="images/logo.png")
    assert {v.format for v in picture.variants} == {"WEBP", "PNG"}
    for variant in picture.generated:
        with Image.open(BytesIO(images.encode(source, variant))) as made:
            assert "A" in made.mode


def test_the_cache_gives_the_same_bytes_as_encoding(tmp_path):
    source = tmp_path / "pier.jpg"
    source.write_bytes(jpeg())
    variant = plan(source.read_bytes()).generated[0]
    cache = tmp_path / "cache"
    assert images.write_variant(source, variant, tmp_path / "out1", cache) is False
    assert images.write_variant(source, variant, tmp_path / "out2", cache) is True
    assert (tmp_path / "out1" / variant.path).read_bytes() == (tmp_path / "out2" / variant.path).read_bytes()
    assert not list(cache.glob(".part-*"))


# which <img> are local pictures --------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("{static}/images/stories/pier.jpg", "images/stories/pier.jpg"),
        ("{static}../images/stories/pier.jpg", "images/stories/pier.jpg"),  # relative to stories/
        ("{attach}/images/a b.PNG", "images/a b.PNG"),
        ("/images/stories/pier.webp", "images/stories/pier.webp"),
        ("/images/stories/%E7%85%A7.jpg", "images/stories/照.jpg"),
        ("https://example.org/images/x.jpg", None),
        ("//cdn.example.org/images/x.jpg", None),
        ("{static}/images/diagram.svg", None),
        ("{static}/images/anim.gif", None),
        ("{static}/other/x.jpg", None),  # not under a static folder
        ("{static}/../x.jpg", None),
        ("pier.jpg", None),
    ],
)
def test_local_rasters_under_the_static_folders(src, expected):
    assert images.local_source(src, "stories", ("images",)) == expected


# rewriting the body -----------------------------------------------------------------------------


def picture_for(src):
    return plan(jpeg()) if "pier" in src else None


def rewrite(html, **options):
    return images.rewrite(html, picture_for, sizes="100vw", siteurl="", link_label="(full size)", **options)


FIGURE = (
    '<figure class="photo">\n<img src="{static}/images/stories/pier.jpg" alt="老码头 “清晨” & 渡轮">\n'
    '<figcaption>清晨的老码头。<span class="credit">图：示例</span> <time datetime="1986">1986年</time></figcaption>\n'
    "</figure>"
)


def test_an_img_becomes_a_linked_picture_with_srcset_sizes_and_dimensions():
    html, problems = rewrite(FIGURE)
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("figure > a.picture-link")
    assert link["href"] == "{static}/images/stories/pier.jpg"  # Pelican resolves it later
    source = link.select_one("picture > source")
    assert source["type"] == "image/webp" and source["sizes"] == "100vw" and "960w" in source["srcset"]
    img = link.select_one("picture > img")
    assert img["alt"] == "老码头 “清晨” & 渡轮"
    assert (img["width"], img["height"]) == ("1600", "1067")
    assert img["src"] == "{static}/images/stories/pier.jpg"
    assert img["srcset"].count("w") == 3 and img["sizes"] == "100vw"
    assert img["decoding"] == "async"
    assert link.select_one(".visually-hidden").get_text() == "(full size)"
    assert soup.select_one("figcaption").get_text().startswith("清晨的老码头")


def test_the_rest_of_the_body_is_left_byte_for_byte():
    before, after = "<p>前文 &ldquo;x&rdquo;</p>\n", "\n<p>后文<br></p>"
    html, _ = rewrite(before + FIGURE + after)
    assert html.startswith(before) and html.endswith(after)


def test_only_the_first_picture_of_a_page_is_eager():
    html, _ = rewrite(FIGURE + FIGURE + FIGURE)
    loading = [img.get("loading") for img in BeautifulSoup(html, "html.parser").select("img")]
    assert loading == [None, "lazy", "lazy"]


def test_a_picture_after_another_image_is_lazy_too():
    html, _ = rewrite('<p><img src="https://example.org/x.png" alt="远程"></p>' + FIGURE)
    assert BeautifulSoup(html, "html.parser").select("img")[1]["loading"] == "lazy"


def test_an_img_already_in_a_link_keeps_its_link():
    html, _ = rewrite('<a href="/elsewhere/"><img src="{static}/images/stories/pier.jpg" alt="图"></a>')
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.select("a")] == ["/elsewhere/"]
    assert soup.select_one("a > picture > img")["srcset"]


def test_an_img_already_in_a_picture_is_left_alone():
    html = '<picture><source srcset="a.webp"><img src="{static}/images/stories/pier.jpg" alt="图"></picture>'
    assert rewrite(html) == (html, [])


def test_other_attributes_of_the_img_are_kept():
    html, _ = rewrite('<img class="wide" id="pic" src="{static}/images/stories/pier.jpg" alt="图" width="10">')
    img = BeautifulSoup(html, "html.parser").select_one("img")
    assert (img["class"], img["id"], img["width"]) == (["wide"], "pic", "1600")


@pytest.mark.parametrize(
    ("tag", "what"),
    [
        ('<img src="{static}/images/stories/pier.jpg">', "has no alt text"),
        ('<img src="{static}/images/stories/pier.jpg" alt="  ">', "has empty alt text"),
        ('<img src="https://example.org/x.png">', "has no alt text"),  # remote images too
    ],
)
def test_an_image_without_alt_text_is_a_problem(tag, what):
    _, problems = rewrite(f'<figure class="photo">{tag}</figure>')
    assert [(p.src, p.what) for p in problems] == [(BeautifulSoup(tag, "html.parser").img["src"], what)]


def test_text_from_content_cannot_break_out_of_attributes():
    html, _ = rewrite('<img src="{static}/images/stories/pier.jpg" alt="&quot;&gt;<script>">')
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("img")["alt"] == '">' + "<script>"
    assert soup.find("script") is None


def test_figures_give_caption_credit_and_date():
    (figure,) = images.figures(FIGURE)
    assert figure == images.Figure(
        "{static}/images/stories/pier.jpg", "老码头 “清晨” & 渡轮", "清晨的老码头。", "图：示例", "1986"
    )
