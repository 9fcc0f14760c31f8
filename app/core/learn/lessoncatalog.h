// LessonCatalog: the Learn panel's lessons, in the order they are taught.
#pragma once

#include "learn/lesson.h"

#include <QList>
#include <QString>

namespace wsi {

class LessonCatalog
{
public:
    // Why WebSocket, the handshake, ws vs wss, the four events, why it dropped, reconnect, many connections.
    static const QList<Lesson> &lessons();
    // The lesson with this id; null when there is none.
    static const Lesson *find(const QString &id);
    // A lesson's source text in the current language (the texts are marked in the context wsi::LessonCatalog).
    static QString text(const char *source);
    // How many idle clients the "many connections" lesson opens.
    static constexpr int idleClients = 50;
};

} // namespace wsi
