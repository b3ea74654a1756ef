"""Our search (search_index) against the baseline a user would pick instead: SQLite FTS5 trigram.

For each N, both engines index the same synthetic organisations (bench/search_corpus.py, fixed seed)
and answer the same queries in the same run. Each engine runs in a fresh child process, so its peak
RSS is its own; the parent prints one table per N. A plain script, never run as a test:

    .venv/bin/python bench/search_bench.py --docs 10000 50000 [--queries 200] [--seed 20261126]

What is measured:
- reindex: ours is SearchIndex.build_generation(documents) + swap_to; the baseline creates its tables,
  inserts the rows, builds its column indexes, runs FTS5 'optimize' and commits. Both start from the same
  in-memory Documents and the same name / tags (places, type, issue areas) / body text (bench_fields).
- start: a new SearchIndex on the built index (as a gunicorn worker starting), warm(), then one query.
- latency: time.perf_counter around one whole search (page of 20, total count, highlights, facets
  when asked), after a warm-up of every query kind; p50 and p95 over --queries queries per kind.
- quality: for each probe (search_corpus.PROBES) every result the engine returns is compared with
  the generator's labels: precision, recall and F1 over all results, and precision of the first 10 and 20.
- probe sets (bench/search_probes.py): literal substrings cut at random positions (ours must find every
  organisation holding one: recall 1.0), typos, and words wrapped in stop words; the same measures.
- cold: ours with its match cache cleared before each query (SearchIndex.forget_matches).

The baseline's queries: the text is lowercased and segmented with pythainlp (engine nlpo3); each word
of 3+ characters becomes an FTS5 phrase, which the trigram tokenizer matches as a substring; words
all ANDed. Words of 1-2 characters cannot be looked up in a trigram index, so each becomes
`(name LIKE '%w%' OR tags LIKE '%w%' OR body LIKE '%w%')`, a scan of the rows the MATCH leaves (or of
every row). Ranked by bm25 with the same field weights as ours (name 4, tags 2, body 1), rowid when
there is only LIKE; highlight() of the name and snippet() of the body for the page. Filters are SQL
WHERE on columns (issue areas through an EXISTS on a link table); facet counts are GROUP BY queries over
the matching rows; distance is a bounding box in SQL and haversine in Python.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import math
import os
import platform
import pstats
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import search_corpus  # noqa: E402  (bench/ is on sys.path when this file runs as a script)
import search_probes  # noqa: E402

from search_index import QueryLanguage, SearchIndex, SearchRequest  # noqa: E402
from search_index.schema import place_names, thai_sort_key  # noqa: E402

PAGE = 20
WARM_UP = 5  # per kind; at 50,000 documents a slow query costs seconds
PROFILED_QUERIES = 10
RADIUS_KM = 30
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = 111.32
KINDS = ("keyword", "keyword+province", "keyword+filters+facets", "distance", "sub-word")
# p95 targets in ms at 50,000 documents. Plain keyword and sub-word searches are held to the keyword
# target; keyword + a province filter to the filters target; distance has none (reported only).
LATENCY_TARGETS = {"keyword": 50, "sub-word": 50, "keyword+province": 100, "keyword+filters+facets": 100}
REINDEX_TARGET_S = 120
FIRST_QUERY_TARGET_MS = 200
PROBES_PER_SET = 60
COLD_TARGET_KINDS = ("keyword", "keyword+filters+facets")  # ours cold p95 <= the baseline's p95
KEYWORDS = ("ผู้สูงอายุ", "ป่าชายเลน", "เด็ก", "การศึกษา", "สิทธิมนุษยชน", "แรงงานข้ามชาติ", "เกษตรอินทรีย์",
            "คนพิการ", "ภัยพิบัติ", "วิสาหกิจชุมชน", "ชาวประมง", "สุขภาพ", "เชียงใหม่", "ทะเล", "ผู้ไร้สัญชาติ",
            "ชุมชน", "elderly", "mangrove", "farmers", "human rights", "migrant workers", "disabilities",
            "Chiang Mai", "health", "community", "youth", "organic", "women")
# Pieces of longer dictionary words: ผู้สูงอายุ, สิทธิมนุษยชน, ป่าชายเลน, ทะเลาะวิวาท, คนพิการ,
# ชาวประมง, ภูมิปัญญาท้องถิ่น, ทรัพยากรธรรมชาติ (nlpo3 keeps each of those whole).
FRAGMENTS = ("สูงอายุ", "มนุษยชน", "ชายเลน", "วิวาท", "พิการ", "ประมง", "ปัญญา", "ธรรมชาติ")


# -- the query mix ------------------------------------------------------------------------------------
def query_mix(count, seed):
    """{kind: [request spec]}: the same plain dicts for both engines."""
    rng = random.Random(seed + 1)
    provinces = [row["code"] for row in search_corpus.read_seed("provinces.csv")]
    regions = [row["slug"] for row in search_corpus.read_seed("regions.csv")]
    issues = [row["slug"] for row in search_corpus.read_seed("issue_areas.csv")]
    points = [(float(r["lat"]), float(r["lon"])) for r in search_corpus.read_seed("districts.csv") if r["lat"]]

    def spec(**values):
        return {"q": "", "provinces": [], "regions": [], "issues": [], "near": None, "radius_km": None,
                "sort": "relevance", "with_facets": False, **values}

    def filtered():
        where = {"provinces": [rng.choice(provinces)]} if rng.random() < 0.5 else {"regions": [rng.choice(regions)]}
        if rng.random() < 0.5:
            where["issues"] = [rng.choice(issues)]
        return spec(q=rng.choice(KEYWORDS), with_facets=True, **where)

    makers = {
        "keyword": lambda: spec(q=rng.choice(KEYWORDS)),
        "keyword+province": lambda: spec(q=rng.choice(KEYWORDS), provinces=[rng.choice(provinces)]),
        "keyword+filters+facets": filtered,
        "distance": lambda: spec(near=list(rng.choice(points)), radius_km=RADIUS_KM, sort="distance"),
        "sub-word": lambda: spec(q=rng.choice(FRAGMENTS)),
    }
    return {kind: [make() for _ in range(count)] for kind, make in makers.items()}


# -- the engines --------------------------------------------------------------------------------------
class Ours:
    name = "ours"

    def __init__(self, folder):
        self.root = Path(folder) / "ours"
        self.language = QueryLanguage.from_files(PROJECT / "seeds" / "stop_words.csv",
                                                 PROJECT / "seeds" / "synonyms.csv")
        self.index = SearchIndex(self.root, self.language)

    def build(self, documents):
        path = self.index.build_generation(documents, {"watermark": len(documents)})
        self.index.swap_to(path)

    def start_worker(self):
        """(ms to open and warm a new SearchIndex on the index, ms of its first query after that)."""
        began = time.perf_counter()
        index = SearchIndex(self.root, self.language)
        index.warm()
        warmed = time.perf_counter()
        index.search(SearchRequest(q="สิ่งแวดล้อม", limit=PAGE))
        done = time.perf_counter()
        index.close()
        return (warmed - began) * 1000, (done - warmed) * 1000

    def size_bytes(self):
        return _folder_bytes(self.root / "current")

    def search(self, spec, limit=PAGE):
        result = self.index.search(SearchRequest(
            q=spec["q"], provinces=tuple(spec["provinces"]), regions=tuple(spec["regions"]),
            issues=tuple(spec["issues"]), near=tuple(spec["near"]) if spec["near"] else None,
            radius_km=spec["radius_km"], sort=spec["sort"], offset=0, limit=limit,
            with_facets=spec["with_facets"]))
        self.last_correction = result.corrected_query
        return [hit.id for hit in result.hits], result.total

    def cold_search(self, spec):
        """As `search`, with no text match remembered from earlier queries."""
        self.index.forget_matches()
        return self.search(spec)

    def close(self):
        self.index.close()


class Baseline:
    """SQLite FTS5 with the trigram tokenizer, queried the way its documentation suggests."""

    name = "baseline"

    def __init__(self, folder):
        from pythainlp.tokenize import word_tokenize
        self.word_tokenize = word_tokenize
        self.path = Path(folder) / "baseline.sqlite3"
        self.connection = None

    def build(self, documents):
        connection = sqlite3.connect(self.path)
        connection.executescript("""
            CREATE TABLE orgs (id INTEGER PRIMARY KEY, province TEXT, district TEXT, region TEXT, type TEXT,
                               lat REAL, lon REAL, updated INTEGER, name_key TEXT);
            CREATE TABLE org_issues (org_id INTEGER, issue TEXT, PRIMARY KEY (org_id, issue)) WITHOUT ROWID;
            CREATE VIRTUAL TABLE fts USING fts5(name, tags, body, tokenize='trigram');
        """)
        rows, links, texts = [], [], []
        for document in documents:
            rowid = int(document.id)
            rows.append((rowid, *(getattr(document, f).code if getattr(document, f) else "" for f in
                                  ("province", "district", "region", "type")),
                         document.latitude, document.longitude,
                         int(document.updated_at.timestamp()) if document.updated_at else 0,
                         thai_sort_key(document.name_th)))
            links.extend((rowid, area.code) for area in document.issue_areas)
            texts.append((rowid, *bench_fields(document)))
        with connection:
            connection.executemany("INSERT INTO orgs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            connection.executemany("INSERT INTO org_issues VALUES (?, ?)", links)
            connection.executemany("INSERT INTO fts (rowid, name, tags, body) VALUES (?, ?, ?, ?)", texts)
            connection.executescript("""
                CREATE INDEX orgs_province ON orgs (province);
                CREATE INDEX orgs_region ON orgs (region);
                CREATE INDEX orgs_position ON orgs (lat, lon);
                CREATE INDEX org_issues_issue ON org_issues (issue, org_id);
                INSERT INTO fts (fts) VALUES ('optimize');
            """)
        connection.execute("ANALYZE")
        connection.close()
        self.connection = sqlite3.connect(self.path)

    def size_bytes(self):
        return self.path.stat().st_size

    def words(self, q):
        return [w for w in self.word_tokenize(q.lower(), engine="nlpo3", keep_whitespace=False)
                if any(ch.isalnum() for ch in w)]

    def _where(self, spec):
        """(FROM ..., WHERE ..., params, has_match) for the text and the filters of `spec`."""
        clauses, params = [], []
        words = self.words(spec["q"]) if spec["q"] else []
        long_words = [w for w in words if len(w) >= 3]
        if long_words:
            clauses.append("fts MATCH ?")
            params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_words))
        for word in (w for w in words if len(w) < 3):
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(fts.name LIKE ? ESCAPE '\\' OR fts.tags LIKE ? ESCAPE '\\' "
                           "OR fts.body LIKE ? ESCAPE '\\')")
            params += [pattern] * 3
        has_text = bool(words)
        for column, key in (("province", "provinces"), ("region", "regions")):
            if spec[key]:
                clauses.append(f"o.{column} IN ({', '.join('?' * len(spec[key]))})")
                params += spec[key]
        if spec["issues"]:
            clauses.append("EXISTS (SELECT 1 FROM org_issues x WHERE x.org_id = o.id AND x.issue IN "
                           f"({', '.join('?' * len(spec['issues']))}))")
            params += spec["issues"]
        needs_orgs = any(spec[k] for k in ("provinces", "regions", "issues")) or not has_text
        source = ("fts JOIN orgs o ON o.id = fts.rowid" if needs_orgs else "fts") if has_text else "orgs o"
        return source, " AND ".join(clauses) or "1", params, bool(long_words)

    def search(self, spec, limit=PAGE, highlights=True):
        source, where, params, has_match = self._where(spec)
        if spec["near"]:
            return self._near(spec, source, where, params, limit)
        if has_match:
            marks = ", highlight(fts, 0, '<mark>', '</mark>'), snippet(fts, 2, '<mark>', '</mark>', '…', 24)" \
                if highlights else ""
            order = "bm25(fts, 4.0, 2.0, 1.0)"
        else:
            marks, order = "", "o.name_key" if source == "orgs o" else "fts.rowid"
        rowid = "o.id" if source == "orgs o" else "fts.rowid"
        page = self.connection.execute(
            f"SELECT {rowid}{marks} FROM {source} WHERE {where} ORDER BY {order} LIMIT ?",
            [*params, -1 if limit is None else limit]).fetchall()
        total = self.connection.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
        if spec["with_facets"]:
            joined = source if "orgs o" in source else "fts JOIN orgs o ON o.id = fts.rowid"
            dict(self.connection.execute(
                f"SELECT o.province, count(*) FROM {joined} WHERE {where} GROUP BY o.province", params))
            dict(self.connection.execute(
                f"SELECT i.issue, count(*) FROM {joined} JOIN org_issues i ON i.org_id = o.id "
                f"WHERE {where} GROUP BY i.issue", params))
        return [str(row[0]) for row in page], total

    def _near(self, spec, source, where, params, limit):
        if spec["with_facets"]:
            raise NotImplementedError("the query mix asks no facets of a distance search")
        lat, lon = spec["near"]
        radius = spec["radius_km"]
        dlat = radius / KM_PER_DEGREE
        dlon = radius / (KM_PER_DEGREE * math.cos(math.radians(lat)))
        joined = source if "orgs o" in source else "fts JOIN orgs o ON o.id = fts.rowid"
        rows = self.connection.execute(
            f"SELECT o.id, o.lat, o.lon FROM {joined} WHERE {where} AND o.lat BETWEEN ? AND ? "
            f"AND o.lon BETWEEN ? AND ?", [*params, lat - dlat, lat + dlat, lon - dlon, lon + dlon]).fetchall()
        inside = sorted((km, rowid) for rowid, la, lo in rows if (km := haversine_km(lat, lon, la, lo)) <= radius)
        return [str(rowid) for _, rowid in inside[:limit]], len(inside)

    def close(self):
        if self.connection:
            self.connection.close()


def bench_fields(document):
    """(name, tags, body): the text both engines are given, as search_index sees a Document."""
    name = " ".join(filter(None, (document.name_th, document.name_en)))
    tags = " ".join(name for codes in place_names(document).values() for names in codes.values() for name in names)
    body = " ".join(filter(None, (document.description_th, document.description_en, *document.target_groups,
                                  *document.extra_text)))
    return name, tags, body


def _folder_bytes(folder):
    return sum(path.stat().st_size for path in Path(folder).resolve().rglob("*") if path.is_file())


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


ENGINES = {"ours": Ours, "baseline": Baseline}


# -- one engine, in its own process -------------------------------------------------------------------
def peak_mb(who=resource.RUSAGE_SELF):
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def cpu_s():
    """CPU seconds of this process and its finished children (Whoosh's build workers)."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF,
                                                                         resource.RUSAGE_CHILDREN)))


