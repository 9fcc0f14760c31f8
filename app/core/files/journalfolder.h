// JournalFolder: what the session journal's folder holds: its files listed with what each one's head says.
#pragma once

#include "files/sessionjournal.h"

#include <QFileInfoList>
#include <QList>
#include <QSet>
#include <QString>

namespace wsi {

// The folder side of SessionJournal, apart from the writing: which files are journals, and what the first lines
// of each say (when it started, its first URL).
class JournalFolder
{
public:
    // "session-*.jsonl"
    static QStringList nameFilters();
    // Journal files in the folder, newest first; those whose absolute path is in activePaths are marked active.
    static QList<SessionJournal::SessionInfo> list(const QString &folder, const QSet<QString> &activePaths);
    // The files to delete from the front of filesByAge (oldest first), never one in activePaths, for total (their
    // size, updated as if they were gone) to be within maxTotal.
    static QStringList oldestOverCap(
        const QFileInfoList &filesByAge, qint64 maxTotal, const QSet<QString> &activePaths, qint64 &total);
};

} // namespace wsi
