// The dock that holds the local test server panel, hidden until the user opens it (Ctrl+T).
#include "shell/serverdock.h"

#include "common/theme.h"
#include "server/listenaddress.h"
#include "server/serveroptionsform.h"
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

bool ServerDock::serveAt(const QString &address)
{
    show();
    ListenAddress where;
    QString error;
    if (!ListenAddress::parse(address, &where, &error)) {
        m_panel->showError(error);
        return false;
    }
    m_panel->form()->setListenAddress(where.address, where.port);
    m_panel->start();
    return m_panel->isRunning();
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
