#include "detail/eventdetailview.h"

#include "common/hexview.h"
#include "common/theme.h"
#include "common/viewstate.h"
#include "connection/connection.h"
#include "detail/jsontreemodel.h"
#include "explain/closeexplainer.h"
#include "explain/secretmasker.h"
#include "files/sessionlogwriter.h"
#include "models/eventlogmodel.h"
#include "protocol/closecodes.h"
#include "protocol/frameheader.h"
#include "store/eventtypetext.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTextCursor>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wsi {

namespace {

constexpr qsizetype kMaxTextShown = 2 * 1024 * 1024;
constexpr qsizetype kMaxJsonParsed = 16 * 1024 * 1024;

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

bool mayBeJson(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

} // namespace

EventDetailView::EventDetailView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("eventDetailView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);

    m_text = new QPlainTextEdit(m_tabs);
    m_text->setObjectName(QStringLiteral("detailText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFont(theme::monospaceFont());

    m_jsonStack = new QStackedWidget(m_tabs);
    m_jsonModel = new JsonTreeModel(this);
    m_jsonTree = new QTreeView(m_jsonStack);
    m_jsonTree->setObjectName(QStringLiteral("detailJsonTree"));
    m_jsonTree->setModel(m_jsonModel);
    m_jsonTree->setUniformRowHeights(true);
    m_jsonTree->setAlternatingRowColors(true);
    m_jsonTree->header()->resizeSection(JsonTreeModel::KeyColumn, 200);
    m_jsonTree->header()->resizeSection(JsonTreeModel::ValueColumn, 320);
    m_jsonNote = new QLabel(m_jsonStack);
    m_jsonNote->setObjectName(QStringLiteral("detailJsonNote"));
    m_jsonNote->setAlignment(Qt::AlignCenter);
    m_jsonNote->setWordWrap(true);
    m_jsonNote->setForegroundRole(QPalette::PlaceholderText);
    m_jsonStack->addWidget(m_jsonTree);
    m_jsonStack->addWidget(m_jsonNote);

    m_hex = new HexView(m_tabs);

    m_fields = new QTreeWidget(m_tabs);
    m_fields->setObjectName(QStringLiteral("detailFields"));
    m_fields->setRootIsDecorated(false);
    m_fields->setUniformRowHeights(true);
    m_fields->setAlternatingRowColors(true);
    m_fields->setHeaderLabels({ tr("Field"), tr("Value") });
    m_fields->header()->resizeSection(0, 170);

    m_tabs->addTab(m_text, tr("Text"));
    m_tabs->addTab(m_jsonStack, tr("JSON"));
    m_tabs->addTab(m_hex, tr("Hex"));
    m_tabs->addTab(m_fields, tr("Details"));
    layout->addWidget(m_tabs);
    clearAll(tr("Select an event in the log to see its payload, JSON, hex dump and fields."));
}

EventDetailView::~EventDetailView() = default;

void EventDetailView::setConnection(Connection *connection)
{
    m_connection = connection;
    showEvent(-1);
}

QString EventDetailView::text() const
{
    return m_text->toPlainText();
}

QStringList EventDetailView::fieldLines() const
{
    QStringList lines;
    for (int i = 0; i < m_fields->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_fields->topLevelItem(i);
        lines << item->text(0) + QStringLiteral(": ") + item->text(1);
    }
    return lines;
}

void EventDetailView::setRevealSecrets(bool reveal)
{
    if (m_revealSecrets == reveal)
        return;
    m_revealSecrets = reveal;
    if (m_eventIndex >= 0)
        showEvent(m_eventIndex);
}

void EventDetailView::setFindPattern(const QString &pattern, bool regex)
{
    m_findPattern = pattern;
    m_findRegex = regex;
    applyHighlights();
}

int EventDetailView::highlightCount() const
{
    return int(m_text->extraSelections().size());
}

void EventDetailView::applyHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QRegularExpression expression(m_findRegex ? m_findPattern : QRegularExpression::escape(m_findPattern),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (!m_findPattern.isEmpty() && expression.isValid()) {
        QTextCharFormat format;
        format.setBackground(QColor(255, 213, 79)); // amber: readable on light and dark palettes
        format.setForeground(QColor(Qt::black));
        const QString text = m_text->toPlainText();
        // A bounded number: a one-letter search in a 1 MiB payload must not freeze the pane.
        auto it = expression.globalMatch(text);
        while (it.hasNext() && selections.size() < 1000) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength() == 0)
                continue;
            QTextCursor cursor(m_text->document());
            cursor.setPosition(int(match.capturedStart()));
            cursor.setPosition(int(match.capturedEnd()), QTextCursor::KeepAnchor);
            selections.append({ cursor, format });
        }
    }
    m_text->setExtraSelections(selections);
    if (!selections.isEmpty()) {
        QTextCursor first = selections.first().cursor;
        first.setPosition(first.selectionStart());
        m_text->setTextCursor(first);
        m_text->ensureCursorVisible();
    }
}

void EventDetailView::clearAll(const QString &note)
{
    m_text->clear();
    m_text->setExtraSelections({});
    m_text->setPlaceholderText(note);
    m_jsonModel->clear();
    m_jsonNote->setText(note);
    m_jsonStack->setCurrentWidget(m_jsonNote);
    m_hex->clear();
    m_fields->clear();
    m_tabs->setTabText(FieldsTab, tr("Details"));
}

void EventDetailView::addField(const QString &name, const QString &value, const QString &tip)
{
    auto *item = new QTreeWidgetItem(m_fields, { name, value });
    item->setToolTip(1, tip.isEmpty() ? value : tip);
}

void EventDetailView::addWhyItEnded(const Connection &connection)
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

void EventDetailView::showEvent(int eventIndex)
{
    const Connection *c = m_connection;
    if (!c || eventIndex < 0 || eventIndex >= c->events().size()) {
        m_eventIndex = -1;
        clearAll(c ? tr("Select an event in the log to see its payload, JSON, hex dump and fields.")
                   : tr("No connection selected."));
        return;
    }
    m_eventIndex = eventIndex;
    const EventStore &store = c->events();
    const EventRecord &r = store.at(eventIndex);
    QByteArrayView payload = store.payload(eventIndex);
    QByteArray masked;
    const bool handshakeRow = r.type == EventType::HandshakeRequest || r.type == EventType::HandshakeResponse;
    if (handshakeRow && !m_revealSecrets) {
        // Only the head: a response body is shown as the server sent it.
        const qsizetype headSize = r.type == EventType::HandshakeResponse && r.value > 0
            ? qMin(payload.size(), qsizetype(r.value))
            : payload.size();
        masked = SecretMasker::maskHttpHead(payload.first(headSize).toByteArray())
            + payload.sliced(headSize).toByteArray();
        if (masked != payload)
            payload = masked;
        else
            masked.clear();
    }

    m_fields->clear();
    addField(tr("Event"), eventTypeText(r));
    addField(tr("Time"), SessionLogWriter::isoTime(r.timeUs));
    addField(tr("Since connect"), QStringLiteral("%1 ms").arg(double(r.timeUs - c->startedUs()) / 1000.0, 0, 'f', 3));
    if (r.dir != Direction::None)
        addField(tr("Direction"), directionName(r.dir));
    if (!masked.isEmpty())
        addField(tr("Secrets"), tr("masked here; View > Reveal Secrets (Ctrl+Shift+R) shows the bytes as sent"));

    // Text tab
    QString text;
    bool textual = true;
    switch (r.type) {
    case EventType::Message:
        textual = r.hasFlag(FlagText);
        break;
    case EventType::Ping:
    case EventType::Pong: {
        QStringDecoder dec(QStringDecoder::Utf8);
        (void)dec.decode(payload);
        textual = !dec.hasError();
        break;
    }
    case EventType::Frame:
        textual = false;
        break;
    default:
        break;
    }
    if (r.type == EventType::Frame) {
        text = tr("A frame header (%1 bytes). Its payload belongs to the message it carries; the bytes of the "
                  "header are in the Hex tab and its fields in the Frame header tab.")
                   .arg(payload.size());
    } else if (!textual) {
        text = tr("Binary payload, %n byte(s): see the Hex tab.", nullptr, int(payload.size()));
    } else if (payload.isEmpty()) {
        text = r.type == EventType::Close ? tr("(no reason given)") : tr("(empty)");
    } else if (payload.size() > kMaxTextShown) {
        text = QString::fromUtf8(payload.first(kMaxTextShown))
            + tr("\n\n\u2026 (%1 more bytes; the full payload is in the Hex tab and can be copied from the log)")
                  .arg(payload.size() - kMaxTextShown);
    } else {
        text = QString::fromUtf8(payload);
    }
    m_text->setPlainText(text);
    applyHighlights();

    // JSON tab
    QString jsonError;
    bool jsonShown = false;
    if (r.type == EventType::Message && textual && payload.size() <= kMaxJsonParsed && mayBeJson(payload)) {
        jsonShown = m_jsonModel->setJson(payload.toByteArray(), &jsonError);
        if (jsonShown) {
            m_jsonTree->expandToDepth(1);
            if (m_jsonModel->truncated())
                addField(
                    tr("JSON"), tr("large document: the tree shows the first %1 nodes").arg(JsonTreeModel::kMaxNodes));
        }
    } else {
        m_jsonModel->clear();
    }
    if (jsonShown) {
        m_jsonStack->setCurrentWidget(m_jsonTree);
    } else {
        if (r.type != EventType::Message)
            m_jsonNote->setText(tr("Only message payloads are parsed as JSON."));
        else if (!textual)
            m_jsonNote->setText(tr("This is a binary message; JSON is shown for text messages."));
        else if (payload.size() > kMaxJsonParsed)
            m_jsonNote->setText(tr("The message is too large to show as a tree (%1 bytes).").arg(payload.size()));
        else if (!jsonError.isEmpty())
            m_jsonNote->setText(tr("This message is not valid JSON.\n%1").arg(jsonError));
        else
            m_jsonNote->setText(tr("This message is not JSON (it does not start with { or [)."));
        m_jsonStack->setCurrentWidget(m_jsonNote);
    }

    // Hex tab
    m_hex->setData(payload.toByteArray());

    // Fields tab
    QString fieldsTitle = tr("Details");
    switch (r.type) {
    case EventType::Frame: {
        fieldsTitle = tr("Frame header");
        addField(tr("FIN"), yesNo(r.hasFlag(FlagFin)), tr("1: this is the final frame of its message"));
        addField(tr("RSV1"), yesNo(r.hasFlag(FlagRsv1)),
            tr("Reserved for extensions; 1 usually means permessage-deflate, which Qt WebSockets does not support"));
        addField(tr("RSV2"), yesNo(r.hasFlag(FlagRsv2)));
        addField(tr("RSV3"), yesNo(r.hasFlag(FlagRsv3)));
        addField(tr("Opcode"), QStringLiteral("0x%1 (%2)").arg(r.sub, 1, 16).arg(opcodeName(r.sub)));
        addField(tr("MASK"), yesNo(r.hasFlag(FlagMasked)),
            tr("Clients must mask every frame; servers must never mask (RFC 6455 section 5.1)"));
        if (r.hasFlag(FlagMasked))
            addField(tr("Masking key"), QStringLiteral("%1").arg(r.maskKey, 8, 16, QLatin1Char('0')));
        addField(tr("Payload length"), tr("%1 bytes").arg(r.value));
        addField(tr("Header size"), tr("%1 bytes").arg(payload.size()));
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
        addField(tr("Frames"), r.sub >= 255 ? tr("255 or more") : QString::number(qMax<int>(1, r.sub)));
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
        addField(tr("Message"), QString::fromUtf8(payload));
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
    m_tabs->setTabText(FieldsTab, fieldsTitle);
    // Frame and close rows are about their fields: show them first unless the user is on the hex dump.
    if ((r.type == EventType::Frame || r.type == EventType::Close) && m_tabs->currentIndex() != HexTab)
        m_tabs->setCurrentIndex(FieldsTab);
    else if (r.type == EventType::Message && m_tabs->currentIndex() == FieldsTab)
        m_tabs->setCurrentIndex(TextTab);
}

void EventDetailView::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &EventDetailView::setConnection);
    connect(state, &ViewState::revealSecretsChanged, this, &EventDetailView::setRevealSecrets);
    setConnection(state->currentConnection());
    setRevealSecrets(state->revealSecrets());
}

} // namespace wsi
