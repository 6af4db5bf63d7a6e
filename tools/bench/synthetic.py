"""A deterministic synthetic archive for the benchmark: N content files as zh + en pairs.

N counts files, as the issue does ("N = 5,000 files (2,500 pairs)"): N // 2 publications,
each written in Chinese (the original) and English (its translation, Translation: true), of
all three kinds — work reports, stories, and magazine issues with their articles — plus the
site's own pages (about, 404) and a few small generated JPEGs that every story and issue
reuses.

plan_archive() is pure: random.Random(seed) alone decides every word, so one seed always
gives the same archive, byte for byte. The text is built from clauses of the seed report and
the sample texts (phrases.py): Chinese paragraphs in the report's style, parts headed
"## 一、…", paragraphs opening with a bold lead sentence (**在……上……。**, **一是……。**), and
English paragraphs of matching length (EN_CHARS_PER_ZH characters per Chinese character, the
ratio of the real report and its translation) in exactly the same outline: the same headings
and bold leads in the same places, so the section index's alignment check passes.
write_archive() writes it into a content folder.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from . import phrases

MIN_N = 10  # five pairs: the smallest archive with every kind (report, stories, an issue and an article)
MAX_N = 10_000
DEFAULT_N = 1_000
DEFAULT_SEED = 2022
DEFAULT_COLUMNS = ("consultation", "members", "history")

# Shares of the publications (pairs) by kind; the magazine gets the rest.
REPORT_SHARE = 0.10
STORY_SHARE = 0.45
ARTICLES_PER_ISSUE = (4, 6)
LAST_YEAR = 2024  # no date in the future: the strict checks would call it a draft
EN_CHARS_PER_ZH = 4.6  # the 2022 report: 7,300 Chinese characters, 35,700 English
PHOTOS = 6
COVERS = 3
IMAGE_DIR = "images/bench"

CN_DIGITS = "一二三四五六七八九十"
EN_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class ArchiveError(ValueError):
    """The archive cannot be generated as asked; the message says why."""


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Block:
    """One block of a body: a ## heading, a paragraph (with an optional bold lead) or a figure."""

    kind: str  # "heading", "paragraph" or "figure"
    text: Text  # heading title, paragraph text, or figure caption
    lead: Text | None = None
    image: str | None = None  # figure: path under content/
    alt: Text | None = None


@dataclass(frozen=True)
class Publication:
    kind: str  # report, story, issue, article
    folder: str  # under content/: reports, stories, magazine/<issue>
    stem: str  # the files are <folder>/<stem>.zh.md and .en.md
    slug: str
    date: date
    title: Text
    meta: tuple[tuple[str, Text], ...]  # further metadata, per language
    tags: tuple[Text, ...]
    blocks: tuple[Block, ...]

    def path(self, lang: str) -> str:
        return f"{self.folder}/{self.stem}.{lang}.md"

    def render(self, lang: str) -> str:
        """The Markdown file for one language."""
        lines = [
            f"Title: {self.title.lang(lang)}",
            f"Date: {self.date.isoformat()}",
            f"Kind: {self.kind}",
            f"Lang: {lang}",
            f"Slug: {self.slug}",
        ]
        lines += [f"{key}: {value.lang(lang)}" for key, value in self.meta]
        if self.tags:
            lines.append("Tags: " + ", ".join(tag.lang(lang) for tag in self.tags))
        if lang != "zh":
            lines.append("Translation: true")
        body = [render_block(block, lang) for block in self.blocks]
        return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


@dataclass(frozen=True)
class Archive:
    n: int
    seed: int
    publications: tuple[Publication, ...]

    @property
    def pairs(self) -> int:
        return len(self.publications)

    def count(self, kind: str) -> int:
        return sum(1 for publication in self.publications if publication.kind == kind)

    def first(self, kind: str) -> Publication:
        return next(publication for publication in self.publications if publication.kind == kind)


def same(value: str) -> Text:
    """A metadata value both languages share (Year, Issue, Column, Cover)."""
    return Text(value, value)


def render_block(block: Block, lang: str) -> str:
    if block.kind == "heading":
        return f"## {block.text.lang(lang)}"
    if block.kind == "figure":
        credit = "图：示例图片，程序生成" if lang == "zh" else "Image: sample picture, generated"
        return (
            '<figure class="photo">\n'
            f'<img src="{{static}}/{block.image}" alt="{block.alt.lang(lang)}">\n'
            f'<figcaption>{block.text.lang(lang)}<span class="credit">{credit}</span></figcaption>\n'
            "</figure>"
        )
    if block.lead is None:
        return block.text.lang(lang)
    joiner = "" if lang == "zh" else " "
    return f"**{block.lead.lang(lang)}**{joiner}{block.text.lang(lang)}"


