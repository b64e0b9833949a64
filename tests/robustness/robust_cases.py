"""Hostile and odd input files, generated from the shared fixtures (issue 13's probe, kept).

Every case is a file name and a function that writes the file's bytes; mutations are seeded, so a
case is the same on every run. Families: RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD,
RDF/XML, gzip), tables (CSV, JSON, JSON Lines, YAML, .xlsx) and documents (.txt, .md, .html).
"""

from __future__ import annotations

import gzip
import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"
SHARED = TESTS.parents[1] / "shared" / "data"
REPO = TESTS.parent


@dataclass(frozen=True)
class Case:
    """One hostile file: `name` (its extension says how it is read) and how to write it."""

    id: str
    name: str
    build: Callable[[], bytes]
    #: The error, if any, must name a line (a syntax error in a line-based text format).
    expect_line: bool = False
    #: Load this file's valid version first, then replace it with the hostile one.
    replace: bytes | None = None
    slow: bool = False


# -- bases ---------------------------------------------------------------------------------------

def _rdf_bases() -> dict[str, bytes]:
    bases: dict[str, bytes] = {}
    for stem, path in (("small", DATA / "small.ttl"), ("post", DATA / "post-without-holder.ttl"),
                       ("seeds", REPO / "innograph" / "examples" / "seeds-handmade.ttl")):
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
        formats = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
                   "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdf": ox.RdfFormat.RDF_XML}
        if stem == "seeds":
            formats = {k: formats[k] for k in ("ttl", "nt")}
        for ext, fmt in formats.items():
            if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD):
                data = store.dump(format=fmt)
            else:
                data = store.dump(format=fmt, from_graph=ox.DefaultGraph())
            bases[f"{stem}.{ext}"] = data
    return bases


def _head(path: Path, lines: int) -> bytes:
    with open(path, "rb") as stream:
        return b"".join(stream.readline() for _ in range(lines))


def _xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table_bases() -> dict[str, bytes]:
    tables = DATA / "tables"
    bases = {name: (tables / name).read_bytes() for name in
             ("adherents-cp1252.csv", "sirene-stock.csv", "ten-percent-bad.csv", "cordis-organizations.json")}
    records = json.loads((tables / "cordis-organizations.json").read_text(encoding="utf-8"))
    records = records if isinstance(records, list) else next(v for v in records.values() if isinstance(v, list))
    bases["organizations.jsonl"] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    import yaml

    bases["organizations.yaml"] = yaml.safe_dump(records, allow_unicode=True).encode()
    bases["members.xlsx"] = _xlsx([["Nom", "Ville", "SIREN"], ["Robotik SAS", "Rouen", "123456789"],
                                   ["CHU de Nantes", "Nantes", ""], ["Atelier Durand", "Lyon", "987654321"]])
    shared = SHARED / "sirene-large-employers" / "sirene_5000FR.csv"
    if shared.exists():
        bases["sirene-head.csv"] = _head(shared, 30)
    return bases


def _document_bases() -> dict[str, bytes]:
    docs = DATA / "documents"
    return {name: (docs / name).read_bytes() for name in
            ("fr_hopital_pole_sante.txt", "en_trade_fair.md", "en_partnership.html", "fr_revue_de_presse_cp1252.txt")}


# -- mutations -----------------------------------------------------------------------------------

def _flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]


def _insert(data: bytes, piece: bytes, rng: random.Random, *, at_line: bool = False) -> bytes:
    i = rng.randrange(len(data) + 1) if data else 0
    if at_line:
        i = data.find(b"\n", i) + 1 or len(data)
    return data[:i] + piece + data[i:]


def _recode(data: bytes, codec: str) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode(codec, errors="replace")


