"""Generator of a realistic, skewed innovation network as N-Triples (the terms of
``shared/docs/ontology.md``), for the benchmarks (bench/load.py, bench/push.py) and tests.

Phases, in order, each a function of the shared state ``_Network``: places (regions as hubs,
communes), classification concepts, organizations (bench/netgen_orgs.py), people and their
posts, cluster memberships, projects and participations, grants, and last the news articles
every fact is derived from, whose ``schema:mentions`` top the file up to the target. The
vocabulary and word lists are in bench/netgen_vocab.py. The RNG draw order is the output:
same arguments and seed, same bytes.

    >>> import tempfile, pathlib
    >>> from netgen import generate          # doctest: +SKIP
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> generate(p, triples=5000, seed=1)    # doctest: +SKIP
    5000
"""

from __future__ import annotations

import datetime as _dt
import math
import random
import re
import unicodedata

from netgen_orgs import organizations
from netgen_vocab import (CITIES, COMMUNE_BASES, COMMUNE_LINKS, FIRST_F, FIRST_M, HEADLINES, ID,
                          JOB_TITLES, PROJECT_QUALIFIERS, PROJECT_TOPICS, REGIONS, RIVERS,
                          ROLES_FR, ROLES_MEMBER, SURNAMES, SYLLABLES, vocab)

# counts at 1M triples (before the article phase fills the exact target)
_BASE = {"orgs": 28_000, "people": 22_000, "projects": 7_000, "memberships": 8_000,
         "grants": 6_000, "articles": 15_000, "communes": 1_400}
_PER_UNIT = 1_000_000


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "x"


class _Emitter:
    """Collects pyoxigraph Triples and serializes them to N-Triples in chunks."""

    def __init__(self, ox, fh, chunk: int = 100_000):
        self._ox, self._fh, self._chunk = ox, fh, chunk
        self._Triple = ox.Triple
        self._fmt = ox.RdfFormat.N_TRIPLES
        self._buf: list = []
        self._written = 0

    def __call__(self, s, p, o) -> None:
        buf = self._buf
        buf.append(self._Triple(s, p, o))
        if len(buf) >= self._chunk:
            self.flush()

    def flush(self) -> None:
        if self._buf:
            self._ox.serialize(self._buf, self._fh, format=self._fmt)
            self._written += len(self._buf)
            self._buf = []

    @property
    def count(self) -> int:
        return self._written + len(self._buf)


def _plan(triples: int | None, overrides: dict) -> dict:
    if triples is not None:
        scale = triples / _PER_UNIT
    elif overrides.get("orgs"):
        scale = overrides["orgs"] / _BASE["orgs"]
    elif overrides.get("people"):
        scale = overrides["people"] / _BASE["people"]
    elif overrides.get("projects"):
        scale = overrides["projects"] / _BASE["projects"]
    else:
        scale = 1.0
    plan = {k: max(1, round(v * scale)) for k, v in _BASE.items()}
    plan["orgs"] = max(plan["orgs"], 120)
    plan["people"] = max(plan["people"], 10)
    plan["projects"] = max(plan["projects"], 2)
    plan["communes"] = max(0, plan["communes"] - len(CITIES))
    for k, v in overrides.items():
        if v is not None:
            plan[k] = v
    return plan


