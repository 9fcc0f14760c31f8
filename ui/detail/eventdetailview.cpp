#include "detail/eventdetailview.h"

#include "common/hexview.h"
#include "common/theme.h"
#include "common/viewstate.h"
#include "connection/connection.h"
#include "detail/binarycodecview.h"
#include "detail/decodedmessageview.h"
#include "detail/eventfieldlist.h"
#include "detail/jsontreemodel.h"
#include "detail/legcompareview.h"
#include "explain/secretmasker.h"
#include "models/eventlogmodel.h"
#include "models/legrows.h"
#include "models/protocollog.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTextCursor>
#include <QTreeView>
#include <QVBoxLayout>

namespace wsi {

namespace {

constexpr qsizetype kMaxTextShown = 2 * 1024 * 1024;
constexpr qsizetype kMaxJsonParsed = 16 * 1024 * 1024;

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

    m_fields = new EventFieldList(m_tabs);

    m_tabs->addTab(m_text, QString());
    m_tabs->addTab(m_jsonStack, QString());
    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(m_fields, QString());
    m_decoded = new DecodedMessageView(m_tabs);
    m_tabs->addTab(m_decoded, QString());
    m_tabs->setTabVisible(DecodedTab, false);
    m_binary = new BinaryCodecView(m_tabs);
    m_tabs->addTab(m_binary, QString());
    m_tabs->setTabVisible(BinaryTab, false);
    m_legs = new LegCompareView(m_tabs);
    m_tabs->addTab(m_legs, QString());
    m_tabs->setTabVisible(LegsTab, false);
    layout->addWidget(m_tabs);
    retranslateUi();
    clearAll(tr("Select an event in the log to see its payload, JSON, hex dump and fields."));
}

EventDetailView::~EventDetailView() = default;

void EventDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_tabs) {
        retranslateUi();
        // The note, the fields and the Details title are written per event: write them again.
        if (m_connectionChosen)
            showEvent(m_eventIndex);
        else
            clearAll(tr("Select an event in the log to see its payload, JSON, hex dump and fields."));
    }
    QWidget::changeEvent(event);
}

void EventDetailView::retranslateUi()
{
    m_tabs->setTabText(TextTab, tr("Text"));
    m_tabs->setTabText(JsonTab, tr("JSON"));
    m_tabs->setTabText(HexTab, tr("Hex"));
    m_tabs->setTabText(DecodedTab, tr("Decoded"));
    m_tabs->setTabText(BinaryTab, tr("Binary"));
    m_tabs->setTabText(LegsTab, tr("Legs"));
}

void EventDetailView::setConnection(Connection *connection)
{
    m_connection = connection;
    m_connectionChosen = true;
    showEvent(-1);
}

QString EventDetailView::text() const
{
    return m_text->toPlainText();
}

QStringList EventDetailView::fieldLines() const
{
    return m_fields->lines();
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
    m_decoded->clear();
    m_tabs->setTabVisible(DecodedTab, false);
    m_binary->clear();
    m_tabs->setTabVisible(BinaryTab, false);
    m_legs->clear();
    m_tabs->setTabVisible(LegsTab, false);
}

void EventDetailView::showEvent(int eventIndex)
{
    const Connection *c = m_connection;
    const EventStore *legStore = LegRows::storeOf(c, eventIndex);
    if (!c || !legStore) {
        m_eventIndex = -1;
        clearAll(c ? tr("Select an event in the log to see its payload, JSON, hex dump and fields.")
                   : tr("No connection selected."));
        return;
    }
    m_eventIndex = eventIndex;
    const int row = eventIndex; // as the log gives it: a client leg's row carries LegRows::kClientLegBit
    eventIndex = LegRows::indexInLeg(row);
    const EventStore &store = *legStore;
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
    m_fields->addCommonFields(r, *c, !masked.isEmpty());

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
        const qsizetype headerSize = frameRowHeaderSize(payload.data(), payload.size());
        text = headerSize < payload.size()
            ? tr("A frame of a compressed message: its header (%1 bytes), then its payload as permessage-deflate left "
                 "it (%2 bytes, unmasked), both in the Hex tab; the header's fields are in the Frame header tab, and "
                 "the message row shows the payload inflated.")
                  .arg(headerSize)
                  .arg(payload.size() - headerSize)
            : tr("A frame header (%1 bytes). Its payload belongs to the message it carries; the bytes of the "
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
                m_fields->addField(
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
    const QString fieldsTitle = m_fields->addTypeFields(eventIndex, r, payload, *c);
    m_tabs->setTabText(FieldsTab, fieldsTitle);
    // Decoded tab: only for a row that decoded; the connection's ProtocolLog is the log view's too.
    const bool decoded = !LegRows::isClientLeg(row) && m_decoded->showRow(ProtocolLog::of(m_connection), eventIndex);
    m_tabs->setTabVisible(DecodedTab, decoded);
    // Binary tab: a binary message read as CBOR, MessagePack or protobuf.
    const bool binaryMessage = r.type == EventType::Message && !textual;
    if (binaryMessage)
        m_binary->setPayload(payload.toByteArray());
    else
        m_binary->clear();
    m_tabs->setTabVisible(BinaryTab, binaryMessage);
    // Legs tab: a proxied message on both legs, the same bytes unless something changed it on its way.
    m_tabs->setTabVisible(LegsTab, m_legs->showRow(c, row));

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
