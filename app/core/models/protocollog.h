// ProtocolLog: what each row of one connection holds in the protocol riding on it, annotated as rows arrive.
#pragma once

#include "decode/decodedmessage.h"
#include "explain/protocolannotator.h"

#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace wsi {

class Connection;

// One per connection, a child of it (of() finds or makes it), so that every view of the connection shares
// one pass of the decoders: rows are fed to a ProtocolAnnotator once, in order, when a view catches up
// (catchUp()), never again per paint or per filter change.
//
// What is kept per decoded row is short on purpose (issue 12: millions of rows): the summary, a few search
// terms and the note as UTF-8 in one arena, the pair's request time and latency; about 40 bytes plus the
// text. The full messages (a QJsonObject each) are kept only for the most recent rows; an older row's are
// read again by replaying the annotator from the first row, because decoders carry state across messages
// (Socket.IO attachments, MQTT packets split over frames, SignalR's handshake) and a row decoded alone
// could lie. That replay happens on a click in the detail pane, never while the log scrolls or floods.
class ProtocolLog : public QObject
{
    Q_OBJECT
public:
    // Full messages kept for the newest decoded rows, the ones a user clicks while watching a live log.
    static constexpr int kRecentRows = 512;

    struct Row
    {
        QString summary; // the messages' summaries, joined by " · "
        QString note; // the first decode note in the window's language, empty when every message was well-formed
        std::optional<qint64> requestTimeUs; // this row answers the request recorded then
        double latencyMs = 0;
    };

    // The connection's log, made (as its child) on first use.
    static ProtocolLog *of(Connection *connection);
    explicit ProtocolLog(Connection *connection);
    ~ProtocolLog() override;

    // Annotates the rows recorded since the last call (all of them the first time), up to row `end` (excluded) of
    // the connection's store at most: a view taking a flood's backlog in slices decodes only what it shows next.
    void catchUp(qsizetype end = std::numeric_limits<qsizetype>::max());

    // The decoder in use ("jsonrpc"...), empty while none; and how it was found.
    QString protocol() const;
    QString reason() const;
    // "JSON-RPC" for "jsonrpc"; the id itself when unknown.
    static QString displayName(const QString &protocolId);

    bool isDecoded(qsizetype eventIndex) const { return find(eventIndex) != nullptr; }
    std::optional<Row> row(qsizetype eventIndex) const;
    // The summary and the main field values (method, event, topic, destination...) as UTF-8, for the filter, in
    // the recorded English. *shownWords (when given): whether the row's summary or note has the app's own words,
    // which the window shows in its language (row()) and the filter must search there too.
    QByteArrayView searchText(qsizetype eventIndex, bool *shownWords = nullptr) const;
    // Every decoded message of the row (empty when it did not decode).
    QList<DecodedMessage> messages(qsizetype eventIndex);

    qsizetype decodedRows() const { return qsizetype(m_entries.size()); }

    // A request and, once it came, its reply: one per request, in the order the requests were recorded.
    struct Pair
    {
        quint32 requestIndex = 0; // EventStore rows
        quint32 replyIndex = kNoReply;
        quint32 label = 0; // in labels()
        qint64 requestTimeUs = 0;
        qint64 latencyUs = -1; // -1 while unanswered
        bool answered() const { return replyIndex != kNoReply; }
    };
    static constexpr quint32 kNoReply = 0xffffffffu;
    const std::vector<Pair> &pairs() const { return m_pairs; }
    // The pairs' labels (method, event, command...), each once.
    const QStringList &labels() const { return m_labels; }

Q_SIGNALS:
    // A protocol was found (or the rows were recorded anew).
    void protocolChanged();
    // catchUp() added pairs or answered some: pairs from firstChanged on may differ.
    void pairsChanged(qsizetype firstChanged);

private:
    struct Entry
    {
        quint32 eventIndex = 0;
        quint32 summaryBytes = 0;
        quint32 searchBytes = 0; // the summary, then the terms
        quint32 noteBytes = 0; // after the search text: the note in English
        // After the note: the summary's and the note's words (RecordedText::packed()), 0 when they have none.
        quint16 shownSummaryBytes = 0;
        quint16 shownNoteBytes = 0;
        float latencyMs = 0;
        qint64 offset = 0; // in m_text
        qint64 requestTimeUs = -1;
    };
    // The window's words of a summary or note, from its packed RecordedText; English when it has none.
    QString shown(const char *packed, quint16 packedBytes, const char *english, quint32 englishBytes) const;
    const Entry *find(qsizetype eventIndex) const;
    void reset();
    // Records the requests the row opened and answers the ones it replies to; the first pair changed.
    qsizetype notePairs(quint32 eventIndex, qint64 timeUs, const ProtocolAnnotator::Annotation &annotation);
    std::unique_ptr<ProtocolAnnotator> makeAnnotator() const;

    QPointer<Connection> m_connection;
    std::unique_ptr<ProtocolAnnotator> m_annotator;
    qsizetype m_annotated = 0; // EventStore rows fed to m_annotator
    std::vector<Entry> m_entries; // ascending eventIndex
    QByteArray m_text; // the entries' UTF-8 texts, back to back
    QCache<quint32, QList<DecodedMessage>> m_recent;
    std::vector<Pair> m_pairs; // ascending requestIndex
    QStringList m_labels;
    QHash<QString, quint32> m_labelIds;
    // The rows' words rendered in the language in effect, for the texts shown most recently. Every row keeps its
    // words packed in m_text (any number of distinct notes, each shown in the window's language); this only
    // spares translating the same words again on every paint and filter pass. Keyed by the language and the
    // packed words (the source and its arguments).
    static constexpr int kTranslationsKept = 4096;
    mutable QCache<QByteArray, QString> m_translations;
};

} // namespace wsi
