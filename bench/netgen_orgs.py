"""The organizations phase of the network generator (bench/netgen.py).

Regional councils, national funders, big clusters, universities, research centres and large
buyers are the hubs; most companies are small. Every function takes the generator's shared
state ``net`` (see ``netgen._Network``) and appends to its organization table: ``org_nodes``,
``org_label``, ``org_kind``, ``org_w`` (how much an organization attracts people and
projects), ``org_memw`` (how likely it is to join a cluster), ``funder_idx``/``funder_w``,
``cluster_idx`` and ``media_idx``. The order of the random draws is the generator's output:
keep it when editing.
"""

from __future__ import annotations

import random
import re
import unicodedata

from netgen_vocab import (ACTIVITIES, AREAS, AUTHORITIES, BRAND_ROOTS, BRAND_SUFFIXES, CITIES,
                          CLUSTERS, DEPTS, EPONYMS, FOREIGN_LEGAL, HOSPITALS, LARGE_BUYERS, LEGAL,
                          MEDIA, REGIONS, RESEARCH, RESEARCH_TOPICS, SURNAMES, UNIVERSITIES)

# share of organizations per kind (Company takes the remainder)
_KIND_SHARE = {"Hospital": 0.015, "University": 0.012, "ResearchCentre": 0.04,
               "TrainingCentre": 0.035, "PublicAuthority": 0.035, "ChamberOfCommerce": 0.01,
               "MediaOutlet": 0.012, "Cluster": 0.006}

_STOP = {"de", "du", "des", "la", "le", "les", "l", "et", "pour", "&", "en", "d", "à", "sur"}


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _acronym(label: str) -> str | None:
    words = [w for w in re.split(r"[\s'’\-–]+", label) if w and w.lower() not in _STOP]
    if len(words) < 2:
        return None
    return "".join(_ascii_fold(w[0]).upper() for w in words if w[0].isalpha()) or None


def _siren(rng: random.Random, used: set) -> str:
    """A fresh 9-digit SIREN with a valid Luhn check digit."""
    while True:
        body = [rng.randrange(10) for _ in range(8)]
        if body[0] == 0:
            continue
        total = 0
        for i, d in enumerate(body):  # Luhn over the 8 digits, check digit appended
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        check = (10 - total % 10) % 10
        s = "".join(map(str, body)) + str(check)
        if s not in used:
            used.add(s)
            return s


def organizations(net, n_orgs: int) -> None:
    """Add ``n_orgs`` organizations (at least one per kind and one authority per region)."""
    per_kind = {k: max(1, round(n_orgs * s)) for k, s in _KIND_SHARE.items()}
    per_kind["PublicAuthority"] = max(per_kind["PublicAuthority"], len(REGIONS) + 2)
    per_kind["Company"] = max(1, n_orgs - sum(per_kind.values()))
    net.org_nodes, net.org_label, net.org_kind = [], [], []
    net.org_w, net.org_memw = [], []
    net.used_labels, net.sirens = set(), set()
    net.funder_idx, net.funder_w = [], []
    _public_authorities(net, per_kind["PublicAuthority"])
    _clusters(net, per_kind["Cluster"])
    _universities(net, per_kind["University"])
    _research_centres(net, per_kind["ResearchCentre"])
    _hospitals(net, per_kind["Hospital"])
    _training_centres(net, per_kind["TrainingCentre"])
    _chambers(net, per_kind["ChamberOfCommerce"])
    _media(net, per_kind["MediaOutlet"])
    _companies(net, per_kind["Company"])
    net.org_cum = net.cum(net.org_w)
    net.memw_cum = net.cum(net.org_memw)
    net.funder_cum = net.cum(net.funder_w)
    net.n_org_total = len(net.org_nodes)


def _unique_label(net, label: str, city: int) -> str:
    used_labels = net.used_labels
    if label in used_labels:
        place = net.city_labels[city]
        cand = f"{label} {place}" if place not in label else label
        k = 2
        while cand in used_labels:
            cand = f"{label} ({k})"
            k += 1
        label = cand
    used_labels.add(label)
    return label


def add_org(net, kind: str, label: str, alts: list[str], weight: float, memw: float,
            city: int | None = None, *, classification=None, siren=False,
            place=None, funder_weight: float = 0.0) -> int:
    """Describe one organization; return its index in the organization table."""
    V, emit, Lit, RDF_TYPE = net.V, net.emit, net.Lit, net.V.rdf.type
    city = net.pick_city() if city is None else city
    label = _unique_label(net, label, city)
    n = net.iri("organization", label)
    i = len(net.org_nodes)
    net.org_nodes.append(n)
    net.org_label.append(label)
    net.org_kind.append(kind)
    net.org_w.append(weight)
    net.org_memw.append(memw)
    emit(n, RDF_TYPE, V.org.Organization)
    emit(n, RDF_TYPE, getattr(V.ig, kind))
    if kind == "Cluster":
        emit(n, RDF_TYPE, V.org.OrganizationalCollaboration)
    emit(n, V.rdfs.label, Lit(label))
    done = {label}
    for a in alts:
        if a and a not in done:
            done.add(a)
            emit(n, V.skos.altLabel, Lit(a))
    if classification is not None:
        emit(n, V.org.classification, classification)
    if siren:
        emit(n, V.ig.siren, Lit(_siren(net.rng, net.sirens)))
    if place is None:
        # about one in five is only known by its region: region places become hubs
        place = net.region_nodes[net.city_region[city]] if net.rng.random() < 0.2 else net.city_nodes[city]
    emit(n, V.schema.location, place)
    if funder_weight:
        net.funder_idx.append(i)
        net.funder_w.append(funder_weight)
    return i


