// Saves and restores the window's layout and view choices under their QSettings keys.
#include "shell/mainwindowsettings.h"

#include "common/colorscheme.h"
#include "common/viewstate.h"
#include "handshake/handshakeview.h"
#include "log/connectionstatsplot.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"

#include <QAction>
#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>

namespace wsi {

MainWindowSettings::MainWindowSettings(const Parts &parts)
    : m_parts(parts)
{ }

void MainWindowSettings::restore() const
{
    QSettings settings;
    const QRect available = m_parts.window->screen()->availableGeometry();
    if (settings.contains(QStringLiteral("window/geometry"))) {
        m_parts.window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        m_parts.window->setGeometry(fittedGeometry(m_parts.window->geometry(), available));
    } else {
        m_parts.window->setGeometry(firstRunGeometry(available));
    }
    m_parts.window->restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // Before the splitter: folding the composer moves the splitter's sizes, which the saved state then restores.
    m_parts.showComposerAction->setChecked(settings.value(QStringLiteral("view/composerShown"), true).toBool());
    m_parts.mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_parts.messagesSplitter->restoreState(settings.value(QStringLiteral("window/messagesSplitter")).toByteArray());
    m_parts.sidebarSplitter->restoreState(settings.value(QStringLiteral("window/sidebarSplitter")).toByteArray());
    m_parts.handshakeView->splitter()->restoreState(
        settings.value(QStringLiteral("window/handshakeSplitter")).toByteArray());
    m_parts.handshakeView->headsSplitter()->restoreState(
        settings.value(QStringLiteral("window/handshakeHeadsSplitter")).toByteArray());
    m_parts.handshakeView->checksSplitter()->restoreState(
        settings.value(QStringLiteral("window/handshakeChecksSplitter")).toByteArray());
    m_parts.showFramesAction->setChecked(settings.value(QStringLiteral("log/showFrames"), false).toBool());
    m_parts.relativeTimeAction->setChecked(settings.value(QStringLiteral("log/relativeTime"), false).toBool());
    m_parts.eventLogView->tableView()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("log/header")).toByteArray());
    m_parts.tabs->setCurrentIndex(
        qBound(0, settings.value(QStringLiteral("window/tab"), 0).toInt(), m_parts.tabs->count() - 1));
    m_parts.statsPlot->setWindowSeconds(settings.value(QStringLiteral("stats/windowSeconds"), 60).toInt());
    // Secrets stay masked unless the user chose otherwise.
    m_parts.viewState->setRevealSecrets(settings.value(QStringLiteral("view/revealSecrets"), false).toBool());
    m_parts.viewState->setColorScheme(
        ColorScheme::fromId(settings.value(QStringLiteral("view/colorScheme")).toString()));
}

QRect MainWindowSettings::firstRunGeometry(const QRect &available)
{
    const int width = qBound(qMin(1024, available.width()), available.width() * 4 / 5, qMin(1600, available.width()));
    const int height
        = qBound(qMin(700, available.height()), available.height() * 4 / 5, qMin(1000, available.height()));
    QRect geometry(0, 0, width, height);
    geometry.moveCenter(available.center());
    return geometry;
}

QRect MainWindowSettings::fittedGeometry(const QRect &restored, const QRect &available)
{
    if (available.contains(restored))
        return restored;
    QRect geometry(restored.topLeft(), restored.size().boundedTo(available.size()));
    // Back inside the area, keeping the position where it still fits.
    if (geometry.right() > available.right())
        geometry.moveRight(available.right());
    if (geometry.bottom() > available.bottom())
        geometry.moveBottom(available.bottom());
    if (geometry.left() < available.left())
        geometry.moveLeft(available.left());
    if (geometry.top() < available.top())
        geometry.moveTop(available.top());
    return geometry;
}

void MainWindowSettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), m_parts.window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), m_parts.window->saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_parts.mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/messagesSplitter"), m_parts.messagesSplitter->saveState());
    settings.setValue(QStringLiteral("window/sidebarSplitter"), m_parts.sidebarSplitter->saveState());
    settings.setValue(QStringLiteral("window/handshakeSplitter"), m_parts.handshakeView->splitter()->saveState());
    settings.setValue(
        QStringLiteral("window/handshakeHeadsSplitter"), m_parts.handshakeView->headsSplitter()->saveState());
    settings.setValue(
        QStringLiteral("window/handshakeChecksSplitter"), m_parts.handshakeView->checksSplitter()->saveState());
    settings.setValue(QStringLiteral("log/showFrames"), m_parts.showFramesAction->isChecked());
    settings.setValue(QStringLiteral("log/relativeTime"), m_parts.relativeTimeAction->isChecked());
    settings.setValue(QStringLiteral("view/composerShown"), m_parts.showComposerAction->isChecked());
    settings.setValue(QStringLiteral("log/header"), m_parts.eventLogView->tableView()->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("window/tab"), m_parts.tabs->currentIndex());
    settings.setValue(QStringLiteral("stats/windowSeconds"), m_parts.statsPlot->windowSeconds());
    settings.setValue(QStringLiteral("view/revealSecrets"), m_parts.viewState->revealSecrets());
    settings.setValue(QStringLiteral("view/colorScheme"), ColorScheme::id(m_parts.viewState->colorScheme()));
}

} // namespace wsi
