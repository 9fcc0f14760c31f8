// LogFilterModel: the log filter: visible rows of the event log, kept as a vector of rows.
#pragma once

#include "models/logfiltermatcher.h"
#include "models/rowsubset.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

namespace wsi {

class EventLogModel;
class EventStore;

// The log filter bar's model: a proxy over an EventLogModel holding a vector of the visible source rows.
// A filter change rebuilds the vector in one pass; appended source rows are tested alone and appended (one
// beginInsertRows per source batch), so a live flood costs only the new rows. Not a QSortFilterProxyModel:
// its per-row mapping and re-filtering on every insert do not keep up with a million rows.
class LogFilterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum TypeGroup {
        Messages = 0x01, // text and binary messages
        Control = 0x02, // ping, pong, close
        Frames = 0x04,
        Errors = 0x08,
        Lifecycle = 0x10, // handshake request/response, open, info, tls
        AllTypes = 0x1f,
    };
    enum class DirectionFilter { Both, Incoming, Outgoing };

    explicit LogFilterModel(QObject *parent = nullptr);
    ~LogFilterModel() override;

    void setSourceModel(EventLogModel *source);
    EventLogModel *sourceModel() const { return m_source; }

    // Free text (case-insensitive) or a regular expression, matched against an event's type label ("TEXT",
    // "PING", "ERROR"...), its payload (message and control payloads, close reasons, error and info text,
    // the handshake heads) and its decoded protocol message (summary, event, method, topic, destination), as
    // recorded; and against the words the window shows for the row in its language where they are the app's own
    // (a translated preview, decoded summary or decode note). An invalid regex shows nothing and sets errorString().
    void setFilterText(const QString &text, bool regex = false);
    QString filterText() const { return m_filterText; }
    bool filterIsRegex() const { return m_filterRegex; }
    // Empty when the filter is valid; otherwise names the problem, e.g. "Invalid regular expression
    // \"(ab\" at offset 3: missing closing parenthesis".
    QString errorString() const { return m_error; }
    void setTypes(int typeGroups);
    int types() const { return m_types; }
    // Events without a direction (errors, info, open) are shown with either direction.
    void setDirection(DirectionFilter direction);
    DirectionFilter direction() const { return m_direction; }
    // All at once, with one rebuild.
    void setFilter(const QString &text, bool regex, int typeGroups, DirectionFilter direction);

    // Find within the visible rows (it does not hide anything): next/previous matching row after/before
    // `fromRow`, wrapping around; -1 when nothing matches or the find text is invalid.
    void setFindText(const QString &text, bool regex = false);
    QString findErrorString() const { return m_findError; }
    int findNext(int fromRow) const;
    int findPrevious(int fromRow) const;
    bool rowMatchesFind(int row) const;

    // After a language change the rows show other words: an active text filter is run again.
    void retranslate();

    int mapToSource(int row) const; // -1 when out of range
    int mapFromSource(int sourceRow) const; // -1 when hidden
    qsizetype sourceRowsScanned() const { return m_scanned; }
    // What the row mapping holds (about a quarter byte per source row).
    qsizetype rowMappingBytes() const { return m_rows.bytesReserved(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The matching rule, shared with tests and the benchmark: does this event pass these settings?
    using Matcher = LogFilterMatcher;

private:
    void rebuild();
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onSourceAboutToBeReset();
    void onSourceReset();
    bool accepts(int sourceRow) const;
    // The pattern found in what was recorded or, for a row with the app's own words, in what the window shows.
    bool rowMatches(const Matcher &matcher, const EventStore &events, int eventIndex) const;
    bool shownWordsMatch(const Matcher &matcher, const EventStore &events, int eventIndex, bool decodedWords) const;
    QByteArrayView decodedText(int eventIndex, bool *shownWords = nullptr) const;
    const EventStore *store(int eventIndex) const; // the store of the row's leg

    QPointer<EventLogModel> m_source;
    RowSubset m_rows; // visible source rows
    qsizetype m_scanned = 0; // source rows already tested
    QString m_filterText;
    bool m_filterRegex = false;
    QString m_error;
    Matcher m_filter;
    Matcher m_find;
    QString m_findError;
    int m_types = AllTypes;
    DirectionFilter m_direction = DirectionFilter::Both;
    bool m_resetting = false;
};

} // namespace wsi
