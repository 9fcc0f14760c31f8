// The detail view's Fields tab: one event's fields as "name, value" rows, and how its connection ended.
#pragma once

#include <QTreeWidget>

namespace wsi {

class Connection;
struct EventRecord;

// Knows what is worth saying about each event type (frame header bits, close code and reason, error layer...),
// apart from the payload tabs, which only show bytes.
class EventFieldList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit EventFieldList(QWidget *parent = nullptr);

    void addField(const QString &name, const QString &value, const QString &tip = {});
    // The fields every event has: type, time, direction, and a note when secrets are masked.
    void addCommonFields(const EventRecord &r, const Connection &connection, bool masked);
    // The fields of this event's type; returns the title of the tab ("Frame header", "Close" or "Details").
    // row: the event row of r (its words in the window's language, for the app's own rows).
    QString addTypeFields(qsizetype row, const EventRecord &r, QByteArrayView payload, const Connection &connection);
    // "Field: value" lines.
    QStringList lines() const;

private:
    // The connection's ending in fields: who closed, clean or not, the time between, what to try.
    void addWhyItEnded(const Connection &connection);
};

} // namespace wsi
