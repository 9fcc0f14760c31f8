// CodecTree: what a binary codec made of one message: its nodes, and a named note when the bytes are malformed.
#pragma once

#include "decode/codecnode.h"
#include "language/recordedtext.h"

#include <QJsonValue>

namespace wsi {

// A decoder stops at the first malformed byte and keeps what it read before it, so the user sees how far
// the payload made sense; noteId names the problem ("cbor-truncated", "msgpack-depth"...).
struct CodecTree
{
    QString format; // "cbor", "msgpack", "protobuf"
    QList<CodecNode> nodes; // top-level values (more than one for a CBOR or MessagePack sequence)
    QString noteId;
    QString note; // in English: what the CLI, tools and tests read
    RecordedText shownNote; // the same words, for the window to show in its language

    // A note's words: spell the source as QT_TRANSLATE_NOOP("wsi::CodecTree", "...") so that lupdate sees it.
    static RecordedText noteText(const char *source) { return RecordedText("wsi::CodecTree", source); }
    int nodeCount = 0;

    bool isMalformed() const { return !noteId.isEmpty(); }
    // Sets the first note only: the first problem is the one that explains the rest.
    void setNote(const QString &id, const RecordedText &text);
    // The nodes as nested JSON ({"key": ..., "value": ..., "type": ..., "children": [...]}), for tests and tools.
    QJsonValue toJson() const;
    // The node at a path of keys ("0/name"), or nullptr: what tests read.
    const CodecNode *find(const QString &path) const;
};

} // namespace wsi
