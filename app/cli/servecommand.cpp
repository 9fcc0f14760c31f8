#include "servecommand.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventprinter.h"
#include "files/sessionlogwriter.h"
#include "proxy/qtengineserver.h"
#include "server/localserver.h"
#include "store/payloadcache.h"
#include "store/wallclock.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wsi {

namespace {

// How long stop() waits for the clients to answer the 1001 Close before ending anyway.
constexpr int kStopBoundMs = 1500;

} // namespace

ServeCommand::ServeCommand(const Settings &settings, FILE *out, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_workspace(new Workspace(this))
    , m_server(new LocalServer(m_workspace, this))
    , m_qtServer(new QtEngineServer(m_workspace, this))
    , m_printer(new EventPrinter(out, settings.showFrames, this))
{
    connect(m_workspace, &Workspace::connectionAdded, this, &ServeCommand::onConnectionAdded);
    connect(m_server, &LocalServer::notice, this, [](const QString &message) {
        std::fprintf(stderr, "wsinspector-cli: %s\n", message.toLocal8Bit().constData());
    });
    m_duration.setSingleShot(true);
    connect(&m_duration, &QTimer::timeout, this, &ServeCommand::stop);
    m_stopBound.setSingleShot(true);
    connect(&m_stopBound, &QTimer::timeout, this, [this] { finish(0); });
    PayloadCache::instance().setSessionBudget(settings.sessionBudgetMb << 20);
}

ServeCommand::~ServeCommand() = default;

void ServeCommand::start()
{
    const ServerOptions &options = m_settings.options;
    if (options.tls && options.certificateFile.isEmpty()) {
        QString warning;
        m_server->useCertificateAuthority(Connection::defaultCertificateAuthority(&warning));
        if (!warning.isEmpty())
            std::fprintf(stderr, "wsinspector-cli: %s\n", warning.toLocal8Bit().constData());
    }
    const bool qt = options.engine == ServerEngine::Qt;
    QString error;
    if (!(qt ? m_qtServer->start(options, &error) : m_server->start(options, &error))) {
        m_done = true;
        std::fprintf(stderr, "wsinspector-cli: %s\n", error.toLocal8Bit().constData());
        Q_EMIT done(1);
        return;
    }
    if (options.isExposed())
        std::fprintf(stderr,
            "wsinspector-cli: warning: listening on %s, not a loopback address: other machines on the "
            "network can connect to this test server.\n",
            options.address.toString().toLocal8Bit().constData());
    m_printer->printHeader();
    const qint64 now = wallClockUs();
    QJsonObject listening;
    listening.insert(QStringLiteral("event"), QStringLiteral("listening"));
    listening.insert(QStringLiteral("url"), (qt ? m_qtServer->url() : m_server->url()).toString());
    if (qt) { // the built-in engine's line stays as it was
        listening.insert(QStringLiteral("engine"), QStringLiteral("qt"));
        listening.insert(QStringLiteral("qt_url"), m_qtServer->qtUrl().toString());
    }
    listening.insert(QStringLiteral("t"), SessionLogWriter::isoTime(now));
    listening.insert(QStringLiteral("t_us"), QJsonValue(now));
    m_printer->printLine(QJsonDocument(listening).toJson(QJsonDocument::Compact));
    if (m_settings.durationMs > 0)
        m_duration.start(m_settings.durationMs);
}

void ServeCommand::stop()
{
    if (m_stopping || m_done)
        return;
    m_stopping = true;
    m_duration.stop();
    m_server->stop(); // every client gets 1001 Going Away
    m_qtServer->stop(); // the same, from the Qt server through the relay
    if (m_unfinished.isEmpty())
        finish(0);
    else
        m_stopBound.start(kStopBoundMs);
}

void ServeCommand::onConnectionAdded(Connection *connection)
{
    m_unfinished.insert(connection);
    // Each event is printed once: the clients' memory stays flat however long the server runs.
    connection->setEventRetention(EventStore::Retention::Streaming);
    m_printer->watch(connection);
    connect(connection, &Connection::finished, this, [this, connection] { onClientFinished(connection); });
}

void ServeCommand::onClientFinished(Connection *connection)
{
    m_printer->printPending(connection);
    m_unfinished.remove(connection);
    if (m_stopping && m_unfinished.isEmpty())
        finish(0);
}

void ServeCommand::finish(int exitCode)
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
