// ProcessFootprint: this process's resident memory and open file descriptors, as Linux's /proc reports them.
#include "learn/processfootprint.h"

#include <QDir>
#include <QFile>

namespace wsi {

ProcessFootprint ProcessFootprint::current()
{
    ProcessFootprint footprint;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        footprint.residentKb = residentKbFromStatus(status.readAll());
    const QDir fds(QStringLiteral("/proc/self/fd"));
    if (fds.exists()) // the listing itself holds one descriptor while it reads: the same before and after
        footprint.openDescriptors = int(fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
    return footprint;
}

qint64 ProcessFootprint::residentKbFromStatus(const QByteArray &status)
{
    for (const QByteArray &line : status.split('\n')) {
        if (!line.startsWith("VmRSS:"))
            continue;
        // "VmRSS:\t   12345 kB"
        const QList<QByteArray> fields = line.mid(6).simplified().split(' ');
        bool ok = false;
        const qint64 value = fields.value(0).toLongLong(&ok);
        if (!ok)
            return -1;
        return fields.value(1) == "mB" ? value * 1024 : value;
    }
    return -1;
}

} // namespace wsi
