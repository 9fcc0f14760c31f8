#!/usr/bin/env python3
"""Every text the sources mark for translation has a Korean entry in resources/translations/wsinspector_ko.ts,
and the file has no entry the sources no longer mark (obsolete) and none left unfinished.

tst_translations checks the entries that exist (finished, placeholders kept); this catches the ones that are
missing, which otherwise show up as English in a Korean window. lupdate reads the sources into a scratch file
(the project's .ts is never rewritten: `update_translations` names contexts without their namespace), and each
(context, source) it finds must be in the project's file under the same context, with or without the `wsi::`
prefix that lupdate sometimes drops.

usage: check_ts_complete.py LUPDATE PROJECT_SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def load(path):
    entries = {}
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name")
        base = name[len("wsi::"):] if name.startswith("wsi::") else name
        for message in context.findall("message"):
            entries.setdefault(base, set()).add(message.findtext("source"))
    return entries


def main():
    lupdate, root = sys.argv[1], sys.argv[2]
    sources = []
    for folder in ("app", "ui"):
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            sources += [os.path.join(dirpath, f) for f in files if f.endswith((".cpp", ".h", ".ui"))]
    with tempfile.TemporaryDirectory() as scratch:
        listing = os.path.join(scratch, "sources.txt")
        with open(listing, "w") as f:
            f.write("\n".join(sorted(sources)))
        extracted = os.path.join(scratch, "all.ts")
        subprocess.run([lupdate, "-silent", "-locations", "none", "@" + listing, "-ts", extracted],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wanted = load(extracted)
    have = load(os.path.join(root, "resources", "translations", "wsinspector_ko.ts"))
    missing = [(context, text) for context, texts in sorted(wanted.items())
               for text in sorted(texts) if text not in have.get(context, set())]
    if len(sources) < 100 or sum(len(t) for t in wanted.values()) < 1000:
        print(f"lupdate found too little ({len(sources)} files, {sum(len(t) for t in wanted.values())} texts)")
        return 1
    # An entry no source marks any more is dead weight a translator would keep maintaining.
    obsolete = [(context, text) for context, texts in sorted(have.items())
                for text in sorted(texts) if text not in wanted.get(context, set())]
    unfinished = unfinished_entries(os.path.join(root, "resources", "translations", "wsinspector_ko.ts"))
    for context, text in missing:
        print(f"missing Korean entry: {context}: {text[:100]!r}")
    for context, text in obsolete:
        print(f"obsolete Korean entry (no source marks it): {context}: {text[:100]!r}")
    for context, text in unfinished:
        print(f"unfinished Korean entry: {context}: {text[:100]!r}")
    print(f"{sum(len(t) for t in wanted.values())} marked texts, {len(missing)} without a Korean entry, "
          f"{len(obsolete)} obsolete, {len(unfinished)} unfinished")
    return 1 if missing or obsolete or unfinished else 0


def unfinished_entries(path):
    """Entries marked unfinished/obsolete/vanished by Linguist, or with an empty translation."""
    found = []
    for context in ET.parse(path).getroot().findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            empty = translation is None or not ((translation.text or "").strip() or translation.findall("numerusform"))
            if empty or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                found.append((context.findtext("name"), message.findtext("source")))
    return found


if __name__ == "__main__":
    sys.exit(main())
