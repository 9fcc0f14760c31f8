// ProtocolLog: what each row of one connection holds in the protocol riding on it, annotated as rows arrive.
#include "models/protocollog.h"

#include "connection/connection.h"
#include "explain/protocolannotator.h"
#include "language/englishscope.h"
#include "language/translations.h"
#include "store/eventstore.h"

#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace wsi {

namespace {

constexpr int kMaxTermBytes = 200; // search terms kept per row beyond the summary
constexpr int kMaxTermValue = 80; // a longer field value is a body, not a name to filter by

// The values a user filters by that a summary may elide: the pair label (method, event, command) and the
// short scalar fields (topic, destination, id, operation name...).
QString searchTerms(const QList<DecodedMessage> &messages, const QString &summary)
{
    QString terms;
    auto add = [&](const QString &value) {
        if (value.isEmpty() || value.size() > kMaxTermValue || summary.contains(value) || terms.contains(value))
            return;
        terms += QLatin1Char('\n') + value;
    };
    for (const DecodedMessage &m : messages) {
        add(m.pairLabel);
        for (auto it = m.fields.begin(); it != m.fields.end(); ++it) {
            if (it.value().isString())
                add(it.value().toString());
            else if (it.value().isDouble())
                add(QString::number(it.value().toDouble()));
        }
    }
    return terms;
}

QByteArray capped(const QString &text, int maxBytes)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() > maxBytes) {
        utf8.truncate(maxBytes);
        // Not in the middle of a UTF-8 sequence.
        while (!utf8.isEmpty() && (quint8(utf8.back()) & 0xc0) == 0x80)
            utf8.chop(1);
        if (!utf8.isEmpty() && quint8(utf8.back()) >= 0xc0)
            utf8.chop(1);
    }
    return utf8;
}

// A row's summary in the window's words when one of its messages has some (a partial MQTT packet, a SignalR
// handshake, a malformed message...): every message's part, the others as their plain summaries, joined like
// the English. Packed for the arena; empty when no message has words, or when the words would not fit a row's
// 16-bit length (then the row shows its English).
QByteArray packedSummary(const QList<DecodedMessage> &messages)
{
    const bool anyWords = std::any_of(
        messages.cbegin(), messages.cend(), [](const DecodedMessage &m) { return !m.shownSummary.isEmpty(); });
    if (!anyWords)
        return {};
    RecordedText joined;
    for (const DecodedMessage &m : messages) {
        if (!joined.isEmpty())
            joined = joined + RecordedText::plain(QStringLiteral(" · "));
        joined = joined + (m.shownSummary.isEmpty() ? RecordedText::plain(m.summary) : m.shownSummary);
    }
    QByteArray packed = joined.packed();
    return packed.size() <= std::numeric_limits<quint16>::max() ? packed : QByteArray();
}

QByteArray packedNote(const DecodedMessage &m)
{
    QByteArray packed = m.shownNote.isEmpty() ? QByteArray() : m.shownNote.packed();
    return packed.size() <= std::numeric_limits<quint16>::max() ? packed : QByteArray();
}

} // namespace

ProtocolLog *ProtocolLog::of(Connection *connection)
{
    if (!connection)
        return nullptr;
    if (auto *log = connection->findChild<ProtocolLog *>(QString(), Qt::FindDirectChildrenOnly))
        return log;
    return new ProtocolLog(connection);
}

ProtocolLog::ProtocolLog(Connection *connection)
    : QObject(connection)
    , m_connection(connection)
    , m_recent(kRecentRows)
    , m_translations(kTranslationsKept)
{
    reset();
}

ProtocolLog::~ProtocolLog() = default;

std::unique_ptr<ProtocolAnnotator> ProtocolLog::makeAnnotator() const
{
    const QString choice
        = m_connection->options().protocol.isEmpty() ? QStringLiteral("auto") : m_connection->options().protocol;
    // The test server's clients are the ones whose messages come in.
    const Direction client
        = m_connection->kind() == Connection::Kind::Incoming ? Direction::Incoming : Direction::Outgoing;
    auto annotator = std::make_unique<ProtocolAnnotator>(choice, client, m_connection->options().pairingRule);
    annotator->setUrl(m_connection->options().url);
    return annotator;
}

void ProtocolLog::reset()
{
    m_annotator = m_connection ? makeAnnotator() : nullptr;
    m_annotated = 0;
    m_entries.clear();
    m_text.clear();
    m_recent.clear();
    m_pairs.clear();
    m_labels.clear();
    m_labelIds.clear();
    m_translations.clear();
}

