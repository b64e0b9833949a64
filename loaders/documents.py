"""Press articles (French and English) → facts with their evidence, one named graph per article.

Pipeline: read and clean the file, split its articles (:mod:`.text`); run spaCy in batches
(:mod:`.nlp`); find and link mentions (:mod:`.mentions`, :mod:`.detect`) with a gazetteer of
what the store already knows; read relations (:mod:`.relations`); write them through the
:class:`~innograph.graph.facts.FactWriter`.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections import deque
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from innograph.errors import InputError
from innograph.graph.facts import Evidence, FactWriter
from innograph.graph.iri import mint, organization_iri, source_iri
from innograph.graph.sources import SourcePayload
from innograph.loaders.detect import detect
from innograph.loaders.mentions import ArticleEntities, Entity, Gazetteer
from innograph.loaders.relations import Extractor, Sentence
from innograph.loaders.relmodel import propose
from innograph.loaders.text import TEXT_SUFFIXES, Article, read_articles, split_sentences
from innograph.ontology.ns import IG, SDO


_GAZETTEER_QUERY = """
SELECT ?e ?type ?label ?name WHERE {
  VALUES ?type { org:Organization foaf:Person schema:Place ig:Project schema:Event }
  ?e a ?type ; rdfs:label ?label .
  { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
}
"""
_KINDS = {"Organization": "organization", "Person": "person", "Place": "place", "Project": "project", "Event": "event"}


def build_gazetteer(kg) -> Gazetteer:
    """The names of everything the store knows, so documents link to existing nodes."""
    from innograph.ontology import PREFIXES

    gazetteer = Gazetteer()
    kinds: dict[str, str | None] = {}
    for row in kg.store.query(
        "SELECT ?e ?k WHERE { VALUES ?k { ig:Company ig:Hospital ig:University ig:ResearchCentre ig:TrainingCentre "
        "ig:PublicAuthority ig:ChamberOfCommerce ig:MediaOutlet ig:Cluster } ?e a ?k }",
        prefixes=PREFIXES, use_default_graph_as_union=True,
    ):
        kinds[row["e"].value] = row["k"].value.rsplit("#", 1)[-1]
    for row in kg.store.query(_GAZETTEER_QUERY, prefixes=PREFIXES, use_default_graph_as_union=True):
        iri = row["e"].value
        kind = _KINDS[row["type"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]]
        gazetteer.add(row["name"].value, kind, row["label"].value, kinds.get(iri), iri)
    return gazetteer


class DocumentsLoader:
    name = "documents"
    uses_gazetteer = True
    description = "press articles in French or English: .txt .md .html (several articles per file allowed)"

    def accepts(self, path: Path) -> bool:
        return path.suffix.lower() in TEXT_SUFFIXES

    def read(self, path: Path, *, origin: str, options: dict) -> list[SourcePayload]:
        [outcome] = self.read_many([(path, origin)], options=options)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def read_many(self, items: list[tuple[Path, str]], *, options: dict):
        """Payloads for each (path, origin), or the InputError that file raised, yielded file by
        file as soon as its articles are analysed. spaCy parses the articles of every file as one
        batch, ahead of the relations: in worker processes when there is enough text, which
        start on the first files while this process reads the next."""
        read: list = []  # per file, as it is read: (articles, digest) or its InputError

        def articles():
            for path, _ in items:
                try:
                    outcome = self._articles(path, options)
                except InputError as error:
                    read.append(error)
                    continue
                read.append(outcome)
                yield from outcome[0]

        gazetteer = options.get("gazetteer") or Gazetteer()
        results = analyse_iter(articles(), gazetteer=gazetteer)
        ahead: deque = deque()  # results taken to get a file read, not yet used
        for n, (_, origin) in enumerate(items):
            while len(read) <= n:  # the file is not read yet: the analysis reads on
                result = next(results, None)
                if result is None:  # no article left: every file is read
                    break
                ahead.append(result)
            outcome = read[n]
            if isinstance(outcome, BaseException):
                yield outcome
                continue
            arts, digest = outcome
            found = [ahead.popleft() if ahead else next(results) for _ in arts]
            yield self._payloads(arts, found, origin, digest)

    def _articles(self, path: Path, options: dict):
        if str(path) == "-":
            import sys

            data = sys.stdin.buffer.read()
            from innograph.loaders.text import decode

            articles = read_articles(Path(options.get("name") or "stdin.txt"), text=decode(data, path="-"))
            digest = hashlib.sha256(data).hexdigest()
        else:
            max_bytes = int(options.get("max_size") or 0) or None
            articles = read_articles(path, **({"max_bytes": max_bytes} if max_bytes else {}))
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return articles, digest

    def _payloads(self, articles, results, origin: str, digest: str) -> list[SourcePayload]:
        payloads = []
        for article, (ents, relations) in zip(articles, results):
            iri = source_iri(f"{origin}#article-{article.index + 1}") if len(articles) > 1 else source_iri(origin)
            writer = FactWriter(iri)
            write_article(writer, article, ents, relations)
            description = _description(writer, article)
            label = article.headline or Path(origin).name
            payloads.append(SourcePayload(
                iri=iri, label=label, loader=self.name, types=(str(SDO.NewsArticle),),
                triples=writer.triples, content_hash=digest, description=description,
                problems=[InputError(f"{size:,} characters without a sentence end were not read as prose",
                                     path=Path(origin).name, value=start) for size, start in article.skipped],
            ))
        return payloads


#: Below this many characters of text, worker processes cost more than they save.
PARALLEL_CHARS = 200_000


def analyse(articles: list[Article], *, gazetteer: Gazetteer | None = None, n_process: int | None = None):
    """Mentions and relations of each article (see :func:`analyse_iter`), as a list."""
    return list(analyse_iter(articles, gazetteer=gazetteer, n_process=n_process))


def analyse_iter(articles: Iterable[Article], *, gazetteer: Gazetteer | None = None,
                 n_process: int | None = None):
    """(entities, relations) of each article, in order, each as soon as its parse is there.

    `articles` may be a generator reading files. It is read ahead until there is enough text for
    worker processes: then spaCy parses in them (both cores) from the first articles on, while
    this process reads the next ones, then the relations of the articles already parsed.
    Articles are read one after the other: each one's names join the gazetteer the next ones are
    linked with.
    """
    from innograph.loaders.nlp import parse

    gazetteer = gazetteer or Gazetteer()
    articles = iter(articles)
    head: list = []
    chars = 0
    for article in articles:
        head.append((article, article.pieces()))
        chars += sum(len(piece) for _, piece in head[-1][1])
        if chars > PARALLEL_CHARS:
            break
    processes = n_process or (min(2, os.cpu_count() or 1) if chars > PARALLEL_CHARS else 1)
    order: list = []  # (article, offsets of its pieces), as its pieces go to the parser

    def jobs():
        for article, pieces in itertools.chain(head, ((a, a.pieces()) for a in articles)):
            order.append((article, [offset for offset, _ in pieces]))
            for _, piece in pieces:
                yield article.language, piece

    docs = parse(jobs(), processes=processes)
    first = next(docs, None)  # parse takes every job before its first doc: `order` is complete
    docs = itertools.chain([] if first is None else [first], docs)
    for article, offsets in order:
        yield _analyse_one(article, [(offset, next(docs)) for offset in offsets], gazetteer)


def _analyse_one(article: Article, docs: list, gazetteer: Gazetteer):
    ents = detect(ArticleEntities(article.text, gazetteer), docs)
    sentences = _sentences(article.text, docs)
    relations = Extractor(ents, sentences, today=article.date, docs=docs).run()
    relations = propose(ents, docs, sentences, relations, lang=article.language)  # the trained model (relmodel)
    for entity in in_use(ents, relations):  # later articles of the load know these names
        for name in entity.names():
            gazetteer.add(name, entity.kind, entity.label, entity.org_kind, entity.iri)
    return ents, relations


def _sentences(text: str, docs) -> list[Sentence]:
    out = []
    for offset, doc in docs:
        subjects = [offset + t.idx for t in doc if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and t.head.dep_ == "ROOT"]
        for a, b in split_sentences(doc.text):
            start, end = offset + a, offset + b
            subject = next((p for p in subjects if start <= p < end), None)
            out.append(Sentence(start, end, text[start:end], subject))
    return out


def in_use(ents: ArticleEntities, relations) -> list[Entity]:
    """The article's entities a mention names or a relation links. Readers that try a name as
    another kind ("Deauville" as an organization, to see whether a seat follows) leave the entity
    they tried behind when nothing follows; it is no name of the article and no fact: it is neither
    written nor taught to the gazetteer (where it would type the town an organization in the next
    articles)."""
    used = {id(m.entity) for m in ents.mentions}
    for r in relations:
        used.add(id(r.subject))
        if r.object is not None:
            used.add(id(r.object))
    return [e for e in ents.entities if id(e) in used]


def entity_iri(entity: Entity) -> str:
    if entity.iri:
        return entity.iri
    if entity.kind == "organization":
        return organization_iri(name=entity.label)
    return mint(entity.kind, entity.label)


def write_article(writer: FactWriter, article: Article, ents: ArticleEntities, relations) -> None:
    nodes: dict[int, ox.NamedNode] = {}

    def node(entity: Entity) -> ox.NamedNode:
        if id(entity) not in nodes:
            aliases = sorted(entity.aliases)
            iri = entity_iri(entity)
            if entity.kind == "organization":
                nodes[id(entity)] = writer.organization(entity.label, kind=entity.org_kind, iri=iri, aliases=aliases,
                                                       classification=sorted(entity.classification))
            elif entity.kind == "person":
                nodes[id(entity)] = writer.person(entity.label, iri=iri, aliases=aliases)
            elif entity.kind == "project":
                nodes[id(entity)] = writer.project(entity.label, iri=iri, aliases=aliases)
            elif entity.kind == "event":
                nodes[id(entity)] = writer.event(entity.label, iri=iri, aliases=aliases,
                                                 start=getattr(entity, "start", None), end=getattr(entity, "end", None))
            else:
                nodes[id(entity)] = writer.place(entity.label, iri=iri, aliases=aliases)
        return nodes[id(entity)]

    article_node = writer.source
    for entity in in_use(ents, relations):
        writer.mentions(article_node, node(entity))
    for r in relations:
        ev = Evidence(r.evidence, r.start, r.end)
        s, o = node(r.subject), node(r.object) if r.object is not None else None
        if r.kind == "holds_post":
            writer.post(s, o, title=r.attrs.get("title"), current=r.attrs.get("current", True), evidence=ev)
        elif r.kind == "member_of":
            writer.membership(s, o, since=r.attrs.get("date"), evidence=ev)
        elif r.kind == "funds":
            writer.grant(s, o, amount=r.attrs.get("amount"), currency=r.attrs.get("currency", "EUR"), evidence=ev)
        elif r.kind == "supports":
            writer.support(s, o, evidence=ev)
        elif r.kind == "partner_of":
            writer.agreement([s, o], date=r.attrs.get("date"), label=r.attrs.get("label"), evidence=ev)
        elif r.kind == "organizes":
            writer.organizes(o, s, evidence=ev)
        elif r.kind == "event_location":
            writer.located_in(s, o, evidence=ev)
        elif r.kind == "located_in":
            writer.located_in(s, o, evidence=ev)
            writer.mentions(article_node, o)
        elif r.kind == "attends":
            writer.attends(o, s, evidence=ev)
        elif r.kind == "created_by":
            writer.founded(s, o, evidence=ev)
        elif r.kind == "quoted":
            writer.quotation(s, r.attrs["text"], article=article_node, evidence=ev)
    if article.author:
        person = writer.person(article.author, iri=mint("person", article.author))
        writer.author(article_node, person)


def _description(writer: FactWriter, article: Article) -> list:
    out = []
    if article.headline:
        out.append((ox.NamedNode(str(SDO.headline)), ox.Literal(article.headline)))
    if article.date:
        out.append((ox.NamedNode(str(SDO.datePublished)),
                    ox.Literal(article.date.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))))
    out.append((ox.NamedNode(str(SDO.inLanguage)), ox.Literal(article.language)))
    if article.publisher:
        publisher = writer.organization(article.publisher, kind="MediaOutlet")
        out.append((ox.NamedNode(str(SDO.publisher)), publisher))
    out.append((ox.NamedNode(str(IG.kind)), ox.Literal("press article")))
    return out
