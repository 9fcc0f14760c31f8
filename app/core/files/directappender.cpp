// DirectAppender: appends to a file with its whole 4 KiB blocks written around the page cache (O_DIRECT).
#include "files/directappender.h"

#include <QFile>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace wsi {

DirectAppender::~DirectAppender()
{
    detach();
}

bool DirectAppender::attach(const QString &path)
{
    detach();
#if defined(Q_OS_LINUX) && defined(O_DIRECT)
    const QByteArray name = QFile::encodeName(path);
    m_directFd = ::open(name.constData(), O_WRONLY | O_DIRECT | O_CLOEXEC); // no O_CREAT: a deleted journal stays gone
    if (m_directFd < 0)
        return false;
    // Not O_APPEND: pwrite() on an O_APPEND descriptor appends wherever it was told to write (Linux).
    m_plainFd = ::open(name.constData(), O_RDWR | O_CLOEXEC);
    struct stat status;
    void *memory = nullptr;
    if (m_plainFd < 0 || ::fstat(m_plainFd, &status) != 0
        || posix_memalign(&memory, size_t(kBlock), size_t(kBufferBytes)) != 0) {
        detach();
        return false;
    }
    m_buffer = static_cast<char *>(memory);
    m_inKernel = qint64(status.st_size);
    m_blockStart = m_inKernel - m_inKernel % kBlock;
    // The unfinished last block is written again whole: start from what it holds.
    m_used = qsizetype(m_inKernel - m_blockStart);
    qsizetype read = 0;
    while (read < m_used) {
        const ssize_t n = ::pread(m_plainFd, m_buffer + read, size_t(m_used - read), off_t(m_blockStart + read));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            detach();
            return false;
        }
        read += n;
    }
    return true;
#else
    Q_UNUSED(path);
    return false;
#endif
}

void DirectAppender::detach()
{
#ifdef Q_OS_LINUX
    if (m_directFd >= 0)
        ::close(m_directFd);
    if (m_plainFd >= 0)
        ::close(m_plainFd);
#endif
    m_directFd = -1;
    m_plainFd = -1;
    std::free(m_buffer);
    m_buffer = nullptr;
    m_used = 0;
}

bool DirectAppender::append(const char *data, qsizetype size)
{
    if (!attached())
        return false;
    while (size > 0) {
        const qsizetype n = qMin(size, kBufferBytes - m_used);
        std::memcpy(m_buffer + m_used, data, size_t(n));
        m_used += n;
        data += n;
        size -= n;
        if (m_used == kBufferBytes && !writeWholeBlocks())
            return false;
    }
    if (m_used >= kBlock && !writeWholeBlocks())
        return false;
    return writeTail();
}

bool DirectAppender::writeWholeBlocks()
{
#ifdef Q_OS_LINUX
    const qsizetype whole = m_used - m_used % kBlock;
    qsizetype done = 0;
    while (done < whole && m_directFd >= 0) {
        const ssize_t n = ::pwrite(m_directFd, m_buffer + done, size_t(whole - done), off_t(m_blockStart + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EINVAL) {
            // Opened, but no direct writes here after all: the page cache for the rest of this file.
            ::close(m_directFd);
            m_directFd = -1;
            break;
        }
        if (n <= 0)
            return fail(n < 0 ? errno : ENOSPC);
        done += n;
        m_directBytes += n;
    }
    while (done < whole) {
        const ssize_t n = ::pwrite(m_plainFd, m_buffer + done, size_t(whole - done), off_t(m_blockStart + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(n < 0 ? errno : ENOSPC);
        done += n;
    }
    m_blockStart += whole;
    m_inKernel = qMax(m_inKernel, m_blockStart);
    m_used -= whole;
    std::memmove(m_buffer, m_buffer + whole, size_t(m_used));
    return true;
#else
    return false;
#endif
}

bool DirectAppender::writeTail()
{
#ifdef Q_OS_LINUX
    // The bytes of the unfinished block not in the kernel yet: through the page cache, now.
    const qint64 end = m_blockStart + m_used;
    while (m_inKernel < end) {
        const qsizetype from = qsizetype(m_inKernel - m_blockStart);
        const ssize_t n = ::pwrite(m_plainFd, m_buffer + from, size_t(m_used - from), off_t(m_inKernel));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(n < 0 ? errno : ENOSPC);
        m_inKernel += n;
    }
    return true;
#else
    return false;
#endif
}

bool DirectAppender::fail(int error)
{
    m_error = QString::fromLocal8Bit(std::strerror(error));
    detach();
    return false;
}

} // namespace wsi