def mutations(seed: int) -> dict[str, Callable[[bytes], bytes]]:
    """Byte-level mutations of any file (seeded)."""
    def rng(n: int) -> random.Random:
        return random.Random(seed * 1000 + n)

    return {
        "trunc25": lambda d: d[: len(d) // 4],
        "trunc50": lambda d: d[: len(d) // 2],
        "trunc90": lambda d: d[: len(d) * 9 // 10],
        "flip1": lambda d: _flip(d, rng(1)),
        "flip2": lambda d: _flip(d, rng(2)),
        "flip3": lambda d: _flip(_flip(_flip(d, rng(3)), rng(4)), rng(5)),
        "flip4": lambda d: _flip(d, rng(6)),
        "nul1": lambda d: _insert(d, b"\x00", rng(7)),
        "nul2": lambda d: _insert(d, b"\x00" * 64, rng(8)),
        "latin1": lambda d: _recode(d, "latin-1"),
        "utf16": lambda d: _recode(d, "utf-16"),
        "utf16be": lambda d: _recode(d, "utf-16-be"),
        "bom": lambda d: b"\xef\xbb\xbf" + d,
        "hugeline": lambda d: _insert(d, b"x" * (1 << 20) + b"\n", rng(9), at_line=True),
        "crlf": lambda d: d.replace(b"\n", b"\r\n"),
        "cr": lambda d: d.replace(b"\n", b"\r"),
        "empty": lambda d: b"",
        "blank": lambda d: b" \n\t\n",
        "twice": lambda d: d + b"\n" + d,
    }


#: Mutations tried on documents (each one runs the language pipeline: fewer of them).
DOCUMENT_MUTATIONS = ("trunc50", "trunc90", "flip1", "flip3", "nul1", "nul2", "latin1", "utf16", "bom",
                      "hugeline", "cr", "empty")


# -- special cases -------------------------------------------------------------------------------

_RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:a="http://example.org/"'


def _laughs(levels: int) -> bytes:
    ents = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, levels)]
    return (f'<?xml version="1.0"?><!DOCTYPE r [{"".join(ents)}]><rdf:RDF {_RDF}>'
            f'<rdf:Description rdf:about="http://example.org/s"><a:p>&l{levels - 1};</a:p></rdf:Description></rdf:RDF>').encode()


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)


