#pragma once

// A session journal for the tests of how its collection is cut into turns: its own folder, the smallest slice a turn
// takes (setSliceMs(0)), and a timer that starts collecting only every flushIntervalMs (by default a minute: only
// a connection's end takes rows).

#include "files/sessionjournal.h"

#include <QTemporaryDir>

struct SlicedJournal
{
    explicit SlicedJournal(int flushIntervalMs = 60000)
    {
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(flushIntervalMs);
        journal.setSliceMs(0);
    }

    QTemporaryDir dir; // declared first: it outlives the journal's files
    wsi::SessionJournal journal;
};
