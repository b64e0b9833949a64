"""How fast tables load: CORDIS rows/s, and a generated member table against a raw bulk load.

    python bench/tables.py                       # CORDIS from ../shared/data, 1,000,000 member rows
    python bench/tables.py --rows 100000 --json tables.json
    python bench/tables.py --cordis-only

For the member table, the ratio compares our load (sniffing, column mapping, checks, FactWriter,
the atomic replace) with a raw pyoxigraph ``bulk_load`` of the very triples our load wrote
(exported as N-Quads, into a fresh store): the cost of the mapping itself. Goal: at most 2×.
Each load runs into a fresh on-disk store in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

FIRST = "Jean Marie Claire Élodie François Hélène Paul Sophie Nicolas Inès".split()
LAST = "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Lefèvre Févre".split()
WORDS = "Mécanique Usinage Plasturgie Logistique Santé Numérique Énergie Chimie Robotique Textile Métal".split()
CITIES = [("Rouen", "76000"), ("Le Havre", "76600"), ("Évreux", "27000"), ("Caen", "14000"), ("Cléon", "76410")]
TYPES = ["PME", "Start-up", "Grand compte", "Laboratoire", "Hôpital", "Collectivité", "Entreprise"]


def generate(path: Path, rows: int, *, seed: int = 1) -> None:
    """A French Excel-style member table: semicolons, cp1252, decimal commas, dd/mm/yyyy dates."""
    rng = random.Random(seed)
    with open(path, "w", encoding="cp1252", newline="") as out:
        out.write("Raison sociale;Type;Ville;Code postal;N° SIREN;Adhérent depuis;Cotisation;Contact;Fonction\r\n")
        for i in range(rows):
            city, code = rng.choice(CITIES)
            siren = f"{rng.randrange(10**8, 10**9)}" if rng.random() < 0.6 else ""
            out.write(f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i} SAS;{rng.choice(TYPES)};{city};{code};{siren};"
                      f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2005, 2024)};"
                      f"{rng.randint(100, 5000)},{rng.randint(0, 99):02d};"
                      f"{rng.choice(FIRST)} {rng.choice(LAST)};Directeur\r\n")


def _timed_ingest(path: Path, **options) -> tuple[float, object, Path]:
    from innograph.load import ingest
    from innograph.graph.store import KnowledgeGraph

    folder = Path(tempfile.mkdtemp(prefix="innograph-bench-"))
    with KnowledgeGraph(folder / "store") as kg:
        started = time.perf_counter()
        result = ingest(kg, path, **options)
        kg.store.flush()
        seconds = time.perf_counter() - started
    return seconds, result, folder / "store"


def bench_cordis(folder: Path) -> dict:
    from innograph.load import ingest
    from innograph.graph.resolve import resolve
    from innograph.graph.store import KnowledgeGraph

    out = {}
    rows = sum(1 for _ in open(folder / "organizations.csv", encoding="utf-8")) - 1
    seconds, result, _ = _timed_ingest(folder / "organizations.csv")
    out["participations"] = {"rows": rows, "seconds": round(seconds, 3), "rows_per_s": round(rows / seconds),
                             "triples": result.triples}
    store = Path(tempfile.mkdtemp(prefix="innograph-bench-")) / "store"
    with KnowledgeGraph(store) as kg:
        started = time.perf_counter()
        for name in ("organizations.csv", "projects.csv", "topics.csv"):
            ingest(kg, folder / name)
        out["directory_seconds"] = round(time.perf_counter() - started, 3)
        if (SHARED / "sirene-large-employers").is_dir():
            for path in sorted((SHARED / "sirene-large-employers").glob("*.csv")):
                ingest(kg, path)
        started = time.perf_counter()
        result = resolve(kg)
        out["resolve_seconds"] = round(time.perf_counter() - started, 3)
        out["organization_nodes"] = result.organizations
        out["organizations_after_resolution"] = result.distinct
        out["merges"] = result.by_rule()
        out["near_misses"] = len(result.candidates)
    return out


def bench_members(rows: int) -> dict:
    import pyoxigraph as ox

    folder = Path(tempfile.mkdtemp(prefix="innograph-bench-"))
    table = folder / "adherents.csv"
    generate(table, rows)
    ours, result, store_path = _timed_ingest(table, of="Cluster Bench")
    dump = folder / "same-triples.nq"
    store = ox.Store(str(store_path))
    with open(dump, "wb") as stream:
        store.dump(stream, ox.RdfFormat.N_QUADS)
    del store
    raw_store = ox.Store(str(folder / "raw"))
    started = time.perf_counter()
    raw_store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    raw_store.flush()
    raw = time.perf_counter() - started
    return {"rows": rows, "triples": result.triples, "seconds": round(ours, 2), "rows_per_s": round(rows / ours),
            "raw_bulk_load_seconds": round(raw, 2), "ratio": round(ours / raw, 2), "goal": "<= 2.0",
            "verdict": "PASS" if ours / raw <= 2.0 else "FAIL"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated member table")
    parser.add_argument("--cordis", type=Path, default=SHARED / "cordis-h2020")
    parser.add_argument("--cordis-only", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results = {}
    if args.cordis.is_dir():
        results["cordis"] = bench_cordis(args.cordis)
        print("cordis", json.dumps(results["cordis"], ensure_ascii=False))
    if not args.cordis_only:
        results["members"] = bench_members(args.rows)
        print("members", json.dumps(results["members"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
