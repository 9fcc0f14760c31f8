// LearnDock: the dock that holds the Learn panel, hidden until the user opens it (Ctrl+Shift+L).
#include "learn/learndock.h"

#include "learn/learnpanel.h"

#include <QAction>
#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>

namespace wsi {

LearnDock::LearnDock(LessonHost *host, QWidget *parent)
    : QDockWidget(parent)
{
    // The object name is what QMainWindow::saveState() remembers the dock (and whether it is open) by.
    setObjectName(QStringLiteral("learnDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    // Scrolled when the window is short: the lesson, its form, the comparison table and the chart need ~900 px, and a
    // dock's minimum is the window's (on a 768 px screen the window grew past its bottom).
    m_area = new QScrollArea(this);
    m_area->setObjectName(QStringLiteral("learnScrollArea"));
    m_area->setFrameShape(QFrame::NoFrame);
    m_area->setWidgetResizable(true);
    m_area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_panel = new LearnPanel(host, m_area);
    m_area->setWidget(m_panel);
    setWidget(m_area);
    fitWidth();
    QAction *toggle = toggleViewAction();
    toggle->setObjectName(QStringLiteral("learnDockAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    retranslate();
}

void LearnDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // After the panel's own texts changed (the order widgets hear of the change in is not known).
        QMetaObject::invokeMethod(this, &LearnDock::fitWidth, Qt::QueuedConnection);
    }
    QDockWidget::changeEvent(event);
}

void LearnDock::fitWidth()
{
    m_area->setMinimumWidth(m_panel->minimumSizeHint().width() + m_area->verticalScrollBar()->sizeHint().width());
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
