// PairsModel: a connection's requests matched to their replies, one row per request, with latency and status.
#pragma once

#include "models/protocollog.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace wsi {

class Connection;

// One row per request the connection's protocol or pairing rule paired (ProtocolLog::pairs(): one small entry
// per pair, not per row); the summaries are read from the ProtocolLog when a cell is shown (a message only the
// rule paired shows the start of its text). A request without a reply is
// waiting until ProtocolAnnotator::kPairTimeoutUs has passed since it was recorded (measured against
// setNowUs(): the latest recorded time by default, the wall clock for a live view), then unanswered; the
// annotator no longer pairs it either.
class PairsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RequestTimeColumn,
        RequestColumn,
        ReplyTimeColumn,
        ReplyColumn,
        LatencyColumn,
        StatusColumn,
        NUM_COLUMNS
    };
    enum Role {
        RequestEventIndexRole = Qt::UserRole, // int: the request's row in the EventStore
        ReplyEventIndexRole, // int: the reply's row, -1 without one
        SortRole, // numbers for the time and latency columns (unanswered last by latency), text otherwise
        StatusRole, // int: Status
        LabelRole, // QString: the method, event or command the request names
    };
    enum class Status { Answered, Waiting, Unanswered };

    explicit PairsModel(QObject *parent = nullptr);
    ~PairsModel() override;

    void setConnection(Connection *connection);
    Connection *connection() const { return m_connection; }
    // Reads the rows recorded since (ProtocolLog::catchUp()); also done shortly after new events arrive.
    void refresh();
    // The time a waiting request is measured against (wall-clock microseconds, as the rows' times).
    void setNowUs(qint64 nowUs);
    qint64 nowUs() const;

    Status status(int row) const;
    // Whether the connection has a decoder or a pairing rule at all (for the view's empty state).
    bool decodes() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(Status status);

private:
    void onPairsChanged(qsizetype firstChanged);
    void reload();
    QString summaryOf(quint32 eventIndex) const;

    QPointer<Connection> m_connection;
    QPointer<ProtocolLog> m_log;
    int m_rows = 0; // pairs shown
    qint64 m_nowUs = -1; // -1: the latest recorded time
    QTimer m_catchUpTimer;
};

} // namespace wsi