# --- word lists: pairs that translate each other -------------------------------------------

COMMITTEES = (
    Text("常务委员会", "Standing Committee"),
    Text("提案委员会", "Committee on Proposals"),
    Text("经济委员会", "Economic Committee"),
    Text("社会和法制委员会", "Committee on Social and Legal Affairs"),
    Text("农业和农村委员会", "Committee on Agriculture and Rural Affairs"),
    Text("文史和学习委员会", "Committee on Cultural and Historical Data and Studies"),
    Text("教科卫体委员会", "Committee on Education, Science, Health and Sports"),
)
PART_OPENINGS = (
    Text("强化责任担当", "Shouldering our responsibilities"),
    Text("倾情服务民生", "Serving people’s wellbeing wholeheartedly"),
    Text("突出守正创新", "Upholding fundamental principles and breaking new ground"),
    Text("抓好自身建设", "Strengthening our own development"),
    Text("坚持团结民主", "Upholding unity and democracy"),
    Text("聚焦中心大局", "Focusing on the overall work of the district"),
    Text("深化协商议政", "Deepening consultation and deliberation"),
    Text("加强思想引领", "Strengthening ideological guidance"),
)
PART_AIMS = (
    Text("自觉服务全区改革发展大局", "consciously serving the overall reform and development of the district"),
    Text("积极促进共建共享共同富裕", "actively promoting common prosperity built and shared by all"),
    Text("不断彰显专门协商机构特质", "continuously highlighting our character as a specialised consultative body"),
    Text("有力展现“两支队伍”时代风采", "fully displaying the contemporary style of the “two teams”"),
    Text("广泛凝聚团结奋斗正能量", "broadly pooling the positive energy of unity and endeavour"),
    Text("持续提升履职工作质效", "continuously improving the quality and effect of our work"),
    Text("助推定海高质量发展", "promoting the high-quality development of Dinghai"),
)
LEAD_FIELDS = (
    Text("助推产业发展", "industrial development"),
    Text("提升城乡品质", "the quality of towns and villages"),
    Text("改善社会治理", "social governance"),
    Text("服务民生福祉", "people’s wellbeing"),
    Text("推动乡村振兴", "rural revitalisation"),
    Text("弘扬海洋文化", "maritime culture"),
    Text("优化营商环境", "the business environment"),
    Text("促进共同富裕", "common prosperity"),
    Text("建设数字政协", "the digital CPPCC"),
    Text("加强文史工作", "cultural and historical work"),
)
LEAD_EFFORTS = (
    Text("积极献计", "Contributing ideas to"),
    Text("久久为功", "Persevering in"),
    Text("务实作为", "Taking practical action on"),
    Text("精准发力", "Making precise efforts in"),
    Text("持续用力", "Making sustained efforts in"),
    Text("主动作为", "Taking the initiative in"),
)
LEADS = tuple((field, effort) for field in LEAD_FIELDS for effort in LEAD_EFFORTS)
TASK_OPENINGS = (
    Text("深学新思想", "studying the new thinking in depth"),
    Text("聚焦新目标", "focusing on the new goals"),
    Text("把握新方位", "grasping the new position"),
    Text("对标新要求", "meeting the new requirements"),
    Text("展现新形象", "presenting a new image"),
    Text("落实新部署", "carrying out the new arrangements"),
    Text("践行新理念", "applying the new philosophy"),
)
TASK_AIMS = (
    Text("以更高站位强化政治建设", "to strengthen political building from a higher standpoint"),
    Text("以更大担当服务中心工作", "to serve the central work with greater commitment"),
    Text("以更广视野凝聚社会共识", "to build social consensus with a broader vision"),
    Text("以更高效率推进协商民主", "to advance consultative democracy more efficiently"),
    Text("以更严作风夯实自身建设", "to consolidate our own development with a stricter style of work"),
    Text("以更实举措助推共同富裕", "to promote common prosperity with more practical measures"),
    Text("以更优服务增进民生福祉", "to improve people’s wellbeing with better services"),
)
STORY_TOPICS = (
    Text("渡轮是海岛人的桥", "The ferry was the islanders’ bridge"),
    Text("渔船、潮水与一座城的日常", "Fishing boats, the tides and the daily life of a town"),
    Text("老街上的烟火气", "Everyday life on the old street"),
    Text("码头边的集市", "The market by the pier"),
    Text("灯塔下的守望", "Keeping watch under the lighthouse"),
    Text("一张老照片的来历", "Where an old photograph came from"),
    Text("渔家号子里的记忆", "Memories in the fishermen’s work songs"),
    Text("海岛上的学堂", "A school on the island"),
    Text("古城墙的故事", "The story of the old city wall"),
    Text("从木帆船到机帆船", "From sailing junks to motor boats"),
    Text("晒鲞的季节", "The season for drying fish"),
    Text("老宅里的家训", "Family precepts in an old house"),
)
ARTICLE_TOPICS = (
    Text("海边的委员工作室", "A members’ studio by the sea"),
    Text("渔村里的协商驿站", "A consultation station in a fishing village"),
    Text("海岛老人的幸福晚年", "A happy old age for island elders"),
    Text("渔民号子里的东海记忆", "Memories of the East China Sea in the work songs"),
    Text("把办公桌搬到群众身边", "Bringing the desk closer to the people"),
    Text("小事里的大民生", "Big livelihood issues in small matters"),
    Text("一份提案的来龙去脉", "The story of one proposal"),
    Text("古城保护的新路子", "A new way to protect the old town"),
    Text("数字政协走进渔村", "The digital CPPCC comes to a fishing village"),
    Text("委员的一天", "A day in a member’s life"),
)
TAGS = (
    Text("协商民主", "consultative democracy"),
    Text("共同富裕", "common prosperity"),
    Text("文史", "Cultural and historical work"),
    Text("照片背后的故事", "Stories Behind the Photos"),
    Text("委员风采", "Members at Work"),
    Text("委员工作室", "Members’ studios"),
    Text("提案", "proposals"),
    Text("社情民意", "public opinion"),
    Text("数字政协", "digital CPPCC"),
    Text("乡村振兴", "rural revitalisation"),
    Text("海洋文化", "maritime culture"),
    Text("基层协商", "community-level consultation"),
    Text("民生", "people’s wellbeing"),
    Text("古城保护", "old town conservation"),
    Text("营商环境", "business environment"),
    Text("书香政协", "reading CPPCC"),
)
REPORT_TAG = Text("工作报告", "work report")
PICTURES = (
    Text("示意图：清晨的港湾里泊着几条木质渔船，远处是层层山影。",
         "Illustration: wooden fishing boats moored in a harbour at dawn, with layers of hills in the distance."),
    Text("示意图：石砌码头的尽头停着一艘客轮，太阳刚从海上升起。",
         "Illustration: a passenger ship at the end of a stone pier as the sun rises over the sea."),
    Text("示意图：老街两旁是木结构的店铺，屋檐下挂着招牌。",
         "Illustration: wooden shops line both sides of an old street, with signboards under the eaves."),
)
CAPTIONS = (
    Text("清晨的老码头。", "The old pier in the early morning. "),
    Text("老街的午后。", "An afternoon on the old street. "),
    Text("归港的渔船。", "Fishing boats coming home. "),
)
SESSIONS = (Text("七届一次会议", "First Session of the 7th Committee"), Text("七届二次会议", "Second Session of the 7th Committee"),
            Text("七届三次会议", "Third Session of the 7th Committee"), Text("六届五次会议", "Fifth Session of the 6th Committee"))
