#!/usr/bin/env python3
"""The architecture test: every include in the core goes down the layer order, and no two folders of the
core or of the GUI include each other (directly or around a longer cycle).

Run by CTest (tests/CMakeLists.txt) as `check_layers.py <project root>`; prints each offending include
with its file and line, and exits 1 when there is one. docs/architecture.md explains the order."""
import os
import re
import sys

# Lowest first. A room may include its own headers and those of the rooms before it, never after it;
# rooms grouped in a tuple are siblings on one layer and include neither each other.
CORE_LAYERS = [
    'language',    # the app's and Qt's translators for the chosen language
    'protocol',    # sans-IO parsers and encoders of RFC 6455 and HTTP/1.1
    'decode',      # sans-IO decoders of what rides on WebSocket: Socket.IO, STOMP, MQTT...; detection
    'tls',         # certificates, the app's CA, TLS reports
    'store',       # event records, payload arena, row map, handshake record
    'explain',     # close explanation, handshake diff, secret masking
    'endpoints',   # connection options, their JSON, the endpoint store, reconnect policy
    'capture',     # the wire tap: bytes in, bytes out, recorded
    'connection',  # the connection, its recorder, framed sending, keepalive, reconnect, workspace
    'compose',     # payload parsing, templates, history, saved messages, send sequences
    ('files',      # session log, journal, HAR, import and export
     'server'),    # the local test server and its front relay
    ('proxy',      # the intercepting proxy: reverse proxy, its relayed clients, the frame hook
     'transports'),  # polling, long polling, streaming and WebSocket compared on the test server, measured live
    'models',      # Qt item models over the stores
    'learn',       # the Learn panel's lessons as data, their runner, the process footprint they measure
]

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def sources(root):
    for d, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith(('.h', '.cpp')):
                yield os.path.join(d, f)


def includes(path):
    with open(path, encoding='utf-8') as fh:
        for number, line in enumerate(fh, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1)


def folder_graph(root, problems, known):
    """Edges folder -> {included folder: first (file, line)}; includes that name no folder are problems."""
    edges = {}
    for path in sources(root):
        rel = os.path.relpath(path, root)
        here = rel.split(os.sep)[0]
        if os.sep not in rel:
            continue
        for number, target in includes(path):
            if target.endswith('.moc') or target.startswith('ui_'):
                continue
            there = target.split('/')[0]
            if '/' not in target:
                if not os.path.exists(os.path.join(os.path.dirname(path), target)):
                    problems.append('%s:%d: "%s" names no folder; write "<room>/%s"' % (path, number, target, target))
                continue
            if there not in known or not os.path.exists(os.path.join(root, target)):
                continue  # a header of another library (the GUI includes the core's rooms by the same names)
            if there != here:
                edges.setdefault(here, {}).setdefault(there, (path, number, target))
    return edges


def find_cycle(edges):
    state = {}
    stack = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, {})):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
    core = os.path.join(top, 'app', 'core')
    gui = os.path.join(top, 'ui')
    problems = []

    rank = {}
    for i, layer in enumerate(CORE_LAYERS):
        for name in (layer if isinstance(layer, tuple) else (layer,)):
            rank[name] = i
    actual = sorted(d for d in os.listdir(core) if os.path.isdir(os.path.join(core, d)))
    for d in actual:
        if d not in rank:
            problems.append('app/core/%s is not in the layer order (tests/architecture/check_layers.py)' % d)
    core_edges = folder_graph(core, problems, set(rank))
    for here, targets in sorted(core_edges.items()):
        for there, (path, number, target) in sorted(targets.items()):
            if rank.get(there, -1) > rank.get(here, len(CORE_LAYERS)):
                problems.append('%s:%d: %s includes "%s" from %s, a higher layer' % (path, number, here, target, there))
            elif rank.get(there) == rank.get(here):
                problems.append('%s:%d: %s includes "%s" from %s, a sibling on its layer' % (path, number, here, target, there))
    for path in sources(core):
        for number, target in includes(path):
            base = os.path.basename(target)
            if os.path.exists(os.path.join(gui, target)) or target.startswith(('ui/', 'cli/')):
                problems.append('%s:%d: the core includes "%s" from the GUI or the CLI' % (path, number, base))

    gui_rooms = sorted(d for d in os.listdir(gui) if os.path.isdir(os.path.join(gui, d)))
    gui_edges = folder_graph(gui, problems, set(gui_rooms))
    cycle = find_cycle(gui_edges)
    if cycle:
        steps = []
        for a, b in zip(cycle, cycle[1:]):
            path, number, target = gui_edges[a][b]
            steps.append('%s -> %s (%s:%d "%s")' % (a, b, path, number, target))
        problems.append('ui folders form a cycle: ' + '; '.join(steps))

    for p in problems:
        print(p)
    if problems:
        print('%d architecture problem(s)' % len(problems))
        return 1
    print('core: %d rooms in layer order, %d folder edges; ui: %d rooms, %d folder edges, no cycle'
          % (len(actual), sum(len(t) for t in core_edges.values()), len(gui_rooms),
             sum(len(t) for t in gui_edges.values())))
    return 0


if __name__ == '__main__':
    sys.exit(main())
