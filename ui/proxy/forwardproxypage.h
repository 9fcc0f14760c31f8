// ForwardProxyPage: the Proxy panel's page for the forward HTTP proxy: where it listens, its counts, Chromium.
#pragma once

#include "proxy/chromiumlaunch.h"
#include "proxy/forwardproxyoptions.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace wsi {

class ForwardProxy;

// The page of the "Forward HTTP proxy" mode. The panel's Start/Stop and URL row drive and show the proxy; this
// page holds its options (address, port), the counts (WebSockets, passed-through requests and bytes, refused:
// shown on the panel's clients line),
// the last refusals, the exact Chromium flags and the settings for other apps (read-only, with Copy), and
// "Open Chromium through the proxy". Options are remembered in QSettings ("proxy/forward...").
class ForwardProxyPage : public QWidget
{
    Q_OBJECT
public:
    explicit ForwardProxyPage(ForwardProxy *proxy, QWidget *parent = nullptr);
    ~ForwardProxyPage() override;

    ForwardProxyOptions options() const;
    QString addressText() const;
    // Where the next start listens (the command line's --forward-proxy).
    void setListenAddress(const QHostAddress &address, quint16 port);
    // What Chromium would be started with now (the proxy must be listening for a usable one).
    ChromiumLaunch::Settings chromiumSettings() const;
    QString countsText() const;
    QString refusalsText() const;
    QString launchText() const;
    ChromiumLaunch *chromium() const { return m_chromium; }
    // For tests: another program than /usr/bin/chromium.
    void setChromiumProgram(const QString &program);

    // False with the reason when Chromium could not start.
    bool openChromium(QString *error = nullptr);
    void updateState();

    void loadSettings();
    void saveSettings() const;

Q_SIGNALS:
    void addressChanged();
    void problem(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onRefused(const QString &peer, const QString &why);

    ForwardProxy *m_proxy;
    ChromiumLaunch *m_chromium;
    QString m_program = QStringLiteral("/usr/bin/chromium");
    QLabel *m_addressLabel;
    QComboBox *m_addressCombo;
    QLabel *m_portLabel;
    QSpinBox *m_portSpin;
    QLabel *m_refusalsLabel;
    QPlainTextEdit *m_refusals;
    QLabel *m_launchLabel;
    QPlainTextEdit *m_launchText;
    QPushButton *m_copyLaunchButton;
    QLabel *m_startUrlLabel;
    QLineEdit *m_startUrlEdit;
    QPushButton *m_chromiumButton;
};

} // namespace wsi
