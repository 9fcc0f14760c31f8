// ProxyDock: the dock that holds the Proxy panel, hidden until the user opens it (Ctrl+Shift+P).
#include "proxy/proxydock.h"

#include "common/theme.h"
#include "proxy/heldmessages.h"
#include "proxy/proxypanel.h"
#include "proxy/proxyruleset.h"

#include <QAction>
#include <QEvent>

namespace wsi {

ProxyDock::ProxyDock(ReverseProxy *proxy, ForwardProxy *forward, ProxyRuleSet *rules, QWidget *parent)
    : QDockWidget(parent)
    , m_held(rules->heldMessages())
{
    setObjectName(QStringLiteral("proxyDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_panel = new ProxyPanel(proxy, forward, rules, this);
    setWidget(m_panel);
    QAction *toggle = toggleViewAction();
    toggle->setObjectName(QStringLiteral("proxyDockAction"));
    toggle->setIcon(theme::icon("proxy"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    // A held message waits for the user: the title says so even when the dock is tabbed away.
    connect(m_held, &HeldMessages::held, this, &ProxyDock::retranslate);
    connect(m_held, &HeldMessages::released, this, &ProxyDock::retranslate);
    retranslate();
}

void ProxyDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// The title first: QDockWidget gives it to the toggle action, whose own text then replaces it.
void ProxyDock::retranslate()
{
    const qsizetype held = m_held->count();
    setWindowTitle(held > 0 ? tr("Proxy \u2014 %n held", nullptr, int(held)) : tr("Proxy"));
    QAction *toggle = toggleViewAction();
    toggle->setText(tr("&Proxy"));
    toggle->setToolTip(tr("Show the proxy panel: inspect another app's WebSockets (Ctrl+Shift+P)"));
}

} // namespace wsi
