#!/usr/bin/env python3
"""Debian's mosquitto with a WebSocket listener, for WS Inspector's tests: `mosquitto_broker.py <dir>` writes a
config into <dir> (a websockets listener on 127.0.0.1 at a free port, protocol websockets, allow_anonymous true, no
persistence), starts mosquitto, waits until it accepts connections and prints "PORT <n>". mosquitto dies with
this script (PR_SET_PDEATHSIG), so killing the script stops the broker. Fails with a clear message when
mosquitto is not installed (scripts/test installs it)."""
import ctypes
import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def die_with_parent():
    ctypes.CDLL('libc.so.6', use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def main():
    directory = sys.argv[1]
    binary = shutil.which('mosquitto') or ('/usr/sbin/mosquitto' if os.path.exists('/usr/sbin/mosquitto') else None)
    if not binary:
        sys.exit('mosquitto is not installed: run scripts/test (it installs Debian\'s mosquitto)')
    for attempt in range(5):
        port, plain = free_port(), free_port()
        config = os.path.join(directory, 'mosquitto.conf')
        with open(config, 'w') as f:
            # mosquitto 2.0.11 refuses to start with websockets listeners only ("Unable to start any listening
            # sockets"): a plain MQTT listener on 127.0.0.1 comes first.
            # As root, mosquitto would switch to user "mosquitto", which also clears its parent-death signal.
            f.write(f'user {getpass.getuser()}\n')
            f.write(f'listener {plain} 127.0.0.1\nlistener {port} 127.0.0.1\nprotocol websockets\n'
                    'allow_anonymous true\npersistence false\nlog_dest stderr\nlog_type error\nlog_type warning\n')
        broker = subprocess.Popen([binary, '-c', config], preexec_fn=die_with_parent)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and broker.poll() is None:
            try:
                with socket.create_connection(('127.0.0.1', port), timeout=0.5):
                    print(f'PORT {port}', flush=True)
                    sys.exit(broker.wait())
            except OSError:
                time.sleep(0.05)
        broker.kill()
        broker.wait()
    sys.exit('mosquitto did not start listening on 127.0.0.1')


if __name__ == '__main__':
    main()