def _variants(rng: random.Random, label: str) -> list[str]:
    """Other names of ``label`` seen in the press: acronym, no accents, capitals, no legal form."""
    out = []
    r = rng.random()
    if r < 0.18:
        a = _acronym(label)
        if a and len(a) >= 2:
            out.append(a)
    elif r < 0.28:
        out.append(_ascii_fold(label))
    elif r < 0.34:
        out.append(label.upper())
    if rng.random() < 0.08:
        for lf in LEGAL[3:]:
            if label.endswith(lf):
                out.append(label[: -len(lf)])
                break
    return out


def _public_authorities(net, count: int) -> None:
    """Regional councils and national funders are the hubs; then local authorities."""
    rng, city_labels, city_region = net.rng, net.city_labels, net.city_region
    paris = city_labels.index("Paris")
    for r, (label, w) in enumerate(REGIONS):
        seat = next((c for c in range(len(CITIES)) if city_region[c] == r), 0)
        add_org(net, "PublicAuthority", f"Région {label}", [f"Conseil régional {label}"],
                weight=4.0 * w / 10, memw=0.3, city=seat, place=net.region_nodes[r],
                funder_weight=3.0 * w)
    for k, (label, alts) in enumerate(AUTHORITIES[: max(0, count - len(REGIONS))]):
        add_org(net, "PublicAuthority", label, alts, weight=2.0, memw=0.0, city=paris,
                funder_weight=[60, 25, 15, 20, 8, 10, 5][k])
    for _ in range(count - len(REGIONS) - len(AUTHORITIES)):
        c = net.pick_city()
        pat = rng.random()
        if pat < 0.35:
            label = f"Métropole de {city_labels[c]}" if c < 40 else f"Communauté de communes {rng.choice(AREAS)}"
        elif pat < 0.6:
            label = f"Mairie de {city_labels[c]}"
        elif pat < 0.8:
            label = f"Département {'de la' if rng.random() < 0.3 else 'de'} {rng.choice(DEPTS)}"
        else:
            label = f"Agglomération de {city_labels[c]}"
        add_org(net, "PublicAuthority", label, _variants(rng, label), weight=1.0, memw=0.4, city=c,
                funder_weight=1.0)


def _clusters(net, count: int) -> None:
    """Clusters: Zipf-ranked, the first ones are the big hubs."""
    rng = net.rng
    net.cluster_idx = []
    for k in range(count):
        if k < len(CLUSTERS):
            label, alts = CLUSTERS[k]
            c = net.pick_city() if k > 3 else [0, 0, 0, 2][k]
        else:
            label = (f"Cluster {rng.choice(ACTIVITIES).lower()} {rng.choice(AREAS)}"
                     if rng.random() < 0.6 else f"Grappe {rng.choice(RESEARCH_TOPICS)} {rng.choice(AREAS)}")
            alts, c = _variants(rng, label), net.pick_city()
        net.cluster_idx.append(add_org(net, "Cluster", label, alts, weight=3.0, memw=0.02, city=c))
    net.cluster_cum = net.zipf_cum(len(net.cluster_idx), 1.1)


def _universities(net, count: int) -> None:
    rng, city_labels = net.rng, net.city_labels
    for k in range(count):
        if k < len(UNIVERSITIES):
            label, alts = UNIVERSITIES[k]
            w = 40.0 * min(rng.paretovariate(2.0), 8.0)
        else:
            c = net.pick_city()
            label = rng.choice([f"IUT de {city_labels[c]}", f"École d'ingénieurs de {city_labels[c]}",
                                f"École de management de {city_labels[c]}",
                                f"École supérieure {rng.choice(EPONYMS)}"])
            alts, w = _variants(rng, label), 8.0 * min(rng.paretovariate(2.0), 8.0)
        add_org(net, "University", label, alts, weight=w, memw=3.0)


def _research_centres(net, count: int) -> None:
    rng, city_labels = net.rng, net.city_labels
    for k in range(count):
        if k < len(RESEARCH):
            label, alts = RESEARCH[k]
            w = 60.0 * min(rng.paretovariate(1.5), 10.0)
        else:
            c = net.pick_city()
            label = rng.choice([f"Laboratoire de {rng.choice(RESEARCH_TOPICS)} de {city_labels[c]}",
                                f"Institut {rng.choice(SURNAMES)}",
                                f"Centre de recherche en {rng.choice(RESEARCH_TOPICS)}",
                                f"Centre technique {rng.choice(ACTIVITIES).lower()}"])
            alts, w = _variants(rng, label), 4.0 * min(rng.paretovariate(1.5), 15.0)
        add_org(net, "ResearchCentre", label, alts, weight=w, memw=1.5)


