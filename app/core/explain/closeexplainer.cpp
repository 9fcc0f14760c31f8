// CloseExplainer: why a connection ended, in words: who closed, both Close frames, clean or not, what to try.
#include "explain/closeexplainer.h"

#include "protocol/closecodes.h"
#include "store/eventstore.h"
#include "store/eventtypetext.h"
#include "store/handshakerecord.h"

#include <QCoreApplication>

namespace wsi {

namespace {

RecordedText said(const char *source)
{
    return RecordedText("wsi::CloseExplainer", source);
}

// Sides in words, from the recording's point of view: for a client of the local server the relay records
// Outgoing as what this server sent. capitalized: the start of a sentence.
RecordedText sideWords(const CloseContext &c, Direction dir, bool capitalized = false)
{
    const bool ours = dir == Direction::Outgoing;
    if (capitalized) {
        if (c.outgoing)
            return ours ? said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "This client"))
                        : said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "The server"));
        return ours ? said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "This server"))
                    : said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "The client"));
    }
    if (c.outgoing)
        return ours ? said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "this client"))
                    : said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "the server"));
    return ours ? said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "this server"))
                : said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "the client"));
}

QString sideName(const CloseContext &c, Direction dir)
{
    return sideWords(c, dir).translated();
}

CloseExplanation::Closer closerFor(const CloseContext &c, Direction dir)
{
    const bool clientSent = c.outgoing == (dir == Direction::Outgoing);
    return clientSent ? CloseExplanation::Closer::Client : CloseExplanation::Closer::Server;
}

CloseFrameInfo frameInfo(const EventStore &events, qsizetype row)
{
    const EventRecord &r = events.at(row);
    CloseFrameInfo info;
    info.present = true;
    info.dir = r.dir;
    info.timeUs = r.timeUs;
    info.reason = events.payloadText(row);
    if (r.value != kNoCloseCode) {
        info.code = int(r.value);
        info.codeName = closeCodeName(info.code);
        info.codeMeaning = closeCodeMeaning(info.code);
    } else {
        info.codeName = QCoreApplication::translate("wsi::CloseExplainer", "no status code");
        info.codeMeaning = closeCodeMeaning(1005);
    }
    return info;
}

QString describeFrame(const CloseContext &c, const CloseFrameInfo &f)
{
    QString text = f.code < 0 ? QCoreApplication::translate(
                       "wsi::CloseExplainer", "Close from %1 without a status code (1005 No Status Received)")
                                    .arg(sideName(c, f.dir))
                              : QCoreApplication::translate("wsi::CloseExplainer", "Close from %1: %2 %3")
                                    .arg(sideName(c, f.dir))
                                    .arg(f.code)
                                    .arg(f.codeName);
    if (!f.reason.isEmpty())
        text += QCoreApplication::translate("wsi::CloseExplainer", ", reason \"%1\"").arg(f.reason);
    return text;
}

QString seconds(qint64 us)
{
    if (us < 1000000)
        return QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', us < 10000 ? 1 : 0);
    return QStringLiteral("%1 s").arg(double(us) / 1e6, 0, 'f', 2);
}

bool isWireEvent(EventType type)
{
    switch (type) {
    case EventType::HandshakeRequest:
    case EventType::HandshakeResponse:
    case EventType::Open:
    case EventType::Message:
    case EventType::Ping:
    case EventType::Pong:
    case EventType::Close:
        return true;
    default:
        return false;
    }
}

} // namespace

