// The detail view's Fields tab: what each event type says, and why its connection ended.
#include "detail/eventfieldlist.h"

#include "connection/connection.h"
#include "explain/closeexplainer.h"
#include "files/sessionlogwriter.h"
#include "protocol/closecodes.h"
#include "protocol/frameheader.h"
#include "store/eventrecord.h"
#include "store/eventtypetext.h"

#include <QHeaderView>

namespace wsi {

namespace {

QString yesNo(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}

QString errorLayerName(ErrorLayer layer)
{
    switch (layer) {
    case ErrorLayer::Dns:
        return QObject::tr("DNS (name lookup)");
    case ErrorLayer::Tcp:
        return QObject::tr("TCP (connection)");
    case ErrorLayer::Tls:
        return QObject::tr("TLS (encryption)");
    case ErrorLayer::Proxy:
        return QObject::tr("Proxy");
    case ErrorLayer::Http:
        return QObject::tr("HTTP (upgrade)");
    case ErrorLayer::WebSocket:
        return QObject::tr("WebSocket protocol");
    case ErrorLayer::App:
        return QObject::tr("Application");
    case ErrorLayer::None:
        break;
    }
    return QObject::tr("Unknown");
}

QString directionName(Direction dir)
{
    switch (dir) {
    case Direction::Outgoing:
        return QObject::tr("Outgoing (client \u2192 server)");
    case Direction::Incoming:
        return QObject::tr("Incoming (server \u2192 client)");
    case Direction::None:
        break;
    }
    return QObject::tr("\u2014");
}

} // namespace

EventFieldList::EventFieldList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("detailFields"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setHeaderLabels({ tr("Field"), tr("Value") });
    header()->resizeSection(0, 170);
}

QStringList EventFieldList::lines() const
{
    QStringList lines;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = topLevelItem(i);
        lines << item->text(0) + QStringLiteral(": ") + item->text(1);
    }
    return lines;
}

void EventFieldList::addField(const QString &name, const QString &value, const QString &tip)
{
    auto *item = new QTreeWidgetItem(this, { name, value });
    item->setToolTip(1, tip.isEmpty() ? value : tip);
}

void EventFieldList::addCommonFields(const EventRecord &r, const Connection &connection, bool masked)
{
    const Connection *c = &connection;
    addField(tr("Event"), eventTypeText(r));
    addField(tr("Time"), SessionLogWriter::isoTime(r.timeUs));
    addField(tr("Since connect"), QStringLiteral("%1 ms").arg(double(r.timeUs - c->startedUs()) / 1000.0, 0, 'f', 3));
    if (r.dir != Direction::None)
        addField(tr("Direction"), directionName(r.dir));
    if (masked)
        addField(tr("Secrets"), tr("masked here; View > Reveal Secrets (Ctrl+Shift+R) shows the bytes as sent"));
}

