// TapDialer: reaches the tap's one target (DNS, TCP, and the real server's TLS when intercepting), timing each step.
// step.
#include "capture/tapdialer.h"

#include "capture/preferredaddress.h"
#include "capture/tlsinterception.h"
#include "capture/upstreamfailure.h"
#include "store/wallclock.h"

#include <QHostInfo>
#include <QNetworkProxy>
#include <QSslSocket>
#include <QTcpSocket>

namespace wsi {

namespace {

// A flood fills the kernel's receive buffer (several MB); read unbounded, one readyRead would record and relay all
// of it in one go and keep the GUI thread from answering for tens of ms (issue 12). A quarter MiB per turn is a few
// ms of work, and the event loop gets its turn in between.
constexpr qint64 kUpstreamReadChunk = 256 * 1024;

} // namespace

TapDialer::TapDialer(const QString &host, quint16 port, TlsInterception *tls, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
    , m_tls(tls)
{ }

TapDialer::~TapDialer()
{
    abortLookup();
}

void TapDialer::dial(qint64 startUs)
{
    m_parsedUs = startUs;
    QHostAddress literal;
    if (literal.setAddress(m_host)) {
        m_dnsUs = 0;
        m_address = literal;
        connectTo(startUs);
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_host, this, &TapDialer::onLookedUp);
}

void TapDialer::redial(qint64 startUs)
{
    if (m_socket) {
        m_socket->disconnect();
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    connectTo(startUs);
}

void TapDialer::abortLookup()
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
}

void TapDialer::onLookedUp(const QHostInfo &info)
{
    const qint64 lookedUpUs = wallClockUs();
    m_lookupId = -1;
    m_dnsUs = lookedUpUs - m_parsedUs;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        Q_EMIT lookupFailed(UpstreamFailure::lookupFailed(m_host, info));
        return;
    }
    m_address = preferredAddress(info);
    connectTo(lookedUpUs);
}

void TapDialer::connectTo(qint64 startUs)
{
    m_connectStartUs = startUs;
    // Parented to the tap, as its relay's other end: it outlives nothing the tap does not.
    if (m_tls->enabled()) {
        auto *socket = new QSslSocket(parent());
        socket->setSslConfiguration(m_tls->upstreamConfiguration());
        connect(socket, &QSslSocket::sslErrors, this, &TapDialer::onSslErrors);
        connect(socket, &QSslSocket::encrypted, this, &TapDialer::onEncrypted);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(parent());
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kUpstreamReadChunk);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::connected, this, &TapDialer::onConnected);
    Q_EMIT socketCreated(m_socket);
    if (m_tls->enabled())
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_address.toString(), m_port, m_host);
    else
        m_socket->connectToHost(m_address, m_port);
}

void TapDialer::onConnected()
{
    // TCP starts at the very reading that ended DNS: the two add up with nothing between them.
    m_connectedUs = wallClockUs();
    m_readyUs = m_connectedUs;
    Q_EMIT connected(m_dnsUs, m_connectedUs - m_connectStartUs);
}

void TapDialer::onSslErrors(const QList<QSslError> &errors)
{
    auto *socket = static_cast<QSslSocket *>(m_socket);
    const TlsReport report = TlsReport::from(*socket, m_host, errors);
    if (m_tls->acceptErrors(errors, report)) {
        socket->ignoreSslErrors(errors);
        return;
    }
    Q_EMIT tlsVerificationFailed(report);
}

void TapDialer::onEncrypted()
{
    m_readyUs = wallClockUs();
    m_tlsUp = true;
    auto *socket = static_cast<QSslSocket *>(m_socket);
    TlsReport report = TlsReport::from(*socket, m_host, m_tls->acceptedErrors());
    report.proceededDespiteErrors = !m_tls->acceptedErrors().isEmpty();
    Q_EMIT tlsEstablished(report, m_readyUs - m_connectedUs);
}

} // namespace wsi