def _gzip_bomb(unit: bytes, megabytes: int) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as stream:
        block = unit * ((1 << 20) // len(unit))
        for _ in range(megabytes):
            stream.write(block)
    return out.getvalue()


def _xlsx_with(part: str, content: bytes | None, base: bytes) -> bytes:
    """`base` workbook with one part replaced (or removed when `content` is None)."""
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == part:
                if content is not None:
                    target.writestr(info.filename, content)
            else:
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


def _xlsx_zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", b"<Types/>")
        with target.open("xl/worksheets/sheet1.xml", "w") as stream:
            block = b" " * (1 << 20)
            for _ in range(300):
                stream.write(block)
    return out.getvalue()


def _sheet_xml(body: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0"?>{doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{body}</sheetData></worksheet>').encode()


def special_cases(xlsx_base: bytes) -> list[Case]:
    return _rdf_specials() + _table_specials(xlsx_base) + _document_specials()


def _rdf_specials() -> list[Case]:
    nt_iri = lambda: b"<http://example.org/" + b"x" * (20 << 20) + b"> <http://example.org/p> \"v\" .\n"  # noqa: E731
    nt_literal = lambda: b"<http://example.org/s> <http://example.org/p> \"" + b"x" * (20 << 20) + b"\" .\n"  # noqa: E731
    prefix = b"@prefix : <http://example.org/> .\n"
    return [
        # RDF syntax
        Case("ttl-unclosed-iri", "broken1.ttl", lambda: prefix + b":a :b <http://example.org/c .\n:d :e :f .\n", True),
        Case("ttl-no-dot", "broken2.ttl", lambda: prefix + b":a :b :c\n:d :e :f .\n", True),
        Case("ttl-bad-prefix", "broken3.ttl", lambda: b":a :b :c .\n", True),
        Case("ttl-bad-literal", "broken4.ttl", lambda: prefix + b':a :b "unterminated .\n', True),
        Case("ttl-deep-blank-nodes", "deep.ttl", lambda: prefix + b":s :p " + b"[ :p " * 100_000 + b"]" * 100_000 + b" .\n"),
        Case("ttl-deep-list", "deeplist.ttl", lambda: prefix + b":s :p " + b"( " * 50_000 + b")" * 50_000 + b" .\n"),
        Case("nt-missing-dot", "broken.nt", lambda: b"<http://example.org/a> <http://example.org/b> <http://example.org/c>\n", True),
        Case("nt-relative-iri", "relative.nt", lambda: b"<a> <b> <c> .\n", True),
        Case("nt-20mb-iri", "huge-iri.nt", nt_iri, slow=True),
        Case("nt-20mb-literal", "huge-literal.nt", nt_literal, slow=True),
        Case("nq-bad-graph", "broken.nq", lambda: b"<http://e.org/a> <http://e.org/b> <http://e.org/c> \"g\" .\n", True),
        Case("trig-unclosed-graph", "broken.trig", lambda: prefix + b":g { :a :b :c .\n", True),
        Case("jsonld-syntax", "broken.jsonld", lambda: b'{"@id": "http://example.org/a", "http://example.org/p": [1, 2'),
        Case("jsonld-deep", "deep.jsonld", lambda: b'{"@id":"http://e.org/s","http://e.org/p":' + b'{"http://e.org/p":' * 100_000 + b'"x"' + b"}" * 100_001),
        Case("jsonld-remote-context", "remote.jsonld", lambda: b'{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "http://e.org/s", "p": "x"}'),
        Case("jsonld-not-json", "binary.jsonld", lambda: bytes(range(256)) * 4),
        Case("rdfxml-billion-laughs", "laughs.rdf", lambda: _laughs(9)),
        Case("rdfxml-xxe", "xxe.rdf", lambda: (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                              f'<rdf:RDF {_RDF}><rdf:Description rdf:about="http://e.org/s"><a:p>&x;</a:p>'
                                              f'</rdf:Description></rdf:RDF>').encode()),
        Case("rdfxml-deep", "deep.rdf", lambda: (f'<?xml version="1.0"?><rdf:RDF {_RDF}><rdf:Description rdf:about="http://e.org/s">'
                                               ).encode() + b'<a:p rdf:parseType="Resource">' * 40_000 + b"</a:p>" * 40_000
             + b"</rdf:Description></rdf:RDF>"),
        Case("rdfxml-unclosed", "unclosed.rdf", lambda: f'<rdf:RDF {_RDF}><rdf:Description rdf:about="http://e.org/s">'.encode()),
        Case("gz-valid", "valid.ttl.gz", lambda: _gzip(prefix + b":a :b :c .\n")),
        Case("gz-truncated", "truncated.ttl.gz", lambda: _gzip(prefix + b":a :b :c .\n" * 1000)[:200]),
        Case("gz-not-gzip", "notgzip.nt.gz", lambda: b"<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n"),
        Case("gz-bomb-zeros", "bomb0.nt.gz", lambda: _gzip_bomb(b"\x00", 300), slow=True),
        Case("gz-bomb-newlines", "bomb.nt.gz", lambda: _gzip_bomb(b"\n", 400), slow=True),
    ]


def _table_specials(xlsx_base: bytes) -> list[Case]:
    return [
        Case("csv-10k-columns", "wide.csv", lambda: (";".join(f"col{i}" for i in range(10_000)) + "\n"
                                                    + ";".join("x" for _ in range(10_000)) + "\n").encode()),
        Case("csv-10k-columns-named", "wide-named.csv", lambda: ("Nom;" + ";".join(f"c{i}" for i in range(10_000)) + "\n"
                                                                + "Robotik;" + ";".join("1" for _ in range(10_000)) + "\n").encode()),
        Case("csv-extra-fields", "extra.csv", lambda: b"Nom;Ville\nRobotik;Rouen;x;y\n"),
        Case("csv-unclosed-quote", "quote.csv", lambda: b'Nom;Ville\n"Robotik;Rouen\nCHU;Nantes\n'),
        Case("csv-bad-utf8-late", "late.csv", lambda: "Nom;Ville\nSociété;Rouen\n".encode() * 2000 + b"Caf\xe9;Lyon\n"),
        Case("json-10k-keys", "wide.json", lambda: json.dumps([{f"k{i}": i for i in range(10_000)} | {"name": "Robotik"}]).encode()),
        Case("json-deep-list", "deep.json", lambda: b"[" * 100_000 + b"]" * 100_000),
        Case("json-deep-object", "deepobj.json", lambda: b'[{"name": "x", "a": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001 + b"]"),
        Case("json-moderately-deep", "deep200.json", lambda: b'[{"name": "x", "a": ' + b'{"a": ' * 200 + b"1" + b"}" * 201 + b"]"),
        Case("json-syntax", "syntax.json", lambda: b'[{"name": "Robotik", "city": "Rouen"},\n {"name": }]', True),
        Case("json-latin1", "latin1.json", lambda: '[{"name": "Société Générale", "ville": "Sète"}]'.encode("latin-1")),
        Case("json-bad-utf8-byte", "badbyte.json", lambda: '[{"name": "Société"},\n{"name": "Sète"}]'.encode().replace(b"S\xc3\xa8", b"S\xff\xa8"), True),
        Case("jsonl-bad-line", "bad.jsonl", lambda: b'{"name": "Robotik"}\n{"name": \n{"name": "CHU"}\n', True),
        Case("jsonl-deep-line", "deep.jsonl", lambda: b'{"name": "a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
        Case("jsonl-latin1", "latin1.jsonl", lambda: '{"name": "Société Générale"}\n{"name": "Sète"}\n'.encode("latin-1")),
        Case("jsonl-bad-utf8", "badbyte.jsonl", lambda: '{"name": "Société"}\n{"name": "S\udcffte"}\n'.encode("utf-8", "surrogateescape"), True),
        Case("yaml-billion-laughs", "laughs.yaml", lambda: ("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
            + "- name: x\n").encode()),
        Case("yaml-aliases-small", "aliases.yaml", lambda: b"- &org {name: Robotik, city: Rouen}\n- *org\n"),
        Case("yaml-deep", "deep.yaml", lambda: b"- name: x\n  a: " + b"[" * 50_000 + b"]" * 50_000 + b"\n"),
        Case("yaml-deep-block", "deepblock.yaml", lambda: ("- name: x\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(300))).encode()),
        Case("yaml-python-tag", "tag.yaml", lambda: b"- name: !!python/object/apply:os.system ['echo pwned']\n"),
        Case("yaml-syntax", "syntax.yaml", lambda: b"- name: Robotik\n  city: [Rouen\n- name: CHU\n", True),
        Case("xlsx-xxe", "xxe.xlsx", lambda: _xlsx_with("xl/worksheets/sheet1.xml", _sheet_xml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
            '<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), xlsx_base)),
        Case("xlsx-laughs", "laughs.xlsx", lambda: _xlsx_with("xl/worksheets/sheet1.xml", _sheet_xml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&l8;</t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>',
            _laughs(9).split(b"<rdf:RDF")[0].split(b"?>", 1)[1].decode()), xlsx_base)),
        Case("xlsx-missing-sheet", "nosheet.xlsx", lambda: _xlsx_with("xl/worksheets/sheet1.xml", None, xlsx_base)),
        Case("xlsx-missing-workbook", "nobook.xlsx", lambda: _xlsx_with("xl/workbook.xml", None, xlsx_base)),
        Case("xlsx-not-zip", "notzip.xlsx", lambda: b"Nom;Ville\nRobotik;Rouen\n"),
        Case("xlsx-zip-bomb", "zipbomb.xlsx", _xlsx_zip_bomb, slow=True),
        Case("xlsx-truncated", "truncated.xlsx", lambda: xlsx_base[: len(xlsx_base) // 2]),
    ]


def _document_specials() -> list[Case]:
    return [
        Case("doc-200k-word", "word.txt", lambda: ("Le pôle a signé un accord avec la région.\n\n" + "a" * 200_000 + "\n").encode()),
        Case("doc-700k-sentence", "sentence.txt", lambda: ("Le pôle grandit.\n\n" + " ".join(
            ["le laboratoire de Rouen travaille avec la Société Martin sur un projet"] * 10_000) + ".\n").encode()),
        Case("doc-5mib-line", "hugeline.md", lambda: b"# Titre\n\n" + b"x" * (5 << 20) + b"\n", slow=True),
        Case("doc-5mib-words", "hugewords.txt", lambda: b"Titre du jour\n\n" + b"Ab-Ab " * ((5 << 20) // 6) + b"\n", slow=True),
        Case("doc-md-table-100k", "table.md", lambda: ("# Membres\n\n| Nom | Ville | Année |\n|---|---|---|\n" + "".join(
            f"| Société {i} | Rouen | 2019 |\n" for i in range(100_000))).encode(), slow=True),
        Case("doc-md-unclosed", "unclosed.md", lambda: b"# Titre\n\n" + b"[a **b *c " * 60_000 + b"\n"),
        Case("doc-html-loose-lt", "loose.html", lambda: b"<html><body><p>Le p\xc3\xb4le.</p>" + b"<a" * 100_000 + b"</body></html>"),
        Case("doc-html-end-tags", "endtags.html", lambda: b"<html><body>" + b"</" * 100_000),
        Case("doc-html-deep", "deep.html", lambda: b"<html><body>" + b"<div>" * 100_000 + b"Le p\xc3\xb4le." + b"</div>" * 100_000),
        Case("doc-html-comment", "comment.html", lambda: b"<html><body><p>Texte.</p><!--" + b"x" * 1_000_000),
        Case("doc-binary", "binary.txt", lambda: bytes(range(256)) * 100),
        Case("doc-furniture-only", "furniture.md", lambda: "Partager\n\nImprimer\n\n© Tous droits réservés\n".encode()),
    ]


# -- the catalogue -------------------------------------------------------------------------------

def all_cases() -> list[Case]:
    cases: list[Case] = []
    seed = 13
    rdf, tables, docs = _rdf_bases(), _table_bases(), _document_bases()
    for family, bases, chosen in (("rdf", rdf, None), ("table", tables, None), ("doc", docs, DOCUMENT_MUTATIONS)):
        for name, data in bases.items():
            seed += 1
            for mutation, fn in mutations(seed).items():
                if chosen is not None and mutation not in chosen:
                    continue
                stem, _, ext = name.partition(".")
                cases.append(Case(f"{family}-{name}-{mutation}", f"{stem}-{mutation}.{ext}",
                                  (lambda fn=fn, data=data: fn(data))))
    cases += special_cases(tables["members.xlsx"])
    # Replacements: a loaded source replaced by a hostile version of itself.
    rng = random.Random(1313)
    replaceable = [*rdf.items(), *tables.items(), *list(docs.items())[:2]]
    for name, data in replaceable:
        picks = rng.sample(sorted(set(mutations(0)) - {"hugeline"}), 3 if name.split(".")[-1] in ("ttl", "csv", "json") else 2)
        for mutation in picks:
            fn = mutations(seed)[mutation]
            stem, _, ext = name.partition(".")
            cases.append(Case(f"replace-{name}-{mutation}", f"{stem}.{ext}", (lambda fn=fn, data=data: fn(data)),
                              replace=data))
    return cases
