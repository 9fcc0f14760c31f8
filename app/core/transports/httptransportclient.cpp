// HttpTransportClient: the HTTP side of the comparison's clients: browser-like requests, messages up by POST.
#include "transports/httptransportclient.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace wsi {

HttpTransportClient::HttpTransportClient(TransportKind kind, QObject *parent)
    : TransportClient(parent)
    , m_kind(kind)
{ }

void HttpTransportClient::start(const QUrl &server, const BrowserHeaders::List &headers)
{
    m_server = server;
    m_headers = headers;
    m_network = new QNetworkAccessManager(this);
    // Loopback to our own server: no system proxy in between, nothing from a cache.
    m_network->setProxy(QNetworkProxy::NoProxy);
    begin();
}

QNetworkRequest HttpTransportClient::request(const QByteArray &action) const
{
    QUrl url = m_server;
    const qsizetype question = action.indexOf('?');
    url.setPath(QStringLiteral("/transports/%1/%2")
                    .arg(QString::fromLatin1(transportName(m_kind)),
                        QString::fromLatin1(question < 0 ? action : action.left(question))));
    if (question >= 0)
        url.setQuery(QString::fromLatin1(action.mid(question + 1)));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Ours replace Qt's own User-Agent, Accept-Language and Accept-Encoding, as the browser's would.
    for (const auto &header : m_headers)
        request.setRawHeader(header.first, header.second);
    return request;
}

void HttpTransportClient::send(const QByteArray &message)
{
    if (m_stopped || !m_network)
        return;
    QNetworkRequest post = request("send");
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network->post(post, message);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        checkFailed(reply);
    });
}

bool HttpTransportClient::checkFailed(QNetworkReply *reply)
{
    if (m_stopped || reply->error() == QNetworkReply::NoError)
        return false;
    Q_EMIT failed(reply->errorString());
    return true;
}

void HttpTransportClient::stop()
{
    m_stopped = true;
    if (!m_network)
        return;
    const QList<QNetworkReply *> replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
    // Its keep-alive connections close with it.
    m_network->deleteLater();
}

} // namespace wsi