QString ProtocolLog::shown(const char *packed, quint16 packedBytes, const char *english, quint32 englishBytes) const
{
    if (packedBytes == 0)
        return QString::fromUtf8(english, englishBytes);
    // Inside an EnglishScope the words render as English whatever the window's language.
    const QString language = EnglishScope::active() ? QStringLiteral("en") : Translations::effectiveLanguageNow();
    QByteArray key = language.toLatin1();
    key += '\0';
    key.append(packed, packedBytes);
    if (const QString *cached = m_translations.object(key))
        return *cached;
    auto *text = new QString(RecordedText::unpacked(QByteArrayView(packed, packedBytes)).translated());
    const QString copy = *text;
    m_translations.insert(key, text);
    return copy;
}

QString ProtocolLog::protocol() const
{
    return m_annotator ? m_annotator->protocol() : QString();
}

QString ProtocolLog::reason() const
{
    return m_annotator ? m_annotator->reason() : QString();
}

QString ProtocolLog::displayName(const QString &protocolId)
{
    if (protocolId == QLatin1String("socketio"))
        return QStringLiteral("Socket.IO");
    if (protocolId == QLatin1String("stomp"))
        return QStringLiteral("STOMP");
    if (protocolId == QLatin1String("graphql-ws"))
        return QStringLiteral("GraphQL over WebSocket");
    if (protocolId == QLatin1String("jsonrpc"))
        return QStringLiteral("JSON-RPC");
    if (protocolId == QLatin1String("mqtt"))
        return QStringLiteral("MQTT");
    if (protocolId == QLatin1String("signalr"))
        return QStringLiteral("SignalR");
    return protocolId;
}

void ProtocolLog::catchUp(qsizetype end)
{
    if (!m_connection)
        return;
    const EventStore &store = m_connection->events();
    if (store.size() < m_annotated) { // the rows were recorded anew
        reset();
        Q_EMIT protocolChanged();
    }
    const QString before = protocol();
    qsizetype firstChanged = -1;
    const qsizetype last = qMin(end, store.size());
    for (; m_annotated < last; ++m_annotated) {
        if (m_annotator->readsNoMore()) {
            // Detection gave up (or "none") and no rule pairs: no row from here on says anything, and fetching each
            // one's payload to be told so was half the log's flush in a flood of 32-byte messages (issue 12).
            m_annotated = last;
            break;
        }
        const EventRecord &r = store.at(m_annotated);
        // Only Open and Message rows carry what the annotator reads: other payloads are not fetched (a
        // spilled chunk would be read back from disk for nothing).
        if (r.type != EventType::Open && r.type != EventType::Message)
            continue;
        ProtocolAnnotator::Annotation annotation = m_annotator->next(r, store.payload(m_annotated), m_annotated);
        if (!annotation.openedLabels.isEmpty() || !annotation.answered.isEmpty()) {
            const qsizetype changed = notePairs(quint32(m_annotated), r.timeUs, annotation);
            if (firstChanged < 0 || changed < firstChanged)
                firstChanged = changed;
        }
        if (annotation.messages.isEmpty())
            continue;
        QStringList summaries;
        QString note;
        QByteArray shownNote;
        for (const DecodedMessage &m : std::as_const(annotation.messages)) {
            summaries << m.summary;
            if (note.isEmpty() && m.isMalformed()) {
                note = m.note.isEmpty() ? m.noteId : m.note;
                shownNote = packedNote(m);
            }
        }
        const QByteArray shownSummary = packedSummary(annotation.messages);
        const QString summary = summaries.join(QStringLiteral(" · "));
        const QByteArray summaryUtf8 = summary.toUtf8();
        const QByteArray termsUtf8 = capped(searchTerms(annotation.messages, summary), kMaxTermBytes);
        const QByteArray noteUtf8 = note.toUtf8();
        Entry e;
        e.eventIndex = quint32(m_annotated);
        e.offset = m_text.size();
        e.summaryBytes = quint32(summaryUtf8.size());
        e.searchBytes = quint32(summaryUtf8.size() + termsUtf8.size());
        e.noteBytes = quint32(noteUtf8.size());
        e.shownSummaryBytes = quint16(shownSummary.size());
        e.shownNoteBytes = quint16(shownNote.size());
        if (annotation.requestTimeUs) {
            e.requestTimeUs = *annotation.requestTimeUs;
            e.latencyMs = float(annotation.latencyMs);
        }
        m_text += summaryUtf8;
        m_text += termsUtf8;
        m_text += noteUtf8;
        m_text += shownSummary;
        m_text += shownNote;
        m_entries.push_back(e);
        m_recent.insert(e.eventIndex, new QList<DecodedMessage>(std::move(annotation.messages)));
    }
    if (protocol() != before)
        Q_EMIT protocolChanged();
    if (firstChanged >= 0)
        Q_EMIT pairsChanged(firstChanged);
}

