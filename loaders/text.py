"""Reading press documents: decoding, page furniture, several articles per file, metadata.

A file (``.txt``, ``.md``, ``.html``) becomes one or more :class:`Article` objects whose
``text`` is the cleaned article (headline, then body paragraphs separated by blank lines):
character offsets of extracted facts point into that text.

>>> arts = split_articles("Article de Le Courrier : Une PME rejoint le pôle\\n\\nLa PME a rejoint le pôle.\\n\\n"
...                       "Article de La Gazette : Le pôle grandit\\n\\nPar Anne Martin\\n\\nLe pôle compte 40 membres.")
>>> [(a.publisher, a.headline, a.author) for a in arts]
[('Le Courrier', 'Une PME rejoint le pôle', None), ('La Gazette', 'Le pôle grandit', 'Anne Martin')]
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from innograph.errors import InputError
from innograph.loaders.dates import WEEKDAYS, parse_date
from innograph.loaders.markup import MAX_TOKEN_CHARS, clean_lines, html_to_text, looks_like_html  # noqa: F401 (a bound of this reader's)

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: Bounds that keep every later step (markdown patterns, spaCy, the extraction rules) linear in
#: the length of a document (see also MAX_ARTICLE_CHARS): a "word" longer than MAX_TOKEN_CHARS (markup.py) is not a word
#: (a hash, base64, a run of one character) and is left out; a run of more than MAX_SENTENCE_CHARS without a
#: sentence end is a table, a list or garbage, not prose (the longest press sentences are about
#: 1,300 characters), and is left out and reported; the parser reads pieces of at most
#: PIECE_CHARS characters, cut between sentences.
MAX_SENTENCE_CHARS = 3_000
MAX_HEADLINE_CHARS = 300
PIECE_CHARS = 20_000
#: A cleaned text longer than this (the longest press articles are about 26,000 characters) is
#: read as several consecutive articles, each analysed on its own.
MAX_ARTICLE_CHARS = 40_000


@dataclass
class Article:
    """One article: cleaned text (headline first) and what the page says about it."""

    text: str
    headline: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: datetime.date | None = None
    language: str = "fr"
    index: int = 0
    meta: dict = field(default_factory=dict)
    #: What was left out as not prose: (number of characters, how it starts).
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def paragraphs(self) -> list[tuple[int, str]]:
        """(offset, paragraph) pairs covering the text."""
        out, pos = [], 0
        for block in self.text.split("\n\n"):
            if block.strip():
                out.append((pos, block))
            pos += len(block) + 2
        return out

    def pieces(self, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
        """(offset, text) pieces of at most `limit` characters, cut between sentences (a paragraph
        is one piece when it fits): what the parser reads, never more than its maximum length."""
        out = []
        for offset, para in self.paragraphs():
            if len(para) <= limit:
                out.append((offset, para))
                continue
            start = end = 0
            for _, b in split_sentences(para):
                if b - start > limit and end > start:
                    out.append((offset + start, para[start:end]))
                    start = _next_start(para, end)
                end = b
            if end > start:
                out.append((offset + start, para[start:end]))
        return out


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    subject_pos: int | None = None  # character offset of the main verb's subject, if parsed


# -- sentences -------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»]?\s+(?=[«\"“A-ZÀ-Ý0-9])")
#: A period that ends no sentence: an abbreviation ("M.", "Inc.", "etc.") or an initial. Not
#: lexicon.HONORIFICS: what counts here is the dot, not a name after it ("Sir" takes none, "Inc." is no title).
_ABBREVIATION = re.compile(r"(?:\b(?:M|Mme|Mlle|MM|Dr|Pr|Me|St|Ste|Mr|Mrs|Ms|Prof|Inc|Ltd|Co|Corp|vs|etc|cf|av|bd|n°|No)|\b[A-ZÀ-Ý])\.$")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph (rule-based: the statistical parser's boundaries are less
    reliable on press French than punctuation followed by a capital)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[max(0, m.start() - 6):m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [(a, b) for a, b in spans if paragraph[a:b].strip()]


def _next_start(text: str, end: int) -> int:
    while end < len(text) and text[end] in " \t\n\"”»":
        end += 1
    return end


def bound_prose(paragraph: str, skipped: list[tuple[int, str]]) -> str:
    """`paragraph` without its runs of more than MAX_SENTENCE_CHARS characters without a
    sentence end (noted in `skipped`)."""
    if len(paragraph) <= MAX_SENTENCE_CHARS:
        return paragraph
    kept, cursor = [], 0
    for a, b in split_sentences(paragraph):
        if b - a > MAX_SENTENCE_CHARS:
            kept.append(paragraph[cursor:a])
            skipped.append((b - a, paragraph[a:a + 60]))
            cursor = _next_start(paragraph, b)
    if not cursor:
        return paragraph
    kept.append(paragraph[cursor:])
    return "".join(kept).strip()


# -- bytes to text -----------------------------------------------------------------------------
def decode(data: bytes, *, path: str | Path = "-") -> str:
    """Text from bytes: UTF-8 (with or without BOM), else cp1252/latin-1 as French files often are."""
    if not data.strip():
        raise InputError("the file is empty", path=path)
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("this is a binary file, not text", path=path, hint="pass a .txt, .md or .html article")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace") if codec == "utf-8" else data.decode(codec, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > 0.05 * min(len(text), 8192):
        raise InputError("this is a binary file, not text", path=path, hint="pass a .txt, .md or .html article")
    return text


#: Control characters other than tab, line feed, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"the file is too large for an article ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB)",
            path=path, hint="split it into articles, or raise the limit with --max-size MB",
        )
    return decode(path.read_bytes(), path=path)


def paragraphs_of(lines: list[str]) -> list[str]:
    """Join lines into paragraphs (a sentence cut by a blank line is joined back)."""
    paras, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paras.append(" ".join(current))
            current = []
    merged: list[str] = []
    for para in paras:
        if merged and re.search(r"[a-zà-ÿ,]$", merged[-1]) and re.match(r"^[a-zà-ÿ]", para) \
                and len(merged[-1]) > 60:
            merged[-1] = merged[-1] + " " + para
        else:
            merged.append(para)
    return merged


# -- articles -------------------------------------------------------------------------------
_MARKER = re.compile(r"^(?:article|source|extrait|an article)\s+(?:de|du|d'|d’|des|from|by|in)\s+(?P<pub>[^:]{2,60}?)\s*:\s*(?P<head>.+)$", re.I)
_SEPARATOR = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,}|(?:\* ){2,}\*)$")
_WEEKDAY = "|".join(WEEKDAYS)
_BYLINE = re.compile(r"^(?i:par|by|auteur|author|texte)\s*:?\s+(?P<name>[A-ZÀ-Ý][\w’'\-]+(?:\s+[A-ZÀ-Ý][\w’'\-]+){1,3}?)(?:\s*[,|–—·•-].*|\s+(?i:le|on|publié|publie|published|mis à jour|updated|"
                     + _WEEKDAY + r"|\d).*)?$")
_PUBLISHED = re.compile(r"^(?:publié|mis à jour|modifié|published|updated|posted|le|on)\b.*\d", re.I)
_WEEKDAY_DATE = re.compile(r"^(?:(?:" + _WEEKDAY + r"),?\s+)?(?:le\s+)?[\w ,.]{3,30}\d{4}$", re.I)
_NAME_LINE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ’'\-]+(?:[ \-][A-ZÀ-Ý][\wà-ÿ’'\-]+){1,2}$")

FRENCH_WORDS = frozenset("le la les des du de et est une un dans pour sur avec qui que au aux ont été cette son ses nous il elle".split())
ENGLISH_WORDS = frozenset("the of and to in is for on with that by was has have are its it as from this at be which".split())


def detect_language(text: str) -> str:
    """'fr' or 'en', from function words (press articles are long enough for this to be safe)."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower()[:20000])
    fr = sum(w in FRENCH_WORDS for w in words)
    en = sum(w in ENGLISH_WORDS for w in words)
    return "en" if en > fr else "fr"


