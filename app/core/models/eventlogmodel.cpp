// EventLogModel: the log of one connection as a table, text produced on demand.
#include "models/eventlogmodel.h"

#include "connection/connection.h"
#include "explain/closeexplainer.h"
#include "explain/secretmasker.h"
#include "models/eventpreview.h"
#include "models/protocollog.h"
#include "models/proxymarktext.h"
#include "models/shownpreview.h"
#include "protocol/closecodes.h"
#include "protocol/frameheader.h"
#include "store/eventstore.h"
#include "store/eventtypetext.h"
#include "store/slowturnlog.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <limits>

namespace wsi {

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_previewCache(20000)
{
    m_batchTimer.setSingleShot(true);
    // One insert per displayed frame: the GUI thread gets a flood as ~60 batches a second, whatever its rate.
    m_batchTimer.setInterval(16);
    connect(&m_batchTimer, &QTimer::timeout, this, [this] { insertPending(true); });
    m_nextSliceTimer.setSingleShot(true);
    m_nextSliceTimer.setInterval(0);
    connect(&m_nextSliceTimer, &QTimer::timeout, this, [this] { insertPending(true); });
}

EventLogModel::~EventLogModel() = default;

void EventLogModel::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    if (m_protocolLog)
        disconnect(m_protocolLog, nullptr, this, nullptr);
    m_connection = connection;
    m_legFilter = LegRows::Filter::Both; // each connection opens on both of its legs
    m_protocolLog = ProtocolLog::of(connection);
    if (m_connection) {
        connect(m_connection, &Connection::eventsAppended, this, &EventLogModel::onEventsAppended);
        connect(m_connection, &Connection::eventMarked, this, &EventLogModel::onEventMarked);
    }
    if (m_protocolLog)
        connect(m_protocolLog, &ProtocolLog::protocolChanged, this, &EventLogModel::onProtocolChanged);
    rebuild();
}

Connection *EventLogModel::connection() const
{
    return m_connection;
}

void EventLogModel::setShowFrames(bool show)
{
    if (m_showFrames == show)
        return;
    m_showFrames = show;
    rebuild();
}

void EventLogModel::setRelativeTime(bool relative)
{
    if (m_relativeTime == relative)
        return;
    m_relativeTime = relative;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
    Q_EMIT headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
}

void EventLogModel::setRevealSecrets(bool reveal)
{
    if (m_revealSecrets == reveal)
        return;
    m_revealSecrets = reveal;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, PreviewColumn), index(rowCount() - 1, PreviewColumn));
}

void EventLogModel::setBatchIntervalMs(int ms)
{
    m_batchTimer.setInterval(ms);
}

void EventLogModel::setLegFilter(LegRows::Filter filter)
{
    if (m_legFilter == filter)
        return;
    m_legFilter = filter;
    rebuild();
}

bool EventLogModel::accepts(const EventRecord &record, int row) const
{
    // The leg filter means nothing on a connection with one leg.
    return (m_showFrames || record.type != EventType::Frame)
        && (!m_connection->hasTwoLegs() || LegRows::accepts(m_legFilter, row));
}

void EventLogModel::onEventsAppended()
{
    if (!m_batchTimer.isActive() && !m_nextSliceTimer.isActive()) // a slice pending takes the new rows too
        m_batchTimer.start();
}

void EventLogModel::onEventMarked(ConnectionLeg::Facing facing, qsizetype eventRow)
{
    // A held message decided after its row was shown: the row's type and tooltip now say what the proxy did. A row
    // not inserted yet shows the mark when it is.
    const bool clientLeg = m_connection->hasTwoLegs() && facing == ConnectionLeg::Facing::Client;
    const int row = rowForEvent(clientLeg ? LegRows::clientRow(eventRow) : int(eventRow));
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, NUM_COLUMNS - 1));
}

void EventLogModel::flush()
{
    insertPending(false);
}

void EventLogModel::insertPending(bool sliced)
{
    const SlowTurnLog::Section section("log.flush");
    m_batchTimer.stop();
    m_nextSliceTimer.stop();
    if (!m_connection)
        return;
    m_slice.start();
    std::vector<quint32> added;
    bool all = false;
    {
        const SlowTurnLog::Section merging("log.merge"); // the probe tells it from the views
        for (qsizetype taken = 0; !all && (!sliced || taken == 0 || !m_slice.spent(qsizetype(added.size())));
             taken += kSliceRows) {
            all = LegRows::merge(
                m_connection, &m_scanned, &m_clientScanned,
                [&](const EventRecord &record, int row) {
                    if (accepts(record, row))
                        added.push_back(quint32(row));
                },
                sliced ? kSliceRows : std::numeric_limits<qsizetype>::max());
            // Decoded before the rows are shown, so the filter tests them with their decoded text; only as far as they
            // go (a slice of a backlog).
            if (m_protocolLog)
                m_protocolLog->catchUp(m_scanned);
        }
    }
    if (!all)
        m_nextSliceTimer.start();
    if (added.empty())
        return;
    const SlowTurnLog::Section views("log.views");
    const int first = int(m_rows.size());
    QElapsedTimer viewTime;
    viewTime.start();
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (const quint32 row : added)
        m_rows.append(row);
    endInsertRows();
    m_slice.learnViews(viewTime.nsecsElapsed(), qsizetype(added.size()));
}

