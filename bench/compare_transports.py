#!/usr/bin/python3
"""Runs `wsinspector-cli compare-transports` with one or more builds of libwsi_core.so, alternating, and prints what
each transport measured (medians over the rounds) and where the process spent its CPU, per thread: the main thread
(the GUI thread in the window) against the server thread (wsi-server), the clients' thread (wsi-transports) and Qt's
own (QNetworkAccessManager's HTTP thread).

Usage: compare_transports.py CLI NAME=LIBDIR [NAME=LIBDIR ...] [--rounds N] [-- compare-transports options]
  CLI      a wsinspector-cli built with shared libraries (its RUNPATH is overridden by LD_LIBRARY_PATH=LIBDIR)
  LIBDIR   a folder holding the libwsi_core.so to run with
Example: bench/compare_transports.py build/app/cli/wsinspector-cli before=/tmp/before after=build/app/core \
             --rounds 3 -- --messages 2000 --client-messages 100 --duration-ms 3000
Prints one JSON object per build on stdout; a table on stderr."""
import json
import os
import statistics
import subprocess
import sys
import time

CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def thread_times(pid):
    """{tid: (name, cpu seconds)} for every thread of pid now."""
    out = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except (FileNotFoundError, ProcessLookupError):
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        out[tid] = (name, (int(fields[11]) + int(fields[12])) / CLOCK_TICK)
    return out


def run_once(cli, libdir, options):
    env = dict(os.environ, LD_LIBRARY_PATH=libdir, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    proc = subprocess.Popen([cli, "compare-transports"] + options, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    seen = {}
    # Each thread's last CPU figure before it ended (threads that end early keep what they had).
    while proc.poll() is None:
        for tid, (name, cpu) in thread_times(proc.pid).items():
            seen[tid] = (name, cpu)
        time.sleep(0.02)
    out, err = proc.communicate()
    wall = time.monotonic() - started
    if proc.returncode != 0:  # said, and left out of the medians
        print(f"{libdir}: compare-transports exited {proc.returncode}: {err.strip()}", file=sys.stderr)
        return None
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    main_tid = str(proc.pid)
    cpu = {"main": 0.0, "wsi-server": 0.0, "wsi-transports": 0.0, "qt-network": 0.0, "other": 0.0}
    for tid, (name, seconds) in seen.items():
        if tid == main_tid:
            cpu["main"] += seconds
        elif name in ("wsi-server", "wsi-transports"):
            cpu[name] += seconds
        elif name.startswith("QNetworkAccess"):
            cpu["qt-network"] += seconds
        else:
            cpu["other"] += seconds
    return results, cpu, wall


def main():
    args = sys.argv[1:]
    options = []
    if "--" in args:
        options = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    rounds = 3
    if "--rounds" in args:
        i = args.index("--rounds")
        rounds = int(args[i + 1])
        del args[i:i + 2]
    cli, builds = args[0], [b.split("=", 1) for b in args[1:]]
    runs = {name: [] for name, _ in builds}
    for _ in range(rounds):
        for name, libdir in builds:  # alternating: the machine's load hits every build alike
            run = run_once(cli, libdir, options)
            if run:
                runs[name].append(run)
    for name, _ in builds:
        transports = {}
        for results, _, _ in runs[name]:
            for r in results:
                transports.setdefault(r["transport"], []).append(r)
        if not runs[name]:
            print(json.dumps({"build": name, "rounds": 0}))
            continue
        summary = {"build": name, "rounds": len(runs[name]), "failed": rounds - len(runs[name]), "transports": {}}
        for transport, rs in transports.items():
            summary["transports"][transport] = {
                "p50_ms": statistics.median(r["latency_ms"]["p50"] for r in rs),
                "p95_ms": statistics.median(r["latency_ms"]["p95"] for r in rs),
                "requests": statistics.median(r["requests"] for r in rs),
                "total_bytes": statistics.median(r["total_bytes"] for r in rs),
                "delivered": min(r["delivered"] for r in rs),
            }
        summary["cpu_s"] = {k: round(statistics.median(c[k] for _, c, _ in runs[name]), 3)
                            for k in runs[name][0][1]}
        summary["wall_s"] = round(statistics.median(w for _, _, w in runs[name]), 2)
        print(json.dumps(summary))
        cpu = summary["cpu_s"]
        print(f"{name}: CPU main {cpu['main']:.3f} s, wsi-server {cpu['wsi-server']:.3f}, "
              f"wsi-transports {cpu['wsi-transports']:.3f}, Qt HTTP {cpu['qt-network']:.3f}, "
              f"other {cpu['other']:.3f}; wall {summary['wall_s']} s", file=sys.stderr)
        for transport, t in summary["transports"].items():
            print(f"  {transport:13} p50 {t['p50_ms']:8.1f} ms  p95 {t['p95_ms']:8.1f} ms  requests {t['requests']:6}"
                  f"  bytes {t['total_bytes']:9}  delivered {t['delivered']}", file=sys.stderr)


if __name__ == "__main__":
    main()