def split_articles(text: str, *, meta: dict | None = None) -> list[Article]:
    """Split a cleaned document into articles and read their metadata."""
    lines = clean_lines(text)
    starts: list[tuple[int, str | None, str | None]] = []
    for i, line in enumerate(lines):
        m = _MARKER.match(line)
        if m:
            starts.append((i, m["pub"].strip(), m["head"].strip()))
        elif _SEPARATOR.match(line):
            starts.append((i, None, None))
    chunks: list[tuple[list[str], str | None, str | None]] = []
    if not starts or starts[0][0] > 0:
        first = starts[0][0] if starts else len(lines)
        chunks.append((lines[:first], None, None))
    for n, (i, pub, head) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        chunks.append((lines[i + 1 : end], pub, head))
    articles = []
    for body, pub, head in chunks:
        article = _article(body, publisher=pub, headline=head, meta=meta or {})
        if article is not None:
            # A preamble with no prose of its own (a page title) is not an article.
            if pub is None and head is None and len(chunks) > 1 and len(article.text) < 200:
                continue
            for part in _parts(article):
                part.index = len(articles)
                articles.append(part)
    return articles


def _parts(article: Article, limit: int | None = None) -> list[Article]:
    """A text longer than MAX_ARTICLE_CHARS is no single press article: it is read as
    consecutive parts of at most that length, cut between paragraphs (or sentences), so that
    no step of the extraction ever works on more than one part at a time."""
    limit = limit or MAX_ARTICLE_CHARS
    if len(article.text) <= limit:
        return [article]
    groups: list[list[str]] = [[]]
    size = 0
    for _, piece in article.pieces(limit):
        if size + len(piece) > limit and groups[-1]:
            groups.append([])
            size = 0
        groups[-1].append(piece)
        size += len(piece) + 2
    parts = []
    for number, group in enumerate(groups, 1):
        headline = article.headline if number == 1 or not article.headline else f"{article.headline} ({number})"
        parts.append(Article(text="\n\n".join(group), headline=headline, publisher=article.publisher,
                             author=article.author, date=article.date, language=article.language,
                             meta=article.meta, skipped=article.skipped if number == 1 else []))
    return parts


