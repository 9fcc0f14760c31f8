// ProxyPanel: starts and stops the intercepting proxy and tells the user what to give their app.
#pragma once

#include <QWidget>

#include <memory>

class QAction;

namespace Ui {
class ProxyPanel;
}

namespace wsi {

class ReverseProxy;
struct ReverseProxyOptions;

// The "Proxy" panel: a mode (reverse proxy today; each mode has its page in proxyModePages, so that another
// mode adds a page and a combo entry), its options, Start/Stop, the URL to give the app, the client count and
// what went wrong. The proxy itself belongs to the window (it shares the window's workspace); the panel drives
// it. Options are remembered in QSettings ("proxy/...").
class ProxyPanel : public QWidget
{
    Q_OBJECT
public:
    enum Mode { ReverseMode };

    explicit ProxyPanel(ReverseProxy *proxy, QWidget *parent = nullptr);
    ~ProxyPanel() override;

    ReverseProxy *proxy() const { return m_proxy; }
    // For the window's menu: Start/Stop, following the panel's button.
    QAction *startStopAction() const { return m_startStopAction; }
    // What the form holds now, as the proxy would be started with it.
    ReverseProxyOptions reverseOptions() const;

    QString urlText() const;
    QString clientsText() const;
    QString errorText() const;
    QString upstreamProblemText() const;
    bool isExposureWarningVisible() const;

    void loadSettings();
    void saveSettings() const;

public Q_SLOTS:
    // False (with the reason shown) when the options are wrong or the port is taken.
    bool start();
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void updateExposure();
    void updateUpstreamProblem();
    void showError(const QString &message);

    std::unique_ptr<Ui::ProxyPanel> m_ui;
    ReverseProxy *m_proxy;
    QAction *m_startStopAction = nullptr;
};

} // namespace wsi