void EventLogModel::rebuild()
{
    beginResetModel();
    m_rows.clear(m_connection && m_connection->hasTwoLegs());
    m_scanned = 0;
    m_clientScanned = 0;
    m_previewCache.clear();
    if (m_protocolLog)
        m_protocolLog->catchUp();
    if (m_connection) {
        LegRows::merge(m_connection, &m_scanned, &m_clientScanned, [this](const EventRecord &record, int row) {
            if (accepts(record, row))
                m_rows.append(quint32(row));
        });
    }
    endResetModel();
}

void EventLogModel::onProtocolChanged()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, DecodedColumn, DecodedColumn);
}

QVariant EventLogModel::decodedData(quint32 eventRow, int role) const
{
    const std::optional<ProtocolLog::Row> row = m_protocolLog ? m_protocolLog->row(eventRow) : std::nullopt;
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (row->requestTimeUs)
            return tr("%1 · %2 ms").arg(row->summary).arg(row->latencyMs, 0, 'f', 1);
        return row->summary;
    case DecodeNoteRole:
        return row->note;
    case Qt::ToolTipRole: {
        QString tip = row->summary;
        if (!row->note.isEmpty())
            tip += QLatin1Char('\n') + tr("Decode note: %1").arg(row->note);
        if (row->requestTimeUs)
            tip += QLatin1Char('\n')
                + tr("Reply to the request sent at %1, after %2 ms")
                      .arg(QDateTime::fromMSecsSinceEpoch(*row->requestTimeUs / 1000)
                               .toString(QStringLiteral("HH:mm:ss.zzz")))
                      .arg(row->latencyMs, 0, 'f', 1);
        return tip;
    }
    default:
        return {};
    }
}

int EventLogModel::eventIndex(int row) const
{
    return m_rows.at(row);
}

int EventLogModel::rowForEvent(int eventIndex) const
{
    return eventIndex < 0 ? -1 : m_rows.indexOf(quint32(eventIndex));
}

void EventLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, NUM_COLUMNS - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, NUM_COLUMNS - 1));
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QString EventLogModel::previewText(const EventStore &store, qsizetype eventIndex)
{
    return EventPreview::text(store, eventIndex);
}

