// PayloadCache: the app-wide budget for recorded bytes held in RAM (payloads and event records); what is over it
// waits in a spill file.
#include "store/payloadcache.h"

#include "store/cacheclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTimer>

#include <unistd.h>
#ifdef Q_OS_LINUX
#include <fcntl.h>
#endif

namespace wsi {

PayloadCache &PayloadCache::instance()
{
    static PayloadCache cache;
    return cache;
}

void PayloadCache::setBudget(qint64 bytes)
{
    m_budget = qMax<qint64>(bytes, qint64(1) << 20);
    scheduleTrim();
}

PayloadCache::Handle PayloadCache::add(CacheClient *owner, quint32 chunk, qint64 bytes)
{
    m_resident += bytes;
    m_lru.push_back(Entry { owner, chunk, bytes });
    scheduleTrim();
    return std::prev(m_lru.end());
}

void PayloadCache::touch(Handle handle)
{
    m_lru.splice(m_lru.end(), m_lru, handle);
}

void PayloadCache::resize(Handle handle, qint64 bytes)
{
    m_resident += bytes - handle->bytes;
    handle->bytes = bytes;
    scheduleTrim();
}

void PayloadCache::remove(Handle handle)
{
    m_resident -= handle->bytes;
    m_lru.erase(handle);
}

void PayloadCache::scheduleTrim()
{
    if (m_trimPosted || m_resident <= m_budget || m_spillFailed)
        return;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return; // no event loop (a unit test without an application): trim() only when called
    m_trimPosted = true;
    QTimer::singleShot(0, app, [this] {
        m_trimPosted = false;
        trim();
    });
}

void PayloadCache::trim()
{
    while (m_resident > m_budget && !m_lru.empty()) {
        const Entry entry = m_lru.front();
        // The owner writes the chunk out (if it is not in the file already), frees it and calls remove().
        if (!entry.owner->evict(entry.chunk))
            break;
        ++m_evictions;
    }
}

bool PayloadCache::openSpillFile()
{
    if (m_spill.isOpen())
        return true;
    if (m_spillFailed)
        return false;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    folder += QStringLiteral("/spill");
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QTemporaryFile file(folder + QStringLiteral("/payloads-XXXXXX"));
    if (!file.open()) {
        m_spillFailed = true;
        m_error = QCoreApplication::translate("PayloadCache",
            "Payloads beyond the memory budget stay in memory: the spill file in %1 could not be created (%2).")
                      .arg(folder, file.errorString());
        return false;
    }
    // Keep the open descriptor and drop the name: the bytes are ours alone and vanish with the process.
    if (!m_spill.open(dup(file.handle()), QIODevice::ReadWrite | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
        m_spillFailed = true;
        m_error = QCoreApplication::translate("PayloadCache", "The spill file could not be opened: %1")
                      .arg(m_spill.errorString());
        return false;
    }
    file.remove();
    return true;
}

bool PayloadCache::spill(QByteArrayView bytes, qint64 *offset)
{
    if (!openSpillFile())
        return false;
    if (!m_spill.seek(m_spillEnd) || m_spill.write(bytes.data(), bytes.size()) != bytes.size()) {
        m_spillFailed = true;
        m_error = QCoreApplication::translate(
            "PayloadCache", "Payloads beyond the memory budget stay in memory: writing the spill file failed (%1).")
                      .arg(m_spill.errorString());
        return false;
    }
    *offset = m_spillEnd;
    m_spillEnd += bytes.size();
    m_spilledLive += bytes.size();
    return true;
}

bool PayloadCache::readBack(qint64 offset, char *into, qint64 size)
{
    ++m_readBacks;
    if (!m_spill.isOpen() || !m_spill.seek(offset))
        return false;
    return m_spill.read(into, size) == size;
}

void PayloadCache::release(qint64 offset, qint64 size)
{
    m_spilledLive -= size;
#ifdef Q_OS_LINUX
    // The space goes back to the disk; the file keeps its size (offsets stay valid) as a sparse file.
    if (m_spill.isOpen())
        fallocate(m_spill.handle(), FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, size);
#else
    Q_UNUSED(offset)
#endif
}

} // namespace wsi
