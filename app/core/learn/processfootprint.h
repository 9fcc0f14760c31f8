// ProcessFootprint: this process's resident memory and open file descriptors, as Linux's /proc reports them.
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace wsi {

struct ProcessFootprint
{
    qint64 residentKb = -1; // VmRSS of /proc/self/status; -1 when unknown
    int openDescriptors = -1; // entries of /proc/self/fd; -1 when unknown

    bool isKnown() const { return residentKb >= 0 && openDescriptors >= 0; }

    static ProcessFootprint current();
    // The VmRSS line of a /proc/<pid>/status text, in kB; -1 without one.
    static qint64 residentKbFromStatus(const QByteArray &status);
};

} // namespace wsi
