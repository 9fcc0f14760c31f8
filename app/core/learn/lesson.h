// Lesson: one Learn lesson as data: its title, what to look at, and its steps.
#pragma once

#include "learn/lessonstep.h"

#include <QList>
#include <QString>

namespace wsi {

struct Lesson
{
    QString id; // stable, for tests and settings: "why", "handshake", "wss", "events", "drop", "reconnect", "many"
    const char *title = nullptr; // source texts, translated through LessonCatalog::text()
    const char *lookAt = nullptr; // one paragraph: what the lesson shows and where to look
    QList<LessonStep> steps;
};

} // namespace wsi
