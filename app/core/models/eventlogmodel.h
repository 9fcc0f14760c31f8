// EventLogModel: the log of one connection as a table, text produced on demand.
#pragma once

#include "models/legrows.h"
#include "models/logrows.h"
#include "models/protocollog.h"
#include "models/slicebudget.h"
#include "store/proxymark.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QPointer>
#include <QTimer>

namespace wsi {

class Connection;
class EventStore;
struct EventRecord;

// The log of one connection as a table. Rows are indices into the connection's EventStore; frames can be
// hidden without copying anything. New events are inserted in batches (one beginInsertRows per interval),
// and only the new events are tested against the frame filter, so a flood costs the view almost nothing.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // DecodedColumn: the protocol messages a row holds (see ProtocolLog); empty when nothing decoded.
    // LegColumn: which wire of a proxied connection the row crossed (client / server); empty for other kinds.
    enum Column {
        TimeColumn,
        DirectionColumn,
        LegColumn,
        TypeColumn,
        SizeColumn,
        DecodedColumn,
        PreviewColumn,
        NUM_COLUMNS
    };
    enum Role {
        EventIndexRole = Qt::UserRole, // int: row in the EventStore
        EventTypeRole, // int: EventType
        DirectionRole, // int: Direction
        IsErrorRole, // bool
        DecodeNoteRole, // QString: what is malformed in the row's protocol message; empty when well-formed
        IsAutomaticRole, // bool: a message the app sent by itself (protocol duties), not the user
        LegRole, // int: ConnectionLeg::Facing of the wire the row crossed
        ProxyMarkRole, // QString: what a proxy did to the message ("edited", "dropped"...); empty when nothing
    };

    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    void setConnection(Connection *connection);
    Connection *connection() const;
    // The decoded protocol of the connection's rows (null without a connection).
    ProtocolLog *protocolLog() const { return m_protocolLog; }

    void setShowFrames(bool show);
    bool showFrames() const { return m_showFrames; }
    // A proxied connection shows both legs in time order unless told to show one.
    void setLegFilter(LegRows::Filter filter);
    LegRows::Filter legFilter() const { return m_legFilter; }
    void setRelativeTime(bool relative);
    // Off by default: the UPGRADE / RESPONSE previews show secrets (Authorization, cookies, URL tokens) masked.
    void setRevealSecrets(bool reveal);
    bool relativeTime() const { return m_relativeTime; }
    void setBatchIntervalMs(int ms);

    // Inserts pending events now instead of at the next batch tick (tests, export), all of them at once.
    void flush();

    // A flood's backlog reaches the views in slices, one per pass of the event loop, so that the window keeps
    // answering: a slice ends once its rows cost about kSliceMs, what the views did with the last insert's rows
    // counted in (the log filter's tests, the table), and never before kSliceRows rows were taken.
    static constexpr int kSliceMs = 8;
    static constexpr qsizetype kSliceRows = 4096;

    // Maps between view rows and EventStore rows (-1 when hidden or out of range). On a proxied connection a
    // client leg's row carries LegRows::kClientLegBit (LegRows::storeOf() finds its store).
    int eventIndex(int row) const;
    int rowForEvent(int eventIndex) const;
    // What the row mapping holds (about a quarter byte per store row on a connection with one leg).
    qsizetype rowMappingBytes() const { return m_rows.bytesReserved(); }

    // After a language change: the column titles and the texts made on demand (tooltips) are asked for again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The PREVIEW column's text; also used by the CLI and exporters (the TYPE label is eventTypeText()).
    static QString previewText(const EventStore &store, qsizetype eventIndex);

private:
    // The proxy's mark on a row (either leg), or null.
    const ProxyMark *proxyMarkOf(int encodedRow) const;
    void onEventsAppended();
    // Inserts what is pending: all of it, or one slice (see kSliceMs) and the rest on the next pass.
    void insertPending(bool sliced);
    void onEventMarked(ConnectionLeg::Facing facing, qsizetype eventRow);
    void rebuild();
    void onProtocolChanged();
    QVariant decodedData(quint32 eventRow, int role) const;
    bool accepts(const EventRecord &record, int row) const;

    QPointer<Connection> m_connection;
    QPointer<ProtocolLog> m_protocolLog;
    LogRows m_rows; // visible EventStore rows
    qsizetype m_scanned = 0; // EventStore rows already tested
    qsizetype m_clientScanned = 0; // the same on a proxied connection's client leg
    LegRows::Filter m_legFilter = LegRows::Filter::Both;
    bool m_showFrames = false;
    bool m_relativeTime = false;
    bool m_revealSecrets = false;
    QTimer m_batchTimer;
    QTimer m_nextSliceTimer; // 0 ms: the next slice of a backlog, after what else waits in this pass
    SliceBudget m_slice { kSliceMs };
    mutable QCache<quint32, QString> m_previewCache;
};

} // namespace wsi
