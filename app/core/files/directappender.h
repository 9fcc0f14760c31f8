// DirectAppender: appends to a file with its whole 4 KiB blocks written around the page cache (O_DIRECT).
#pragma once

#include <QString>
#include <QtGlobal>

namespace wsi {

// A flooded connection's journal grows by hundreds of MB a minute, and copying it into the page cache was a
// third of the window's CPU in a flood (perf: copy_folio_from_iter_atomic on the journal's writer thread), for
// bytes nobody reads back soon. The appender writes the file's whole blocks with O_DIRECT, from one aligned
// buffer, and only the unfinished last block through the page cache; that block is written again, directly,
// once it is whole. Every byte is in the kernel when append() returns, as with a plain write(): a killed
// process loses nothing that was appended. Linux only; elsewhere, and on file systems that refuse O_DIRECT,
// attach() says no and the caller writes as before. Used from one thread.
class DirectAppender
{
public:
    static constexpr qsizetype kBlock = 4096;
    static constexpr qsizetype kBufferBytes = 256 * 1024; // per attached file: only floods attach

    DirectAppender() = default;
    ~DirectAppender();
    DirectAppender(const DirectAppender &) = delete;
    DirectAppender &operator=(const DirectAppender &) = delete;

    // Opens the existing file at path (never creates it) to append at its end. False when direct writes are not
    // possible here; the appender then stays detached.
    bool attach(const QString &path);
    bool attached() const { return m_plainFd >= 0; }
    // Appends at the end of the file. False on an error (errorString() says which); the appender is detached then.
    bool append(const char *data, qsizetype size);
    void detach();

    QString errorString() const { return m_error; }
    // Bytes written with O_DIRECT so far (tests, benchmarks).
    qint64 directBytes() const { return m_directBytes; }

private:
    bool writeWholeBlocks();
    bool writeTail();
    bool fail(int error);

    int m_plainFd = -1;
    int m_directFd = -1;
    char *m_buffer = nullptr; // aligned to kBlock: the file from m_blockStart on, as far as appended
    qsizetype m_used = 0;
    qint64 m_blockStart = 0; // a multiple of kBlock
    qint64 m_inKernel = 0; // the file's bytes up to here are in the kernel (on disk or in the page cache)
    qint64 m_directBytes = 0;
    QString m_error;
};

} // namespace wsi