def run_engine(engine_name, docs, seed, queries, folder, profile_kinds):
    started = time.perf_counter()
    corpus = search_corpus.generate(docs, seed)
    report = {"engine": engine_name, "fingerprint": fingerprint(corpus.documents), "rss_corpus_mb": peak_mb(),
              "load_start": os.getloadavg()[0]}
    if engine_name == "ours":
        report["corpus"] = corpus_summary(corpus)
    engine = ENGINES[engine_name](folder)

    began, cpu = time.perf_counter(), cpu_s()
    engine.build(corpus.documents)
    report["reindex_s"] = time.perf_counter() - began
    report["reindex_cpu_s"] = cpu_s() - cpu
    report["rss_after_build_mb"] = peak_mb()
    report["rss_build_children_mb"] = peak_mb(resource.RUSAGE_CHILDREN)
    report["size_mb"] = engine.size_bytes() / 2**20
    say(f"{engine_name}: built in {report['reindex_s']:.1f} s")

    mix = query_mix(queries, seed)
    began = time.perf_counter()
    engine.search(mix["keyword"][0])
    report["first_query_ms"] = (time.perf_counter() - began) * 1000
    if hasattr(engine, "start_worker"):
        report["worker_warm_ms"], report["worker_first_query_ms"] = engine.start_worker()
    for kind in KINDS:  # warm-up: caches, the segmenter, SQLite's page cache
        for spec in query_mix(WARM_UP, seed + 7)[kind]:
            engine.search(spec)
    report["latency_ms"], report["cpu_ms"], report["slowest"] = {}, {}, {}
    for kind in KINDS:
        samples, cpu_samples, by_text = [], [], {}
        for spec in mix[kind]:
            began, cpu = time.perf_counter(), time.process_time()
            engine.search(spec)
            samples.append((time.perf_counter() - began) * 1000)
            cpu_samples.append((time.process_time() - cpu) * 1000)
            by_text.setdefault(spec["q"] or "(no text)", []).append(samples[-1])
        report["latency_ms"][kind], report["cpu_ms"][kind] = samples, cpu_samples
        medians = sorted(((statistics.median(v), q) for q, v in by_text.items()), reverse=True)
        report["slowest"][kind] = [(q, m) for m, q in medians[:4]]
        say(f"{engine_name}: {kind}: {len(samples)} queries, p95 {percentile(samples, 95):.1f} ms")

    if hasattr(engine, "cold_search"):
        report["cold_latency_ms"] = {}
        for kind in KINDS:
            samples = []
            for spec in mix[kind]:
                began = time.perf_counter()
                engine.cold_search(spec)
                samples.append((time.perf_counter() - began) * 1000)
            report["cold_latency_ms"][kind] = samples
    report["quality"] = quality(engine, corpus)
    report["probe_sets"] = {name: probe_quality(engine, probes, len(corpus.documents))
                            for name, probes in probe_sets(corpus, seed).items()}
    say(f"{engine_name}: quality probes done")
    report["profiles"] = {}
    missed = [k for k, target in LATENCY_TARGETS.items() if percentile(report["latency_ms"][k], 95) > target]
    for kind in dict.fromkeys([*profile_kinds, *(missed if engine_name == "ours" else ())]):
        report["profiles"][kind] = profile(engine, mix[kind][:PROFILED_QUERIES])
    report["rss_peak_mb"] = peak_mb()
    report["load_end"] = os.getloadavg()[0]
    report["wall_s"] = time.perf_counter() - started
    engine.close()
    return report


