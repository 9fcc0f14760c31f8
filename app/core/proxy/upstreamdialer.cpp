// UpstreamDialer: DNS, TCP and verified TLS to the reverse proxy's upstream, timings recorded on the server leg.
#include "proxy/upstreamdialer.h"

#include "capture/preferredaddress.h"
#include "capture/upstreamfailure.h"
#include "endpoints/clienttlssettings.h"
#include "proxy/proxiedrecording.h"
#include "tls/tlsreport.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QNetworkProxy>
#include <QSslSocket>
#include <QTcpSocket>

namespace wsi {

namespace {

// The texts were ProxiedClient's before the dialling moved here; their translations are filed under it.
RecordedText said(const char *text)
{
    return RecordedText("wsi::ProxiedClient", text);
}

} // namespace

UpstreamDialer::UpstreamDialer(
    const ReverseProxyOptions &options, const QHostAddress &listeningAddress, quint16 listeningPort, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_listeningAddress(listeningAddress)
    , m_listeningPort(listeningPort)
{ }

UpstreamDialer::~UpstreamDialer()
{
    stopLookup();
}

void UpstreamDialer::dial(ProxiedRecording *recording)
{
    m_recording = recording;
    m_clock.start();
    const QString host = m_options.upstream.url.host();
    QHostAddress literal;
    if (literal.setAddress(host)) {
        m_dnsUs = 0;
        m_address = literal;
        connectUpstream();
        return;
    }
    m_lookupId = QHostInfo::lookupHost(host, this, &UpstreamDialer::onLookedUp);
}

void UpstreamDialer::stopLookup()
{
    m_stopped = true;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
}

void UpstreamDialer::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    m_dnsUs = m_clock.nsecsElapsed() / 1000;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        const UpstreamFailure failure = UpstreamFailure::lookupFailed(m_options.upstream.url.host(), info);
        fail(failure.layer(), failure.message());
        return;
    }
    m_address = preferredAddress(info);
    connectUpstream();
}

void UpstreamDialer::connectUpstream()
{
    if (m_stopped)
        return;
    const quint16 port = m_options.upstreamPort();
    const bool sameAddress = m_address.isEqual(m_listeningAddress, QHostAddress::TolerantConversion)
        || (m_listeningAddress == QHostAddress::Any || m_listeningAddress == QHostAddress::AnyIPv6
            || m_listeningAddress == QHostAddress::AnyIPv4)
        || (m_address.isLoopback() && m_listeningAddress.isLoopback());
    if (port == m_listeningPort && sameAddress) {
        Q_EMIT looped(said(QT_TRANSLATE_NOOP("wsi::ProxiedClient",
                               "The upstream %1 is this proxy itself (%2 port %3): relaying there would loop."))
                          .arg(m_options.upstream.url.toString())
                          .arg(m_address.toString())
                          .arg(port));
        return;
    }
    m_clock.restart();
    if (m_options.upstreamIsTls()) {
        auto *socket = new QSslSocket(this);
        const ClientTlsSettings tls(m_options.upstream);
        QSslConfiguration config = tls.applyTo(QSslConfiguration::defaultConfiguration());
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        config.setAllowedNextProtocols({ QByteArrayLiteral("http/1.1") });
        socket->setSslConfiguration(config);
        connect(socket, &QSslSocket::sslErrors, this, &UpstreamDialer::onSslErrors);
        connect(socket, &QSslSocket::encrypted, this, &UpstreamDialer::onEncrypted);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
    }
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::connected, this, &UpstreamDialer::onConnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamDialer::onError);
    Q_EMIT socketCreated(m_socket);
    if (m_options.upstreamIsTls())
        static_cast<QSslSocket *>(m_socket.data())
            ->connectToHostEncrypted(m_address.toString(), port, m_options.upstream.url.host());
    else
        m_socket->connectToHost(m_address, port);
}

void UpstreamDialer::onConnected()
{
    m_tcpUs = m_clock.nsecsElapsed() / 1000;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_options.upstreamIsTls()) {
        m_clock.restart();
        return; // ready once TLS is up
    }
    if (m_recording)
        m_recording->upstreamConnected(m_dnsUs, m_tcpUs, -1);
    m_ready = true;
    Q_EMIT ready();
}

void UpstreamDialer::onSslErrors(const QList<QSslError> &errors)
{
    auto *socket = static_cast<QSslSocket *>(m_socket.data());
    if (m_options.upstream.insecure) {
        socket->ignoreSslErrors(errors);
        return;
    }
    const QString host = m_options.upstream.url.host();
    // TlsReport words each error in the language of the moment: said again in English for the record.
    const RecordedText reasons = RecordedText::captured([errors, host] {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << TlsReport::explain(error, host);
        return texts.join(QLatin1Char(' '));
    });
    m_tlsUp = false;
    fail(ErrorLayer::Tls,
        said(QT_TRANSLATE_NOOP("wsi::ProxiedClient", "The certificate of %1 failed verification: %2"))
            .arg(host)
            .arg(reasons));
}

void UpstreamDialer::onEncrypted()
{
    m_tlsUp = true;
    const qint64 tlsUs = m_clock.nsecsElapsed() / 1000;
    auto *socket = static_cast<QSslSocket *>(m_socket.data());
    if (m_recording) {
        m_recording->upstreamConnected(m_dnsUs, m_tcpUs, tlsUs);
        TlsReport report = TlsReport::from(*socket, m_options.upstream.url.host(), socket->sslHandshakeErrors());
        report.proceededDespiteErrors = !socket->sslHandshakeErrors().isEmpty();
        m_recording->upstreamTls(report);
    }
    m_ready = true;
    Q_EMIT ready();
}

void UpstreamDialer::onError()
{
    if (!m_socket || m_ready)
        return; // later errors end in disconnected(), which the relay handles
    const QString where = QStringLiteral("%1:%2").arg(m_options.upstream.url.host()).arg(m_options.upstreamPort());
    const bool tlsStage = m_options.upstreamIsTls() && m_tcpUs >= 0 && !m_tlsUp;
    const UpstreamFailure failure(m_socket->error(), tlsStage, where, m_address, m_socket->errorString());
    fail(tlsStage ? ErrorLayer::Tls : failure.layer(), failure.message());
}

void UpstreamDialer::fail(ErrorLayer layer, const RecordedText &message)
{
    Q_EMIT failed(layer,
        said(QT_TRANSLATE_NOOP("wsi::ProxiedClient", "%1 failure reaching the upstream %2: %3"))
            .arg(QString::fromLatin1(errorLayerId(layer)).toUpper())
            .arg(m_options.upstream.url.toString())
            .arg(message));
}

} // namespace wsi
