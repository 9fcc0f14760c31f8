#!/usr/bin/env python3
"""The install test: `cmake --install` into a temporary prefix puts every file where a Linux desktop expects it,
and the desktop entry and the AppStream metainfo pass their validators.

Run by CTest (tests/CMakeLists.txt) as `check_install.py <cmake> <build dir>`, after the build."""
import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ICON_SIZES = [16, 22, 24, 32, 48, 64, 128, 256]
METAINFO = 'share/metainfo/io.github.wsinspector.WSInspector.metainfo.xml'
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message)


def png_size(path):
    with open(path, 'rb') as fh:
        head = fh.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def main():
    cmake, build = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix='wsi-install-') as prefix:
        code, output = run([cmake, '--install', build, '--prefix', prefix])
        check(code == 0, 'cmake --install failed:\n' + output)
        if code != 0:
            return 1

        for binary in ('bin/wsinspector', 'bin/wsinspector-cli'):
            path = os.path.join(prefix, binary)
            check(os.path.isfile(path) and os.access(path, os.X_OK), binary + ' is not installed as an executable')

        desktop = os.path.join(prefix, 'share/applications/wsinspector.desktop')
        metainfo = os.path.join(prefix, METAINFO)
        expected = [
            'share/icons/hicolor/scalable/apps/wsinspector.svg',
            'share/man/man1/wsinspector.1',
            'share/man/man1/wsinspector-cli.1',
            'share/bash-completion/completions/wsinspector-cli',
            'share/zsh/vendor-completions/_wsinspector-cli',
        ]
        for size in ICON_SIZES:
            expected.append('share/icons/hicolor/%dx%d/apps/wsinspector.png' % (size, size))
        for path in [desktop, metainfo] + [os.path.join(prefix, p) for p in expected]:
            check(os.path.isfile(path), os.path.relpath(path, prefix) + ' is not installed')
        if failures:
            return 1

        for size in ICON_SIZES:
            path = os.path.join(prefix, 'share/icons/hicolor/%dx%d/apps/wsinspector.png' % (size, size))
            check(png_size(path) == (size, size), '%s is not a %dx%d PNG: %r' % (path, size, size, png_size(path)))
        with open(os.path.join(prefix, 'share/icons/hicolor/scalable/apps/wsinspector.svg'), encoding='utf-8') as fh:
            check(ET.fromstring(fh.read()).tag.endswith('svg'), 'the scalable icon is not an SVG')

        # No translations exist yet: the rule must not leave an empty folder behind.
        translations = os.path.join(prefix, 'share/wsinspector/translations')
        check(not os.path.exists(translations) or any(f.endswith('.qm') for f in os.listdir(translations)),
              'share/wsinspector/translations is installed without any .qm file')

        code, output = run(['desktop-file-validate', desktop])
        check(code == 0 and 'error' not in output, 'desktop-file-validate:\n' + output)
        code, output = run(['appstreamcli', 'validate', '--no-net', metainfo])
        check(code == 0, 'appstreamcli validate --no-net:\n' + output)
        code, output = run(['appstreamcli', 'validate-tree', '--no-net', prefix])
        check(code == 0, 'appstreamcli validate-tree --no-net:\n' + output)

        # The three files name one another: Icon= and the stock icon, Exec= and the binary, the launchable.
        with open(desktop, encoding='utf-8') as fh:
            entry = dict(line.split('=', 1) for line in fh.read().splitlines() if '=' in line)
        check(entry.get('Icon') == 'wsinspector', 'the desktop entry names icon %r' % entry.get('Icon'))
        check(entry.get('Exec', '').split()[0] == 'wsinspector', 'the desktop entry runs %r' % entry.get('Exec'))
        component = ET.parse(metainfo).getroot()
        check(component.findtext('launchable') == 'wsinspector.desktop', 'the metainfo launches another file')
        check(component.findtext('icon') == 'wsinspector', 'the metainfo names another icon')
        check(len(component.findall('screenshots/screenshot')) >= 1, 'the metainfo has no screenshot')
        check(component.find('releases/release[@version="0.1.0"]/description') is not None,
              'the metainfo has no release notes for 0.1.0')
        check(component.find('content_rating') is not None, 'the metainfo has no content rating')
        check(re.match(r'https?://', component.findtext('url') or '') is not None, 'the metainfo has no homepage')
    print('%d failure(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
