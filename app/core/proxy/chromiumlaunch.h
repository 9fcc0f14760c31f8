// ChromiumLaunch: Debian's Chromium started through the forward proxy, with a fresh profile and the CA trusted by SPKI.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTemporaryDir;

namespace wsi {

// "Open Chromium through the proxy": a throw-away profile (--user-data-dir), the proxy for every URL, loopback
// included (--proxy-bypass-list=<-loopback>), and the app's CA trusted by the SHA-256 of its public key
// (--ignore-certificate-errors-spki-list; Chromium honours it only with --user-data-dir), so that nothing is
// installed in any trust store. The panel shows the same arguments and the proxy settings for any other app.
class ChromiumLaunch : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString program = QStringLiteral("/usr/bin/chromium");
        QUrl proxy; // http://127.0.0.1:P
        QString caSpkiSha256; // base64, see SpkiHash
        QUrl startUrl; // empty: Chromium's own start page
        bool headless = false; // --headless=new (tests)
        QStringList extraArguments;
    };

    explicit ChromiumLaunch(QObject *parent = nullptr);
    ~ChromiumLaunch() override;

    // The arguments, in order, for a profile in profileDir. Run as root, Chromium refuses to start without
    // --no-sandbox, so it is added then (and only then).
    static QStringList arguments(const Settings &settings, const QString &profileDir);
    // The whole command line as text for the panel, the profile shown as <temporary profile>, quoted for a shell.
    static QString commandLine(const Settings &settings);
    // What to give any other app: the HTTP proxy (for ws and wss alike, through CONNECT), and the CA hash.
    static QString proxySettingsText(const Settings &settings);

    // Creates the temporary profile and starts Chromium; false with the reason (no program, no temporary folder).
    bool start(const Settings &settings, QString *error = nullptr);
    // Ends Chromium (terminate, then kill after a bound) and removes the profile.
    void stop();
    bool isRunning() const;
    qint64 processId() const;

Q_SIGNALS:
    // Chromium ended (the user closed it, or stop()); the profile is removed.
    void finished(int exitCode);

private:
    void onFinished(int exitCode);

    QProcess *m_process;
    std::unique_ptr<QTemporaryDir> m_profile;
};

} // namespace wsi
