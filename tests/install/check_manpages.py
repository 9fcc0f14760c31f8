#!/usr/bin/env python3
"""The man page test: every option that `--help` names (the window's, the CLI's, and each CLI command's) appears
in the man page of its binary, under the section of its command, and in the bash completion of the CLI.

Run by CTest (tests/CMakeLists.txt) as `check_manpages.py <wsinspector> <wsinspector-cli> <source dir>`."""
import os
import re
import subprocess
import sys

OPTION_LINE = re.compile(r'^ {2}(-\S.*?)(?: {2,}|$)')


def help_options(command):
    """The options of a --help text: its lines that start with two spaces and a dash, up to the description."""
    env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'QT_QPA_PLATFORM')}
    result = subprocess.run(command + ['--help'], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit('%s --help exited with %d:\n%s' % (' '.join(command), result.returncode, result.stderr))
    options = set()
    for line in result.stdout.splitlines():
        m = OPTION_LINE.match(line)
        if m:
            for name in m.group(1).split(', '):
                options.add(name.split(' ')[0])
    if not options:
        raise SystemExit('%s --help names no option:\n%s' % (' '.join(command), result.stdout))
    return options


def roff_text(path):
    """The man page as words: escapes for dashes and fonts taken out, so "\\-\\-send" reads "--send"."""
    with open(path, encoding='utf-8') as fh:
        text = fh.read()
    return re.sub(r'\\f[BIRP]', '', text).replace('\\-', '-')


def section(text, title):
    """The text of one .SH section, up to the next one."""
    m = re.search(r'^\.SH "?%s"?\n(.*?)(?=^\.SH |\Z)' % re.escape(title), text, re.S | re.M)
    return m.group(1) if m else ''


def names(text):
    return set(re.findall(r'(?<![\w-])(--?[\w?][\w-]*)', text))


def main():
    gui, cli, source = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = []

    def expect(options, text, where):
        missing = sorted(options - names(text))
        if missing:
            failures.append('%s does not name %s' % (where, ', '.join(missing)))
            print('FAIL: ' + failures[-1])

    gui_page = roff_text(os.path.join(source, 'docs/man/wsinspector.1'))
    expect(help_options([gui]), section(gui_page, 'OPTIONS'), 'wsinspector.1 OPTIONS')

    cli_page = roff_text(os.path.join(source, 'docs/man/wsinspector-cli.1'))
    with open(os.path.join(source, 'resources/completion/wsinspector-cli.bash'), encoding='utf-8') as fh:
        bash = fh.read()
    with open(os.path.join(source, 'resources/completion/_wsinspector-cli'), encoding='utf-8') as fh:
        zsh = fh.read()
    expect(help_options([cli]), section(cli_page, 'GENERAL OPTIONS'), 'wsinspector-cli.1 GENERAL OPTIONS')
    for command in ('connect', 'serve', 'proxy', 'convert', 'compare-transports'):
        options = help_options([cli, command])
        # -h, --help and --version work the same after every command: GENERAL OPTIONS says so once.
        expect(options, section(cli_page, '%s OPTIONS' % command.upper()) + section(cli_page, 'GENERAL OPTIONS'),
               'wsinspector-cli.1 %s OPTIONS' % command)
        expect({o for o in options if o.startswith('--')}, bash, 'the bash completion (%s)' % command)
        expect({o for o in options if o.startswith('--')}, zsh, 'the zsh completion (%s)' % command)
        if not re.search(r'^\.B %s$' % command, section(cli_page, 'COMMANDS'), re.M):
            failures.append('wsinspector-cli.1 COMMANDS does not describe %s' % command)
            print('FAIL: ' + failures[-1])
    env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'QT_QPA_PLATFORM')}
    version = subprocess.run([gui, '--version'], capture_output=True, text=True, env=env).stdout.split()[-1]
    for page, name in ((gui_page, 'wsinspector.1'), (cli_page, 'wsinspector-cli.1')):
        title_line = re.search(r'^\.TH .*$', page, re.M)
        if not title_line or ' %s"' % version not in title_line.group(0):
            failures.append('the .TH line of %s does not name version %s' % (name, version))
            print('FAIL: ' + failures[-1])
        for title in ('EXIT STATUS', 'EXAMPLES'):
            if not section(page, title).strip():
                failures.append('%s has no %s section' % (name, title))
                print('FAIL: ' + failures[-1])
    print('%d failure(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