QString EventFieldList::addTypeFields(
    qsizetype row, const EventRecord &r, QByteArrayView payload, const Connection &connection)
{
    const Connection *c = &connection;
    QString fieldsTitle = tr("Details");
    switch (r.type) {
    case EventType::Frame: {
        fieldsTitle = tr("Frame header");
        addField(tr("FIN"), yesNo(r.hasFlag(FlagFin)), tr("1: this is the final frame of its message"));
        addField(tr("RSV1"), yesNo(r.hasFlag(FlagRsv1)),
            r.hasFlag(FlagRsv1)
                ? tr("1: the message this frame starts is compressed with permessage-deflate (RFC 7692); without "
                     "the extension negotiated in the handshake it is a protocol violation")
                : tr("Reserved for extensions; 1 usually means permessage-deflate, which Qt WebSockets does not "
                     "support"));
        addField(tr("RSV2"), yesNo(r.hasFlag(FlagRsv2)));
        addField(tr("RSV3"), yesNo(r.hasFlag(FlagRsv3)));
        addField(tr("Opcode"), QStringLiteral("0x%1 (%2)").arg(r.sub, 1, 16).arg(opcodeName(r.sub)));
        addField(tr("MASK"), yesNo(r.hasFlag(FlagMasked)),
            tr("Clients must mask every frame; servers must never mask (RFC 6455 section 5.1)"));
        if (r.hasFlag(FlagMasked))
            addField(tr("Masking key"), QStringLiteral("%1").arg(r.maskKey, 8, 16, QLatin1Char('0')));
        addField(tr("Payload length"), tr("%1 bytes").arg(r.value));
        const qsizetype headerSize = frameRowHeaderSize(payload.data(), payload.size());
        addField(tr("Header size"), tr("%1 bytes").arg(headerSize));
        if (headerSize < payload.size())
            addField(tr("Compressed payload"),
                tr("%1 bytes, in the Hex tab after the header").arg(payload.size() - headerSize),
                tr("The frame's payload as permessage-deflate left it (unmasked): the bytes that crossed the wire. "
                   "The message row shows them inflated."));
        break;
    }
    case EventType::Close: {
        fieldsTitle = tr("Close");
        if (r.value == kNoCloseCode) {
            addField(tr("Code"), tr("(none: the Close frame had no payload)"));
        } else {
            const int code = int(r.value);
            addField(tr("Code"), QString::number(code));
            addField(tr("Name"), closeCodeName(code));
            addField(tr("Meaning"), closeCodeMeaning(code));
        }
        addField(tr("Reason"), payload.isEmpty() ? tr("(none)") : QString::fromUtf8(payload));
        const bool server = c->kind() == Connection::Kind::Incoming;
        addField(tr("Sent by"),
            r.dir == Direction::Outgoing       ? (server ? tr("this server") : tr("this client"))
                : r.dir == Direction::Incoming ? (server ? tr("the client") : tr("the server"))
                                               : tr("\u2014"));
        addWhyItEnded(*c);
        break;
    }
    case EventType::Message:
        addField(tr("Type"), r.hasFlag(FlagText) ? tr("text") : tr("binary"));
        addField(tr("Size"), tr("%1 bytes").arg(r.value));
        if (r.value > r.payloadSize)
            addField(tr("Kept"),
                tr("the first %1 bytes: the session had reached its disk budget (Preferences > Memory)")
                    .arg(r.payloadSize));
        addField(tr("Frames"), r.sub >= 255 ? tr("255 or more") : QString::number(qMax<int>(1, r.sub)));
        if (r.hasFlag(FlagRsv1)) // permessage-deflate: the payload shown is inflated, maskKey its wire length
            addField(tr("Compressed"),
                tr("yes: %1 bytes on the wire, %2% of the inflated size (permessage-deflate)")
                    .arg(r.maskKey)
                    .arg(r.value ? 100.0 * double(r.maskKey) / double(r.value) : 0.0, 0, 'f', 1),
                tr("The first frame had RSV1: the message was inflated for the log; the frames show the "
                   "compressed bytes"));
        if (r.hasFlag(FlagFromSocket))
            addField(tr("Source"), tr("as delivered by the socket (not decoded from the wire)"));
        break;
    case EventType::Ping:
    case EventType::Pong:
        addField(tr("Payload size"), tr("%1 bytes").arg(payload.size()));
        if (r.type == EventType::Pong && r.value > 0)
            addField(tr("Round trip"), QStringLiteral("%1 ms").arg(double(r.value) / 1000.0, 0, 'f', 3));
        break;
    case EventType::Error: {
        addField(tr("Layer"), errorLayerName(r.layer()));
        addField(tr("Message"), connection.rowText(row));
        const int status = c->handshake().responseComplete ? c->handshake().response.status : 0;
        const QString hint = CloseExplainer::hintForError(r.layer(), QString::fromUtf8(payload), status);
        if (!hint.isEmpty())
            addField(tr("What to try"), hint);
        addWhyItEnded(*c);
        break;
    }
    case EventType::HandshakeRequest:
    case EventType::HandshakeResponse:
        addField(tr("Head size"),
            tr("%1 bytes").arg(r.type == EventType::HandshakeResponse ? r.value : quint64(payload.size())));
        if (r.type == EventType::HandshakeResponse && quint64(payload.size()) > r.value)
            addField(tr("Body size"), tr("%1 bytes").arg(quint64(payload.size()) - r.value));
        break;
    case EventType::Open:
        if (!c->negotiatedSubprotocol().isEmpty())
            addField(tr("Subprotocol"), c->negotiatedSubprotocol());
        break;
    case EventType::Info:
    case EventType::Tls:
        break;
    }
    return fieldsTitle;
}

void EventFieldList::addWhyItEnded(const Connection &connection)
{
    // Only once it is over: a live connection has not ended, whatever its Close rows say so far.
    if (connection.state() != Connection::State::Closed && connection.state() != Connection::State::Failed)
        return;
    const CloseExplanation why = connection.closeExplanation();
    addField(tr("Why it ended"), why.summary);
    switch (why.closer) {
    case CloseExplanation::Closer::Client:
        addField(tr("Closed first by"), tr("the client"));
        break;
    case CloseExplanation::Closer::Server:
        addField(tr("Closed first by"), tr("the server"));
        break;
    case CloseExplanation::Closer::Neither:
        addField(tr("Closed first by"), tr("neither: the TCP connection dropped (1006)"));
        break;
    default:
        break;
    }
    if (why.closer == CloseExplanation::Closer::Client || why.closer == CloseExplanation::Closer::Server
        || why.closer == CloseExplanation::Closer::Neither)
        addField(tr("Clean"),
            why.clean ? tr("yes: both Close frames crossed the wire")
                      : tr("no: abnormal, the closing handshake did not finish"));
    if (why.betweenUs >= 0)
        addField(tr("Close to reply"), QStringLiteral("%1 ms").arg(double(why.betweenUs) / 1000.0, 0, 'f', 3));
    if (!why.lastSeen.isEmpty())
        addField(tr("Last seen"), why.lastSeen);
    if (!why.hint.isEmpty() && why.closer != CloseExplanation::Closer::NotOpened)
        addField(tr("What to try"), why.hint);
}

} // namespace wsi
