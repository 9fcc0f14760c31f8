// RepeatedPayloadText: a large message payload as a session log line writes it, made once while lines repeat it.
#include "files/repeatedpayloadtext.h"

#include "files/jsonline.h"

#include <QByteArray>

#include <cstring>

namespace wsi {

namespace {

struct LastPayload
{
    const char *name = nullptr; // a string literal of the caller's
    bool base64 = false;
    QByteArray payload;
    QByteArray member; // "name":value as the line got it, without a separating comma
};

// Copies into `to`, reusing its memory from one payload to the next.
void copyInto(QByteArray &to, QByteArrayView from)
{
    to.resize(from.size());
    std::memcpy(to.data(), from.data(), size_t(from.size()));
}

void write(JsonLine &line, const char *name, QByteArrayView payload, bool base64)
{
    auto direct = [&] {
        if (base64)
            line.base64(name, payload);
        else
            line.bytes(name, payload);
    };
    if (payload.size() < RepeatedPayloadText::kMinBytes || payload.size() > RepeatedPayloadText::kMaxBytes) {
        direct();
        return;
    }
    thread_local LastPayload last;
    if (last.base64 == base64 && last.name && std::strcmp(last.name, name) == 0 && last.payload.size() == payload.size()
        && std::memcmp(last.payload.constData(), payload.data(), size_t(payload.size())) == 0) {
        line.member(last.member);
        return;
    }
    const qsizetype start = line.size();
    direct();
    QByteArrayView member = line.since(start);
    if (member.startsWith(','))
        member = member.sliced(1);
    copyInto(last.member, member);
    copyInto(last.payload, payload);
    last.name = name;
    last.base64 = base64;
}

} // namespace

void RepeatedPayloadText::bytes(JsonLine &line, const char *name, QByteArrayView payload)
{
    write(line, name, payload, false);
}

void RepeatedPayloadText::base64(JsonLine &line, const char *name, QByteArrayView payload)
{
    write(line, name, payload, true);
}

} // namespace wsi