QString CloseExplainer::hintForError(ErrorLayer layer, const QString &message, int httpStatus)
{
    switch (layer) {
    case ErrorLayer::Dns:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "Check the host name in the URL (a typo, a missing domain); try the IP address or "
            "another DNS server.");
    case ErrorLayer::Tcp:
        if (message.contains(QLatin1String("refused"), Qt::CaseInsensitive))
            return QCoreApplication::translate("wsi::CloseExplainer",
                "Is the server running and listening on that port? Check the port number, and "
                "that it listens on this address (127.0.0.1 vs 0.0.0.0).");
        if (message.contains(QLatin1String("timed out"), Qt::CaseInsensitive))
            return QCoreApplication::translate("wsi::CloseExplainer",
                "Nothing answered: check the host and port, and whether a firewall drops the "
                "packets.");
        return QCoreApplication::translate("wsi::CloseExplainer",
            "The TCP connection dropped: check the server's logs, and any proxy or load balancer "
            "that closes idle connections (a keepalive ping can help).");
    case ErrorLayer::Tls:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "See the TLS section: the certificate chain, the host name it is valid for, its "
            "dates and the protocol the server offers.");
    case ErrorLayer::Proxy:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "Check the proxy settings: address, port and credentials.");
    case ErrorLayer::Http:
        if (httpStatus == 401 || httpStatus == 403)
            return QCoreApplication::translate("wsi::CloseExplainer",
                "See the response body: the server refused the upgrade; check credentials, "
                "tokens, cookies and the Origin header.");
        if (httpStatus == 404)
            return QCoreApplication::translate(
                "wsi::CloseExplainer", "See the response body: the path in the URL is not a WebSocket endpoint.");
        if (httpStatus >= 500)
            return QCoreApplication::translate("wsi::CloseExplainer",
                "See the response body and the server's logs: the server failed to handle the "
                "upgrade.");
        if (httpStatus >= 400)
            return QCoreApplication::translate("wsi::CloseExplainer",
                "See the response body: the server refused the upgrade request as sent "
                "(headers, subprotocol, version).");
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "See the response: the server did not answer the upgrade with 101.");
    case ErrorLayer::WebSocket:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "The peer broke a rule of RFC 6455 (named in the error): check the peer's "
            "implementation; a non-zero RSV1 means it forced permessage-deflate, which Qt "
            "cannot decode.");
    case ErrorLayer::App:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "Check the connection options (URL, headers, subprotocols).");
    case ErrorLayer::None:
        break;
    }
    return {};
}

QString CloseExplainer::hintForCloseCode(int code)
{
    switch (code) {
    case 1000:
        return {};
    case 1001:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "The peer went away (shutdown, page left): reconnect when it is back.");
    case 1002:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "A protocol error: look at the frames just before the Close.");
    case 1003:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "The peer cannot take this kind of data: send text instead of binary or the "
            "other way round.");
    case 1005:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "No status code was given: look at the peer's logs for why it closed.");
    case 1006:
        return hintForError(ErrorLayer::Tcp);
    case 1007:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "The payload did not match the message type: check for invalid UTF-8 in "
            "text messages.");
    case 1008:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "A policy violation: check authentication, tokens, rate limits and message "
            "contents against the server's rules.");
    case 1009:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "The message was too big for the peer: send smaller messages or raise its "
            "limit.");
    case 1010:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "The client needs an extension the server did not accept: compare the "
            "Sec-WebSocket-Extensions headers.");
    case 1011:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "The server failed internally: look at the server's logs.");
    case 1012:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "The server is restarting: reconnect after a short delay.");
    case 1013:
        return QCoreApplication::translate(
            "wsi::CloseExplainer", "The server is overloaded: reconnect later, with backoff.");
    case 1014:
        return QCoreApplication::translate("wsi::CloseExplainer",
            "A gateway got a bad answer from upstream: check the server behind the "
            "proxy.");
    case 1015:
        return hintForError(ErrorLayer::Tls);
    default:
        break;
    }
    if (code >= 3000 && code <= 3999)
        return QCoreApplication::translate("wsi::CloseExplainer",
            "A registered code: its meaning is set by the library or framework that registered "
            "it (e.g. 3000 Unauthorized, 3003 Forbidden, 3008 Timeout); see its documentation.");
    if (code >= 4000 && code <= 4999)
        return QCoreApplication::translate("wsi::CloseExplainer",
            "A private code: its meaning is agreed between this client and the server; see the "
            "application's documentation and the reason text.");
    return QCoreApplication::translate(
        "wsi::CloseExplainer", "This code is not valid on the wire: the peer broke RFC 6455 section 7.4.");
}

