// ChromiumLaunch: builds Chromium's command line for the forward proxy and runs it with a temporary profile.
#include "proxy/chromiumlaunch.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <unistd.h>

namespace wsi {

namespace {

constexpr int kTerminateWaitMs = 3000;

QString shellQuoted(const QString &argument)
{
    static const QString safe = QStringLiteral("-_=/.:,+@%");
    bool plain = !argument.isEmpty();
    for (const QChar c : argument) {
        if (!c.isLetterOrNumber() && !safe.contains(c))
            plain = false;
    }
    if (plain)
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

ChromiumLaunch::ChromiumLaunch(QObject *parent)
    : QObject(parent)
    , m_process(new QProcess(this))
{
    connect(m_process, &QProcess::finished, this, &ChromiumLaunch::onFinished);
}

ChromiumLaunch::~ChromiumLaunch()
{
    stop();
}

QStringList ChromiumLaunch::arguments(const Settings &settings, const QString &profileDir)
{
    QStringList args { QStringLiteral("--user-data-dir=") + profileDir,
        QStringLiteral("--proxy-server=") + settings.proxy.toString(QUrl::RemovePath),
        // Chromium never proxies loopback unless told: <-loopback> removes that implicit bypass.
        QStringLiteral("--proxy-bypass-list=<-loopback>"),
        QStringLiteral("--ignore-certificate-errors-spki-list=") + settings.caSpkiSha256,
        QStringLiteral("--no-first-run"), QStringLiteral("--no-default-browser-check"),
        // Chromium's own calls home would crowd the proxy's log; the user inspects their page, not the browser.
        QStringLiteral("--disable-background-networking") };
    if (settings.headless)
        args << QStringLiteral("--headless=new");
    if (::geteuid() == 0)
        args << QStringLiteral("--no-sandbox");
    args << settings.extraArguments;
    if (!settings.startUrl.isEmpty())
        args << settings.startUrl.toString();
    return args;
}

QString ChromiumLaunch::commandLine(const Settings &settings)
{
    QStringList words { shellQuoted(settings.program) };
    for (const QString &argument : arguments(settings, QStringLiteral("<temporary profile>")))
        words << shellQuoted(argument);
    return words.join(QLatin1Char(' '));
}

QString ChromiumLaunch::proxySettingsText(const Settings &settings)
{
    const QString proxy = settings.proxy.toString(QUrl::RemovePath);
    return tr("HTTP proxy: %1 (host %2, port %3), for http, https, ws and wss alike.\n"
              "Environment: http_proxy=%1 https_proxy=%1\n"
              "TLS is intercepted with WS Inspector's own CA: trust its certificate in that app only, or its key by "
              "SHA-256 (SPKI, base64): %4")
        .arg(proxy, settings.proxy.host())
        .arg(settings.proxy.port())
        .arg(settings.caSpkiSha256);
}

bool ChromiumLaunch::start(const Settings &settings, QString *error)
{
    stop();
    if (!QFileInfo(settings.program).isExecutable()) {
        if (error)
            *error = tr("Chromium was not found at %1 (Debian's package: chromium).").arg(settings.program);
        return false;
    }
    m_profile = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/wsinspector-chromium-XXXXXX"));
    if (!m_profile->isValid()) {
        if (error)
            *error = tr("No temporary profile folder could be made: %1").arg(m_profile->errorString());
        m_profile.reset();
        return false;
    }
    // Chromium's own console chatter (GPU, D-Bus) is not the proxy's output.
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    m_process->start(settings.program, arguments(settings, m_profile->path()));
    if (!m_process->waitForStarted(10000)) {
        if (error)
            *error = tr("Chromium did not start: %1").arg(m_process->errorString());
        m_profile.reset();
        return false;
    }
    return true;
}

void ChromiumLaunch::stop()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(kTerminateWaitMs)) {
            m_process->kill();
            m_process->waitForFinished(kTerminateWaitMs);
        }
    }
    m_profile.reset();
}

bool ChromiumLaunch::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

qint64 ChromiumLaunch::processId() const
{
    return m_process->processId();
}

void ChromiumLaunch::onFinished(int exitCode)
{
    m_profile.reset();
    Q_EMIT finished(exitCode);
}

} // namespace wsi
