// LatencyStatsModel: latency percentiles (p50, p95, p99) and counts per method or event of a connection's pairs.
#include "models/latencystatsmodel.h"

#include "connection/connection.h"

#include <algorithm>
#include <cmath>

namespace wsi {

LatencyStatsModel::LatencyStatsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

LatencyStatsModel::~LatencyStatsModel() = default;

void LatencyStatsModel::setConnection(Connection *connection)
{
    m_connection = connection;
    m_log = ProtocolLog::of(connection);
    refresh();
}

void LatencyStatsModel::refresh()
{
    if (m_log)
        m_log->catchUp();
    std::vector<Stats> stats = m_log ? compute(m_log->pairs(), m_log->labels()) : std::vector<Stats>();
    const bool sameRows = stats.size() == m_stats.size()
        && std::equal(stats.begin(), stats.end(), m_stats.begin(),
            [](const Stats &a, const Stats &b) { return a.label == b.label; });
    if (sameRows) {
        m_stats = std::move(stats);
        if (!m_stats.empty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_stats.size()) - 1, NUM_COLUMNS - 1));
        return;
    }
    beginResetModel();
    m_stats = std::move(stats);
    endResetModel();
}

qint64 LatencyStatsModel::nearestRank(const std::vector<qint64> &sorted, double percent)
{
    if (sorted.empty())
        return 0;
    const auto n = qsizetype(sorted.size());
    const auto rank = qsizetype(std::ceil(percent / 100.0 * double(n)));
    return sorted.at(size_t(qBound<qsizetype>(1, rank, n) - 1));
}

std::vector<LatencyStatsModel::Stats> LatencyStatsModel::compute(
    const std::vector<ProtocolLog::Pair> &pairs, const QStringList &labels)
{
    std::vector<std::vector<qint64>> perLabel(size_t(labels.size()));
    for (const ProtocolLog::Pair &p : pairs) {
        if (p.answered() && p.label < perLabel.size())
            perLabel[p.label].push_back(p.latencyUs);
    }
    std::vector<Stats> out;
    for (size_t i = 0; i < perLabel.size(); ++i) {
        std::vector<qint64> &values = perLabel[i];
        if (values.empty())
            continue;
        std::sort(values.begin(), values.end());
        out.push_back(Stats { DecodedMessage::shownPairLabel(labels.at(qsizetype(i))), int(values.size()),
            nearestRank(values, 50), nearestRank(values, 95), nearestRank(values, 99), values.back() });
    }
    std::sort(out.begin(), out.end(), [](const Stats &a, const Stats &b) { return a.label < b.label; });
    return out;
}

int LatencyStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stats.size());
}

int LatencyStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant LatencyStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Stats &s = m_stats.at(size_t(index.row()));
    const auto ms = [&]() -> double {
        switch (index.column()) {
        case P50Column:
            return double(s.p50) / 1000.0;
        case P95Column:
            return double(s.p95) / 1000.0;
        case P99Column:
            return double(s.p99) / 1000.0;
        case MaxColumn:
            return double(s.max) / 1000.0;
        default:
            return double(s.count);
        }
    };
    switch (role) {
    case MillisecondsRole:
        return index.column() == LabelColumn ? QVariant() : QVariant(ms());
    case Qt::TextAlignmentRole:
        return index.column() == LabelColumn ? QVariant() : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        if (index.column() == LabelColumn)
            return s.label;
        if (index.column() == CountColumn)
            return s.count;
        return QString::number(ms(), 'f', 1);
    default:
        return {};
    }
}

QVariant LatencyStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Method or event");
    case CountColumn:
        return tr("Replies");
    case P50Column:
        return tr("p50 ms");
    case P95Column:
        return tr("p95 ms");
    case P99Column:
        return tr("p99 ms");
    case MaxColumn:
        return tr("max ms");
    }
    return {};
}

} // namespace wsi
