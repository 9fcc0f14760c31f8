// SessionImporter: reads a session log or HAR file into read-only connections.
#include "files/sessionimporter.h"

#include "connection/connection.h"
#include "files/harimporter.h"
#include "files/sessionexporter.h"
#include "files/sessionlogreader.h"

#include <QCoreApplication>
#include <QFile>

namespace wsi {

namespace {

// Neither extension: the session log's first line names its format; a HAR file is one JSON object with "log".
SessionExporter::Format sniff(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return SessionExporter::Format::Unknown;
    const QByteArray head = file.read(4096);
    if (head.contains("wsinspector-session/"))
        return SessionExporter::Format::SessionLog;
    if (head.trimmed().startsWith('{') && head.contains("\"log\""))
        return SessionExporter::Format::Har;
    return SessionExporter::Format::Unknown;
}

} // namespace

bool SessionImporter::readFile(const QString &path)
{
    m_error.clear();
    m_notes.clear();
    m_connections.clear();
    if (!QFile::exists(path)) {
        m_error = QCoreApplication::translate("wsi::SessionImporter", "%1: no such file").arg(path);
        return false;
    }
    SessionExporter::Format format = SessionExporter::formatForPath(path);
    if (format == SessionExporter::Format::Unknown)
        format = sniff(path);
    m_formatName = SessionExporter::formatName(format);
    if (format == SessionExporter::Format::Har) {
        HarImporter importer;
        if (!importer.readFile(path)) {
            m_error
                = QCoreApplication::translate("wsi::SessionImporter", "%1 (HAR): %2").arg(path, importer.errorString());
            return false;
        }
        m_notes = importer.notes();
        m_connections = importer.takeConnections();
    } else if (format == SessionExporter::Format::SessionLog) {
        SessionLogReader reader;
        if (!reader.readFile(path)) {
            m_error = QCoreApplication::translate("wsi::SessionImporter", "%1 (session log): %2")
                          .arg(path, reader.errorText().translated());
            return false;
        }
        m_notes = reader.translatedNotes(); // shown once, like m_error, in the language in effect
        m_connections = reader.takeConnections();
    } else {
        m_error = QCoreApplication::translate("wsi::SessionImporter",
            "%1: unknown format: neither a WS Inspector session log (.jsonl) nor a HAR file (.har)")
                      .arg(path);
        return false;
    }
    if (m_connections.empty()) {
        m_error = QCoreApplication::translate("wsi::SessionImporter", "%1: holds no WebSocket connection").arg(path);
        return false;
    }
    return true;
}

} // namespace wsi