class _Network:
    """What the phases share: the random source, the writer, the vocabulary, the nodes so far.

    Each phase adds its tables as attributes (``city_labels``, ``org_nodes``, ``person_nodes``...)
    for the later phases to draw from.
    """

    def __init__(self, ox, emit: _Emitter, rng: random.Random, plan: dict):
        self.emit, self.rng, self.plan = emit, rng, plan
        self.choices = rng.choices
        self.V = vocab(ox)
        self.NN, self.Lit = ox.NamedNode, ox.Literal
        self.phases: dict[str, int] = {}
        self._slugs: dict[str, int] = {}
        self._mark = 0

    def iri(self, kind: str, label: str):
        """A readable IRI from the label, numbered from the second use of the same slug."""
        base = _slug(label)
        n = self._slugs.get(kind + "/" + base, 0) + 1
        self._slugs[kind + "/" + base] = n
        return self.NN(f"{ID}{kind}/{base}" if n == 1 else f"{ID}{kind}/{base}-{n}")

    def rand_date(self, y0: int, y1: int) -> str:
        a, b = _dt.date(y0, 1, 1).toordinal(), _dt.date(y1, 12, 31).toordinal()
        # skewed towards recent dates, like news coverage
        return _dt.date.fromordinal(b - int((b - a) * self.rng.random() ** 1.6)).isoformat()

    def phase(self, name: str) -> None:
        """Record how many triples the phase that just ended wrote."""
        self.phases[name] = self.emit.count - self._mark
        self._mark = self.emit.count

    def pick_city(self) -> int:
        return self.choices(range(self.n_cities), cum_weights=self.city_cum)[0]

    def pick_org(self) -> int:
        return self.choices(range(self.n_org_total), cum_weights=self.org_cum)[0]

    def source(self, subject_label: str):
        """A random article for a fact; the first fact drawn for it gives it a headline topic."""
        a = self.rng.randrange(self.n_articles)
        if self.article_topic[a] is None:
            self.article_topic[a] = subject_label
        return self.article_nodes[a]

    @staticmethod
    def zipf_cum(n: int, s: float) -> list[float]:
        acc, out = 0.0, []
        for r in range(1, n + 1):
            acc += 1.0 / r ** s
            out.append(acc)
        return out

    @staticmethod
    def cum(weights) -> list[float]:
        acc, out = 0.0, []
        for w in weights:
            acc += w
            out.append(acc)
        return out


def generate(path, *, triples: int | None = 1_000_000, seed: int = 0, orgs: int | None = None,
             people: int | None = None, projects: int | None = None,
             memberships: int | None = None, grants: int | None = None,
             articles: int | None = None, stats: dict | None = None) -> int:
    """Write a generated innovation network to ``path`` as N-Triples; return the triple count.

    ``triples`` is the target: entity counts scale with it and the last phase (news
    articles and their ``schema:mentions``) tops the file up to exactly that many
    triples. ``orgs``/``people``/... override single counts; with ``triples=None``
    nothing is topped up. Same arguments and seed, same bytes. No triple repeats.
    If ``stats`` is a dict, it receives the plan and per-phase triple counts.
    """
    import pyoxigraph as ox

    rng = random.Random(seed)
    plan = _plan(triples, {"orgs": orgs, "people": people, "projects": projects,
                           "memberships": memberships, "grants": grants, "articles": articles})
    with open(path, "wb") as fh:
        emit = _Emitter(ox, fh)
        net = _Network(ox, emit, rng, plan)
        _places(net)
        net.phase("places")
        _concepts(net)
        net.phase("concepts")
        organizations(net, plan["orgs"])
        net.phase("organizations")
        _article_iris(net)
        _people(net)
        net.phase("people+posts")
        _memberships(net)
        net.phase("memberships")
        _projects(net)
        net.phase("projects+participations")
        _grants(net)
        net.phase("grants")
        _articles(net, triples)
        net.phase("articles")
        emit.flush()

    if stats is not None:
        stats.update(plan=plan, phases=net.phases, organizations=net.n_org_total,
                     people=len(net.person_nodes), posts=net.post_no, projects=len(net.project_nodes),
                     participations=net.part_no, clusters=len(net.cluster_idx),
                     places=len(net.city_nodes) + len(REGIONS))
    return emit.count


def _places(net: _Network) -> None:
    """Regions (hubs) and communes: the big cities first, then invented ones."""
    rng, choices, emit, V, Lit = net.rng, net.choices, net.emit, net.V, net.Lit
    RDF_TYPE, LABEL = V.rdf.type, V.rdfs.label
    region_nodes, region_w = [], []
    for label, w in REGIONS:
        n = net.iri("place", label)
        region_nodes.append(n)
        region_w.append(w)
        emit(n, RDF_TYPE, V.schema.Place)
        emit(n, LABEL, Lit(label))
    city_labels = [c for c, _ in CITIES]
    city_region = [r for _, r in CITIES]
    region_cum = net.cum(region_w)
    seen = set(city_labels)
    for _ in range(net.plan["communes"]):
        for _attempt in range(20):
            label = rng.choice(COMMUNE_BASES) + rng.choice(COMMUNE_LINKS) + rng.choice(RIVERS)
            if label not in seen:
                break
        else:
            label = f"{label} {len(seen)}"
        seen.add(label)
        city_labels.append(label)
        city_region.append(choices(range(len(REGIONS)), cum_weights=region_cum)[0])
    city_nodes = []
    for label, r in zip(city_labels, city_region):
        n = net.iri("place", label)
        city_nodes.append(n)
        emit(n, RDF_TYPE, V.schema.Place)
        emit(n, LABEL, Lit(label))
        emit(n, V.schema.containedInPlace, region_nodes[r])
    net.region_nodes, net.city_labels, net.city_region, net.city_nodes = (
        region_nodes, city_labels, city_region, city_nodes)
    net.city_cum = net.zipf_cum(len(city_nodes), 1.05)
    net.n_cities = len(city_nodes)


