// SessionImporter: reads a session log or HAR file into read-only connections.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace wsi {

class Connection;

// Reads a session log (.jsonl) or a HAR file (ours or Chromium DevTools') into read-only connections, telling
// the two apart by extension and, failing that, by content. Errors name the file, the line or position, and
// the problem.
class SessionImporter
{
public:
    bool readFile(const QString &path);

    QString errorString() const { return m_error; }
    QStringList notes() const { return m_notes; }
    // "session log" or "HAR", after a successful read.
    QString formatName() const { return m_formatName; }
    std::vector<std::unique_ptr<Connection>> takeConnections() { return std::move(m_connections); }

private:
    QString m_error;
    QStringList m_notes;
    QString m_formatName;
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace wsi