qsizetype ProtocolLog::notePairs(quint32 eventIndex, qint64 timeUs, const ProtocolAnnotator::Annotation &annotation)
{
    qsizetype first = qsizetype(m_pairs.size());
    for (const ProtocolAnnotator::Annotation::Answered &answer : annotation.answered) {
        // A row's pairs are consecutive, in the order its requests were opened.
        const auto begin = std::lower_bound(m_pairs.begin(), m_pairs.end(), answer.row,
            [](const Pair &p, qint64 row) { return qint64(p.requestIndex) < row; });
        if (answer.request >= m_pairs.end() - begin)
            continue;
        const auto it = begin + answer.request;
        if (qint64(it->requestIndex) != answer.row || it->answered())
            continue;
        it->replyIndex = eventIndex;
        it->latencyUs = qMax<qint64>(0, timeUs - it->requestTimeUs);
        first = qMin(first, qsizetype(it - m_pairs.begin()));
    }
    for (const QString &label : annotation.openedLabels) {
        auto id = m_labelIds.constFind(label);
        if (id == m_labelIds.cend()) {
            id = m_labelIds.insert(label, quint32(m_labels.size()));
            m_labels.append(label);
        }
        Pair p;
        p.requestIndex = eventIndex;
        p.label = *id;
        p.requestTimeUs = timeUs;
        m_pairs.push_back(p);
    }
    return first;
}

const ProtocolLog::Entry *ProtocolLog::find(qsizetype eventIndex) const
{
    if (eventIndex < 0 || eventIndex > qsizetype(std::numeric_limits<quint32>::max()))
        return nullptr;
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), quint32(eventIndex),
        [](const Entry &e, quint32 index) { return e.eventIndex < index; });
    return it != m_entries.end() && it->eventIndex == quint32(eventIndex) ? &*it : nullptr;
}

std::optional<ProtocolLog::Row> ProtocolLog::row(qsizetype eventIndex) const
{
    const Entry *e = find(eventIndex);
    if (!e)
        return std::nullopt;
    Row row;
    const char *text = m_text.constData() + e->offset;
    const char *words = text + e->searchBytes + e->noteBytes;
    row.summary = shown(words, e->shownSummaryBytes, text, e->summaryBytes);
    row.note = shown(words + e->shownSummaryBytes, e->shownNoteBytes, text + e->searchBytes, e->noteBytes);
    if (e->requestTimeUs >= 0) {
        row.requestTimeUs = e->requestTimeUs;
        row.latencyMs = double(e->latencyMs);
    }
    return row;
}

QByteArrayView ProtocolLog::searchText(qsizetype eventIndex, bool *shownWords) const
{
    const Entry *e = find(eventIndex);
    if (shownWords)
        *shownWords = e && (e->shownSummaryBytes > 0 || e->shownNoteBytes > 0);
    if (!e)
        return {};
    return QByteArrayView(m_text.constData() + e->offset, e->searchBytes);
}

QList<DecodedMessage> ProtocolLog::messages(qsizetype eventIndex)
{
    if (!m_connection)
        return {};
    if (eventIndex >= m_annotated)
        catchUp();
    if (!find(eventIndex))
        return {};
    if (const QList<DecodedMessage> *cached = m_recent.object(quint32(eventIndex)))
        return *cached;
    // An older row: replay the conversation up to it (see the class comment for why not this row alone).
    const EventStore &store = m_connection->events();
    const std::unique_ptr<ProtocolAnnotator> replay = makeAnnotator();
    QList<DecodedMessage> result;
    for (qsizetype i = 0; i <= eventIndex && i < store.size(); ++i) {
        const EventRecord &r = store.at(i);
        if (r.type != EventType::Open && r.type != EventType::Message)
            continue;
        ProtocolAnnotator::Annotation annotation = replay->next(r, store.payload(i), i);
        if (i == eventIndex)
            result = std::move(annotation.messages);
    }
    m_recent.insert(quint32(eventIndex), new QList<DecodedMessage>(result));
    return result;
}

} // namespace wsi
