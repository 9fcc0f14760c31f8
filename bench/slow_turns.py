#!/usr/bin/env python3
# Sums up a window's slow-turn log (WSI_SLOW_TURN_MS=<ms> WINDOW_STDERR=<file> bench/window_flood.sh or
# bench/window_server_flood.sh, see store/SlowTurnLog): how many late turns read a spilled block back
# (cache.readBack), how many turns of the flood (those naming the tap's batches, the journal's collection or the test
# server's reads; the start-up's are not) took 30 ms or more of the GUI thread's own CPU and what they held, the most
# CPU journal.collect and the server's reads (server.read) took in one turn, and the longest wait for the disk
# (cache.waitForDisk, wall time) (issue 12).
#
#   python3 bench/slow_turns.py /tmp/turns-main.txt /tmp/turns-branch.txt
import re
import sys


def cpu(line, section):
    return [float(m) for m in re.findall(re.escape(section) + r" [\d.]+ ms \(CPU ([\d.]+)\)", line)]


for path in sys.argv[1:]:
    turns = [line for line in open(path, errors="replace") if line.startswith("slow turn")]
    read_back = [line for line in turns if "cache.readBack" in line]
    flood = [line for line in turns if "tap.batch" in line or "journal.collect" in line or "server.read" in line]
    heavy = [line for line in flood if float(re.search(r"CPU in all ([\d.]+) ms", line).group(1)) >= 30]
    read_back_cpu = [c for line in read_back for c in cpu(line, "cache.readBack")]
    collect_cpu = [c for line in turns for c in cpu(line, "journal.collect")]
    read_cpu = [c for line in turns for c in cpu(line, "server.read")]
    disk_wait = [float(m) for line in turns for m in re.findall(r"cache\.waitForDisk ([\d.]+) ms", line)]
    print(f"{path}: {len(turns)} slow turns; {len(read_back)} with cache.readBack (most CPU "
          f"{max(read_back_cpu, default=0):.1f} ms); {len(heavy)} flood turns with >= 30 ms of CPU, "
          f"{sum('cache.readBack' in line for line in heavy)} of them reading back, "
          f"{sum('journal.collect' in line for line in heavy)} collecting; journal.collect most CPU in a turn "
          f"{max(collect_cpu, default=0):.1f} ms; server.read most CPU in a turn {max(read_cpu, default=0):.1f} ms; "
          f"{len(disk_wait)} waiting for the disk (longest {max(disk_wait, default=0):.0f} ms)")