def _hospitals(net, count: int) -> None:
    rng, city_labels = net.rng, net.city_labels
    for k in range(count):
        if k < len(HOSPITALS):
            label, alts = HOSPITALS[k]
            w = 20.0
        else:
            c = net.pick_city()
            label = rng.choice([f"Centre hospitalier de {city_labels[c]}",
                                f"Clinique {rng.choice(EPONYMS)}"])
            alts, w = _variants(rng, label), 3.0 * min(rng.paretovariate(2.0), 8.0)
            if label.startswith("Centre hospitalier de ") and rng.random() < 0.5:
                alts.append("CH " + label[len("Centre hospitalier de "):])
        add_org(net, "Hospital", label, alts, weight=w, memw=0.5)


def _training_centres(net, count: int) -> None:
    rng, city_labels = net.rng, net.city_labels
    for _ in range(count):
        c = net.pick_city()
        label = rng.choice([f"CFA de l'industrie de {city_labels[c]}", f"Lycée professionnel {rng.choice(EPONYMS)}",
                            f"AFPA {city_labels[c]}", f"Greta {rng.choice(AREAS)}",
                            f"Campus des métiers {rng.choice(AREAS)}"])
        add_org(net, "TrainingCentre", label, _variants(rng, label), weight=0.8, memw=0.7, city=c)


def _chambers(net, count: int) -> None:
    rng, city_labels = net.rng, net.city_labels
    for _ in range(count):
        c = net.pick_city()
        if rng.random() < 0.7:
            label, alts = f"Chambre de commerce et d'industrie de {city_labels[c]}", [f"CCI {city_labels[c]}"]
        else:
            label, alts = f"Chambre de métiers et de l'artisanat de {rng.choice(DEPTS)}", ["CMA"]
        add_org(net, "ChamberOfCommerce", label, alts, weight=2.5, memw=1.0, city=c)


def _media(net, count: int) -> None:
    """Media outlets publish the articles (Zipf-ranked); they attract nobody."""
    rng, city_labels = net.rng, net.city_labels
    net.media_idx = []
    for k in range(count):
        if k < len(MEDIA):
            label, alts = MEDIA[k], []
        else:
            c = net.pick_city()
            label = rng.choice([f"L'Écho de {city_labels[c]}", f"{city_labels[c]} Infos",
                                f"Radio {rng.choice(AREAS)[3:].strip()}"])
            alts = _variants(rng, label)
        net.media_idx.append(add_org(net, "MediaOutlet", label, alts, weight=0.05, memw=0.0))
    net.media_cum = net.zipf_cum(len(net.media_idx), 1.2)


def _companies(net, count: int) -> None:
    """Large buyers first, then brands, trades, family firms; SMEs, start-ups, a few big ones."""
    rng, city_labels, V = net.rng, net.city_labels, net.V
    for k in range(count):
        if k < len(LARGE_BUYERS):
            label, alts = LARGE_BUYERS[k]
            add_org(net, "Company", label, list(alts), weight=25.0 * min(rng.paretovariate(1.5), 20.0), memw=3.0,
                    classification=V.ig.LargeBuyer, siren=True, funder_weight=0.5)
            continue
        c = net.pick_city()
        foreign = rng.random() < 0.07
        pat = rng.random()
        if foreign:
            label = rng.choice(BRAND_ROOTS) + rng.choice(BRAND_SUFFIXES) + rng.choice(FOREIGN_LEGAL)
        elif pat < 0.45:
            label = rng.choice(BRAND_ROOTS) + rng.choice(BRAND_SUFFIXES) + rng.choice(LEGAL)
        elif pat < 0.75:
            where = rng.choice(AREAS) if rng.random() < 0.6 else f"de {city_labels[c]}"
            label = f"{rng.choice(ACTIVITIES)} {where}"
        else:
            s = rng.choice(SURNAMES)
            label = rng.choice([f"Établissements {s}", f"{s} et Fils", f"{s} Frères",
                                f"{s} & Associés", f"Groupe {s}"]) + rng.choice(LEGAL)
        r = rng.random()
        if r < 0.05:
            cls, w, mw = V.ig.LargeBuyer, 10.0 * min(rng.paretovariate(1.5), 25.0), 3.0
        elif r < 0.22:
            cls, w, mw = V.ig.StartUp, 1.2 * min(rng.paretovariate(1.8), 20.0), 1.2
        else:
            cls, w, mw = V.ig.SME, min(rng.paretovariate(2.0), 15.0), 1.0
        add_org(net, "Company", label, _variants(rng, label), weight=w, memw=mw, city=c,
                classification=cls, siren=not foreign)