def say(message):
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def quality(engine, corpus):
    """Per probe: every result against the labels; and the first page of 20."""
    rows = []
    for probe in search_corpus.PROBES:
        relevant = corpus.relevant(probe)
        spec = {"q": probe.query, "provinces": [], "regions": [], "issues": [], "near": None,
                "radius_km": None, "sort": "relevance", "with_facets": False}
        ids, total = engine.search(spec, limit=len(corpus.documents))
        found = set(ids)
        hits = len(found & relevant)
        precision = hits / len(found) if found else 0.0
        recall = hits / len(relevant) if relevant else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"query": probe.query, "kind": probe.kind, "relevant": len(relevant), "returned": len(found),
                     "total": total, "precision": precision, "recall": recall, "f1": f1,
                     "p_at_10": _precision_at(ids, relevant, 10), "p_at_20": _precision_at(ids, relevant, PAGE)})
    return rows


def _precision_at(ids, relevant, k):
    return sum(1 for i in ids[:k] if i in relevant) / min(k, len(relevant)) if relevant else 0.0


def probe_sets(corpus, seed):
    """{set name: [(query, relevant ids, note)]} (bench/search_probes.py)."""
    texts = {d.id: search_probes.searchable_text(d) for d in corpus.documents}
    words = sorted(set(KEYWORDS) | set(FRAGMENTS) | {p.query for p in search_corpus.PROBES})
    return {
        "literal substrings": search_probes.literal_probes(corpus.documents, texts, PROBES_PER_SET, seed),
        "typos": search_probes.typo_probes(words, texts, PROBES_PER_SET, seed),
        "stop words": search_probes.stop_word_probes(words, texts, PROBES_PER_SET, seed),
    }


