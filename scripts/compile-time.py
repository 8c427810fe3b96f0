#!/usr/bin/env python3
"""How long a catalog takes to build with `#[derive(ApiError)]`, beside the same catalog
written as it is without stytch-errors (thiserror for `Display`, strum for the strings,
hand-written `match`es for the status and the URL, a serde struct for the body).

For each size N, the script writes both forms of one generated catalog
(`benches/gen_catalog.py`) as two crates of a scratch workspace, builds everything once so
that every dependency (stytch-errors and its derive included) is compiled and cached, then
times only the catalog crate: touch its `lib.rs`, `cargo build -p <crate>` with incremental
compilation off, repeated, the medians of the wall time and of the CPU time (user + system,
of cargo and rustc) kept. Both forms go through the same cargo, profile and target
directory, so cargo's own overhead (a few tens of milliseconds) is in both. On a shared
machine the CPU time is the steadier figure: the wall time also counts the waits for a core.

    python3 scripts/compile-time.py                       # dev profile, N = 164, 1000, 3000
    python3 scripts/compile-time.py --release --runs 5
    python3 scripts/compile-time.py --check --sizes 1000  # `cargo check` instead of build
"""

import argparse
import importlib.util
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_catalog", ROOT / "benches" / "gen_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_workspace(directory, sizes):
    gen = load_generator()
    members = []
    for n in sizes:
        for form in ("derive", "today"):
            name = f"{form}-{n}"
            members.append(name)
            crate = directory / name
            (crate / "src").mkdir(parents=True, exist_ok=True)
            if form == "derive":
                deps = f'stytch-errors = {{ path = "{(ROOT / "stytch-errors").as_posix()}" }}\n'
            else:
                deps = (
                    'thiserror = "2"\n'
                    'strum = { version = "0.28", features = ["derive"] }\n'
                    'serde = { version = "1", features = ["derive"] }\n'
                )
            (crate / "Cargo.toml").write_text(
                f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
                f"[dependencies]\n{deps}"
            )
            source = "//! A generated catalog.\n\n" + gen.render(form, f"Catalog{n}", n)
            (crate / "src" / "lib.rs").write_text(source)
    (directory / "Cargo.toml").write_text(
        "[workspace]\nresolver = \"3\"\nmembers = [" + ", ".join(f'"{m}"' for m in members) + "]\n"
    )
    # The repository's lock file, so that the dependencies are the versions it tests.
    if (ROOT / "Cargo.lock").exists():
        shutil.copy(ROOT / "Cargo.lock", directory / "Cargo.lock")
    return members


def cargo(directory, args, profile_args):
    # Not incremental: after a real edit of a catalog, every derived impl changes anyway,
    # and an incremental rebuild of an untouched file would measure the cache, not the code.
    env = dict(os.environ, CARGO_TERM_COLOR="never", CARGO_INCREMENTAL="0")
    env.pop("RUSTFLAGS", None)
    command = ["cargo", *args, *profile_args, "--quiet"]
    result = subprocess.run(command, cwd=directory, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(command)} in {directory}")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_crate(directory, crate, verb, profile_args):
    """(wall seconds, CPU seconds of cargo and rustc) of rebuilding `crate` alone."""
    lib = directory / crate / "src" / "lib.rs"
    os.utime(lib, None)
    cpu = cpu_seconds()
    start = time.perf_counter()
    cargo(directory, [verb, "-p", crate], profile_args)
    return time.perf_counter() - start, cpu_seconds() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[164, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3, help="timed builds per crate")
    parser.add_argument("--release", action="store_true", help="the release profile")
    parser.add_argument("--check", action="store_true", help="`cargo check`, not build")
    parser.add_argument("--dir", type=pathlib.Path, help="keep the workspace here")
    args = parser.parse_args()

    directory = args.dir or pathlib.Path(tempfile.mkdtemp(prefix="stytch-errors-compile-time-"))
    directory.mkdir(parents=True, exist_ok=True)
    crates = write_workspace(directory, args.sizes)
    verb = "check" if args.check else "build"
    profile_args = ["--release"] if args.release else []
    mode = f"cargo {verb}" + (" --release" if args.release else " (dev profile)")
    print(f"workspace: {directory}")
    print(f"warming: cargo {verb} of every crate ...", flush=True)
    # Crate by crate, as they are timed: `-p` resolves features per crate, and the first
    # build of each may compile a dependency again with other features.
    for crate in crates:
        time_crate(directory, crate, verb, profile_args)

    print(f"\n{mode}, not incremental, median of {args.runs} runs, the catalog crate only")
    print("(every dependency built and cached); CPU = user + system time of cargo and rustc\n")
    print("| N | derive: wall | today: wall | ratio | derive: CPU | today: CPU | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        runs = {"derive": [], "today": []}
        # Interleaved, so that a burst of load on the machine hits both forms.
        for _ in range(args.runs):
            for form in runs:
                runs[form].append(time_crate(directory, f"{form}-{n}", verb, profile_args))
        wall = {form: statistics.median(t[0] for t in runs[form]) for form in runs}
        cpu = {form: statistics.median(t[1] for t in runs[form]) for form in runs}
        print(
            f"| {n} | {wall['derive']:.2f} s | {wall['today']:.2f} s | "
            f"{wall['derive'] / wall['today']:.2f}x | {cpu['derive']:.2f} s | "
            f"{cpu['today']:.2f} s | {cpu['derive'] / cpu['today']:.2f}x |",
            flush=True,
        )
    if args.dir is None:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