SOURCE = Text("合成数据（make bench 生成）", "Synthetic text (generated by make bench)")


# --- text ---------------------------------------------------------------------------------


class Writer:
    """Sentences and paragraphs from the phrase lists, drawn with one random.Random."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.zh = {"report": phrases.REPORT_ZH, "feature": phrases.FEATURE_ZH}
        self.en_first = {
            name: tuple(c for c in pool if c[0].isupper())
            for name, pool in (("report", phrases.REPORT_EN), ("feature", phrases.FEATURE_EN))
        }
        self.en_rest = {
            name: tuple(c for c in pool if not c[0].isupper())
            for name, pool in (("report", phrases.REPORT_EN), ("feature", phrases.FEATURE_EN))
        }

    def numbers(self, clause: str) -> str:
        """Fresh small numbers (26篇次, 329条), so pages differ in more than their order of clauses."""
        return re.sub(r"(?<!\d)\d{1,3}(?!\d)", lambda m: str(self.rng.randint(2, 10 ** len(m.group()) - 1)), clause)

    def zh_sentence(self, style: str) -> str:
        clauses = self.rng.sample(self.zh[style], self.rng.randint(2, 4))
        return "，".join(self.numbers(clause) for clause in clauses) + "。"

    def en_sentence(self, style: str) -> str:
        first = self.rng.choice(self.en_first[style])
        rest = self.rng.sample(self.en_rest[style], self.rng.randint(0, 2))
        return ", ".join(self.numbers(clause) for clause in (first, *rest)) + "."

    def paragraph(self, style: str, low: int, high: int) -> Text:
        """A paragraph of low..high Chinese characters, and its English of matching length."""
        target = self.rng.randint(low, high)
        zh = ""
        while len(zh) < target:
            zh += self.zh_sentence(style)
        en = []
        while sum(len(s) + 1 for s in en) < len(zh) * EN_CHARS_PER_ZH:
            en.append(self.en_sentence(style))
        return Text(zh, " ".join(en))


def cn_number(value: int) -> str:
    if value <= 10:
        return CN_DIGITS[value - 1]
    tens, units = divmod(value, 10)
    return (CN_DIGITS[tens - 1] if tens > 1 else "") + "十" + (CN_DIGITS[units - 1] if units else "")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "")).strip("-")


def heading(number: int, title: Text, english_numeral: str) -> Block:
    return Block("heading", Text(f"{cn_number(number)}、{title.zh}", f"{english_numeral}. {title.en}"))


# --- publications -------------------------------------------------------------------------


def report_blocks(writer: Writer, year: int) -> list[Block]:
    rng = writer.rng
    blocks = [Block("paragraph", writer.paragraph("report", 100, 260))]
    parts = rng.randint(3, 5)
    openings = rng.sample(PART_OPENINGS, parts)
    for number, opening in enumerate(openings, 1):
        aim = rng.choice(PART_AIMS)
        title = Text(f"{opening.zh}，{aim.zh}", f"{opening.en} and {aim.en}")
        blocks.append(heading(number, title, ROMAN[number - 1]))
        blocks.append(Block("paragraph", writer.paragraph("report", 60, 150)))
        for field, effort in rng.sample(LEADS, rng.randint(2, 4)):
            lead = Text(f"在{field.zh}上{effort.zh}。", f"{effort.en} {field.en}.")
            blocks.append(Block("paragraph", writer.paragraph("report", 120, 320), lead=lead))
    blocks.append(Block("heading", Text(f"{year + 1}年工作任务", f"Tasks for {year + 1}")))
    blocks.append(Block("paragraph", writer.paragraph("report", 60, 150)))
    for number in range(1, rng.randint(3, 5) + 1):
        opening, aim = rng.choice(TASK_OPENINGS), rng.choice(TASK_AIMS)
        lead = Text(f"{cn_number(number)}是{opening.zh}，{aim.zh}。", f"{EN_ORDINALS[number - 1]}, {opening.en} {aim.en}.")
        blocks.append(Block("paragraph", writer.paragraph("report", 200, 400), lead=lead))
    return blocks


def figure(writer: Writer) -> Block:
    rng = writer.rng
    return Block(
        "figure",
        rng.choice(CAPTIONS),
        image=f"{IMAGE_DIR}/photo-{rng.randint(1, PHOTOS)}.jpg",
        alt=rng.choice(PICTURES),
    )


def feature_blocks(writer: Writer, parts: int, *, with_figure: bool, style: str = "feature") -> list[Block]:
    """A story or a magazine article: an opening, numbered parts each led by a bold sentence."""
    rng = writer.rng
    blocks = [Block("paragraph", writer.paragraph(style, 80, 200))]
    if with_figure:
        blocks.append(figure(writer))
    for number, topic in enumerate(rng.sample(STORY_TOPICS, parts), 1):
        blocks.append(heading(number, topic, str(number)))
        lead = Text(topic.zh + "。", topic.en + ".")
        blocks.append(Block("paragraph", writer.paragraph(style, 80, 220), lead=lead))
        for _ in range(rng.randint(0, 2)):
            blocks.append(Block("paragraph", writer.paragraph(style, 60, 200)))
    blocks.append(Block("paragraph", writer.paragraph(style, 50, 120)))
    return blocks


def random_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def pick_tags(rng: random.Random, always: tuple[Text, ...] = ()) -> tuple[Text, ...]:
    return (*always, *rng.sample([tag for tag in TAGS if tag not in always], rng.randint(1, 3)))


def plan_archive(n: int = DEFAULT_N, seed: int = DEFAULT_SEED, columns: tuple[str, ...] = DEFAULT_COLUMNS) -> Archive:
    """The archive of n files (n // 2 zh + en pairs), decided by the seed alone."""
    if not MIN_N <= n <= MAX_N:
        raise ArchiveError(f"N must be from {MIN_N} to {MAX_N} files, not {n}")
    if n % 2:
        raise ArchiveError(f"N counts files, each publication a zh + en pair, so it must be even, not {n}")
    if not columns:
        raise ArchiveError("no magazine columns given (MAGAZINE_COLUMNS in pelicanconf.py)")
    rng = random.Random(seed)
    writer = Writer(rng)
    pairs = n // 2
    reports = max(1, round(pairs * REPORT_SHARE))
    stories = max(1, round(pairs * STORY_SHARE))
    magazine = pairs - reports - stories
    publications: list[Publication] = []

    for index in range(1, reports + 1):
        year = LAST_YEAR - 1 - (index - 1) % 33
        committee = rng.choice(COMMITTEES)
        published = date(year + 1, rng.randint(1, 3), rng.randint(1, 28))
        slug = f"{year}-{slugify(committee.en)}-work-report-{index}"
        publications.append(Publication(
            kind="report",
            folder="reports",
            stem=slug,
            slug=slug,
            date=published,
            title=Text(f"政协舟山市定海区委员会{committee.zh}{year}年度工作报告",
                       f"Work Report of the {committee.en} of the CPPCC Zhoushan Dinghai District Committee for {year}"),
            meta=(
                ("Year", same(str(year))),
                ("Body", Text(f"政协舟山市定海区委员会{committee.zh}",
                              f"{committee.en} of the CPPCC Zhoushan Dinghai District Committee")),
                ("Session", rng.choice(SESSIONS)),
                ("Source", SOURCE),
            ),
            tags=pick_tags(rng, (REPORT_TAG,)),
            blocks=tuple(report_blocks(writer, year)),
        ))

    for index in range(1, stories + 1):
        topic = rng.choice(STORY_TOPICS)
        slug = f"{slugify(topic.en)}-{index}"
        publications.append(Publication(
            kind="story",
            folder="stories",
            stem=slug,
            slug=slug,
            date=random_date(rng, date(2000, 1, 1), date(LAST_YEAR, 12, 31)),
            title=topic,
            meta=(("Author", Text("区政协文史委", "Cultural and Historical Committee of the district CPPCC")),),
            tags=pick_tags(rng, (TAGS[3],)),
            blocks=tuple(feature_blocks(writer, rng.randint(2, 3), with_figure=True)),
        ))

    # Magazine issues of 4-6 articles; as many issues a year as it takes to end in LAST_YEAR
    # with about thirty years of the magazine.
    issues = max(1, round(magazine / (1 + sum(ARTICLES_PER_ISSUE) / 2)))
    articles = magazine - issues
    per_year = max(4, -(-issues // 30))
    for index in range(issues):
        year, number = LAST_YEAR - index // per_year, index % per_year + 1
        issue_slug = f"{year}-{number}"
        folder = f"magazine/{issue_slug}"
        published = date(year, 1, 1) + timedelta(days=(number - 1) * 365 // per_year + 27)
        count = articles // issues + (1 if index < articles % issues else 0)
        lineup = [(rng.choice(ARTICLE_TOPICS), columns[k % len(columns)]) for k in range(count)]
        opening = Text("本期的关键词是“身边”。", "The keyword of this issue is “close to home”.")
        publications.append(Publication(
            kind="issue",
            folder=folder,
            stem="issue",
            slug=issue_slug,
            date=published,
            title=Text(f"《定海政协》{year}年第{number}期", f"Dinghai CPPCC, {year} No. {number}"),
            meta=(
                ("Periodical", Text("定海政协", "Dinghai CPPCC")),
                ("Year", same(str(year))),
                ("Number", same(str(number))),
                ("Cover", same(f"{IMAGE_DIR}/cover-{index % COVERS + 1}.jpg")),
                ("Cover_alt", Text(f"《定海政协》{year}年第{number}期封面（示意图）",
                                   f"Cover of Dinghai CPPCC, {year} No. {number} (illustration)")),
            ),
            tags=(),
            blocks=(
                Block("paragraph", writer.paragraph("feature", 80, 180)),
                Block("paragraph", writer.paragraph("feature", 80, 180), lead=opening),
                Block("paragraph", writer.paragraph("feature", 60, 140)),
            ),
        ))
        for position, (topic, column) in enumerate(lineup, 1):
            stem = f"{slugify(topic.en)}-{position}"
            publications.append(Publication(
                kind="article",
                folder=folder,
                stem=stem,
                slug=f"{issue_slug}-{stem}",
                date=published,
                title=topic,
                meta=(
                    ("Issue", same(issue_slug)),
                    ("Column", same(column)),
                    ("Author", Text("本刊记者", "Staff reporter")),
                ),
                tags=pick_tags(rng),
                blocks=tuple(feature_blocks(writer, 2, with_figure=False,
                                            style="report" if column == "consultation" else "feature")),
            ))
    return Archive(n=n, seed=seed, publications=tuple(publications))


# --- files --------------------------------------------------------------------------------


def make_image(path: Path, size: tuple[int, int], seed: int) -> None:
    """A small JPEG: sky, sea and hills in colours drawn from the seed."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    top, bottom = [rng.randint(90, 200) for _ in range(3)], [rng.randint(180, 250) for _ in range(3)]
    horizon = height * rng.randint(45, 60) // 100
    for y in range(horizon):
        mix = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)))
    sea = tuple(rng.randint(30, 110) for _ in range(3))
    draw.rectangle([0, horizon, width, height], fill=sea)
    for layer in range(3):
        shade = tuple(max(0, c - 25 * layer) for c in bottom)
        points = [(0, horizon)]
        for x in range(0, width + 40, 40):
            points.append((x, horizon - rng.randint(10, 40 + 25 * layer)))
        points.append((width, horizon))
        draw.polygon(points, fill=shade)
    sun = rng.randint(width // 5, 4 * width // 5)
    draw.ellipse([sun - 18, horizon // 3 - 18, sun + 18, horizon // 3 + 18], fill=(250, 230, 180))
    image.save(path, "JPEG", quality=72)


def write_archive(archive: Archive, content: Path, pages_from: Path | None = None) -> list[Path]:
    """Write the archive's files (and copies of pages_from/, the site's pages) into content/."""
    content = Path(content)
    if content.exists() and any(content.iterdir()):
        raise ArchiveError(f"{content} is not empty: the archive is written into a new folder")
    written = []
    images = content / IMAGE_DIR
    images.mkdir(parents=True)
    for number in range(1, PHOTOS + 1):
        make_image(images / f"photo-{number}.jpg", (640, 400), archive.seed * 100 + number)
        written.append(images / f"photo-{number}.jpg")
    for number in range(1, COVERS + 1):
        make_image(images / f"cover-{number}.jpg", (480, 640), archive.seed * 100 + 50 + number)
        written.append(images / f"cover-{number}.jpg")
    for publication in archive.publications:
        for lang in ("zh", "en"):
            path = content / publication.path(lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(publication.render(lang), encoding="utf-8")
            written.append(path)
    if pages_from is not None and Path(pages_from).is_dir():
        shutil.copytree(pages_from, content / "pages")
        written.extend(sorted(path for path in (content / "pages").rglob("*") if path.is_file()))
    return written


def generate(content: Path, n: int = DEFAULT_N, seed: int = DEFAULT_SEED, *,
             pages_from: Path | None = Path("content/pages"), columns: tuple[str, ...] = DEFAULT_COLUMNS) -> Archive:
    archive = plan_archive(n, seed, columns)
    write_archive(archive, content, pages_from)
    return archive


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write the synthetic archive into a new content folder.")
    parser.add_argument("content", type=Path, help="the folder to create (must be new or empty)")
    parser.add_argument("--n", type=int, default=DEFAULT_N, help=f"content files, {MIN_N}-{MAX_N}, even")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    try:
        archive = generate(args.content, args.n, args.seed)
    except ArchiveError as error:
        print(f"synthetic: {error}", file=sys.stderr)
        return 2
    kinds = ", ".join(f"{kind}: {archive.count(kind)}" for kind in ("report", "story", "issue", "article"))
    print(f"wrote {archive.pairs} zh + en pairs ({kinds}) into {args.content}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
