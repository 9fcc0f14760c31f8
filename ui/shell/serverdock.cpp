// The dock that holds the local test server panel, hidden until the user opens it (Ctrl+T).
#include "shell/serverdock.h"

#include "common/theme.h"
#include "server/serverpanel.h"

#include <QAction>
#include <QEvent>

namespace wsi {

ServerDock::ServerDock(Workspace *workspace, ViewState *viewState, QWidget *parent)
    : QDockWidget(parent)
{
    setObjectName(QStringLiteral("serverDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_panel = new ServerPanel(workspace, this);
    m_panel->observe(viewState);
    setWidget(m_panel);
    QAction *toggle = toggleViewAction();
    toggle->setObjectName(QStringLiteral("serverDockAction"));
    toggle->setIcon(theme::icon("server"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    retranslate();
}

void ServerDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// The title first: QDockWidget gives it to the toggle action, whose own text then replaces it.
void ServerDock::retranslate()
{
    setWindowTitle(tr("Test Server"));
    QAction *toggle = toggleViewAction();
    toggle->setText(tr("&Test Server"));
    toggle->setToolTip(tr("Show the local test server panel (Ctrl+T)"));
}

} // namespace wsi
