// TransportResultModel: the four transports side by side, one row each, with what the comparison measured.
#include "learn/transportresultmodel.h"

#include <QLocale>

namespace wsi {

TransportResultModel::TransportResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    clear();
}

void TransportResultModel::clear()
{
    beginResetModel();
    m_results = QList<std::optional<TransportResult>>(allTransportKinds().size());
    endResetModel();
}

void TransportResultModel::setResult(const TransportResult &result)
{
    const int row = int(allTransportKinds().indexOf(result.kind));
    if (row < 0)
        return;
    m_results[row] = result;
    Q_EMIT dataChanged(index(row, 0), index(row, NUM_COLUMNS - 1));
}

QString TransportResultModel::title(TransportKind kind)
{
    switch (kind) {
    case TransportKind::Polling:
        return tr("Polling");
    case TransportKind::LongPolling:
        return tr("Long polling");
    case TransportKind::Streaming:
        return tr("Streaming");
    case TransportKind::WebSocket:
        return tr("WebSocket");
    }
    return {};
}

QString TransportResultModel::explanation(TransportKind kind)
{
    switch (kind) {
    case TransportKind::Polling:
        return tr("The client asks again and again whether there is news; most answers are empty, and news waits "
                  "for the next question.");
    case TransportKind::LongPolling:
        return tr("The server holds each question until there is news, then the client asks again at once: "
                  "fast, but every message costs a whole request.");
    case TransportKind::Streaming:
        return tr("One response that never ends carries the news as it happens, but the client must open "
                  "separate requests to talk back.");
    case TransportKind::WebSocket:
        return tr("One connection, upgraded once, carries messages both ways with a few bytes of framing each.");
    }
    return {};
}

void TransportResultModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, NUM_COLUMNS - 1);
    Q_EMIT headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, NUM_COLUMNS - 1));
}

int TransportResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int TransportResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant TransportResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.size())
        return {};
    const TransportKind kind = allTransportKinds().at(index.row());
    if (role == Qt::ToolTipRole)
        return explanation(kind);
    if (role == Qt::TextAlignmentRole && index.column() != TransportColumn && index.column() != ExplanationColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == TransportColumn)
        return title(kind);
    if (index.column() == ExplanationColumn)
        return explanation(kind);
    const std::optional<TransportResult> &result = m_results.at(index.row());
    if (!result)
        return QStringLiteral("\u2014");
    const QLocale locale;
    switch (index.column()) {
    case RequestsColumn:
        return locale.toString(result->tally.requests);
    case ConnectionsColumn:
        return locale.toString(result->tally.connections);
    case HeaderBytesColumn:
        return locale.toString(result->tally.headerBytes);
    case PayloadBytesColumn:
        return locale.toString(result->tally.payloadBytes);
    case TotalBytesColumn:
        return locale.toString(result->totalBytes());
    case LatencyP50Column:
        return tr("%1 ms").arg(locale.toString(result->latencyP50Ms, 'f', 1));
    case LatencyP95Column:
        return tr("%1 ms").arg(locale.toString(result->latencyP95Ms, 'f', 1));
    case DeliveredColumn:
        return tr("%1 of %2").arg(result->delivered).arg(result->expected);
    default:
        return {};
    }
}

QVariant TransportResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // A row's header names its transport: what the comparison window's transposed table shows above each column.
    if (orientation == Qt::Vertical && role == Qt::DisplayRole && section >= 0 && section < m_results.size())
        return title(allTransportKinds().at(section));
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TransportColumn:
        return tr("Transport");
    case RequestsColumn:
        return tr("HTTP requests");
    case ConnectionsColumn:
        return tr("TCP connections");
    case HeaderBytesColumn:
        return tr("Header bytes");
    case PayloadBytesColumn:
        return tr("Payload bytes");
    case TotalBytesColumn:
        return tr("Total bytes");
    case LatencyP50Column:
        return tr("Latency p50");
    case LatencyP95Column:
        return tr("Latency p95");
    case DeliveredColumn:
        return tr("Delivered");
    case ExplanationColumn:
        return tr("In plain words");
    default:
        return {};
    }
}

} // namespace wsi