def probe_quality(engine, probes, size):
    rows = []
    for query, relevant, note in probes:
        spec = {"q": query, "provinces": [], "regions": [], "issues": [], "near": None, "radius_km": None,
                "sort": "relevance", "with_facets": False}
        ids, _total = engine.search(spec, limit=size)
        found = set(ids)
        hits = len(found & relevant)
        precision = hits / len(found) if found else 0.0
        recall = hits / len(relevant) if relevant else 0.0
        rows.append({"query": query, "note": note, "relevant": len(relevant), "returned": len(found),
                     "precision": precision, "recall": recall,
                     "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
                     "p_at_10": _precision_at(ids, relevant, 10),
                     "corrected": getattr(engine, "last_correction", None)})
    return rows


def profile(engine, specs):
    profiler = cProfile.Profile()
    profiler.enable()
    for spec in specs:
        engine.search(spec)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(20)
    stats.sort_stats("tottime").print_stats(12)
    return f"{len(specs)} queries\n" + out.getvalue()


def fingerprint(documents):
    digest = hashlib.sha256()
    for d in documents:
        digest.update(repr((d.id, d.name_th, d.name_en, d.description_th, d.description_en, d.province.code,
                            d.district.code, [a.code for a in d.issue_areas], d.latitude, d.longitude,
                            d.extra_text)).encode())
    return digest.hexdigest()[:16]


