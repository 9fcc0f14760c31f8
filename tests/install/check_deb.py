#!/usr/bin/env python3
"""The package test: `cpack -G DEB` makes wsinspector_<version>_<arch>.deb, and `dpkg-deb` finds in it the
binaries and desktop files under /usr, and Depends computed from the binaries (libqt6*).

Run by CTest (tests/CMakeLists.txt) as `check_deb.py <cpack> <build dir>`, after the build."""
import glob
import os
import subprocess
import sys
import tempfile

EXPECTED = [
    './usr/bin/wsinspector',
    './usr/bin/wsinspector-cli',
    './usr/share/applications/wsinspector.desktop',
    './usr/share/metainfo/io.github.wsinspector.WSInspector.metainfo.xml',
    './usr/share/icons/hicolor/scalable/apps/wsinspector.svg',
    './usr/share/icons/hicolor/48x48/apps/wsinspector.png',
    './usr/share/icons/hicolor/256x256/apps/wsinspector.png',
    './usr/share/man/man1/wsinspector.1',
    './usr/share/man/man1/wsinspector-cli.1',
    './usr/share/bash-completion/completions/wsinspector-cli',
]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message)


def main():
    cpack, build = sys.argv[1], os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix='wsi-deb-') as out:
        result = subprocess.run([cpack, '-G', 'DEB', '--config', os.path.join(build, 'CPackConfig.cmake'), '-B', out],
                                capture_output=True, text=True, cwd=build)
        check(result.returncode == 0, 'cpack -G DEB failed:\n' + result.stdout + result.stderr)
        debs = glob.glob(os.path.join(out, 'wsinspector_*.deb'))
        check(len(debs) == 1, 'cpack made %r, not one wsinspector_*.deb' % os.listdir(out))
        if failures:
            return 1
        deb = debs[0]
        check(os.path.basename(deb).startswith('wsinspector_0.1.0_'), 'the package is named %s' % deb)

        contents = subprocess.run(['dpkg-deb', '-c', deb], capture_output=True, text=True, check=True).stdout
        paths = {line.split()[-1] for line in contents.splitlines() if line.strip()}
        for path in EXPECTED:
            check(path in paths, 'the package does not hold ' + path)
        modes = {line.split()[-1]: line.split()[0] for line in contents.splitlines() if line.strip()}
        for binary in EXPECTED[:2]:
            check(modes.get(binary, '').startswith('-rwxr-xr-x'), '%s is not executable in the package' % binary)
        check(not any(p.startswith('./usr/local') for p in paths), 'the package installs into /usr/local')

        def field(name):
            return subprocess.run(['dpkg-deb', '-f', deb, name], capture_output=True, text=True,
                                  check=True).stdout.strip()

        check(field('Package') == 'wsinspector', 'Package is %r' % field('Package'))
        check(field('Version') == '0.1.0', 'Version is %r' % field('Version'))
        check(field('Section') == 'net', 'Section is %r' % field('Section'))
        check(field('Maintainer') != '', 'the package has no Maintainer')
        check(len(field('Description').splitlines()) > 1, 'the package has no long description')
        depends = [d.strip().split(' ')[0] for d in field('Depends').split(',')]
        for library in ('libqt6core6', 'libqt6gui6', 'libqt6widgets6', 'libqt6network6', 'libqt6websockets6',
                        'libqt6svg6', 'libssl3', 'libprotobuf32'):
            check(library in depends, 'Depends %r lacks %s' % (depends, library))
    print('%d failure(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
