// LatencyStatsModel: latency percentiles (p50, p95, p99) and counts per method or event of a connection's pairs.
#pragma once

#include "models/protocollog.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

namespace wsi {

class Connection;

// One row per label (JSON-RPC method, Socket.IO event, GraphQL operation, STOMP command or destination,
// MQTT packet type, SignalR target) with an answered request, sorted by label. Computed from
// ProtocolLog::pairs() when refresh() is called (the Stats tab does it while it is shown), not per message.
class LatencyStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn, CountColumn, P50Column, P95Column, P99Column, MaxColumn, NUM_COLUMNS };
    enum Role {
        MillisecondsRole = Qt::UserRole, // double: the column's latency in ms (count for CountColumn)
    };

    struct Stats
    {
        QString label;
        int count = 0;
        // Microseconds.
        qint64 p50 = 0;
        qint64 p95 = 0;
        qint64 p99 = 0;
        qint64 max = 0;
    };

    explicit LatencyStatsModel(QObject *parent = nullptr);
    ~LatencyStatsModel() override;

    void setConnection(Connection *connection);
    // Catches the connection's protocol log up and recomputes the rows.
    void refresh();

    const std::vector<Stats> &stats() const { return m_stats; }

    // Nearest-rank percentile (the smallest value with at least percent % of the values at or below it: the
    // value at rank ceil(percent / 100 * n), 1-based) of values sorted ascending; 0 when there are none.
    // Nearest-rank returns a latency that was measured, never an interpolation between two.
    static qint64 nearestRank(const std::vector<qint64> &sorted, double percent);
    // The stats of each label's latencies (microseconds), sorted by label.
    static std::vector<Stats> compute(const std::vector<ProtocolLog::Pair> &pairs, const QStringList &labels);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<Connection> m_connection;
    QPointer<ProtocolLog> m_log;
    std::vector<Stats> m_stats;
};

} // namespace wsi
