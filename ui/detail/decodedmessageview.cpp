// DecodedMessageView: the detail pane's Decoded tab: a row's protocol messages as a tree, with its pair.
#include "detail/decodedmessageview.h"

#include "detail/decodetreewidgets.h"
#include "detail/jsontreemodel.h"
#include "models/protocollog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace wsi {

namespace {

QString noteText(const DecodedMessage &m)
{
    const QString note = m.translatedNote();
    return note.isEmpty() ? m.noteId : QStringLiteral("%1 (%2)").arg(note, m.noteId);
}

} // namespace

DecodedMessageView::DecodedMessageView(QWidget *parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
{
    setObjectName(QStringLiteral("decodedMessageView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 0, 0);
    layout->setSpacing(4);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("decodedHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    layout->addWidget(m_header);
    m_note = DecodeTreeWidgets::noteLabel(QStringLiteral("decodedNote"), this);
    layout->addWidget(m_note);
    m_tree = DecodeTreeWidgets::tree(QStringLiteral("decodedTree"), m_model, this);
    layout->addWidget(m_tree, 1);
}

DecodedMessageView::~DecodedMessageView() = default;

QString DecodedMessageView::headerText() const
{
    return m_header->text();
}

void DecodedMessageView::clear()
{
    m_model->clear();
    m_header->clear();
    m_note->clear();
    m_note->hide();
}

bool DecodedMessageView::showRow(ProtocolLog *log, int eventIndex)
{
    const QList<DecodedMessage> messages = log ? log->messages(eventIndex) : QList<DecodedMessage>();
    const std::optional<ProtocolLog::Row> row = log ? log->row(eventIndex) : std::nullopt;
    if (messages.isEmpty() || !row) {
        clear();
        return false;
    }
    QList<QPair<QString, QJsonValue>> entries;
    QStringList notes;
    if (messages.size() == 1) {
        const DecodedMessage &m = messages.first();
        entries.append({ tr("protocol"), ProtocolLog::displayName(m.protocol) });
        entries.append({ tr("kind"), m.kind });
        entries.append({ tr("summary"), m.translatedSummary() });
        // The protocol's own field names, untranslated: they are what the wire and the documentation say.
        for (auto it = m.fields.begin(); it != m.fields.end(); ++it)
            entries.append({ it.key(), it.value() });
        if (m.isMalformed()) {
            entries.append({ tr("note"), noteText(m) });
            notes << noteText(m);
        }
    } else {
        // One WebSocket message carried several (a batch, SignalR records, STOMP frames): one branch each.
        entries.append({ tr("protocol"), ProtocolLog::displayName(messages.first().protocol) });
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const DecodedMessage &m = messages.at(i);
            QJsonObject branch = m.fields;
            branch.insert(QStringLiteral("kind"), m.kind);
            branch.insert(QStringLiteral("summary"), m.translatedSummary());
            if (m.isMalformed()) {
                branch.insert(QStringLiteral("note"), noteText(m));
                notes << noteText(m);
            }
            entries.append({ tr("message %1: %2").arg(i + 1).arg(m.kind), branch });
        }
    }
    if (row->requestTimeUs) {
        entries.append({ tr("request sent at"),
            QDateTime::fromMSecsSinceEpoch(*row->requestTimeUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz")) });
        entries.append({ tr("latency (ms)"), row->latencyMs });
    }
    m_model->setEntries(entries);
    m_tree->expandToDepth(2); // not expandAll: a params object can hold thousands of nodes
    QString header = tr("%1, found by %2").arg(ProtocolLog::displayName(log->protocol()), log->reason());
    if (row->requestTimeUs)
        header += QLatin1Char('\n') + tr("A reply: %1 ms after its request").arg(row->latencyMs, 0, 'f', 1);
    m_header->setText(header);
    m_note->setText(notes.isEmpty() ? QString() : tr("Decode note: %1").arg(notes.join(QStringLiteral("; "))));
    m_note->setVisible(!notes.isEmpty());
    return true;
}

} // namespace wsi
