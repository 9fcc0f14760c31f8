// ConnectGate: what the tap answers a proxy request head (the tunnel, the 407 challenge, or a refusal).
#include "capture/connectgate.h"

#include <QCoreApplication>
#include <QList>
#include <QRandomGenerator>

namespace wsi {

namespace {

QString randomToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

QByteArray headerValue(const QList<QByteArray> &lines, QByteArrayView name)
{
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

ConnectGate::Answer refuse(
    const QByteArray &statusLine, const QByteArray &extraHeaders, const QByteArray &body, const QString &reason)
{
    return { false, statusLine, extraHeaders, body, true, reason };
}

} // namespace

ConnectGate::ConnectGate(const QString &targetHost, quint16 targetPort)
    : m_targetAuthority(authority(targetHost, targetPort))
    , m_user(randomToken())
    , m_password(randomToken())
{ }

ConnectGate::Answer ConnectGate::answer(const QByteArray &head) const
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0] != "CONNECT")
        return refuse("HTTP/1.1 405 Method Not Allowed", "Allow: CONNECT\r\n", {},
            QCoreApplication::translate("wsi::WireTap", "a request that is not CONNECT"));

    const QByteArray auth = headerValue(lines, "Proxy-Authorization");
    const QByteArray expected = "Basic " + (m_user + QLatin1Char(':') + m_password).toUtf8().toBase64();
    if (auth.isEmpty()) {
        // Qt sends credentials only after this challenge, re-sending CONNECT on the same socket.
        return { false, "HTTP/1.1 407 Proxy Authentication Required",
            "Proxy-Authenticate: Basic realm=\"wsinspector-tap\"\r\nProxy-Connection: keep-alive\r\n", {}, false, {} };
    }
    if (auth != expected) {
        return refuse("HTTP/1.1 407 Proxy Authentication Required",
            "Proxy-Authenticate: Basic realm=\"wsinspector-tap\"\r\n", {},
            QCoreApplication::translate("wsi::WireTap", "wrong proxy credentials"));
    }

    const QString target = QString::fromLatin1(requestLine[1]);
    if (target.compare(m_targetAuthority, Qt::CaseInsensitive) != 0) {
        return refuse("HTTP/1.1 403 Forbidden", {}, "This capture tap relays only to its own target.\n",
            QCoreApplication::translate("wsi::WireTap", "a CONNECT to %1, which is not this tap's target").arg(target));
    }
    Answer open;
    open.openTunnel = true;
    return open;
}

QString ConnectGate::authority(const QString &host, quint16 port)
{
    const QString h = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(h).arg(port);
}

QByteArray ConnectGate::response(
    const QByteArray &statusLine, const QByteArray &extraHeaders, const QByteArray &body, bool closeAfter)
{
    QByteArray response = statusLine + "\r\n" + extraHeaders;
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!body.isEmpty())
        response += "Content-Type: text/plain; charset=utf-8\r\n";
    if (closeAfter)
        response += "Connection: close\r\n";
    response += "\r\n" + body;
    return response;
}

} // namespace wsi
