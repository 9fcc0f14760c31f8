// What the journal tests share (tst_journalwriter, tst_sessionjournal, tst_proxiedjournal): events appended to
// a connection by hand, a session file read back, its event lines without the header line, and the lines
// SessionLogWriter writes for a connection (what a journal must hold, byte for byte).
#pragma once

#include "connection/connection.h"
#include "files/sessionlogwriter.h"

#include <QByteArray>
#include <QFile>
#include <QString>

inline void appendEvent(wsi::Connection &c, wsi::EventType type, wsi::Direction dir, const QByteArray &payload,
    qint64 t, quint64 value = 0, quint8 sub = 0, quint8 flags = 0)
{
    wsi::EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = t;
    r.value = value;
    r.sub = sub;
    r.flags = flags;
    c.appendEvent(r, payload);
}

// A text message of one frame.
inline void appendText(wsi::Connection &c, wsi::Direction dir, const QByteArray &text, qint64 t)
{
    appendEvent(c, wsi::EventType::Message, dir, text, t, quint64(text.size()), 1, wsi::FlagText);
}

// The file's bytes; empty when it cannot be read.
inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A session file's event lines: everything after its header line.
inline QByteArray withoutHeader(const QByteArray &file)
{
    return file.mid(file.indexOf('\n') + 1);
}

inline QByteArray writerLines(const wsi::Connection &c)
{
    QByteArray lines;
    for (qsizetype i = 0; i < c.events().size(); ++i)
        lines += wsi::SessionLogWriter::eventLine(c, i);
    return lines;
}