def _concepts(net: _Network) -> None:
    """The classification concepts of companies."""
    emit, V, Lit = net.emit, net.V, net.Lit
    for c, fr, en in ((V.ig.SME, "PME", "SME"), (V.ig.StartUp, "Start-up", "Start-up"),
                      (V.ig.LargeBuyer, "Donneur d'ordres", "Large buyer")):
        emit(c, V.rdf.type, V.skos.Concept)
        emit(c, V.skos.prefLabel, Lit(fr, language="fr"))
        emit(c, V.skos.prefLabel, Lit(en, language="en"))


def _article_iris(net: _Network) -> None:
    """Article IRIs now, so facts can cite them; they are described last, to fill the target."""
    net.n_articles = max(1, net.plan["articles"])
    net.article_nodes = [net.NN(f"{ID}article/{i}") for i in range(net.n_articles)]
    net.article_topic = [None] * net.n_articles  # one entity the headline can name


def _people(net: _Network) -> None:
    """People, each with 1-4 posts in organizations (the first one current)."""
    rng, emit, V, NN, Lit = net.rng, net.emit, net.V, net.NN, net.Lit
    RDF_TYPE, LABEL = V.rdf.type, V.rdfs.label
    TRUE, FALSE = Lit("true", datatype=V.xsd.boolean), Lit("false", datatype=V.xsd.boolean)
    org_nodes, org_label, pick_org = net.org_nodes, net.org_label, net.pick_org
    person_nodes: list = []
    person_label: list[str] = []
    post_no = 0
    for _ in range(net.plan["people"]):
        fem = rng.random() < 0.45
        name = f"{rng.choice(FIRST_F if fem else FIRST_M)} {rng.choice(SURNAMES)}"
        p = net.iri("person", name)
        person_nodes.append(p)
        person_label.append(name)
        emit(p, RDF_TYPE, V.foaf.Person)
        emit(p, LABEL, Lit(name))
        emit(p, V.foaf.name, Lit(name))
        r = rng.random()
        n_posts = 1 if r < 0.70 else 2 if r < 0.92 else 3 if r < 0.98 else 4
        employers: list[int] = []
        while len(employers) < n_posts:
            o = pick_org()
            if o not in employers:
                employers.append(o)
        for j, o in enumerate(employers):
            current = j == 0 or (j == 1 and rng.random() < 0.15)
            post_no += 1
            post = NN(f"{ID}post/{post_no}")
            title = rng.choice(JOB_TITLES)[1 if fem else 0]
            emit(post, RDF_TYPE, V.org.Post)
            emit(post, V.org.heldBy, p)
            emit(post, V.org.postIn, org_nodes[o])
            emit(post, V.schema.jobTitle, Lit(title))
            emit(post, V.ig.current, TRUE if current else FALSE)
            emit(post, V.prov.wasDerivedFrom, net.source(name))
            if current:
                ev = f"« {name}, {title.lower()} de {org_label[o]}, a présenté la feuille de route. »"
                emit(p, V.schema.worksFor, org_nodes[o])
            else:
                ev = f"{name}, ancien{'ne' if fem else ''} {title.lower()} de {org_label[o]}, a rejoint une autre structure."
            emit(post, V.ig.evidence, Lit(ev))
    net.person_nodes, net.person_label, net.post_no = person_nodes, person_label, post_no


