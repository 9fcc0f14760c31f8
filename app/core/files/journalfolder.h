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
    // Deletes files from the front of filesByAge (oldest first), never one in activePaths, until total (their
    // size, updated) is within maxTotal; returns how many were deleted.
    static int deleteOldest(
        const QFileInfoList &filesByAge, qint64 maxTotal, const QSet<QString> &activePaths, qint64 &total);
};

} // namespace wsi
