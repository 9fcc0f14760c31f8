#!/usr/bin/env python3
"""No user-visible English sentence in the code escapes translation.

A Korean window shows whatever the code hands it: a sentence written as QStringLiteral("The URL ...") instead
of tr()/QCoreApplication::translate()/QT_TRANSLATE_NOOP() (or a RecordedText) stays English there, and the
translation check (check_ts_complete.py) cannot see it, since lupdate only finds what is marked. This scans
app/core (every room), app/cli and ui for string literals that read as an English sentence (a capital, then
at least three words) inside QStringLiteral, QLatin1String or QString(...), outside comments and qDebug-style
logging, and fails on any that is not listed in unmarked_allowlist.txt with the reason it stays English (a
text that is the record itself, like the English preview the log filter searches, or words that go on the wire).

usage: check_unmarked_strings.py PROJECT_SOURCE_DIR
"""
import os
import re
import sys

# A literal wrapped as a QString, or handed as a bare "..." to a function whose text the user reads.
LITERAL = re.compile(
    r'(?:\b(?:QStringLiteral|QLatin1String|QLatin1StringView|QString::fromLatin1|QString::fromUtf8|QString)'
    r'|\b(?:usageError|showMessage|setText|setToolTip|setWindowTitle|setPlaceholderText|setStatusTip|setWhatsThis'
    r'|setLabelText|information|warning|critical|question))\(\s*"((?:[^"\\]|\\.)*)"')
SENTENCE = re.compile(r"^[A-Z][a-z']+(?: [A-Za-z%0-9'\\\"(),:;./+-]+){2,}")
LOGGING = re.compile(r'\bq(?:Debug|Info|Warning|Critical|Fatal)\b|\bqC(?:Debug|Info|Warning|Critical)\b')
FOLDERS = ("app/core", "app/cli", "ui")


def scan(root, scanned=None):
    found = []
    for folder in FOLDERS:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                if not name.endswith((".cpp", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if scanned is not None:
                    scanned.append(rel)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                lines = text.split("\n")
                # The whole file at once: a literal often starts on the line after QStringLiteral(.
                for match in LITERAL.finditer(text):
                    number = text.count("\n", 0, match.start()) + 1
                    line = lines[number - 1]
                    if line.lstrip().startswith("//") or LOGGING.search(line):
                        continue
                    if SENTENCE.match(match.group(1)):
                        found.append((rel, number, match.group(1)))
    return found


def load_allowlist(path):
    """Lines "path | sentence start | why it stays English"; '#' starts a comment."""
    allowed = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3 or not all(parts):
                raise SystemExit(f"unmarked_allowlist.txt: need 'path | sentence start | reason': {line!r}")
            allowed.append((parts[0], parts[1]))
    return allowed


def selftest():
    """The scan finds what it is for, and leaves marked and logged texts alone."""
    import tempfile
    sample = (
        'void f() {\n'
        '    *error = QStringLiteral(\n        "The URL has no host at all.");\n'  # found, its text on the next line
        '    label->setToolTip("Shows every frame of it");\n'  # found: a bare literal the user reads
        '    *error = tr("The URL has no port at all.");\n'  # marked
        '    // QStringLiteral("A comment is not code at all")\n'
        '    qWarning() << QStringLiteral("Logged for the developer only");\n'
        '    const auto id = QStringLiteral("no-format-fits");\n'  # an id, not a sentence
        '}\n')
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "app", "core", "room"))
        with open(os.path.join(root, "app", "core", "room", "sample.cpp"), "w") as f:
            f.write(sample)
        found = [(line, text) for _, line, text in scan(root)]
    expected = [(2, "The URL has no host at all."), (4, "Shows every frame of it")]
    if found != expected:
        print(f"selftest: the scan found {found}, expected {expected}")
        return False
    return True


def main():
    root = sys.argv[1]
    if not selftest():
        return 1
    allowed = load_allowlist(os.path.join(os.path.dirname(os.path.abspath(__file__)), "unmarked_allowlist.txt"))
    scanned = []
    found = scan(root, scanned)
    used = set()
    problems = []
    for rel, number, text in found:
        entry = next(((p, s) for p, s in allowed if p == rel and text.startswith(s)), None)
        if entry:
            used.add(entry)
        else:
            problems.append(f"{rel}:{number}: an English sentence not marked for translation: {text[:90]!r}")
    stale = [f"unmarked_allowlist.txt: no longer found: {p} | {s}" for p, s in allowed if (p, s) not in used]
    for line in problems + stale:
        print(line)
    # The scan itself broke (a moved folder): it would pass on nothing. Counted in files, not in sentences found,
    # since converting the last unmarked sentences is the point.
    if len(scanned) < 200:
        print(f"the scan read only {len(scanned)} source files; expected the app's hundreds")
        return 1
    print(f"{len(scanned)} files, {len(found)} English sentences in literals, {len(problems)} not marked and not allowed, "
          f"{len(stale)} stale allowlist entries")
    return 1 if problems or stale else 0


if __name__ == "__main__":
    sys.exit(main())
