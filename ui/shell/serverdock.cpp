// The dock that holds the local test server panel, hidden until the user opens it (Ctrl+T).
#include "shell/serverdock.h"

#include "common/theme.h"
#include "server/serverpanel.h"

#include <QAction>

namespace wsi {

ServerDock::ServerDock(Workspace *workspace, ViewState *viewState, QWidget *parent)
    : QDockWidget(tr("Test Server"), parent)
{
    setObjectName(QStringLiteral("serverDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_panel = new ServerPanel(workspace, this);
    m_panel->observe(viewState);
    setWidget(m_panel);
    QAction *toggle = toggleViewAction();
    toggle->setObjectName(QStringLiteral("serverDockAction"));
    toggle->setIcon(theme::icon("server"));
    toggle->setText(tr("&Test Server"));
    toggle->setToolTip(tr("Show the local test server panel (Ctrl+T)"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
}

} // namespace wsi
