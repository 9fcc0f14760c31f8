#!/usr/bin/python3
"""A copy of /work/shared/tools/wm_ping.py for bench/window_flood.sh, with --while-pid.
Measures how quickly a Qt window's GUI thread answers, from outside: sends _NET_WM_PING client
messages (the window-manager liveness ping, answered by Qt's event loop) every INTERVAL ms and records
the round trip. Usage: wm_ping.py WINDOW_NAME_SUBSTRING SECONDS [INTERVAL_MS] [--while-pid PID] [-v]
--while-pid: stop as soon as process PID has ended (SECONDS is then the longest it runs).
Needs python3-xlib (Debian). WINDOW may also be a numeric X window id (xdotool search --onlyvisible --name NAME).
Prints JSON: {"pings": n, "answered": n, "max_ms": x, "p50_ms": x, "p99_ms": x, "over_50ms": n, "gaps_over_100ms": n}"""
import json, sys, time
from Xlib import X, display, protocol

import os
args = [a for a in sys.argv[1:] if a != "-v"]
while_pid = None
if "--while-pid" in args:
    i = args.index("--while-pid")
    while_pid = int(args[i + 1])
    del args[i:i + 2]
name, seconds = args[0], float(args[1])
interval = float(args[2]) / 1000 if len(args) > 2 else 0.02


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True

d = display.Display()
root = d.screen().root
WM_PROTOCOLS = d.intern_atom("WM_PROTOCOLS")
NET_WM_PING = d.intern_atom("_NET_WM_PING")


def find(w):
    try:
        n = w.get_wm_name()
        if n and name in (n if isinstance(n, str) else n.decode("utf-8", "replace")) \
                and w.get_attributes().map_state == X.IsViewable:
            return w
    except Exception:
        pass
    for c in w.query_tree().children:
        r = find(c)
        if r:
            return r
    return None


win = d.create_resource_object("window", int(name)) if name.isdigit() else None
t_end = time.time() + 15
while win is None and time.time() < t_end:
    win = find(root)
    if win is None:
        time.sleep(0.2)
if win is None:
    print(json.dumps({"error": "window not found"}))
    sys.exit(2)
root.change_attributes(event_mask=X.SubstructureNotifyMask | X.SubstructureRedirectMask)
rtts, sent = [], 0
end = time.time() + seconds
stamp = 1
while time.time() < end and (while_pid is None or alive(while_pid)):
    stamp += 1
    ev = protocol.event.ClientMessage(window=win, client_type=WM_PROTOCOLS,
                                      data=(32, [NET_WM_PING, stamp, win.id, 0, 0]))
    t0 = time.perf_counter()
    win.send_event(ev, event_mask=X.NoEventMask)
    d.flush()
    sent += 1
    got = None
    while got is None and time.perf_counter() - t0 < 5:
        while d.pending_events():
            e = d.next_event()
            if e.type == X.ClientMessage and e.client_type == WM_PROTOCOLS:
                fmt, data = e.data
                if data[0] == NET_WM_PING and data[1] == stamp:
                    got = time.perf_counter() - t0
        if got is None:
            time.sleep(0.0005)
    if got is not None:
        rtts.append(got * 1000)
    if "-v" in sys.argv:
        print(round(time.time() % 100, 2), "rtt_ms", None if got is None else round(got * 1000, 1), file=sys.stderr, flush=True)
    time.sleep(interval)
rtts.sort()
q = lambda p: round(rtts[min(len(rtts) - 1, int(p * len(rtts)))], 1) if rtts else None
print(json.dumps({"pings": sent, "answered": len(rtts), "max_ms": round(max(rtts), 1) if rtts else None,
                  "p50_ms": q(0.5), "p99_ms": q(0.99), "over_50ms": sum(1 for r in rtts if r > 50), "gaps_over_100ms": sum(1 for r in rtts if r > 100)}))
