#!/usr/bin/env python3
"""Resident memory of a process by kind of mapping, from /proc/PID/smaps, in KiB on one line:
bulk (anonymous, 2 MiB aligned and sized: BulkMemory's chunks and record blocks, the pool's kept blocks),
heap (the main [heap] and glibc's thread arenas: 64 MiB aligned, followed by their reserved ---p rest),
anon (other anonymous memory: stacks, large mallocs mapped on their own), file (libraries, fonts).
Usage: smaps_kinds.py PID"""
import sys

HUGE = 2 << 20
ARENA = 64 << 20


def mappings(pid):
    current = None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            fields = line.split()
            if "-" in fields[0] and not fields[0].endswith(":"):
                if current:
                    yield current
                start, end = (int(x, 16) for x in fields[0].split("-"))
                current = {"start": start, "end": end, "perms": fields[1],
                           "path": fields[5] if len(fields) > 5 else "", "rss": 0}
            elif fields[0] == "Rss:":
                current["rss"] = int(fields[1])
    if current:
        yield current


def main():
    maps = list(mappings(sys.argv[1]))
    kinds = {"bulk": 0, "heap": 0, "anon": 0, "file": 0}
    for i, m in enumerate(maps):
        size = m["end"] - m["start"]
        following = maps[i + 1] if i + 1 < len(maps) else None
        if m["path"] == "[heap]":
            kind = "heap"
        elif m["path"].startswith("/"):
            kind = "file"
        elif m["path"]:
            kind = "anon"  # [stack], [vvar], ...
        elif (m["start"] % ARENA == 0 and following and following["start"] == m["end"]
              and following["perms"].startswith("---") and size + following["end"] - following["start"] <= ARENA):
            kind = "heap"
        elif m["start"] % HUGE == 0 and size % HUGE == 0 and m["perms"].startswith("rw"):
            kind = "bulk"
        else:
            kind = "anon"
        kinds[kind] += m["rss"]
    print(" ".join(f"{k}_kb={v}" for k, v in kinds.items()))


if __name__ == "__main__":
    main()
