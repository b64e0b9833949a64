"""Markup and page furniture out of a press document: the visible text of an HTML page and its
metadata, lines without markdown syntax, navigation, subscription blurbs and share links
(what :mod:`innograph.loaders.text` reads articles from)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: A "word" longer than this is not a word (a hash, base64, a run of one character) and is left out
#: (see the bounds in :mod:`innograph.loaders.text`).
MAX_TOKEN_CHARS = 64


# -- HTML -----------------------------------------------------------------------------------
_SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "svg", "iframe", "template", "button", "figure"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
          "blockquote", "tr", "table", "time", "address", "hr", "main", "figcaption"}


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _SKIP:
            self.skip += 1
        elif tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"])
        elif tag == "html" and attrs.get("lang"):
            self.meta["lang"] = attrs["lang"]
        elif tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


#: A "<" that opens no tag closed within 2,000 characters is text: escaped before parsing, since
#: the standard library's parser rescans to the end of the page for each one (quadratic).
_LOOSE_LT = re.compile(r"<(?![A-Za-z/!?][^<>]{0,2000}>)")


def _tame(html: str) -> str:
    """Comments out (an unclosed one runs to the end, as browsers read it), loose "<" escaped."""
    parts, pos = [], 0
    while (start := html.find("<!--", pos)) >= 0:
        parts.append(html[pos:start])
        end = html.find("-->", start + 4)
        pos = len(html) if end < 0 else end + 3
    parts.append(html[pos:])
    return _LOOSE_LT.sub("&lt;", "".join(parts))


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML page (scripts, styles, navigation dropped) and its metadata."""
    parser = _HtmlText()
    parser.feed(_tame(html))
    parser.close()
    meta = dict(parser.meta)
    if parser.title.strip():
        meta.setdefault("title", parser.title.strip())
    text = "".join(parser.parts)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip(), meta


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


# -- markdown and page furniture ------------------------------------------------------------
_FURNITURE_LINE = re.compile(
    r"^\s*(?:"
    r"\[?\\?\[?(?:imprimer|print|partager|share|lien de l'article|lire la suite|read more|retour|back)\\?\]?\]?(?:\(.*?\))?"
    r"|image|photo|illustration|crédit photo.*|credit:.*|©.*|\(c\) .*|tous droits réservés.*|all rights reserved.*"
    r"|pas encore abonné.*|déjà abonné.*|abonnez-vous.*|testez gratuitement.*|votre structure est abonn.*"
    r"|rapprochez-vous de votre référent.*|subscribe.*|sign up.*|newsletter.*|cookies?.*"
    r"|(?:related|à lire aussi|a lire aussi|lire aussi|voir aussi|read also|see also|more on this|sur le même sujet)\s*:.*"
    r"|<?https?://\S+>?|(?:ou\s+)?sur"
    r")\s*$",
    re.I,
)
_FURNITURE_PARAGRAPH = re.compile(
    r"(réservées au seul usage de ses abonnés|droits de reproduction|contactez[- ]nous au|sur <?https?://"
    r"|plus d'informations sur le copyright|this article is for subscribers|to continue reading|cookie policy"
    r"|support independent journalism|tous droits réservés|all rights reserved|©"
    r"|vous souhaitez réagir|connectez-vous|créez votre compte|commentez cet article|leave a comment|log in to comment)",
    re.I,
)
# Every repetition is bounded (link text, URL, emphasis): unbounded ones made a long line with
# many unclosed "[" or "**" quadratic.
_MD_IMAGE = re.compile(r"!\[[^\]\[]{0,500}\]\([^)\s\[\]]{0,2000}\)")
_MD_LINK = re.compile(r"\[((?:\\.|[^\]\[\\]){0,500})\]\([^)\s\[\]]{0,2000}\)")
_MD_AUTOLINK = re.compile(r"<https?://[^>\s<]{1,2000}>")


_LONG_TOKEN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def strip_markdown(line: str) -> str:
    """A line without markdown syntax, and without "words" longer than MAX_TOKEN_CHARS."""
    line = _strip_markdown(line)
    if len(line) > MAX_TOKEN_CHARS:
        line = re.sub(r" {2,}", " ", _LONG_TOKEN.sub(" ", line)).strip()
    return line


