// LearnDock: the dock that holds the Learn panel, hidden until the user opens it (Ctrl+Shift+L).
#include "learn/learndock.h"

#include "learn/learnpanel.h"

#include <QAction>
#include <QEvent>

namespace wsi {

LearnDock::LearnDock(LessonHost *host, QWidget *parent)
    : QDockWidget(parent)
{
    // The object name is what QMainWindow::saveState() remembers the dock (and whether it is open) by.
    setObjectName(QStringLiteral("learnDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_panel = new LearnPanel(host, this);
    setWidget(m_panel);
    QAction *toggle = toggleViewAction();
    toggle->setObjectName(QStringLiteral("learnDockAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    retranslate();
}

void LearnDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// The title first: QDockWidget gives it to the toggle action, whose own text then replaces it.
void LearnDock::retranslate()
{
    setWindowTitle(tr("Learn"));
    QAction *toggle = toggleViewAction();
    toggle->setText(tr("&Learn WebSocket"));
    toggle->setToolTip(tr("Short lessons that show how WebSocket works on this window (Ctrl+Shift+L)"));
}

} // namespace wsi