def _memberships(net: _Network) -> None:
    """Cluster memberships with a time interval (one in ten has ended)."""
    rng, choices, emit, V, NN, Lit = net.rng, net.choices, net.emit, net.V, net.NN, net.Lit
    RDF_TYPE, XSD_DATE = V.rdf.type, V.xsd.date
    org_nodes, org_label, cluster_idx = net.org_nodes, net.org_label, net.cluster_idx
    pairs: set[tuple[int, int]] = set()
    n_cl = len(cluster_idx)
    for m in range(net.plan["memberships"]):
        for _attempt in range(50):
            cl = cluster_idx[choices(range(n_cl), cum_weights=net.cluster_cum)[0]]
            mem = choices(range(net.n_org_total), cum_weights=net.memw_cum)[0]
            if mem != cl and (mem, cl) not in pairs:
                break
        else:
            continue
        pairs.add((mem, cl))
        ms = NN(f"{ID}membership/{m + 1}")
        iv = NN(f"{ID}membership/{m + 1}/interval")
        start = NN(f"{ID}membership/{m + 1}/start")
        role = rng.choice(ROLES_MEMBER)
        emit(ms, RDF_TYPE, V.org.Membership)
        emit(ms, V.org.member, org_nodes[mem])
        emit(ms, V.org.organization, org_nodes[cl])
        emit(ms, V.org.role, Lit(role))
        emit(ms, V.org.memberDuring, iv)
        emit(ms, V.prov.wasDerivedFrom, net.source(org_label[cl]))
        emit(ms, V.ig.evidence, Lit(f"{org_label[mem]} a rejoint le pôle {org_label[cl]} en tant que {ROLES_FR[role]}."))
        emit(iv, RDF_TYPE, V.time.Interval)
        emit(iv, V.time.hasBeginning, start)
        d0 = net.rand_date(2005, 2024)
        emit(start, RDF_TYPE, V.time.Instant)
        emit(start, V.time.inXSDDate, Lit(d0, datatype=XSD_DATE))
        if rng.random() < 0.1:
            end = NN(f"{ID}membership/{m + 1}/end")
            emit(iv, V.time.hasEnd, end)
            emit(end, RDF_TYPE, V.time.Instant)
            d1 = max(d0, net.rand_date(2008, 2025))
            emit(end, V.time.inXSDDate, Lit(d1, datatype=XSD_DATE))
        emit(org_nodes[mem], V.org.memberOf, org_nodes[cl])
        emit(org_nodes[cl], V.org.hasMember, org_nodes[mem])


def _projects(net: _Network) -> None:
    """Projects with 2-30 participants (power law; media outlets never take part)."""
    rng, emit, V, NN, Lit = net.rng, net.emit, net.V, net.NN, net.Lit
    RDF_TYPE, LABEL = V.rdf.type, V.rdfs.label
    org_nodes, org_kind, pick_org = net.org_nodes, net.org_kind, net.pick_org
    project_nodes: list = []
    project_label: list[str] = []
    part_no = 0
    for _ in range(net.plan["projects"]):
        acro = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3))))
        label = f"{acro} – {rng.choice(PROJECT_TOPICS)}{rng.choice(PROJECT_QUALIFIERS)}"
        pr = net.iri("project", label)
        project_nodes.append(pr)
        project_label.append(label)
        emit(pr, RDF_TYPE, V.ig.Project)
        emit(pr, LABEL, Lit(label))
        k = 31
        while k > 30:  # 2..30 participants, power-law-ish (resampled, not clipped)
            k = int(2 * rng.paretovariate(1.2))
        members: list[int] = []
        while len(members) < k:
            o = pick_org()
            if o not in members and org_kind[o] != "MediaOutlet":
                members.append(o)
        src = net.source(label)
        for j, o in enumerate(members):
            part_no += 1
            pa = NN(f"{ID}participation/{part_no}")
            emit(pa, RDF_TYPE, V.ig.Participation)
            emit(pa, V.ig.participant, org_nodes[o])
            emit(pa, V.ig.project, pr)
            emit(pa, V.org.role, Lit("coordinator" if j == 0 else "participant"))
            emit(pa, V.prov.wasDerivedFrom, src)
            emit(org_nodes[o], V.ig.participatesIn, pr)
    net.project_nodes, net.project_label, net.part_no = project_nodes, project_label, part_no


