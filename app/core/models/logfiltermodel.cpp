// LogFilterModel: the log filter: visible rows of the event log, kept as a vector of rows.
#include "models/logfiltermodel.h"

#include "models/legrows.h"

#include "connection/connection.h"
#include "models/eventlogmodel.h"
#include "models/protocollog.h"
#include "models/shownpreview.h"
#include "store/eventstore.h"
#include "store/slowturnlog.h"

#include <optional>

namespace wsi {

namespace {

int groupOf(EventType type)
{
    switch (type) {
    case EventType::Message:
        return LogFilterModel::Messages;
    case EventType::Ping:
    case EventType::Pong:
    case EventType::Close:
        return LogFilterModel::Control;
    case EventType::Frame:
        return LogFilterModel::Frames;
    case EventType::Error:
        return LogFilterModel::Errors;
    case EventType::HandshakeRequest:
    case EventType::HandshakeResponse:
    case EventType::Open:
    case EventType::Info:
    case EventType::Tls:
        return LogFilterModel::Lifecycle;
    }
    return LogFilterModel::Lifecycle;
}

} // namespace

LogFilterModel::LogFilterModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

LogFilterModel::~LogFilterModel() = default;

void LogFilterModel::setSourceModel(EventLogModel *source)
{
    if (m_source == source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QAbstractItemModel::rowsInserted, this, &LogFilterModel::onSourceRowsInserted);
        connect(m_source, &QAbstractItemModel::dataChanged, this, &LogFilterModel::onSourceDataChanged);
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, &LogFilterModel::onSourceAboutToBeReset);
        connect(m_source, &QAbstractItemModel::modelReset, this, &LogFilterModel::onSourceReset);
        // Append-only in practice; anything else is handled by starting over.
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, &LogFilterModel::rebuild);
        connect(m_source, &QAbstractItemModel::layoutChanged, this, &LogFilterModel::rebuild);
        connect(m_source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    }
    rebuild();
}

void LogFilterModel::setFilterText(const QString &text, bool regex)
{
    setFilter(text, regex, m_types, m_direction);
}

void LogFilterModel::setTypes(int typeGroups)
{
    setFilter(m_filterText, m_filterRegex, typeGroups, m_direction);
}

void LogFilterModel::setDirection(DirectionFilter direction)
{
    setFilter(m_filterText, m_filterRegex, m_types, direction);
}

void LogFilterModel::setFilter(const QString &text, bool regex, int typeGroups, DirectionFilter direction)
{
    if (text == m_filterText && regex == m_filterRegex && typeGroups == m_types && direction == m_direction)
        return;
    m_filterText = text;
    m_filterRegex = regex;
    m_types = typeGroups & AllTypes;
    m_direction = direction;
    m_filter = Matcher::make(text, regex, &m_error);
    rebuild();
}

void LogFilterModel::setFindText(const QString &text, bool regex)
{
    m_find = Matcher::make(text, regex, &m_findError);
}

const EventStore *LogFilterModel::store(int eventIndex) const
{
    if (!m_source || !m_source->connection())
        return nullptr;
    return LegRows::storeOf(m_source->connection(), eventIndex);
}

bool LogFilterModel::accepts(int sourceRow) const
{
    const int eventIndex = m_source->eventIndex(sourceRow);
    const EventStore *events = store(eventIndex);
    if (!events || eventIndex < 0)
        return false;
    const int index = LegRows::indexInLeg(eventIndex);
    const EventRecord &r = events->at(index);
    if (!(groupOf(r.type) & m_types))
        return false;
    const Direction dir = LegRows::logicalDirection(eventIndex, r.dir);
    if (m_direction != DirectionFilter::Both && dir != Direction::None) {
        const Direction wanted = m_direction == DirectionFilter::Incoming ? Direction::Incoming : Direction::Outgoing;
        if (dir != wanted)
            return false;
    }
    return rowMatches(m_filter, *events, eventIndex);
}

bool LogFilterModel::rowMatches(const Matcher &matcher, const EventStore &events, int eventIndex) const
{
    bool decodedWords = false;
    const QByteArrayView decoded = decodedText(eventIndex, &decodedWords);
    if (matcher.matches(events, LegRows::indexInLeg(eventIndex), decoded))
        return true;
    return matcher.active && !matcher.invalid && shownWordsMatch(matcher, events, eventIndex, decodedWords);
}