const ProxyMark *EventLogModel::proxyMarkOf(int encodedRow) const
{
    const ConnectionLeg *leg = m_connection->hasTwoLegs() ? m_connection->leg(LegRows::facingOf(encodedRow))
                                                          : m_connection->leg(ConnectionLeg::Facing::Server);
    if (!leg || leg->proxyMarks.isEmpty())
        return nullptr;
    const auto found = leg->proxyMarks.constFind(LegRows::indexInLeg(encodedRow));
    return found == leg->proxyMarks.constEnd() ? nullptr : &*found;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_connection || index.row() >= m_rows.size())
        return {};
    const quint32 encodedRow = quint32(m_rows.at(index.row()));
    const bool clientLeg = LegRows::isClientLeg(int(encodedRow));
    const quint32 eventRow = quint32(LegRows::indexInLeg(int(encodedRow)));
    const EventStore &store = *LegRows::storeOf(m_connection, int(encodedRow));
    const EventRecord &r = store.at(eventRow);

    switch (role) {
    case EventIndexRole:
        return int(encodedRow);
    case EventTypeRole:
        return int(r.type);
    case DirectionRole:
        return int(r.dir);
    case IsErrorRole:
        return r.type == EventType::Error;
    case DecodeNoteRole:
        return clientLeg ? QVariant() : decodedData(eventRow, role);
    case IsAutomaticRole:
        return r.hasFlag(FlagAutomatic);
    case LegRole:
        return int(LegRows::facingOf(int(encodedRow)));
    case ProxyMarkRole: {
        const ProxyMark *mark = proxyMarkOf(int(encodedRow));
        return mark ? QString::fromLatin1(proxyActionId(mark->action)) : QString();
    }
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TypeColumn) {
            if (const ProxyMark *mark = proxyMarkOf(int(encodedRow)))
                return ProxyMarkText::toolTip(*mark);
        }
        if (index.column() == LegColumn)
            return m_connection->hasTwoLegs() ? LegRows::legToolTip(int(encodedRow)) : QString();
        if (clientLeg)
            return {}; // the app's words and the decoding belong to the server leg's rows
        if (index.column() == DecodedColumn)
            return decodedData(eventRow, role);
        if (index.column() == TypeColumn && r.hasFlag(FlagAutomatic))
            return tr("Sent automatically by protocol duties");
        if (index.column() == DirectionColumn)
            return r.dir == Direction::Outgoing ? tr("Sent by this client")
                : r.dir == Direction::Incoming  ? tr("Received from the server")
                                                : QString();
        if (index.column() == PreviewColumn && r.type == EventType::Error) {
            // The hint reads the recorded English; the row's words show in the window's language.
            const QString hint = CloseExplainer::hintForError(r.layer(), store.payloadText(eventRow));
            const QString text = m_connection->rowText(eventRow);
            return hint.isEmpty() ? text : tr("%1\nWhat to try: %2").arg(text, hint);
        }
        if (index.column() == PreviewColumn && r.type == EventType::Close
            && (m_connection->state() == Connection::State::Closed
                || m_connection->state() == Connection::State::Failed)) {
            // Hovering a Close row tells the whole ending, not just this frame.
            return m_connection->closeExplanation().details.join(QLatin1Char('\n'));
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case TimeColumn:
        if (m_relativeTime) {
            const double seconds = double(r.timeUs - m_connection->startedUs()) / 1e6;
            return QStringLiteral("+%1 s").arg(seconds, 0, 'f', 6);
        }
        return QDateTime::fromMSecsSinceEpoch(r.timeUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
    case DirectionColumn: {
        // Both legs of a proxied connection read the same way: out is towards the server.
        const Direction dir = LegRows::logicalDirection(int(encodedRow), r.dir);
        return dir == Direction::Outgoing ? tr("↑ out") : dir == Direction::Incoming ? tr("↓ in") : QString();
    }
    case LegColumn:
        return m_connection->hasTwoLegs() ? LegRows::legName(int(encodedRow)) : QString();
    case TypeColumn:
        if (const ProxyMark *mark = proxyMarkOf(int(encodedRow)))
            return tr("%1 \u00b7 %2").arg(eventTypeText(r), ProxyMarkText::word(mark->action));
        return eventTypeText(r);
    case SizeColumn:
        switch (r.type) {
        case EventType::Message:
        case EventType::Frame:
        case EventType::Ping:
        case EventType::Pong:
            // A message's size is the real one even when the session's budget kept only its first bytes.
            return EventPreview::humanSize(
                r.type == EventType::Frame || r.type == EventType::Message ? r.value : r.payloadSize);
        case EventType::HandshakeRequest:
        case EventType::HandshakeResponse:
            return EventPreview::humanSize(r.payloadSize);
        default:
            return {};
        }
    case DecodedColumn:
        return clientLeg ? QVariant() : decodedData(eventRow, Qt::DisplayRole);
    case PreviewColumn: {
        if (!m_revealSecrets && (r.type == EventType::HandshakeRequest || r.type == EventType::HandshakeResponse))
            return QString::fromUtf8(SecretMasker::maskHttpHead(previewText(store, eventRow).toUtf8()));
        if (r.type == EventType::Error || r.type == EventType::Info || r.type == EventType::Open
            || r.type == EventType::Tls || r.type == EventType::Ping || r.type == EventType::Pong
            || (r.type == EventType::Close && r.value == kNoCloseCode))
            return ShownPreview::text(
                m_connection, int(encodedRow)); // few rows, in the window's language: not cached across a switch
        if (const QString *cached = m_previewCache.object(encodedRow))
            return *cached;
        auto *text = new QString(previewText(store, eventRow));
        const QString copy = *text;
        m_previewCache.insert(encodedRow, text);
        return copy;
    }
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == LegColumn)
        return tr("Which wire of the proxy the row crossed: client (the app and the proxy) or server (the proxy "
                  "and the upstream)");
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == DecodedColumn) {
        const QString protocol = m_protocolLog ? m_protocolLog->protocol() : QString();
        if (protocol.isEmpty())
            return tr("The protocol riding on WebSocket, decoded (Socket.IO, STOMP, GraphQL, JSON-RPC, MQTT, "
                      "SignalR). None found on this connection; choose one in the connection options.");
        return tr("Decoded as %1 (%2)").arg(ProtocolLog::displayName(protocol), m_protocolLog->reason());
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return m_relativeTime ? tr("Time (rel.)") : tr("Time");
    case DirectionColumn:
        return tr("Dir");
    case LegColumn:
        return tr("Leg");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case DecodedColumn:
        return tr("Decoded");
    case PreviewColumn:
        return tr("Preview");
    }
    return {};
}

} // namespace wsi
