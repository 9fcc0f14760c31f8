#include "proxycommand.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventprinter.h"
#include "files/sessionlogwriter.h"
#include "holdconsole.h"
#include "proxy/chromiumlaunch.h"
#include "proxy/forwardproxy.h"
#include "proxy/proxyruleset.h"
#include "proxy/reverseproxy.h"
#include "store/payloadcache.h"
#include "store/wallclock.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wsi {

namespace {

// How long stop() waits for the proxied connections to finish recording before ending anyway.
constexpr int kStopBoundMs = 1500;

} // namespace

ProxyCommand::ProxyCommand(const Settings &settings, FILE *out, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_workspace(new Workspace(this))
    , m_proxy(new ReverseProxy(m_workspace, this))
    , m_printer(new EventPrinter(out, settings.showFrames, this))
{
    connect(m_workspace, &Workspace::connectionAdded, this, &ProxyCommand::onConnectionAdded);
    m_duration.setSingleShot(true);
    connect(&m_duration, &QTimer::timeout, this, &ProxyCommand::stop);
    m_stopBound.setSingleShot(true);
    connect(&m_stopBound, &QTimer::timeout, this, [this] { finish(0); });
    PayloadCache::instance().setSessionBudget(settings.sessionBudgetMb << 20);
    if (!settings.rules.isEmpty()) {
        m_rules = new ProxyRuleSet(this);
        m_rules->setRules(settings.rules);
        m_rules->setMaxMessageBytes(quint64(settings.options.maxFrameBytes));
        m_proxy->setFrameHook(m_rules);
        for (const ProxyRule &rule : settings.rules) {
            if (rule.action() == ProxyRule::Action::Hold && !m_holdConsole)
                m_holdConsole = new HoldConsole(m_rules->heldMessages(), m_printer, this);
        }
    }
}

ProxyCommand::~ProxyCommand() = default;

void ProxyCommand::start()
{
    if (m_settings.forward) {
        if (!startForward()) {
            m_done = true;
            Q_EMIT done(1);
        } else if (m_settings.durationMs > 0) {
            m_duration.start(m_settings.durationMs);
        }
        return;
    }
    const ReverseProxyOptions &options = m_settings.options;
    QString error;
    if (!m_proxy->start(options, &error)) {
        m_done = true;
        std::fprintf(stderr, "wsinspector-cli: %s\n", error.toLocal8Bit().constData());
        Q_EMIT done(1);
        return;
    }
    if (options.isExposed())
        std::fprintf(stderr,
            "wsinspector-cli: warning: listening on %s, not a loopback address: other machines on the "
            "network can use this proxy to reach %s.\n",
            options.address.toString().toLocal8Bit().constData(),
            options.upstream.url.toString().toLocal8Bit().constData());
    m_printer->printHeader();
    const qint64 now = wallClockUs();
    QJsonObject listening;
    listening.insert(QStringLiteral("event"), QStringLiteral("listening"));
    listening.insert(QStringLiteral("url"), m_proxy->url().toString());
    listening.insert(QStringLiteral("to"), options.upstream.url.toString());
    listening.insert(QStringLiteral("t"), SessionLogWriter::isoTime(now));
    listening.insert(QStringLiteral("t_us"), QJsonValue(now));
    m_printer->printLine(QJsonDocument(listening).toJson(QJsonDocument::Compact));
    if (m_settings.durationMs > 0)
        m_duration.start(m_settings.durationMs);
}

void ProxyCommand::stop()
{
    if (m_stopping || m_done)
        return;
    m_stopping = true;
    m_duration.stop();
    m_proxy->stop();
    if (m_chromium)
        m_chromium->stop();
    if (m_forward)
        m_forward->stop();
    if (m_unfinished.isEmpty())
        finish(0);
    else
        m_stopBound.start(kStopBoundMs);
}

bool ProxyCommand::startForward()
{
    const ForwardProxyOptions &options = m_settings.forwardOptions;
    m_forward = new ForwardProxy(m_workspace, this);
    if (m_rules)
        m_forward->setFrameHook(m_rules);
    connect(m_forward, &ForwardProxy::refused, this, [](const QString &peer, const QString &why) {
        std::fprintf(
            stderr, "wsinspector-cli: refused %s: %s\n", peer.toLocal8Bit().constData(), why.toLocal8Bit().constData());
    });
    QString error;
    if (!m_forward->start(options, &error)) {
        std::fprintf(stderr, "wsinspector-cli: %s\n", error.toLocal8Bit().constData());
        return false;
    }
    if (options.isExposed())
        std::fprintf(stderr,
            "wsinspector-cli: warning: listening on %s, not a loopback address: other machines on the "
            "network can use this proxy to reach any server, and read what it decrypts.\n",
            options.address.toString().toLocal8Bit().constData());
    m_printer->printHeader();
    const qint64 now = wallClockUs();
    const QString proxy = m_forward->proxyUrl().toString();
    QJsonObject listening;
    listening.insert(QStringLiteral("event"), QStringLiteral("listening"));
    listening.insert(QStringLiteral("url"), proxy + QLatin1Char('/'));
    listening.insert(QStringLiteral("proxy"), proxy);
    listening.insert(QStringLiteral("ca_spki_sha256"), m_forward->caSpkiSha256());
    listening.insert(QStringLiteral("t"), SessionLogWriter::isoTime(now));
    listening.insert(QStringLiteral("t_us"), QJsonValue(now));
    m_printer->printLine(QJsonDocument(listening).toJson(QJsonDocument::Compact));
    m_printer->flush();
    if (m_settings.chromium.isValid()) {
        ChromiumLaunch::Settings chromium;
        chromium.proxy = m_forward->proxyUrl();
        chromium.caSpkiSha256 = m_forward->caSpkiSha256();
        chromium.startUrl = m_settings.chromium;
        chromium.headless = m_settings.chromiumHeadless;
        m_chromium = new ChromiumLaunch(this);
        if (!m_chromium->start(chromium, &error))
            std::fprintf(stderr, "wsinspector-cli: %s\n", error.toLocal8Bit().constData());
    }
    return true;
}

void ProxyCommand::onConnectionAdded(Connection *connection)
{
    m_unfinished.insert(connection);
    // Each event of both legs is printed once: memory stays flat however long the proxy runs, and what is recorded
    // lands in memory already in use rather than in fresh pages (the cost of recording large messages).
    connection->setEventRetention(EventStore::Retention::Streaming);
    m_printer->watch(connection);
    connect(connection, &Connection::finished, this, [this, connection] { onClientFinished(connection); });
}

void ProxyCommand::onClientFinished(Connection *connection)
{
    m_printer->printPending(connection);
    m_unfinished.remove(connection);
    // A long-running proxy must not keep every finished connection: it has been printed in full.
    m_workspace->removeConnection(connection);
    if (m_stopping && m_unfinished.isEmpty())
        finish(0);
}

void ProxyCommand::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_stopBound.stop();
    for (Connection *connection : m_workspace->connections())
        m_printer->printPending(connection);
    m_printer->flush();
    Q_EMIT done(exitCode);
}

} // namespace wsi
