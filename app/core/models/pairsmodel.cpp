// PairsModel: a connection's requests matched to their replies, one row per request, with latency and status.
#include "models/pairsmodel.h"

#include "connection/connection.h"
#include "explain/protocolannotator.h"
#include "store/eventstore.h"

#include <QDateTime>

#include <limits>

namespace wsi {

namespace {
QString clockText(qint64 timeUs)
{
    return QDateTime::fromMSecsSinceEpoch(timeUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
}
} // namespace

PairsModel::PairsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // New rows are read in batches, as the log does, never once per message.
    m_catchUpTimer.setSingleShot(true);
    m_catchUpTimer.setInterval(100);
    connect(&m_catchUpTimer, &QTimer::timeout, this, &PairsModel::refresh);
}

PairsModel::~PairsModel() = default;

void PairsModel::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_connection = connection;
    m_log = ProtocolLog::of(connection);
    if (m_connection)
        connect(m_connection, &Connection::eventsAppended, this, [this] {
            // Not restarted by every event: a flood must not postpone the catch-up for ever.
            if (!m_catchUpTimer.isActive())
                m_catchUpTimer.start();
        });
    if (m_log) {
        connect(m_log, &ProtocolLog::pairsChanged, this, &PairsModel::onPairsChanged);
        connect(m_log, &ProtocolLog::protocolChanged, this, &PairsModel::reload);
        m_log->catchUp();
    }
    reload();
}

void PairsModel::refresh()
{
    m_catchUpTimer.stop();
    if (m_log)
        m_log->catchUp();
}

void PairsModel::reload()
{
    beginResetModel();
    m_rows = m_log ? int(m_log->pairs().size()) : 0;
    endResetModel();
}

void PairsModel::onPairsChanged(qsizetype firstChanged)
{
    const int total = int(m_log->pairs().size());
    if (total < m_rows) { // the rows were recorded anew
        reload();
        return;
    }
    if (firstChanged < m_rows)
        Q_EMIT dataChanged(index(int(firstChanged), 0), index(m_rows - 1, NUM_COLUMNS - 1));
    if (total > m_rows) {
        beginInsertRows({}, m_rows, total - 1);
        m_rows = total;
        endInsertRows();
    }
}

void PairsModel::setNowUs(qint64 nowUs)
{
    m_nowUs = nowUs;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, NUM_COLUMNS - 1), { Qt::DisplayRole, StatusRole });
}

qint64 PairsModel::nowUs() const
{
    if (m_nowUs >= 0)
        return m_nowUs;
    const EventStore *store = m_connection ? &m_connection->events() : nullptr;
    return store && store->size() > 0 ? store->at(store->size() - 1).timeUs : 0;
}

PairsModel::Status PairsModel::status(int row) const
{
    const ProtocolLog::Pair &p = m_log->pairs().at(size_t(row));
    if (p.answered())
        return Status::Answered;
    return nowUs() - p.requestTimeUs > ProtocolAnnotator::kPairTimeoutUs ? Status::Unanswered : Status::Waiting;
}

bool PairsModel::decodes() const
{
    return m_log && (!m_log->protocol().isEmpty() || (m_connection && m_connection->options().pairingRule.isSet()));
}

QString PairsModel::statusText(Status status)
{
    switch (status) {
    case Status::Answered:
        return tr("answered");
    case Status::Waiting:
        return tr("waiting");
    case Status::Unanswered:
        return tr("unanswered");
    }
    return {};
}

QString PairsModel::summaryOf(quint32 eventIndex) const
{
    if (const std::optional<ProtocolLog::Row> row = m_log->row(eventIndex))
        return row->summary;
    // Paired by the user's rule with nothing decoded: the message's own text, cut short, says what it was.
    if (!m_connection || qsizetype(eventIndex) >= m_connection->events().size())
        return {};
    constexpr qsizetype kPreviewBytes = 120;
    const QByteArrayView payload = m_connection->events().payload(eventIndex);
    QString text = QString::fromUtf8(payload.first(qMin(payload.size(), kPreviewBytes)));
    if (payload.size() > kPreviewBytes)
        text += QChar(0x2026);
    return text.simplified();
}

int PairsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PairsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant PairsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_log)
        return {};
    const ProtocolLog::Pair &p = m_log->pairs().at(size_t(index.row()));
    const qint64 replyTimeUs = p.answered() ? p.requestTimeUs + p.latencyUs : -1;
    switch (role) {
    case RequestEventIndexRole:
        return int(p.requestIndex);
    case ReplyEventIndexRole:
        return p.answered() ? int(p.replyIndex) : -1;
    case StatusRole:
        return int(status(index.row()));
    case LabelRole:
        return DecodedMessage::shownPairLabel(m_log->labels().value(int(p.label)));
    case Qt::TextAlignmentRole:
        if (index.column() == LatencyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case RequestTimeColumn:
            return p.requestTimeUs;
        case ReplyTimeColumn:
            return replyTimeUs;
        case LatencyColumn:
            // Requests without a reply sort after the slowest answered one.
            return p.answered() ? p.latencyUs : std::numeric_limits<qint64>::max();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case RequestTimeColumn:
            return clockText(p.requestTimeUs);
        case RequestColumn:
            return summaryOf(p.requestIndex);
        case ReplyTimeColumn:
            return p.answered() ? clockText(replyTimeUs) : QString();
        case ReplyColumn:
            return p.answered() ? summaryOf(p.replyIndex) : QString();
        case LatencyColumn:
            return p.answered() ? QString::number(double(p.latencyUs) / 1000.0, 'f', 1) : QString();
        case StatusColumn:
            return statusText(status(index.row()));
        }
        return {};
    default:
        return {};
    }
}

QVariant PairsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RequestTimeColumn:
        return tr("Sent");
    case RequestColumn:
        return tr("Request");
    case ReplyTimeColumn:
        return tr("Replied");
    case ReplyColumn:
        return tr("Reply");
    case LatencyColumn:
        return tr("Latency (ms)");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace wsi
