// ProxyPanel: starts and stops the intercepting proxy and tells the user what to give their app.
#pragma once

#include <QWidget>

#include <memory>

class QAction;
class QTabWidget;

namespace Ui {
class ProxyPanel;
}

namespace wsi {

class ForwardProxy;
class ForwardProxyPage;
class HeldMessagesView;
class ProxyRuleSet;
class ProxyRulesView;
class ReverseProxy;
struct ReverseProxyOptions;

// The "Proxy" panel: a mode (reverse or forward HTTP proxy; each mode has its page in proxyModePages), its
// options, Start/Stop, the URL to give the app, the client count and
// what went wrong. The proxy itself belongs to the window (it shares the window's workspace); the panel drives
// it. One proxy runs at a time: the mode is chosen while stopped. Below, the Held messages and the Rules, which
// act on both proxies through the window's ProxyRuleSet. Options are remembered in QSettings ("proxy/...").
class ProxyPanel : public QWidget
{
    Q_OBJECT
public:
    enum Mode { ReverseMode, ForwardMode };

    explicit ProxyPanel(ReverseProxy *proxy, ForwardProxy *forward, ProxyRuleSet *rules, QWidget *parent = nullptr);
    ~ProxyPanel() override;

    ReverseProxy *proxy() const { return m_proxy; }
    ForwardProxy *forwardProxy() const { return m_forward; }
    ForwardProxyPage *forwardPage() const { return m_forwardPage; }
    HeldMessagesView *heldView() const { return m_heldView; }
    ProxyRulesView *rulesView() const { return m_rulesView; }
    Mode mode() const;
    void setMode(Mode mode);
    // Either proxy listening.
    bool isRunning() const;
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

    // `wsinspector --proxy URL [--proxy-at [host:]port]`: the reverse proxy to upstream, listening at `at` (empty:
    // where the panel is set), started; false with the reason shown, as Start would show it. The form keeps what
    // was asked, so the user can mend it and press Start.
    bool startReverseTo(const QString &upstream, const QString &at);
    // `wsinspector --forward-proxy [host:]port`: the forward HTTP proxy, listening at `at`, started.
    bool startForwardAt(const QString &at);

public Q_SLOTS:
    // False (with the reason shown) when the options are wrong or the port is taken.
    bool start();
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showModePage(int index);
    void updateState();
    void updateExposure();
    void updateUpstreamProblem();
    void showError(const QString &message);
    // Puts `at` ([host:]port) into the mode's address and port fields; false with the reason shown.
    bool setListenAddress(Mode mode, const QString &at);

    std::unique_ptr<Ui::ProxyPanel> m_ui;
    ReverseProxy *m_proxy;
    ForwardProxy *m_forward;
    ForwardProxyPage *m_forwardPage = nullptr;
    QTabWidget *m_interceptTabs = nullptr;
    HeldMessagesView *m_heldView = nullptr;
    ProxyRulesView *m_rulesView = nullptr;
    QAction *m_startStopAction = nullptr;
};

} // namespace wsi