def _article(lines: list[str], *, publisher, headline, meta) -> Article | None:
    skipped: list[tuple[int, str]] = []
    paras = [p for p in (bound_prose(para, skipped) for para in paragraphs_of(lines)) if p]
    if not paras:
        return None
    author = date = None
    head_key = headline.lower() if headline else None
    body: list[str] = []
    for idx, para in enumerate(paras):
        short = len(para) < 120 and not para.endswith((".", "!", "?", "»", '"', "”"))
        top = idx < 6 and not body
        if short and head_key and para.lower().strip() == head_key:
            continue  # the headline repeated
        if short and _BYLINE.match(para):
            author = author or _BYLINE.match(para)["name"]
            date = date or parse_date(para)  # "Par X — 3 octobre 2023", "By X Tuesday 7 June 2022"
            continue
        if short and (_PUBLISHED.match(para) or _WEEKDAY_DATE.match(para)) and parse_date(para):
            date = date or parse_date(para)
            continue
        if top and short and re.search(r"\s[>›»|/]\s", para) and len(para) < 100:
            continue  # a breadcrumb ("Accueil > Santé > Innovation")
        masthead = re.match(r"^(?P<name>[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9 '’&\.]{3,})(?:\s[-–—|]\s.*)?$", para)
        if top and short and headline is None and masthead and masthead["name"].strip().isupper() \
                and len(masthead["name"].split()) <= 5:
            publisher = publisher or masthead["name"].strip().title()  # a masthead ("NORTHERN TECH WEEKLY")
            continue
        if top and short and headline is None and len(para.split()) >= 3:
            headline, head_key = para, para.lower()
            continue
        if top and short and len(para.split()) <= 2 and not _NAME_LINE.match(para):
            continue  # a rubric ("Economie")
        body.append(para)
    # A lone name after the last prose paragraph is the author's signature.
    if body and _NAME_LINE.match(body[-1]) and len(body[-1]) < 40:
        author = author or body.pop()
    elif len(body) > 1 and _NAME_LINE.match(body[-2]) and len(body[-2]) < 40 and len(body[-1]) < 120:
        author = author or body.pop(-2)  # a signature followed by one short trailing line
    if not body and headline is None:
        return None
    headline = _short(headline or meta.get("og:title") or meta.get("title"))
    publisher = publisher or meta.get("og:site_name")
    author = author or meta.get("author") or meta.get("article:author")
    if date is None:
        for key in ("article:published_time", "date", "dc.date", "pubdate"):
            if meta.get(key):
                date = parse_date(meta[key])
                break
    text = "\n\n".join(([headline] if headline else []) + body)
    return Article(text=text, headline=headline, publisher=publisher, author=author, date=date,
                   language=detect_language(text), meta=dict(meta), skipped=skipped)


def _short(headline: str | None) -> str | None:
    """A headline of at most MAX_HEADLINE_CHARS characters (cut at a space)."""
    if headline is None or len(headline) <= MAX_HEADLINE_CHARS:
        return headline
    return headline[:MAX_HEADLINE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def read_articles(path: str | Path, *, text: str | None = None, max_bytes: int = MAX_BYTES) -> list[Article]:
    """The articles of a file (or of `text` when given, `path` then only names it)."""
    path = Path(path)
    if text is None:
        text = read_file(path, max_bytes=max_bytes)
    meta: dict[str, str] = {}
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text, meta = html_to_text(text)
    articles = split_articles(text, meta=meta)
    if not articles:
        raise InputError("no article text found (only page furniture?)", path=path)
    return articles
