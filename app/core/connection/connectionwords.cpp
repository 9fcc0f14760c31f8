// ConnectionWords: what a connection says about itself in words: its title, its state, how it ended.
#include "connection/connectionwords.h"

#include "explain/closeexplainer.h"
#include "protocol/closecodes.h"

#include <QCoreApplication>

#include <vector>

namespace wsi {

QString ConnectionWords::title(Connection::Kind kind, const QString &peer, const QByteArray &target, const QUrl &url)
{
    if (kind == Connection::Kind::Outgoing)
        return url.toString();
    if (kind == Connection::Kind::Proxied)
        return QCoreApplication::translate("wsi::Connection", "proxied %1 %2 to %3")
            .arg(peer, QString::fromUtf8(target), url.toString());
    return target.isEmpty()
        ? QCoreApplication::translate("wsi::Connection", "client %1").arg(peer)
        : QCoreApplication::translate("wsi::Connection", "client %1 %2").arg(peer, QString::fromUtf8(target));
}

QString ConnectionWords::stateText(Connection::State state)
{
    using State = Connection::State;
    switch (state) {
    case State::Idle:
        return QCoreApplication::translate("wsi::Connection", "idle");
    case State::Connecting:
        return QCoreApplication::translate("wsi::Connection", "connecting");
    case State::Open:
        return QCoreApplication::translate("wsi::Connection", "open");
    case State::Closing:
        return QCoreApplication::translate("wsi::Connection", "closing");
    case State::Closed:
        return QCoreApplication::translate("wsi::Connection", "closed");
    case State::Failed:
        return QCoreApplication::translate("wsi::Connection", "failed");
    }
    return {};
}

namespace {

// The last Close row sent in direction dir, or -1. Found among the landmark rows (a Close is one), from the end:
// walking back over every row read a whole flood's records back from the spill file at each connection's end, and to
// the very first row when no Close came (a dropped TCP connection): ten test-server clients ending together after ten
// minutes of 64 KiB echo raised the peak by 90 MiB (issue 12).
qsizetype lastCloseRow(const EventStore &events, int dir)
{
    const std::vector<qsizetype> &landmarks = events.landmarkRows();
    const std::vector<EventType> &types = events.landmarkTypes();
    for (size_t k = landmarks.size(); k-- > 0;) {
        if (types[k] == EventType::Close && int(events.at(landmarks[k]).dir) == dir)
            return landmarks[k];
    }
    return -1;
}

} // namespace

RecordedText ConnectionWords::closed(const ConnectionLeg &leg, Connection::Kind kind, int firstCloseDirection,
    const RecordedText &status, int socketCloseCode)
{
    const int first = firstCloseDirection;
    const EventStore &events = leg.events;
    int code = -1;
    QString reason;
    if (const qsizetype row = first >= 0 ? lastCloseRow(events, first) : -1; row >= 0) {
        const EventRecord &r = events.at(row);
        code = r.value == kNoCloseCode ? -1 : int(r.value);
        reason = events.payloadText(row);
    }
    auto said = [](const char *source) { return RecordedText("wsi::Connection", source); };
    auto codeName = [](int c) { return RecordedText::captured([c] { return closeCodeName(c); }); };
    if (first < 0) {
        if (!status.isEmpty() && !leg.handshake.encrypted)
            return status;
        return leg.handshake.encrypted
            ? said(QT_TRANSLATE_NOOP("wsi::Connection", "Closed (%1 %2)"))
                  .arg(socketCloseCode)
                  .arg(codeName(socketCloseCode))
            : said(QT_TRANSLATE_NOOP("wsi::Connection",
                "Closed without a Close frame: the TCP connection dropped (1006 abnormal closure)."));
    }
    const bool byUs = first == int(Direction::Outgoing);
    // A proxied connection's server leg: what went Outgoing there was the client's, relayed.
    const RecordedText who = kind == Connection::Kind::Outgoing
        ? (byUs ? said(QT_TRANSLATE_NOOP("wsi::Connection", "this client"))
                : said(QT_TRANSLATE_NOOP("wsi::Connection", "the server")))
        : kind == Connection::Kind::Proxied ? (byUs ? said(QT_TRANSLATE_NOOP("wsi::Connection", "the client"))
                                                    : said(QT_TRANSLATE_NOOP("wsi::Connection", "the server")))
                                            : (byUs ? said(QT_TRANSLATE_NOOP("wsi::Connection", "this server"))
                                                    : said(QT_TRANSLATE_NOOP("wsi::Connection", "the client")));
    RecordedText text = code < 0
        ? said(QT_TRANSLATE_NOOP("wsi::Connection", "Closed by %1 without a status code")).arg(who)
        : said(QT_TRANSLATE_NOOP("wsi::Connection", "Closed by %1 with %2 %3")).arg(who).arg(code).arg(codeName(code));
    if (!reason.isEmpty())
        text = text + RecordedText::plain(QStringLiteral(": \"%1\"").arg(reason));
    return text;
}

QString ConnectionWords::explained(const CloseExplanation &why, bool opaqueWire, const QString &recordedStatus)
{
    // An opaque TLS wire has no Close frames to read: the socket's close code said it already.
    if (opaqueWire && why.closer == CloseExplanation::Closer::Neither)
        return {};
    QString text
        = why.closer == CloseExplanation::Closer::NotOpened && !recordedStatus.isEmpty() ? recordedStatus : why.summary;
    if (!text.isEmpty() && why.closer != CloseExplanation::Closer::NotOpened
        && why.closer != CloseExplanation::Closer::StillOpen && why.effectiveCode >= 0
        && !text.contains(QString::number(why.effectiveCode)))
        text += QCoreApplication::translate("wsi::Connection", " (%1 %2)")
                    .arg(why.effectiveCode)
                    .arg(closeCodeName(why.effectiveCode));
    if (!text.isEmpty() && !why.hint.isEmpty() && !text.contains(why.hint))
        text += QCoreApplication::translate("wsi::Connection", " What to try: %1").arg(why.hint);
    return text;
}

} // namespace wsi