_MD_SYNTAX = re.compile(r"[\[<^#*_\\]")
_MD_ORDINAL = re.compile(r"(\d)\^(e|er|re|ème|nd|st|th)\b")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BOLD = re.compile(r"(\*\*|__)(.{1,300}?)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*]{1,300}?)(?<!\s)\*(?![\w*])")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _strip_markdown(line: str) -> str:
    if not _MD_SYNTAX.search(line):  # most prose lines: no markdown character at all
        return _SPACES.sub(" ", line).strip()
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(lambda m: m.group(1).replace("\\[", "").replace("\\]", ""), line)
    line = _MD_AUTOLINK.sub("", line)
    line = _MD_ORDINAL.sub(r"\1\2", line)  # 3^e -> 3e
    line = _MD_HEADING.sub("", line)
    line = _MD_BOLD.sub(r"\2", line)
    line = _MD_ITALIC.sub(r"\1", line)
    line = line.replace("\\", "")
    return _SPACES.sub(" ", line).strip()


#: A line break written out as backslash-n (no markdown escape: markdown escapes punctuation only).
_ESCAPED_BREAK = re.compile(r"(?:\\r)?\\n")


def clean_lines(text: str) -> list[str]:
    """Lines without markdown syntax and page furniture; '' marks paragraph breaks.

    Furniture is judged per paragraph first (a subscription blurb spread over several lines
    goes as a whole), then per line (print links, image placeholders, bare URLs).
    """
    text = _ESCAPED_BREAK.sub("\n", text)  # "...les autres.\\n\\nPensez-vous": line breaks left escaped
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    block: list[str] = []
    for raw in [*raw_lines, ""]:
        if raw.strip():
            block.append(raw)
            continue
        if block and not _FURNITURE_PARAGRAPH.search(" ".join(block)):
            for piece in [piece for raw_line in block for piece in read_also_pieces(raw_line)]:
                line = strip_markdown(piece)
                if not piece:
                    out.append("")  # a headline run into the text goes apart
                elif line and not _FURNITURE_LINE.match(line) and not _FURNITURE_LINE.match(piece.strip()):
                    out.append(line)
        block = []
        out.append("")
    return out


#: "Lire aussi :", "A lire aussi sur BBC Afrique :" inside a line: links to other articles whose
#: headlines the page ran into the text ("… la ligue. Lire aussi : A signe à B En Premier League, …").
_READ_ALSO = re.compile(r"(?<=\S)\s+(?i:[aà]\s+)?(?i:lire\s+aussi)(?:\s+(?i:sur)\s+[A-ZÀ-Ý][\w\-]*(?:\s+[A-ZÀ-Ý][\w\-]*)?"
                        r"|\s+(?i:sur)(?:\s+[\w\-’']+){1,4}(?=\s*:))?\s*:?\s*")
#: Where prose starts again after headlines: a capitalised word that opens sentences and no name
#: (an article only before a lower-case word: "La Belgique" may be a headline's subject).
_PROSE_START = re.compile(
    r"(?<=[\w)\"”»'’?!])\s+(?=(?:(?:En|Au|Aux|Dans|Pour|Selon|Depuis|Après|Avant|Lorsque|Quand|Alors|Mais|Il|Elle|Ils|Elles|"
    r"On|Nous|Cette|Ce|Ces|Cet|Son|Sa|Ses|Leur|Leurs|Pendant|Malgré|Parmi|Comme|Si|Outre|Ainsi|Cependant|Toutefois)\s"
    r"|(?:Le|La|Les|Un|Une|Des|Du|De)\s+[a-zà-ÿ]|L['’][a-zà-ÿ]))")
_SENTENCE_END = re.compile(r"[.!?…][\"”»]?\s+(?=[«\"“A-ZÀ-Ý0-9])|[.!?…][\"”»]?\s*$")


def read_also_pieces(line: str) -> list[str]:
    """The line's prose with each inline "Lire aussi" headline set apart as its own paragraph
    ('' between pieces) and the link words dropped; a line without one comes back alone."""
    pieces: list[str] = []
    while (marker := _READ_ALSO.search(line)) is not None:
        rest = line[marker.end():]
        end = _SENTENCE_END.search(rest)
        end = end.start() if end else len(rest)
        starts = [m.end() for m in _PROSE_START.finditer(rest, 0, end)]
        if not starts and end < len(rest):  # prose right after the link words: only they go
            pieces += [line[:marker.start()]]
            line = rest
            continue
        prose = starts[-1] if starts else len(rest)
        bounds = [0, *starts]
        headlines = [rest[a:b].strip() for a, b in zip(bounds, [*starts, len(rest)][:len(bounds)]) if a < prose]
        pieces += [line[:marker.start()], "", *[h for head in headlines for h in (head, "")]]
        line = rest[prose:]
    return [*pieces, line] if line.strip() or not pieces else pieces
