// ReadPassGauge: which clients each event-loop pass reads, to write a lone client's answers at once.
#include "server/readpassgauge.h"

#include <QAbstractEventDispatcher>
#include <QThread>

namespace wsi {

ReadPassGauge::ReadPassGauge(QObject *parent)
    : QObject(parent)
{
    // Every dispatcher emits awake once per pass (before a pass that does not wait, after one that waited).
    if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread()))
        connect(dispatcher, &QAbstractEventDispatcher::awake, this, [this] { ++m_pass; });
}

} // namespace wsi
