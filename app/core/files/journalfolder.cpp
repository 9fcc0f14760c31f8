// JournalFolder: what the session journal's folder holds: its files listed with what each one's head says.
#include "files/journalfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace wsi {

QStringList JournalFolder::nameFilters()
{
    return { QStringLiteral("session-*.jsonl") };
}

QList<SessionJournal::SessionInfo> JournalFolder::list(const QString &folder, const QSet<QString> &activePaths)
{
    using SessionInfo = SessionJournal::SessionInfo;
    QList<SessionInfo> sessions;
    const QFileInfoList files = QDir(folder).entryInfoList(nameFilters(), QDir::Files);
    for (const QFileInfo &fi : files) {
        SessionInfo info;
        info.filePath = fi.absoluteFilePath();
        info.size = fi.size();
        info.started = fi.lastModified().toUTC();
        info.active = activePaths.contains(info.filePath);
        // Only the head is read: the header line and, a few lines on, the first handshake_request.
        QFile file(info.filePath);
        if (file.open(QIODevice::ReadOnly)) {
            for (int line = 0; line < 16 && !file.atEnd(); ++line) {
                const QJsonObject o = QJsonDocument::fromJson(file.readLine(256 * 1024)).object();
                if (line == 0) {
                    const QDateTime t
                        = QDateTime::fromString(o.value(QLatin1String("t")).toString(), Qt::ISODateWithMs);
                    if (t.isValid())
                        info.started = t.toUTC();
                }
                if (o.value(QLatin1String("event")).toString() == QLatin1String("handshake_request")) {
                    info.firstUrl = o.value(QLatin1String("url")).toString();
                    break;
                }
            }
        }
        sessions << info;
    }
    std::sort(sessions.begin(), sessions.end(), [](const SessionInfo &a, const SessionInfo &b) {
        return a.started != b.started ? a.started > b.started : a.filePath > b.filePath;
    });
    return sessions;
}

QStringList JournalFolder::oldestOverCap(
    const QFileInfoList &filesByAge, qint64 maxTotal, const QSet<QString> &activePaths, qint64 &total)
{
    QStringList doomed;
    for (const QFileInfo &fi : filesByAge) {
        if (total <= maxTotal)
            break;
        if (activePaths.contains(fi.absoluteFilePath()))
            continue;
        doomed << fi.absoluteFilePath();
        total -= fi.size();
    }
    return doomed;
}

} // namespace wsi
