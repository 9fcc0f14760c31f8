// SessionLogHeader: the first line of a session log: its format version, the tool that wrote it and when.
#pragma once

#include "language/recordedtext.h"

#include <QString>

#include <vector>

namespace wsi {

struct JsonField;

// The first line of a session log (docs/session-format.md) decides whether the rest can be read at all: a file
// of another kind, or of a version this reader does not know, is refused as a whole and by name, before any event
// line is read (a reader that took a newer file's lines as it understood them could show a message unchanged
// that a proxy dropped).
class SessionLogHeader
{
public:
    // Reads the first line's scanned fields; false with error() set when the file is refused.
    bool read(const std::vector<JsonField> &fields);
    // Why the file is refused: English for the CLI and the journal, words for the window.
    const RecordedText &error() const { return m_error; }

    QString format() const { return m_format; }
    QString tool() const { return m_tool; }
    QString startedAt() const { return m_startedAt; }

private:
    RecordedText m_error;
    QString m_format;
    QString m_tool;
    QString m_startedAt;
};

} // namespace wsi