bool LogFilterModel::shownWordsMatch(
    const Matcher &matcher, const EventStore &events, int eventIndex, bool decodedWords) const
{
    // Only rows whose shown words can differ from the record get here: a flood of plain messages costs nothing
    // more than before, and the words are translated for these rows alone (ProtocolLog keeps the recent ones).
    if (ShownPreview::isWorded(events, LegRows::indexInLeg(eventIndex))
        && matcher.matchesText(ShownPreview::text(m_source->connection(), eventIndex)))
        return true;
    if (!decodedWords)
        return false;
    const std::optional<ProtocolLog::Row> row = m_source->protocolLog()->row(eventIndex);
    return row && (matcher.matchesText(row->summary) || matcher.matchesText(row->note));
}

QByteArrayView LogFilterModel::decodedText(int eventIndex, bool *shownWords) const
{
    // Decoding follows the server leg's rows only.
    const ProtocolLog *log = m_source && !LegRows::isClientLeg(eventIndex) ? m_source->protocolLog() : nullptr;
    if (shownWords)
        *shownWords = false;
    return log ? log->searchText(eventIndex, shownWords) : QByteArrayView();
}

void LogFilterModel::rebuild()
{
    if (!m_resetting)
        beginResetModel();
    m_rows.clear();
    m_scanned = 0;
    if (m_source) {
        const int total = m_source->rowCount();
        const bool everything = !m_filter.active && m_types == AllTypes && m_direction == DirectionFilter::Both;
        for (int row = 0; row < total; ++row) {
            if (everything || accepts(row))
                m_rows.append(row);
        }
        m_scanned = total;
    }
    if (!m_resetting)
        endResetModel();
}

void LogFilterModel::retranslate()
{
    if (m_filter.active)
        rebuild();
}

void LogFilterModel::onSourceAboutToBeReset()
{
    m_resetting = true;
    beginResetModel();
}

void LogFilterModel::onSourceReset()
{
    rebuild();
    m_resetting = false;
    endResetModel();
}

void LogFilterModel::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    const SlowTurnLog::Section section("filter.insert");
    if (parent.isValid())
        return;
    if (first != m_scanned) { // not an append: start over
        rebuild();
        return;
    }
    m_scanned = last + 1;
    if (!m_filter.active && m_types == AllTypes && m_direction == DirectionFilter::Both) {
        // Nothing to test (the usual case during a flood): accepts() looked each row up in the source's row subset
        // and the store, 30-70 ms per 16 ms batch of a flood on a loaded machine, all of it holding the window.
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + (last - first));
        for (int row = first; row <= last; ++row)
            m_rows.append(row);
        endInsertRows();
        return;
    }
    std::vector<quint32> added;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            added.push_back(quint32(row));
    }
    if (added.empty())
        return;
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at + int(added.size()) - 1);
    for (const quint32 row : added)
        m_rows.append(row);
    endInsertRows();
}

void LogFilterModel::onSourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    const qsizetype lo = m_rows.countBelow(topLeft.row());
    const qsizetype hi = m_rows.countBelow(qsizetype(bottomRight.row()) + 1);
    if (lo >= hi)
        return;
    Q_EMIT dataChanged(index(int(lo), topLeft.column()), index(int(hi) - 1, bottomRight.column()), roles);
}

int LogFilterModel::mapToSource(int row) const
{
    return int(m_rows.at(row));
}

int LogFilterModel::mapFromSource(int sourceRow) const
{
    return int(m_rows.indexOf(sourceRow));
}

bool LogFilterModel::rowMatchesFind(int row) const
{
    const int sourceRow = mapToSource(row);
    if (!m_source || sourceRow < 0 || !m_find.active || m_find.invalid)
        return false;
    const int eventIndex = m_source->eventIndex(sourceRow);
    const EventStore *events = store(eventIndex);
    return events && rowMatches(m_find, *events, eventIndex);
}

int LogFilterModel::findNext(int fromRow) const
{
    const int n = int(m_rows.size());
    if (n == 0 || !m_find.active || m_find.invalid)
        return -1;
    const int start = fromRow < 0 ? -1 : std::min(fromRow, n - 1);
    for (int k = 1; k <= n; ++k) {
        const int row = (start + k) % n;
        if (rowMatchesFind(row))
            return row;
    }
    return -1;
}

int LogFilterModel::findPrevious(int fromRow) const
{
    const int n = int(m_rows.size());
    if (n == 0 || !m_find.active || m_find.invalid)
        return -1;
    const int start = (fromRow < 0 || fromRow > n) ? n : fromRow;
    for (int k = 1; k <= n; ++k) {
        const int row = ((start - k) % n + n) % n;
        if (rowMatchesFind(row))
            return row;
    }
    return -1;
}

int LogFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

QVariant LogFilterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_source || index.row() >= m_rows.size())
        return {};
    return m_source->index(int(m_rows.at(index.row())), index.column()).data(role);
}

QVariant LogFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && m_source)
        return m_source->headerData(section, orientation, role);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace wsi