CloseExplanation CloseExplainer::explain(const CloseContext &connection)
{
    CloseExplanation e;
    const EventStore &events = connection.events;
    qsizetype firstClose = -1;
    qsizetype replyClose = -1;
    qsizetype firstError = -1;
    qsizetype lastWire = -1;
    bool opened = false;
    // Only the rows that are not traffic (held under streaming retention too): after a flood of millions of
    // messages, reading every row here stalled the window for seconds at the end (issue 12).
    // Their types are kept beside them: only a Close's record is read (its direction), near the end.
    const std::vector<qsizetype> &landmarks = events.landmarkRows();
    const std::vector<EventType> &types = events.landmarkTypes();
    for (size_t k = 0; k < landmarks.size(); ++k) {
        const qsizetype i = landmarks[k];
        switch (types[k]) {
        case EventType::Open:
            opened = true;
            break;
        case EventType::Close:
            if (firstClose < 0)
                firstClose = i;
            else if (replyClose < 0 && events.at(i).dir != events.at(firstClose).dir)
                replyClose = i;
            break;
        case EventType::Error:
            if (firstError < 0)
                firstError = i;
            break;
        default:
            break;
        }
    }
    // The last wire event is among the last rows: walk back to it.
    for (qsizetype i = events.previousHeld(events.size() - 1); i >= 0 && lastWire < 0; i = events.previousHeld(i - 1)) {
        if (isWireEvent(events.at(i).type))
            lastWire = i;
    }
    const qint64 endUs = events.size() > 0 ? events.at(events.size() - 1).timeUs : 0;
    int httpStatus = 0;
    if (connection.handshake.responseComplete)
        httpStatus = connection.handshake.response.status;
    if (firstError >= 0) {
        e.errorLayer = events.at(firstError).layer();
        e.errorMessage = events.payloadText(firstError);
    }
    const bool finished = connection.ended;

    if (!opened) {
        if (!finished && firstError < 0) {
            e.closer = CloseExplanation::Closer::StillOpen;
            e.summaryWords = said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "Not open yet."));
            e.summary = e.summaryWords.translated();
            return e;
        }
        e.closer = CloseExplanation::Closer::NotOpened;
        if (httpStatus != 0 && httpStatus != 101) {
            e.errorLayer = ErrorLayer::Http;
            e.summaryWords
                = said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "The server refused the upgrade with %1 %2."))
                      .arg(httpStatus)
                      .arg(QString::fromLatin1(connection.handshake.response.reason));
            if (!connection.handshake.responseBody.isEmpty())
                e.details << QCoreApplication::translate("wsi::CloseExplainer", "Response body: %1")
                                 .arg(QString::fromUtf8(connection.handshake.responseBody.left(300)).trimmed());
        } else if (!e.errorMessage.isEmpty()) {
            e.summaryWords = RecordedText::plain(e.errorMessage); // the error row as recorded
        } else {
            e.summaryWords = said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "The WebSocket never opened."));
        }
        e.summary = e.summaryWords.translated();
        e.hint = hintForError(
            e.errorLayer == ErrorLayer::None ? ErrorLayer::Tcp : e.errorLayer, e.errorMessage, httpStatus);
        e.details.prepend(e.summary);
        e.details << QCoreApplication::translate("wsi::CloseExplainer", "What to try: %1").arg(e.hint);
        return e;
    }

    if (firstClose >= 0) {
        e.first = frameInfo(events, firstClose);
        e.closer = closerFor(connection, e.first.dir);
        e.effectiveCode = e.first.code < 0 ? 1005 : e.first.code;
        e.details << QCoreApplication::translate("wsi::CloseExplainer", "%1 closed first.")
                         .arg(sideName(connection, e.first.dir));
        e.details << describeFrame(connection, e.first) + QStringLiteral(". ") + e.first.codeMeaning;
        if (replyClose >= 0) {
            e.reply = frameInfo(events, replyClose);
            e.betweenUs = e.reply.timeUs - e.first.timeUs;
            e.clean = true;
            e.details << describeFrame(connection, e.reply)
                    + QCoreApplication::translate("wsi::CloseExplainer", ", %1 later.").arg(seconds(e.betweenUs));
            e.details << QCoreApplication::translate(
                "wsi::CloseExplainer", "Clean close: both Close frames crossed the wire.");
        } else {
            e.details << QCoreApplication::translate(
                "wsi::CloseExplainer", "No Close frame came back from %1: the closing handshake did not finish.")
                             .arg(sideName(connection,
                                 e.first.dir == Direction::Outgoing ? Direction::Incoming : Direction::Outgoing));
        }
        // The summary is said once, as words (summaryWords); `summary` is those words in the language of the moment.
        const RecordedText whoWords = sideWords(connection, e.first.dir, true);
        const int code = e.first.code;
        e.summaryWords = code < 0
            ? said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "%1 closed without a status code")).arg(whoWords)
            : said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "%1 closed with %2 %3"))
                  .arg(whoWords)
                  .arg(code)
                  .arg(RecordedText::captured([code] { return closeCodeName(code); }));
        if (!e.first.reason.isEmpty())
            e.summaryWords
                = e.summaryWords + said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", " \"%1\"")).arg(e.first.reason);
        e.summaryWords = e.summaryWords
            + (e.clean ? said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "; %1 answered %2 later (clean)."))
                             .arg(sideWords(connection, e.reply.dir))
                             .arg(seconds(e.betweenUs))
                       : said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "; no Close came back.")));
        e.summary = e.summaryWords.translated();
        e.hint = hintForCloseCode(e.effectiveCode);
        if (firstError >= 0 && e.errorLayer == ErrorLayer::WebSocket)
            e.hint = hintForError(e.errorLayer, e.errorMessage);
    } else if (!finished && firstError < 0) {
        e.closer = CloseExplanation::Closer::StillOpen;
        e.summaryWords = said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "Open."));
        e.summary = e.summaryWords.translated();
        return e;
    } else {
        e.closer = CloseExplanation::Closer::Neither;
        e.effectiveCode = 1006;
        e.summaryWords = said(QT_TRANSLATE_NOOP(
            "wsi::CloseExplainer", "Abnormal closure (1006): no Close frame either way; the TCP connection dropped."));
        if (lastWire >= 0) {
            const EventRecord &r = events.at(lastWire);
            RecordedText what = RecordedText::captured([r] { return eventTypeText(r); });
            if (r.dir != Direction::None)
                what = what
                    + said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", " from %1")).arg(sideWords(connection, r.dir));
            const RecordedText lastSeen = said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", "%1, %2 before the end"))
                                              .arg(what)
                                              .arg(seconds(endUs - r.timeUs));
            e.lastSeen = lastSeen.translated();
            e.summaryWords
                = e.summaryWords + said(QT_TRANSLATE_NOOP("wsi::CloseExplainer", " Last seen: %1.")).arg(lastSeen);
        }
        e.summary = e.summaryWords.translated();
        e.details << e.summary;
        if (!e.errorMessage.isEmpty())
            e.details << QCoreApplication::translate("wsi::CloseExplainer", "Error (%1): %2")
                             .arg(QLatin1String(errorLayerId(e.errorLayer)), e.errorMessage);
        e.hint = e.errorLayer != ErrorLayer::None ? hintForError(e.errorLayer, e.errorMessage) : hintForCloseCode(1006);
    }
    if (!e.hint.isEmpty())
        e.details << QCoreApplication::translate("wsi::CloseExplainer", "What to try: %1").arg(e.hint);
    return e;
}

} // namespace wsi
