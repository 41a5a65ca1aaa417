"""Per-process CPU of one ``framing analyze`` run: which process of its tree spent what, and when.

``speed.py --whole-process`` gives a run's wall time and the CPU of its whole process tree; this samples
``/proc`` every 10 ms (Linux only) and prints each process of the tree: when it was first and last seen
(seconds from the start), its own user and system CPU (10 ms resolution, the last up to 10 ms before it
exits), its minor page faults (copy-on-write after a fork shows here) and the main process's CPU when it
appeared. With ``--workers 2`` the tree is: the main process, two pass-1 workers, the two coverage
processes (facts and naming, then shared copy: ``stream.start_coverage``), two pass-2 workers.

    python bench/process_tree.py --engine /tmp/engine-<sha> -- analyze corpus.jsonl --format json --out /tmp/o.json
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
ROOT = Path(__file__).resolve().parent.parent


def _stat(pid: int) -> dict[str, float] | None:
    try:
        data = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = data[data.rindex(")") + 2:].split()  # fields from the third on (state), after the command name
    return {"ppid": int(fields[1]), "minflt": int(fields[7]), "utime": int(fields[11]) / TICK,
            "stime": int(fields[12]) / TICK}


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (a parent is always listed before its children)."""
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            info = _stat(int(name))
            if info is not None:
                parents[int(name)] = int(info["ppid"])
    found = [root]
    for pid in found:
        found.extend(child for child, parent in parents.items() if parent == pid)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", type=Path, default=ROOT, help="checkout or snapshot whose framing/ runs")
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="-- then the arguments of `python -m framing`")
    args = parser.parse_args(argv)
    arguments = args.arguments[1:] if args.arguments[:1] == ["--"] else args.arguments
    engine = args.engine.resolve()
    env = {**os.environ, "PYTHONPATH": str(engine), "PYTHONWARNINGS": "ignore"}
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "framing", *arguments], cwd=engine, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[int, dict[str, float]] = {}
    while process.poll() is None:
        now = time.perf_counter() - started
        for pid in _tree(process.pid):
            info = _stat(pid)
            if info is None:
                continue
            if pid not in seen:
                main_cpu = seen[process.pid]["utime"] + seen[process.pid]["stime"] if process.pid in seen else 0.0
                seen[pid] = {"first": now, "main_cpu": main_cpu}
            seen[pid].update(info, last=now)
        time.sleep(0.01)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"exit {process.returncode}, wall {wall:.2f} s, CPU of the tree {usage.ru_utime + usage.ru_stime:.2f} s "
          f"(wait4), load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"{'pid':>7} {'parent':>7} {'seen from':>9} {'to':>7} {'CPU s':>6} {'user':>6} {'system':>6} "
          f"{'minor faults':>12} {'main CPU then':>13}")
    for pid, row in seen.items():
        print(f"{pid:>7} {int(row['ppid']):>7} {row['first']:>9.2f} {row['last']:>7.2f} {row['utime'] + row['stime']:>6.2f} "
              f"{row['utime']:>6.2f} {row['stime']:>6.2f} {int(row['minflt']):>12} {row['main_cpu']:>13.2f}")
    return 0 if process.returncode in (0, 1) else 1


if __name__ == "__main__":
    raise SystemExit(main())
