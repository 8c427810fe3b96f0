#!/usr/bin/env python3
"""How long a catalog takes to build with `#[derive(ApiError)]`, beside the same catalog
written as it is without stytch-errors (thiserror for `Display`, strum for the strings,
hand-written `match`es for the status and the URL, a serde struct for the body).

For each size N, the script writes both forms of one generated catalog
(`benches/gen_catalog.py`) as two crates of a scratch workspace, builds every crate once so
that every dependency (stytch-errors and its derive included) is compiled and cached, then
rebuilds only the catalog crates, in turn: touch `lib.rs`, `cargo build -p <crate>`, with
incremental compilation off (after a real edit of a catalog every derived impl changes
anyway; an incremental rebuild of an untouched file would time the cache, not the code).

Two times per build, medians over the runs:

- rustc: the catalog crate's own `rustc` process (wall and CPU), through a `RUSTC_WRAPPER`
  that times it: macro expansion, type checking, code generation, linking the rlib;
- cargo: the whole `cargo build -p` (wall), which adds cargo's fixed overhead (fingerprints,
  the wrapper's start) of about a tenth of a second to both forms.

On a shared machine the CPU time is the steadier figure: the wall time also counts waits
for a core.

    python3 scripts/compile-time.py                       # dev profile, N = 164, 1000, 3000
    python3 scripts/compile-time.py --release --runs 5
    python3 scripts/compile-time.py --check --sizes 1000  # `cargo check` instead of build
"""

import argparse
import importlib.util
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Runs the real rustc (argv[1]) and appends the wall and CPU time of a catalog crate's
# compilation to $COMPILE_TIME_LOG.
WRAPPER = r'''#!/usr/bin/env python3
import json, os, resource, subprocess, sys, time
args = sys.argv[1:]
name = args[args.index("--crate-name") + 1] if "--crate-name" in args else ""
start = time.perf_counter()
code = subprocess.call(args)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
if name.startswith(("derive_", "today_")) and os.environ.get("COMPILE_TIME_LOG"):
    with open(os.environ["COMPILE_TIME_LOG"], "a") as log:
        log.write(json.dumps({"crate": name, "wall": wall,
                              "cpu": usage.ru_utime + usage.ru_stime}) + "\n")
sys.exit(code)
'''


def load_generator():
    path = ROOT / "benches" / "gen_catalog.py"
    spec = importlib.util.spec_from_file_location("gen_catalog", path)
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
                f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\n'
                f"publish = false\n\n[dependencies]\n{deps}"
            )
            source = "//! A generated catalog.\n\n" + gen.render(form, f"Catalog{n}", n)
            (crate / "src" / "lib.rs").write_text(source)
    (directory / "Cargo.toml").write_text(
        '[workspace]\nresolver = "3"\nmembers = ['
        + ", ".join(f'"{m}"' for m in members)
        + "]\n"
    )
    # The repository's lock file, so that the dependencies are the versions it tests.
    if (ROOT / "Cargo.lock").exists():
        shutil.copy(ROOT / "Cargo.lock", directory / "Cargo.lock")
    wrapper = directory / "rustc-timer.py"
    wrapper.write_text(WRAPPER)
    wrapper.chmod(0o755)
    return members


def build(directory, crate, verb, profile_args):
    """Rebuilds `crate` alone: (cargo's wall time, rustc's wall time, rustc's CPU time)."""
    lib = directory / crate / "src" / "lib.rs"
    os.utime(lib, None)
    log = directory / "rustc-times.jsonl"
    log.unlink(missing_ok=True)
    env = dict(
        os.environ,
        CARGO_TERM_COLOR="never",
        CARGO_INCREMENTAL="0",
        RUSTC_WRAPPER=str(directory / "rustc-timer.py"),
        COMPILE_TIME_LOG=str(log),
    )
    env.pop("RUSTFLAGS", None)
    command = ["cargo", verb, "-p", crate, *profile_args, "--quiet"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=directory, env=env, capture_output=True, text=True)
    cargo_wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(command)} in {directory}")
    name = crate.replace("-", "_")
    entries = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    entries = [entry for entry in entries if entry["crate"] == name]
    if not entries:
        raise SystemExit(f"{crate} was not rebuilt")
    return cargo_wall, entries[-1]["wall"], entries[-1]["cpu"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[164, 1000, 3000])
    parser.add_argument("--runs", type=int, default=7, help="timed builds per crate")
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
        build(directory, crate, verb, profile_args)

    print(f"\n{mode}, not incremental, medians of {args.runs} runs; derive = #[derive(ApiError)],")
    print("today = thiserror + strum + hand-written matches + serde struct\n")
    print(
        "| N | rustc CPU: derive | today | ratio | rustc wall: derive | today | ratio "
        "| cargo wall: derive | today | ratio |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        runs = {"derive": [], "today": []}
        # Interleaved, so that a burst of load on the machine hits both forms.
        for _ in range(args.runs):
            for form in runs:
                runs[form].append(build(directory, f"{form}-{n}", verb, profile_args))
        cells = []
        for column in (2, 1, 0):  # rustc CPU, rustc wall, cargo wall
            derive = statistics.median(run[column] for run in runs["derive"])
            today = statistics.median(run[column] for run in runs["today"])
            cells += [f"{derive:.3f} s", f"{today:.3f} s", f"{derive / today:.2f}x"]
        print(f"| {n} | " + " | ".join(cells) + " |", flush=True)
    if args.dir is None:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
