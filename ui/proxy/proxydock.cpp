// ProxyDock: the dock that holds the Proxy panel, hidden until the user opens it (Ctrl+Shift+P).
#include "proxy/proxydock.h"

#include "common/theme.h"
#include "proxy/proxypanel.h"

#include <QAction>
#include <QEvent>

namespace wsi {

ProxyDock::ProxyDock(ReverseProxy *proxy, QWidget *parent)
    : QDockWidget(parent)
{
    setObjectName(QStringLiteral("proxyDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_panel = new ProxyPanel(proxy, this);
    setWidget(m_panel);
    QAction *toggle = toggleViewAction();
    toggle->setObjectName(QStringLiteral("proxyDockAction"));
    toggle->setIcon(theme::icon("proxy"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
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
    setWindowTitle(tr("Proxy"));
    QAction *toggle = toggleViewAction();
    toggle->setText(tr("&Proxy"));
    toggle->setToolTip(tr("Show the proxy panel: inspect another app's WebSockets (Ctrl+Shift+P)"));
}

} // namespace wsi