def _grants(net: _Network) -> None:
    """Grants from funders to projects (70%) or companies, with an amount in euros."""
    rng, emit, V, NN, Lit = net.rng, net.emit, net.V, net.NN, net.Lit
    RDF_TYPE = V.rdf.type
    org_nodes, org_label, org_kind = net.org_nodes, net.org_label, net.org_kind
    project_nodes, project_label, funder_idx = net.project_nodes, net.project_label, net.funder_idx
    funded: set[tuple[int, int]] = set()
    companies = [i for i in range(net.n_org_total) if org_kind[i] == "Company"]
    n_fund = len(funder_idx)
    for g in range(net.plan["grants"]):
        f = funder_idx[net.choices(range(n_fund), cum_weights=net.funder_cum)[0]]
        if rng.random() < 0.7:
            j = rng.randrange(len(project_nodes))
            item, item_label, key = project_nodes[j], project_label[j], (-1 - j, f)
        else:
            o = rng.choice(companies)
            item, item_label, key = org_nodes[o], org_label[o], (o, f)
        gr = NN(f"{ID}grant/{g + 1}")
        am = NN(f"{ID}grant/{g + 1}/amount")
        value = round(math.exp(rng.gauss(math.log(150_000), 1.1)), -2 if rng.random() < 0.8 else 0)
        value_s = f"{value:.2f}"
        emit(gr, RDF_TYPE, V.schema.MonetaryGrant)
        emit(gr, V.schema.funder, org_nodes[f])
        emit(gr, V.schema.fundedItem, item)
        emit(gr, V.schema.amount, am)
        emit(gr, V.prov.wasDerivedFrom, net.source(org_label[f]))
        emit(gr, V.ig.evidence, Lit(f"{org_label[f]} accorde {value:,.0f} € à {item_label}.".replace(",", " ")))
        emit(am, RDF_TYPE, V.schema.MonetaryAmount)
        emit(am, V.schema.value, Lit(value_s, datatype=V.xsd.decimal))
        emit(am, V.schema.currency, Lit("EUR"))
        if key not in funded:
            funded.add(key)
            emit(item, V.schema.funder, org_nodes[f])


def _articles(net: _Network, triples: int | None) -> None:
    """News articles, described last: their mentions top the file up to exactly ``triples``."""
    rng, choices, emit, V, Lit = net.rng, net.choices, net.emit, net.V, net.Lit
    n_org_total, org_label, pick_org = net.n_org_total, net.org_label, net.pick_org
    person_nodes, project_nodes = net.person_nodes, net.project_nodes
    media_idx, n_articles = net.media_idx, net.n_articles
    mentionable = n_org_total + len(person_nodes) + len(project_nodes)
    entities = net.org_nodes + person_nodes + project_nodes  # index i < mentionable
    base_per_article = 5
    budget = None if triples is None else triples - emit.count - base_per_article * n_articles
    for a in range(n_articles):
        art = net.article_nodes[a]
        topic = net.article_topic[a]
        c = net.city_labels[net.pick_city()]
        o1 = org_label[pick_org()]
        headline = rng.choice(HEADLINES).format(
            org=topic or o1, org2=o1, cluster=org_label[net.cluster_idx[0]] if topic is None else topic,
            project=topic or "SYNERGIE", person=topic or rng.choice(net.person_label), city=c,
            funder=org_label[net.funder_idx[0]])
        emit(art, V.rdf.type, V.schema.NewsArticle)
        emit(art, V.schema.headline, Lit(headline, language="fr"))
        emit(art, V.schema.datePublished, Lit(net.rand_date(2012, 2025), datatype=V.xsd.date))
        emit(art, V.schema.publisher, net.org_nodes[media_idx[choices(range(len(media_idx)), cum_weights=net.media_cum)[0]]])
        emit(art, V.schema.inLanguage, Lit("fr"))
        left = n_articles - a
        if budget is None:
            k = min(mentionable, int(rng.paretovariate(2.0) * 1.5))
        elif left == 1:
            k = max(0, budget)
        else:
            mean = max(0.0, budget / left)
            k = min(max(0, budget), int(mean * rng.paretovariate(2.5) * 0.6 + 0.5))
        k = min(k, mentionable)
        seen_m: set[int] = set()
        while len(seen_m) < k:
            e = pick_org() if rng.random() < 0.6 else rng.randrange(mentionable)
            if e not in seen_m:
                seen_m.add(e)
                emit(art, V.schema.mentions, entities[e])
        if budget is not None:
            budget -= k
