// DecodedMessage: one application-protocol message (Socket.IO, STOMP, MQTT...) read from a WebSocket message.
#pragma once

#include "language/recordedtext.h"

#include <QJsonObject>
#include <QString>

namespace wsi {

// Which way a message went. Decoders keep their buffers and handshakes per direction, and a reply pairs
// with a request that went the other way.
enum class DecodeDirection { ClientToServer, ServerToClient };

// Whether a message opens or closes a request/reply pair (see PairMatcher).
enum class PairRole { None, Request, Reply };

// A value type: what the log column, the detail tree and the CLI's "decoded" object show.
struct DecodedMessage
{
    QString protocol; // "socketio", "stomp", "graphql-ws", "jsonrpc", "mqtt", "signalr"
    QString kind; // "EVENT", "SEND", "subscribe", "request", "PUBLISH", "invocation"...
    QString summary; // one line, what a log column shows, in English: what the CLI and session files carry
    RecordedText shownSummary; // the same words for the window, when the summary has English words in it
    QJsonObject fields; // the protocol's fields, in the order a reader expects them
    PairRole pairRole = PairRole::None;
    QString pairKey; // the same for a request and its reply, e.g. "jsonrpc:7"; empty when unpaired
    QString pairLabel; // what latency statistics group by: the method, event or command
    QString noteId; // stable name of what is malformed, e.g. "truncated-varint"; empty when well-formed
    QString note; // the same in a sentence, with the values involved, in English: what the CLI and tests read
    RecordedText shownNote; // the same words, for the window to show in its language

    // A note's words: spell the source as QT_TRANSLATE_NOOP("wsi::DecodedMessage", "...") so that lupdate sees it.
    static RecordedText noteText(const char *source) { return RecordedText("wsi::DecodedMessage", source); }

    // A summary with words of the app's own ("part of a packet..."): the English to `summary`, the words to
    // `shownSummary`. Summaries made only of the peer's tokens (kinds, methods, JSON) stay plain QStrings.
    void setSummary(const RecordedText &words);
    QString translatedSummary() const { return shownSummary.isEmpty() ? summary : shownSummary.translated(); }

    // The pair label of a request that names nothing (a GraphQL operation without a name): the English, as the
    // CLI, the labels' grouping and tests read it; shownPairLabel() is what the window shows for a label.
    static QString anonymousPairLabel();
    static QString shownPairLabel(const QString &label);

    bool isMalformed() const { return !noteId.isEmpty(); }
    // Names what is malformed: the English goes to `note`, the words to `shownNote`.
    void setNote(const QString &id, const RecordedText &text);
    // The note in the language in effect now (the English when it was set as a plain QString).
    QString translatedNote() const { return shownNote.isEmpty() ? note : shownNote.translated(); }

    // {"protocol", "kind", "summary", ...fields, "note"} as the CLI's JSON Lines carry it.
    QJsonObject toJson() const;

    // A message that could not be read: kind "malformed" unless the caller knows better. Its summary is
    // "kind (note-id)": the id stays as the JSON's `note_id` spells it, the word "malformed" is the window's.
    static DecodedMessage malformed(const QString &protocol, const QString &noteId, const RecordedText &note,
        const QString &kind = QStringLiteral("malformed"));
};

} // namespace wsi
