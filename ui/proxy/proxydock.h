// ProxyDock: the dock that holds the Proxy panel, hidden until the user opens it (Ctrl+Shift+P).
#pragma once

#include <QDockWidget>

namespace wsi {

class ForwardProxy;
class HeldMessages;
class ProxyPanel;
class ProxyRuleSet;
class ReverseProxy;

class ProxyDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ProxyDock(ReverseProxy *proxy, ForwardProxy *forward, ProxyRuleSet *rules, QWidget *parent = nullptr);

    ProxyPanel *panel() const { return m_panel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ProxyPanel *m_panel = nullptr;
    HeldMessages *m_held = nullptr;
};

} // namespace wsi
