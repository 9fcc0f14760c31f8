// RepeatedPayloadText: a large message payload as a session log line writes it, made once while lines repeat it.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace wsi {

class JsonLine;

// Through the reverse proxy every echo is four message lines with one payload: what the client sent and what went
// upstream, the server's echo and what the client got. Writing a 64 KiB payload as a JSON string (checking it is
// UTF-8, then escaping it) four times over was most of the formatting the CLI proxy did per echo; this keeps the
// last large payload the thread wrote and the member it became, and a line that repeats the payload copies the
// member. One per thread (the CLI's, the journal's writer thread), so nothing is shared.
class RepeatedPayloadText
{
public:
    // Below this a payload is written as it comes (comparing and keeping it would cost what it saves); above the
    // largest, too: a thread does not keep a copy of a huge message for the next line.
    static constexpr qsizetype kMinBytes = 4096;
    static constexpr qsizetype kMaxBytes = qsizetype(1) << 20;

    // What line.bytes(name, payload) writes: "name":"text", or "name_base64":"..." when not UTF-8.
    static void bytes(JsonLine &line, const char *name, QByteArrayView payload);
    // What line.base64(name, payload) writes.
    static void base64(JsonLine &line, const char *name, QByteArrayView payload);
};

} // namespace wsi
