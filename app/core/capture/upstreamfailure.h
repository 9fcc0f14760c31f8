// UpstreamFailure: what the tap tells the user when it cannot reach its target, and at which layer.
#pragma once

#include "language/recordedtext.h"
#include "store/eventrecord.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QHostInfo>
#include <QString>

namespace wsi {

// A socket error names a symptom ("connection refused"); the user needs the likely cause and what to check.
class UpstreamFailure
{
public:
    // droppedAfterTls: the server closed right after a completed TLS handshake, as servers that want a
    // client certificate do. where is the target's "host:port", errorString the socket's own text.
    UpstreamFailure(QAbstractSocket::SocketError error, bool droppedAfterTls, const QString &where,
        const QHostAddress &address, const QString &errorString);

    UpstreamFailure(ErrorLayer layer, const RecordedText &message)
        : m_layer(layer)
        , m_message(message)
    { }
    // The target's name did not resolve (or resolved to nothing).
    static UpstreamFailure lookupFailed(const QString &host, const QHostInfo &info);

    ErrorLayer layer() const { return m_layer; }
    // English in the 502 the tap answers and in the recorded row; translated() for the window.
    RecordedText message() const { return m_message; }

private:
    ErrorLayer m_layer = ErrorLayer::Tcp;
    RecordedText m_message;
};

} // namespace wsi
