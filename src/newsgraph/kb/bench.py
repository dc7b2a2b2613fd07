"""Knowledge-base scale bench: synthetic ready records in, load rate, query latency and memory out.

The generator writes plausible records without the language model: stories
about incidents in a pool of places, with people and organisations drawn from
name pools (so that actors recur across stories and surnames are shared by
different people), quotes, casualty figures, and a small share of republished
copies. Words come from a large made-up vocabulary, so that unrelated stories
share no more five-word phrases than real ones do.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsgraph.record import Count, Document, Entity, Incident, Location, Quantity, Quote, Source

BENCH_DOCS = 100_000
SMALL_DOCS = 2_000  # the version the tests run
BATCH = 500  # documents per add_batch transaction
QUERIES = 200  # timed queries of each kind
COPY_SHARE = 0.02  # share of documents that republish an earlier one
SEED = 7

_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "su", "vo", "dal", "ne", "ri", "po", "zan", "te", "ul", "bar",
              "sa", "qu", "fe", "lin", "go", "mar", "di", "tor", "ve", "en", "hu", "sol", "bi", "ar", "no"]
_FIRST = ["Ali", "Maria", "Peter", "Grace", "Selim", "Elif", "Luis", "Nadia", "Joseph", "Sarah", "Hasan",
          "Ayse", "Carlos", "Fatima", "John", "Amina", "Omar", "Lucia", "David", "Zeynep"]
_TYPES = ["bombing", "armed_assault", "kidnapping", "arson", "assassination", "hostage_taking"]
_COUNTRIES = ["TR", "CO", "KE", "PK", "NG", "IQ", "SO", "AF", "ML", "PH"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


class Generator:
    """Deterministic synthetic records; ``documents(n)`` yields them in publication order."""

    def __init__(self, seed: int = SEED, surnames: int = 400, orgs: int = 300, places: int = 500) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.vocabulary = sorted({_word(rng) for _ in range(6000)})
        self.surnames = [_word(rng).capitalize() for _ in range(surnames)]
        self.orgs = []
        for _ in range(orgs):
            words = [_word(rng).capitalize() for _ in range(3)]
            self.orgs.append((" ".join(words) + " Front", "".join(w[0] for w in words) + "F"))
        self.places = [(_word(rng).capitalize(), rng.choice(_COUNTRIES)) for _ in range(places)]
        self.people = [f"{rng.choice(_FIRST)} {rng.choice(self.surnames)}" for _ in range(surnames * 3)]

    def _sentence(self, words: int) -> str:
        return " ".join(self.rng.choice(self.vocabulary) for _ in range(words)).capitalize() + "."

    def documents(self, count: int, start: date = date(2015, 1, 1)) -> Iterator[Document]:
        rng = self.rng
        recent: list[Document] = []
        for n in range(count):
            published = (start + timedelta(days=n * 1000 // max(count, 1))).isoformat()
            if recent and rng.random() < COPY_SHARE:
                source = rng.choice(recent)
                body = source.body + "\n\n" + self._sentence(20)
                yield Document(body=body, published=published, published_basis="metadata",
                               source=Source(path=f"synthetic/{n}.txt"), entities=source.entities,
                               incidents=source.incidents, quotes=source.quotes,
                               quantities=source.quantities, site_name=f"Outlet {n % 50}")
                continue
            doc = self._story(n, published)
            recent = (recent + [doc])[-200:]
            yield doc

    def _story(self, n: int, published: str) -> Document:
        rng = self.rng
        place, country = rng.choice(self.places)
        person = rng.choice(self.people)
        org, acronym = rng.choice(self.orgs)
        killed = rng.randint(1, 60)
        kind = rng.choice(_TYPES)
        lead = f"{person} said {killed} people were killed in {place} and blamed the {org}."
        paragraphs = [lead] + [self._sentence(rng.randint(18, 30)) for _ in range(4)]
        paragraphs.insert(2, f"The {acronym} did not comment. {self._sentence(12)}")
        body = "\n\n".join(paragraphs)

        def span(text: str, after: int = 0) -> list[int]:
            start = body.index(text, after)
            return [start, start + len(text)]

        entities = [Entity("e0", person, "PERSON", [], [span(person)]),
                    Entity("e1", org, "ORG", [acronym], [span(org), span(acronym)]),
                    Entity("e2", place, "GPE", [], [span(place)])]
        quote_text = f"{killed} people were killed in {place}"
        incident = Incident("i0", kind, date=published, location=Location(name=place, country=country),
                            perpetrator_orgs=[org], killed=Count(low=killed, high=killed, qualifier="exact"),
                            evidence=[span(lead)])
        return Document(
            body=body, published=published, published_basis="metadata", title=f"Attack in {place}",
            source=Source(path=f"synthetic/{n}.txt"), site_name=f"Outlet {n % 50}", entities=entities,
            quotes=[Quote(quote_text, span(quote_text), "indirect", "said", person, "e0", span(person))],
            quantities=[Quantity(f"{killed} people", span(f"{killed} people"), killed, killed, "exact",
                                 "people", "e0", person)],
            incidents=[incident])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_kb_bench(count: int = BENCH_DOCS, folder: Path | None = None) -> list[tuple[str, str]]:
    """Load ``count`` generated records into a fresh KB and time it; rows like `newsgraph bench`'s."""
    from newsgraph.kb import open_kb
    from newsgraph.kb.network import network
    from newsgraph.kb.queries import entity_profile, find_entity, search

    generator = Generator()
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        kb = open_kb(Path(tmp) / "bench.db")
        batch: list[Document] = []
        loaded, busy, cpu = 0, 0.0, 0.0
        rss_at_tenth = None
        for doc in generator.documents(count):
            batch.append(doc)
            if len(batch) >= BATCH:
                started, started_cpu = time.perf_counter(), time.process_time()
                kb.add_batch(batch)
                busy += time.perf_counter() - started
                cpu += time.process_time() - started_cpu
                loaded += len(batch)
                batch = []
                if rss_at_tenth is None and loaded >= count // 10:
                    rss_at_tenth = _peak_rss_mib()
        if batch:
            started, started_cpu = time.perf_counter(), time.process_time()
            kb.add_batch(batch)
            busy += time.perf_counter() - started
            cpu += time.process_time() - started_cpu
            loaded += len(batch)
        rng = random.Random(SEED + 1)
        timings: dict[str, list[float]] = {"search": [], "entity": [], "network": []}
        for _ in range(QUERIES):
            words = " ".join(rng.sample(generator.vocabulary, 1))
            name = rng.choice(generator.people)
            started = time.perf_counter()
            search(kb.conn, words, limit=20)
            timings["search"].append(time.perf_counter() - started)
            started = time.perf_counter()
            entity_profile(kb.conn, name)
            timings["entity"].append(time.perf_counter() - started)
            started = time.perf_counter()
            entity_id = find_entity(kb.conn, name)
            if entity_id:
                network(kb.conn, entity_id, depth=1)
            timings["network"].append(time.perf_counter() - started)
        size = (Path(tmp) / "bench.db").stat().st_size / 2**20
        kb.close()
    # Wall time includes waiting for a shared machine's cores and for the disk; CPU time is
    # what one core spends, the figure to compare across machines.
    rows = [(f"knowledge base load, {loaded} generated records (1 core)",
             f"{loaded / busy:.0f} documents/s wall, {loaded / max(cpu, 1e-9):.0f} documents/s of CPU time")]
    for kind, values in timings.items():
        rows.append((f"knowledge base {kind} query, p95 over {QUERIES}",
                     f"{_percentile(values, 0.95) * 1000:.1f} ms"))
    rows.append(("knowledge base peak memory (RSS)", f"{_peak_rss_mib():.0f} MiB "
                 f"(at a tenth of the load: {rss_at_tenth or _peak_rss_mib():.0f} MiB)"))
    rows.append(("knowledge base file size", f"{size:.0f} MiB"))
    return rows
