#!/usr/bin/env python3
"""Turns the output of the `errors` benchmark into the tables of BENCHMARKS.md.

    cargo bench -p stytch-errors-benches --bench errors | tee run1.txt
    python3 benches/report.py run1.txt [run2.txt ...]

Each figure is divan's median; given several runs, the table shows the median of the runs'
medians. Ratios are against the rows named `anchor_*` and `limit_*` of the same catalog.
Allocation counts are per call (divan's median), from the `AllocProfiler`.
"""

import re
import statistics
import sys

UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
TIME = re.compile(r"^([\d.]+)\s*(ps|ns|µs|us|ms|s)$")


def parse(text):
    """{path: {"median": ns, "alloc": count, "alloc_bytes": bytes, ...}} of one run."""
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if "fastest" in line and "median" in line)
    bars = [i for i, c in enumerate(lines[header]) if c == "│"]
    results, stack, current, label = {}, [], None, None
    pending = []  # the lines still expected after an allocation label: count, bytes
    for line in lines[header + 1 :]:
        if len(line) <= bars[2]:
            continue
        first = line[: bars[0]]
        median = line[bars[1] + 1 : bars[2]].strip()
        name = re.search(r"[A-Za-z_][\w]*:?(?: [a-z]+:)?", first)
        if name and name.group(0).endswith(":"):
            label = name.group(0).rstrip(":").replace(" ", "_")
            pending = ["count", "bytes"]
            continue
        value = first.strip(" │├╰─")
        if pending and current is not None and value[:1].isdigit():
            kind = pending.pop(0)
            column = median.split()[0] if median else value.split()[0]
            key = label if kind == "count" else f"{label}_bytes"
            try:
                results[current][key] = float(column)
            except ValueError:
                pass
            continue
        if not name:
            continue
        depth = name.start() // 3
        stack = stack[: depth - 1] + [name.group(0)]
        match = TIME.match(median)
        if match:
            current = "::".join(stack)
            results[current] = {"median": float(match.group(1)) * UNITS[match.group(2)]}
            pending = []
    return results


def combine(runs):
    """The median over the runs of every figure."""
    paths = sorted(set().union(*runs))
    combined = {}
    for path in paths:
        keys = set().union(*(run.get(path, {}) for run in runs))
        combined[path] = {
            key: statistics.median(run[path][key] for run in runs if key in run.get(path, {}))
            for key in keys
        }
    return combined


def fmt_time(ns):
    return f"{ns:.1f} ns" if ns < 1000 else f"{ns / 1000:.2f} µs"


def allocs(figures):
    """`1 (345 B)`: allocations per call and their bytes; `+ 2 grow` for reallocations."""
    count = figures.get("alloc", 0)
    grow = figures.get("grow", 0)
    if not count and not grow:
        return "0"
    text = f"{count:g}"
    if "alloc_bytes" in figures:
        text += f" ({figures['alloc_bytes']:g} B)"
    if grow:
        text += f" + {grow:g} grow"
    return text


def table(results, catalog, group, rows):
    """Markdown rows of `catalog::group`, each with its ratios to `rows`' references."""
    prefix = f"{catalog}::{group}::"
    names = sorted(path[len(prefix) :] for path in results if path.startswith(prefix))
    if not names:
        return []
    references = [name for name in rows if name in names]
    out = [
        "| benchmark | median | allocations | "
        + " | ".join(f"÷ {ref}" for ref in references)
        + " |",
        "|---|---:|---:|" + "---:|" * len(references),
    ]
    for name in names:
        figures = results[prefix + name]
        ratios = [
            f"{figures['median'] / results[prefix + ref]['median']:.2f}x" for ref in references
        ]
        out.append(
            f"| `{name}` | {fmt_time(figures['median'])} | {allocs(figures)} | "
            + " | ".join(ratios)
            + " |"
        )
    return out


REFERENCES = {
    "render": ["anchor_serde_struct", "limit_copy_to_vec", "limit_copy_reused"],
    "lookup": ["anchor_strum_from_str", "anchor_hash_map"],
    "parse": ["anchor_serde_borrowed", "anchor_serde_borrowed_via_str"],
}


def main():
    runs = [parse(open(path, encoding="utf-8").read()) for path in sys.argv[1:]]
    if not runs:
        raise SystemExit(__doc__)
    results = combine(runs)
    catalogs = sorted({path.split("::")[0] for path in results})
    for catalog in catalogs:
        for group, references in REFERENCES.items():
            rows = table(results, catalog, group, references)
            if rows:
                print(f"\n#### `{catalog}` — {group}\n")
                print("\n".join(rows))


if __name__ == "__main__":
    main()