def corpus_summary(corpus):
    """How hard each probe is: its labelled documents, and unlabelled ones holding the probe as a substring."""
    texts = {d.id: " ".join(bench_fields(d)).lower() for d in corpus.documents}
    summary = []
    for probe in search_corpus.PROBES:
        needle = probe.query.lower()
        holding = {i for i, text in texts.items() if needle in text}
        relevant = corpus.relevant(probe)
        summary.append({"query": probe.query, "relevant": len(relevant), "distractors": len(holding - relevant),
                        "relevant_without_string": len(relevant - holding), "note": probe.note})
    return summary


def percentile(samples, q):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


# -- the parent: run both engines, print the tables ---------------------------------------------------
def run_child(engine_name, docs, args, folder):
    out = Path(folder) / f"{engine_name}.json"
    command = [sys.executable, __file__, "--child", engine_name, "--docs", str(docs), "--seed", str(args.seed),
               "--queries", str(args.queries), "--workdir", str(folder), "--out", str(out)]
    for kind in args.profile:
        command += ["--profile", kind]
    print(f"[{docs:,}] {engine_name}: building and querying ...", file=sys.stderr, flush=True)
    subprocess.run(command, check=True)
    return json.loads(out.read_text())


def source_version():
    """Which search_index was measured: HEAD, and a hash of its sources as they are on disk."""
    digest = hashlib.sha256()
    for path in sorted((PROJECT / "search_index").glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        head = "?"
    return f"search_index sources sha256 {digest.hexdigest()[:12]} (repository HEAD {head})"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    from importlib.metadata import version
    return (f"machine: nproc {len(os.sched_getaffinity(0))} ({cpu}), {platform.system()} {platform.release()}\n"
            f"python {platform.python_version()}, sqlite {sqlite3.sqlite_version}, whoosh {version('whoosh')}, "
            f"pythainlp {version('pythainlp')}, nlpo3 {version('nlpo3')}, numpy {version('numpy')}")


def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"


def print_report(docs, args, ours, base):
    print(f"\n## {docs:,} documents (seed {args.seed}; {args.queries} queries per kind after {WARM_UP} "
          f"warm-up each; page of {PAGE})\n")
    if ours["fingerprint"] != base["fingerprint"]:
        sys.exit("the two engines were given different corpora")
    print(f"| {'metric':<42} | {'ours':>9} | {'baseline':>9} | ours/base | target (ours) |")
    print(f"|{'-' * 44}|----------:|----------:|----------:|:--------------|")

    def row(label, a, b, fmt="{:.1f}", target=None):
        verdict = ""
        if target is not None:
            verdict = f"<= {target:g}: {'met' if a <= target else f'MISSED by {a - target:.1f}'}"
        print(f"| {label:<42} | {fmt.format(a):>9} | {fmt.format(b):>9} | {ratio(a, b):>9} | {verdict} |")

    row("full reindex, wall s", ours["reindex_s"], base["reindex_s"],
        target=REINDEX_TARGET_S if docs >= 50_000 else None)
    row("full reindex, CPU s (process + workers)", ours["reindex_cpu_s"], base["reindex_cpu_s"])
    row("index size on disk, MB", ours["size_mb"], base["size_mb"])
    row("RSS after corpus (before build), MB", ours["rss_corpus_mb"], base["rss_corpus_mb"], "{:.0f}")
    row("peak RSS of the process after build, MB", ours["rss_after_build_mb"], base["rss_after_build_mb"], "{:.0f}")
    row("peak RSS of a build worker process, MB", ours["rss_build_children_mb"], base["rss_build_children_mb"],
        "{:.0f}")
    row("peak RSS at the end (queries too), MB", ours["rss_peak_mb"], base["rss_peak_mb"], "{:.0f}")
    row("first query after the swap, ms", ours["first_query_ms"], base["first_query_ms"],
        target=FIRST_QUERY_TARGET_MS)
    print(f"| {'worker start: open + warm(), ms':<42} | {ours['worker_warm_ms']:9.1f} | {'-':>9} | {'-':>9} |  |")
    row("worker start: first query after warm(), ms", ours["worker_first_query_ms"], base["first_query_ms"],
        target=FIRST_QUERY_TARGET_MS)
    for kind in KINDS:
        for q in (50, 95):
            target = LATENCY_TARGETS.get(kind) if q == 95 and docs >= 50_000 else None
            row(f"{kind} p{q}, ms", percentile(ours["latency_ms"][kind], q),
                percentile(base["latency_ms"][kind], q), target=target)
    for kind in KINDS:
        for q in (50, 95):
            base_ms = percentile(base["latency_ms"][kind], q)
            row(f"{kind} p{q}, ms, ours with no cached match", percentile(ours["cold_latency_ms"][kind], q),
                base_ms, target=base_ms if q == 95 and kind in COLD_TARGET_KINDS else None)
    for key, label in (("precision", "precision (all results)"), ("recall", "recall (all results)"),
                       ("f1", "F1 (all results)"), ("p_at_10", "precision of the first 10"),
                       ("p_at_20", "precision of the first 20")):
        a = statistics.mean(r[key] for r in ours["quality"])
        b = statistics.mean(r[key] for r in base["quality"])
        print(f"| {'mean ' + label:<42} | {a:9.3f} | {b:9.3f} | {ratio(a, b):>9} | >= baseline: "
              f"{'met' if a >= b - 1e-9 else 'MISSED by %.3f' % (b - a)} |")
    print_probe_sets(ours, base)
    print("\nLatency as CPU time of the searching process (time.process_time; other load on the machine "
          "hardly changes it), ms:\n")
    print(f"| {'query kind':<24} | ours p50 | ours p95 | base p50 | base p95 | ours slowest texts (median wall ms) |")
    print(f"|{'-' * 26}|---------:|---------:|---------:|---------:|:----|")
    for kind in KINDS:
        a, b = ours["cpu_ms"][kind], base["cpu_ms"][kind]
        slowest = ", ".join(f"{q} {m:.0f}" for q, m in ours["slowest"][kind])
        print(f"| {kind:<24} | {percentile(a, 50):8.1f} | {percentile(a, 95):8.1f} | {percentile(b, 50):8.1f} "
              f"| {percentile(b, 95):8.1f} | {slowest} |")
    print(f"\nwhole child process, wall s: ours {ours['wall_s']:.0f}, baseline {base['wall_s']:.0f}; "
          f"1-minute load average at its start/end: ours {ours['load_start']:.1f}/{ours['load_end']:.1f}, "
          f"baseline {base['load_start']:.1f}/{base['load_end']:.1f} (2 cores: above 2 means contention)")

    print(f"\nQuality per probe ({docs:,} documents): all results compared with the generator's labels; "
          "P@20 = relevant among the first 20 / min(20, relevant).")
    print("`distractors` = unlabelled documents that hold the probe as a substring.\n")
    print(f"| {'probe':<15} | {'kind':<17} | relevant | distractors | ours: hits |   P   |   R   |  F1   | P@20  "
          f"| base: hits |   P   |   R   |  F1   | P@20  |")
    print("|" + "|".join(["-" * 17, "-" * 19, "-" * 10, "-" * 13] + ["-" * 12, *["-" * 7] * 4] * 2) + "|")
    for summary, a, b in zip(ours["corpus"], ours["quality"], base["quality"]):
        cells = [f"{r['returned']:>10} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
                 f"{r['p_at_20']:.3f}" for r in (a, b)]
        print(f"| {a['query']:<15} | {a['kind']:<17} | {a['relevant']:>8} | {summary['distractors']:>11} "
              f"| {cells[0]} | {cells[1]} |")
    for engine in (ours, base):
        for kind, text in engine["profiles"].items():
            print(f"\ncProfile of {engine['engine']}, {kind} ({docs:,} documents), top functions:\n")
            print(text)


def print_probe_sets(ours, base):
    print("\nProbe sets (bench/search_probes.py), means over the probes; recall and precision over all results:\n")
    print("| set | probes | ours R | ours min R | ours P | ours F1 | ours P@10 | base R | base min R | base P "
          "| base F1 | base P@10 | ours corrected as meant |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, rows in ours["probe_sets"].items():
        cells = []
        for engine in (ours, base):
            r = engine["probe_sets"][name]
            cells.append(" | ".join(f"{v:.3f}" for v in (
                statistics.mean(x["recall"] for x in r), min(x["recall"] for x in r),
                statistics.mean(x["precision"] for x in r), statistics.mean(x["f1"] for x in r),
                statistics.mean(x["p_at_10"] for x in r))))
        meant = sum(1 for x in rows if x["corrected"] and x["corrected"] == search_probes.fold(x["note"]))
        fixed = f"{meant}/{len(rows)}" if name == "typos" else ""
        print(f"| {name} | {len(rows)} | {cells[0]} | {cells[1]} | {fixed} |")
    missed = [x["query"] for x in ours["probe_sets"]["literal substrings"] if x["recall"] < 1]
    print(f"\nliteral substrings ours did not find in full: {missed or 'none'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000], help="corpus sizes, one run each")
    parser.add_argument("--queries", type=int, default=200, help="timed queries per kind")
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--profile", action="append", default=[], choices=KINDS,
                        help="cProfile this query kind too (kinds that miss a target always are, for ours)")
    parser.add_argument("--keep", metavar="FOLDER", help="build in FOLDER and keep the indexes")
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        report = run_engine(args.child, args.docs[0], args.seed, args.queries, args.workdir, args.profile)
        Path(args.out).write_text(json.dumps(report))
        return
    print(machine())
    print(source_version())
    for docs in args.docs:
        folder = Path(args.keep) / str(docs) if args.keep else Path(tempfile.mkdtemp(prefix="search-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        try:
            ours = run_child("ours", docs, args, folder)
            base = run_child("baseline", docs, args, folder)
            print_report(docs, args, ours, base)
            sys.stdout.flush()
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
