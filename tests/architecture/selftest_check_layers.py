#!/usr/bin/env python3
"""The architecture test's own test: on small made-up trees, check_layers.py passes a clean tree and names
each kind of offence (an include up the order, between siblings, a folder-less include, a core folder missing
from the order, the core including a GUI header, a cycle between GUI folders)."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, 'check_layers.py')


def make_tree(root, files):
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w') as fh:
            fh.write(text)


def run(files):
    with tempfile.TemporaryDirectory() as root:
        make_tree(root, files)
        out = subprocess.run([sys.executable, CHECK, root], capture_output=True, text=True)
        return out.returncode, out.stdout


CLEAN = {
    'app/core/protocol/framedecoder.h': '#pragma once\n',
    'app/core/store/eventstore.h': '#include "protocol/framedecoder.h"\n',
    'app/core/connection/connection.h': '#include "store/eventstore.h"\n#include "protocol/framedecoder.h"\n',
    'app/core/models/eventlogmodel.cpp': '#include "models/eventlogmodel.h"\n#include "connection/connection.h"\n',
    'app/core/models/eventlogmodel.h': '#pragma once\n',
    'ui/log/eventlogview.h': '#include "connection/connection.h"\n#include "common/theme.h"\n',
    'ui/common/theme.h': '#pragma once\n',
}

failures = []


def expect(name, files, code, *needles):
    rc, out = run(files)
    if rc != code or any(n not in out for n in needles):
        failures.append('%s: exit %d (expected %d), output:\n%s' % (name, rc, code, out))


expect('clean tree passes', CLEAN, 0, 'no cycle')
expect('include up the order', dict(CLEAN, **{'app/core/store/eventstore.h': '#include "connection/connection.h"\n'}), 1,
       'app/core/store/eventstore.h:1: store includes "connection/connection.h" from connection, a higher layer')
expect('siblings', dict(CLEAN, **{'app/core/server/localserver.h': '#include "files/sessionjournal.h"\n',
                                  'app/core/files/sessionjournal.h': '#pragma once\n'}), 1, 'a sibling on its layer')
expect('include without a folder', dict(CLEAN, **{'app/core/store/eventrecord.h': '#include "framedecoder.h"\n'}), 1,
       'names no folder')
expect('unknown core folder', dict(CLEAN, **{'app/core/misc/thing.h': '#pragma once\n'}), 1,
       'app/core/misc is not in the layer order')
expect('core includes the GUI', dict(CLEAN, **{'app/core/store/eventrecord.h': '#include "common/theme.h"\n'}), 1,
       'the core includes "theme.h"')
expect('gui cycle', dict(CLEAN, **{'ui/common/theme.h': '#include "log/eventlogview.h"\n'}), 1,
       'ui folders form a cycle: common -> log')

for f in failures:
    print(f)
print('%d of 7 cases failed' % len(failures) if failures else 'all 7 cases behave')
sys.exit(1 if failures else 0)
