#!/usr/bin/env python3
"""The no-display test: with DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset, `wsinspector --version` and
`--help` print and exit 0 (QApplication would abort), proxy options that cannot go together exit 1 naming why, and every wsinspector-cli command runs: serve, a connect
to it that closes cleanly, and convert.

Run by CTest (tests/CMakeLists.txt) as `check_headless.py <wsinspector> <wsinspector-cli> <test data dir>`."""
import json
import os
import signal
import subprocess
import sys
import tempfile

ENV = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'QT_QPA_PLATFORM')}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=60)
    return result.returncode, result.stdout, result.stderr


def main():
    gui, cli, data = sys.argv[1], sys.argv[2], sys.argv[3]

    for binary, name in ((gui, 'wsinspector'), (cli, 'wsinspector-cli')):
        for flag in ('--version', '-v'):
            code, out, err = run([binary, flag])
            # Both print the application name they share (one app data folder): "wsinspector 0.1.0".
            check(code == 0 and out.strip() == 'wsinspector 0.1.0', '%s %s: exit %d, %r %r' % (name, flag, code, out, err))
        for flag in ('--help', '-h'):
            code, out, err = run([binary, flag])
            check(code == 0 and out.startswith('Usage: ') and '--version' in out,
                  '%s %s: exit %d, %r %r' % (name, flag, code, out, err))
    code, out, err = run([gui, '--connect', 'ws://127.0.0.1:9/', '--help'])
    check(code == 0 and '--connect <url>' in out, 'wsinspector --connect URL --help: exit %d, %r' % (code, err))
    # Proxy options that cannot go together are refused by name before any display is needed, not half done.
    code, out, err = run([gui, '--proxy', 'ws://127.0.0.1:9/', '--forward-proxy', '0'])
    check(code == 1 and '--proxy and --forward-proxy' in err,
          'wsinspector --proxy URL --forward-proxy 0: exit %d, %r' % (code, err))
    code, out, err = run([gui, '--proxy-at', '9200'])
    check(code == 1 and 'give --proxy <url> too' in err, 'wsinspector --proxy-at 9200: exit %d, %r' % (code, err))
    code, out, err = run([gui, '--proxy', 'ws://127.0.0.1:9/', '--proxy-at', '0', '--help'])
    check(code == 0 and '--proxy-at <[host:]port>' in out and '--forward-proxy <[host:]port>' in out,
          'wsinspector --proxy URL --proxy-at 0 --help: exit %d, %r' % (code, err))
    for command in ('connect', 'serve', 'convert'):
        code, out, err = run([cli, command, '--help'])
        check(code == 0 and out.startswith('Usage: '), 'wsinspector-cli %s --help: exit %d, %r' % (command, code, err))

    with tempfile.TemporaryDirectory(prefix='wsi-headless-') as home:
        env = dict(ENV, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
                   XDG_CONFIG_HOME=os.path.join(home, 'config'))
        serve = subprocess.Popen([cli, 'serve', '--port', '0', '--duration-ms', '60000'], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env)
        try:
            url = None
            for line in serve.stdout:
                event = json.loads(line)
                if event.get('event') == 'listening':
                    url = event['url']
                    break
            check(url is not None, 'wsinspector-cli serve printed no listening line')
            if url:
                connect = subprocess.run([cli, 'connect', url, '--send', 'headless', '--wait-ms', '200'],
                                         capture_output=True, text=True, env=env, timeout=60)
                check(connect.returncode == 0, 'wsinspector-cli connect: exit %d, %r' % (connect.returncode,
                                                                                       connect.stderr))
                echoes = [json.loads(line) for line in connect.stdout.splitlines()]
                check(any(e.get('event') == 'message' and e.get('dir') == 'in' and e.get('text') == 'headless'
                          for e in echoes), 'wsinspector-cli connect got no echo of its message')
        finally:
            serve.send_signal(signal.SIGTERM)
            out, err = serve.communicate(timeout=60)
        check(serve.returncode == 0, 'wsinspector-cli serve: exit %d after SIGTERM, %r' % (serve.returncode, err))

        converted = os.path.join(home, 'odd-messages.jsonl')
        code, out, err = run([cli, 'convert', os.path.join(data, 'odd-messages.har'), converted])
        check(code == 0 and os.path.getsize(converted) > 0, 'wsinspector-cli convert: exit %d, %r' % (code, err))
    print('%d failure(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
