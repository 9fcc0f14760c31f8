// ShownPreview: the log's preview of a row whose words are the app's own, in the window's language.
#include "models/shownpreview.h"

#include "connection/connection.h"
#include "models/eventpreview.h"
#include "models/legrows.h"
#include "protocol/closecodes.h"
#include "protocol/utf8validator.h"
#include "store/eventstore.h"

#include <QCoreApplication>

namespace wsi {

// The texts keep the log model's translation context: they were its own before this class, and their Korean
// entries are there.

bool ShownPreview::isWorded(const EventStore &store, qsizetype eventRow)
{
    const EventRecord &r = store.at(eventRow);
    switch (r.type) {
    case EventType::Open:
    case EventType::Error:
    case EventType::Info:
    case EventType::Tls:
        return true;
    case EventType::Close:
        return r.value == kNoCloseCode;
    case EventType::Ping:
    case EventType::Pong: {
        // A ping with a text payload shows just that text, which the filter finds in the payload already.
        const QByteArrayView payload = store.payload(eventRow);
        return payload.isEmpty() || (r.type == EventType::Pong && r.value > 0)
            || !Utf8Validator::isValidUtf8(payload.data(), payload.size());
    }
    default:
        return false;
    }
}

QString ShownPreview::text(const Connection *connection, int encodedRow)
{
    // Either leg: the proxy's words on a proxied connection's client leg are the app's own too.
    const qsizetype eventRow = LegRows::indexInLeg(encodedRow);
    const EventStore &store = *LegRows::storeOf(connection, encodedRow);
    const EventRecord &r = store.at(eventRow);
    const QString said = LegRows::isClientLeg(encodedRow) ? connection->rowText(ConnectionLeg::Facing::Client, eventRow)
                                                          : connection->rowText(eventRow);
    switch (r.type) {
    case EventType::Open: {
        const QString subprotocol = store.payloadText(eventRow);
        return subprotocol.isEmpty()
            ? QCoreApplication::translate("wsi::EventLogModel", "Connection open")
            : QCoreApplication::translate("wsi::EventLogModel", "Connection open, subprotocol %1").arg(subprotocol);
    }
    case EventType::Ping:
    case EventType::Pong: {
        const QByteArrayView payload = store.payload(eventRow);
        const QString text = payload.isEmpty() ? QCoreApplication::translate("wsi::EventLogModel", "(no payload)")
                                               : EventPreview::controlPayload(payload);
        return r.type == EventType::Pong && r.value > 0
            ? QCoreApplication::translate("wsi::EventLogModel", "%1  (round trip %2 ms)")
                  .arg(text, QString::number(double(r.value) / 1000.0, 'f', 2))
            : text;
    }
    case EventType::Close:
        return r.value == kNoCloseCode ? QCoreApplication::translate("wsi::EventLogModel", "No status code")
                                       : EventPreview::text(store, eventRow);
    case EventType::Error:
        return QStringLiteral("[%1] %2").arg(
            QString::fromLatin1(errorLayerId(r.layer())).toUpper(), EventPreview::clipped(said.toUtf8()));
    default:
        return EventPreview::clipped(said.toUtf8());
    }
}

} // namespace wsi
