"""How fast the matching engine places participants, and how much better than greedy it does.

Random but realistic events: participants live at a district point (seeds/districts.csv, so many
share a place) with its province as home province, 1-4 issue areas of interest (seeds/issue_areas.csv)
and 0-3 media skills; hosts sit at a district point, offer 1-5 issue areas, ask for 0-3 skills and
have 1-19 places, about 10% more places than participants in all. One host in ten has a minimum of
1-3, one participant in a hundred is pinned and one in fifty has a forbidden host.

Both sides run the whole engine (`match`): fit parts, pins and forbids, the first pass, the balance
penalties and the second pass, explanations. The baseline swaps the exact assignment for global
greedy (`greedy_match`). Each side's total is the objective as the package defines it, with balance
penalties from its own first pass; with --balance 0 both optimise the very same pairwise objective.
A plain script, never run as a test:

    .venv/bin/python bench/matching_bench.py [--sizes 200x20 2000x200 5000x500] [--runs 5] [--balance 1]
"""
import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from directory.matching import Host, Participant, Weights, match  # noqa: E402
from directory.matching.greedy import greedy_match  # noqa: E402
from directory.services.places.reference_data import read_seed_csv  # noqa: E402

SKILLS = ["video", "photography", "writing", "podcast", "social-media", "graphic-design", "live-streaming",
          "data-journalism"]


def make_event(participant_count, host_count, seed):
    rng = random.Random(seed)
    districts = [row for row in read_seed_csv("districts.csv") if row["lat"] and row["lon"]]
    areas = [row["slug"] for row in read_seed_csv("issue_areas.csv")]
    participants = []
    for i in range(participant_count):
        district = rng.choice(districts)
        participants.append(Participant(
            f"p{i}", rng.sample(areas, rng.randint(1, 4)), rng.sample(SKILLS, rng.randint(0, 3)),
            float(district["lat"]), float(district["lon"]), home_province=district["province_code"]))
    places = round(participant_count * 1.1)
    capacities = [1] * host_count
    for _ in range(places - host_count):
        capacities[rng.randrange(host_count)] += 1
    hosts = []
    for j, capacity in enumerate(capacities):
        district = rng.choice(districts)
        minimum = rng.randint(1, 3) if rng.random() < 0.1 else 0
        hosts.append(Host(f"h{j}", capacity, minimum, rng.sample(areas, rng.randint(1, 5)),
                          rng.sample(SKILLS, rng.randint(0, 3)), float(district["lat"]), float(district["lon"])))
    pins = [(p.id, rng.choice(hosts).id) for p in rng.sample(participants, participant_count // 100)]
    forbids = [(p.id, rng.choice(hosts).id) for p in rng.sample(participants, participant_count // 50)]
    return participants, hosts, pins, forbids


def timed(function, runs, *args):
    """Median wall-clock and CPU seconds over `runs` calls (CPU time shows less of other load)."""
    wall, cpu, result = [], [], None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["200x20", "2000x200", "5000x500"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--balance", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=20261126)
    options = parser.parse_args()
    weights = Weights(balance=options.balance)

    print(f"matching bench: {options.runs} runs per size, median wall-clock (time.perf_counter) and CPU "
          "(time.process_time); "
          f"weights {weights}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    header = ("size", "places", "engine s", "(cpu)", "greedy s", "(cpu)", "engine total", "greedy total", "gap %",
              "placed e/g", "below min e/g")
    rows = []
    for size in options.sizes:
        participant_count, host_count = (int(x) for x in size.split("x"))
        event = make_event(participant_count, host_count, options.seed)
        arguments = (*event[:2], weights, event[2], event[3])
        engine_s, engine_cpu, engine = timed(match, options.runs, *arguments)
        greedy_s, greedy_cpu, greedy = timed(greedy_match, options.runs, *arguments)
        gap = 100 * (engine.total_score - greedy.total_score) / abs(engine.total_score)
        rows.append((size, sum(h.capacity for h in event[1]), f"{engine_s:.3f}", f"{engine_cpu:.3f}",
                     f"{greedy_s:.3f}", f"{greedy_cpu:.3f}",
                     f"{engine.total_score:.2f}", f"{greedy.total_score:.2f}", f"{gap:+.2f}",
                     f"{len(engine.placements)}/{len(greedy.placements)}",
                     f"{len(engine.hosts_below_minimum)}/{len(greedy.hosts_below_minimum)}"))
        print(f"  {size} done", file=sys.stderr)
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    for line in (header, *rows):
        print("  ".join(str(cell).rjust(width) for cell, width in zip(line, widths)))
    print(f"load at end {os.getloadavg()[0]:.2f}. Target: 2000x200 solved optimally in under 2 s.")


if __name__ == "__main__":
    main()
