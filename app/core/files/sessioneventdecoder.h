// SessionEventDecoder: turns the fields of one session-log event line back into the event written from them.
#pragma once

#include "files/jsonlinescanner.h"
#include "language/recordedtext.h"
#include "store/eventrecord.h"
#include "store/proxymark.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace wsi {

struct HandshakeRecord;

// The inverse of SessionLogWriter for one line, apart from rebuilding connections (SessionLogReader's
// work): what the writer spread over fields comes back as the EventRecord and payload it was written from.
class SessionEventDecoder
{
public:
    // fields: the scanned top-level fields of one event line (not the file's first line); they must
    // outlive the decoder.
    explicit SessionEventDecoder(const std::vector<JsonField> &fields);

    // The fields every event line has: its connection number, time, direction and source.
    // False with error() set.
    bool readCommon();
    // The event's own fields. handshake_request, handshake_response and tls lines also fill handshake:
    // a connection's handshake is spread over those three lines. line is the whole line, kept whole for an
    // event this version does not know. False with error() set.
    bool readEvent(QByteArrayView line, HandshakeRecord &handshake);

    qint64 connectionId() const { return m_connectionId; }
    const EventRecord &record() const { return m_record; }
    const QByteArray &payload() const { return m_payload; }
    QString url() const { return m_url; } // of a handshake_request
    // A message's "proxy_action" (and "original_payload"): what an intercepting proxy did to it (version 2).
    const std::optional<ProxyMark> &proxyMark() const { return m_proxyMark; }
    // A message's "payload_of" (version 4): its payload is that of the payloadOf()-th "in" message line of the other
    // leg, which the caller looks up and hands to resolvePayload(). 0: the line carried its payload.
    quint64 payloadOf() const { return m_payloadOf; }
    void resolvePayload(const QByteArray &payload);
    // "proxy_action" and "original_payload" (in a text message's encoding when text, else base64) into
    // proxyMark(): a message line's (version 2) or a "proxy_mark" line's (version 3). False with error() set.
    bool readMark(bool text);
    QString unknownEvent() const { return m_unknownEvent; } // the name of an event this version does not know
    QString error() const { return m_error.english(); }
    const RecordedText &errorText() const { return m_error; }

    // The value of key, or a missing value.
    static const JsonValue &field(const std::vector<JsonField> &fields, QByteArrayView key);
    // A number field as an integer; false when missing or not a number.
    static bool integer(const std::vector<JsonField> &fields, QByteArrayView key, qint64 *out);
    // A string value as text, escapes undone.
    static QString stringText(const JsonValue &v);

private:
    bool error(const RecordedText &message);

    const std::vector<JsonField> &m_fields;
    qint64 m_connectionId = 0;
    EventRecord m_record;
    QByteArray m_payload;
    QString m_url;
    std::optional<ProxyMark> m_proxyMark;
    quint64 m_payloadOf = 0;
    QString m_unknownEvent;
    RecordedText m_error;
};

} // namespace wsi
