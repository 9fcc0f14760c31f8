// ServerPanelFixture: what the test server panel's GUI tests share: opening the dock, starting the server and
// connecting to it, typing in the composer, finding rows, headers and messages in the window's views.
#pragma once

#include "compose/closedialog.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventquery.h"
#include "handshake/handshakeview.h"
#include "handshake/headertablemodel.h"
#include "log/eventlogview.h"
#include "models/connectionlistmodel.h"
#include "models/eventlogmodel.h"
#include "server/localserver.h"
#include "server/serveroptionsform.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

namespace wsi {

// The dock starts hidden on a first run; open it the way a user would, from its toggle action.
inline void showServerDock(QWidget *window)
{
    auto *action = window->findChild<QAction *>(QStringLiteral("serverDockAction"));
    if (action && !action->isChecked())
        action->trigger();
}

// The window shown with its test server dock open; false if it never got exposed.
inline bool showWithServerDock(MainWindow *window)
{
    window->show();
    showServerDock(window);
    return QTest::qWaitForWindowExposed(window);
}

inline void chooseMode(ServerPanel *panel, ServerMode mode)
{
    auto *combo = panel->findChild<QComboBox *>(QStringLiteral("serverModeCombo"));
    combo->setCurrentIndex(combo->findData(int(mode)));
}

inline void clickRow(MainWindow *window, Connection *connection)
{
    QListView *list = window->connectionList();
    auto *model = static_cast<ConnectionListModel *>(list->model());
    const QModelIndex index = model->index(model->rowOf(connection), 0);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
}

inline bool hasHeader(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, HeaderTableModel::NameColumn).data().toString().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

inline bool hasMessage(const QAbstractItemModel *model, Direction direction, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, EventLogModel::PreviewColumn);
        if (index.data(EventLogModel::EventTypeRole).toInt() == int(EventType::Message)
            && index.data(EventLogModel::DirectionRole).toInt() == int(direction) && index.data().toString() == text)
            return true;
    }
    return false;
}

inline Connection *findKind(MainWindow *window, Connection::Kind kind)
{
    for (Connection *c : window->workspace()->connections()) {
        if (c->kind() == kind)
            return c;
    }
    return nullptr;
}

inline void startAndConnectToIt(MainWindow *window, Connection **outgoing, Connection **incoming)
{
    ServerPanel *panel = window->serverPanel();
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("serverStartStopButton")), Qt::LeftButton);
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    auto *connectToIt = panel->findChild<QPushButton *>(QStringLiteral("serverConnectToItButton"));
    QTRY_VERIFY(connectToIt->isEnabled());
    QTest::mouseClick(connectToIt, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->workspace()->connections().size(), 2, 10000);
    *outgoing = findKind(window, Connection::Kind::Outgoing);
    *incoming = findKind(window, Connection::Kind::Incoming);
    QVERIFY(*outgoing && *incoming);
}

inline void sendFromComposer(MainWindow *window, const QString &text)
{
    auto *composerEdit = window->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    QVERIFY(composerEdit);
    composerEdit->setFocus();
    composerEdit->selectAll();
    QTest::keyClick(composerEdit, Qt::Key_Delete);
    QTest::keyClicks(composerEdit, text);
    QTest::keyClick(composerEdit, Qt::Key_Return, Qt::ControlModifier);
}

} // namespace wsi
