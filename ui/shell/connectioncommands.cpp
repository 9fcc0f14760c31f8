#include "shell/connectioncommands.h"

#include "common/viewstate.h"
#include "compose/closedialog.h"
#include "connect/connectbar.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "handshake/handshakediffdialog.h"
#include "shell/comparepartners.h"
#include "shell/connectionselection.h"
#include "shell/mainwindowactions.h"
#include "shell/statusline.h"

#include <QAction>

namespace wsi {

ConnectionCommands::ConnectionCommands(MainWindowActions *actions, ConnectBar *connectBar, Workspace *workspace,
    ViewState *viewState, ConnectionSelection *selection, StatusLine *status, QWidget *window)
    : QObject(window)
    , m_actions(actions)
    , m_connectBar(connectBar)
    , m_workspace(workspace)
    , m_viewState(viewState)
    , m_selection(selection)
    , m_status(status)
    , m_window(window)
{
    connect(m_actions->newAction(), &QAction::triggered, this, &ConnectionCommands::newConnection);
    connect(m_actions->disconnectAction(), &QAction::triggered, this, &ConnectionCommands::disconnectCurrent);
    connect(m_actions->closeAction(), &QAction::triggered, this, &ConnectionCommands::closeCurrentWithCode);
    connect(m_actions->removeAction(), &QAction::triggered, this, &ConnectionCommands::removeCurrent);
    connect(m_actions->compareAction(), &QAction::triggered, this, &ConnectionCommands::compareHandshakes);
}

void ConnectionCommands::updateActions()
{
    Connection *current = m_viewState->currentConnection();
    const Connection::State state = current ? current->state() : Connection::State::Idle;
    const bool open = state == Connection::State::Open;
    m_actions->disconnectAction()->setEnabled(
        current && (state == Connection::State::Connecting || open || state == Connection::State::Closing));
    m_actions->closeAction()->setEnabled(open);
    m_actions->sendAction()->setEnabled(open);
    m_actions->pingAction()->setEnabled(open);
    m_actions->removeAction()->setEnabled(current != nullptr);
    m_actions->compareAction()->setEnabled(m_workspace->connections().size() >= 2);
}

void ConnectionCommands::newConnection()
{
    m_connectBar->setUrlText(QString());
    m_connectBar->clearOptions();
    m_connectBar->clearError();
    m_connectBar->focusUrl();
}

void ConnectionCommands::disconnectCurrent()
{
    Connection *current = m_viewState->currentConnection();
    if (!current)
        return;
    if (current->state() == Connection::State::Open)
        current->close(1000, QString());
    else
        current->abort();
}

void ConnectionCommands::closeCurrentWithCode()
{
    Connection *current = m_viewState->currentConnection();
    if (!current || current->state() != Connection::State::Open)
        return;
    QPointer<Connection> target = current;
    CloseDialog dialog(m_window);
    if (dialog.exec() == QDialog::Accepted && target && target->state() == Connection::State::Open)
        target->close(dialog.code(), dialog.reason());
}

void ConnectionCommands::removeCurrent()
{
    Connection *current = m_viewState->currentConnection();
    if (current)
        m_workspace->removeConnection(current);
}

HandshakeDiffDialog *ConnectionCommands::handshakeDiffDialog() const
{
    return m_diffDialog;
}

bool ConnectionCommands::compareHandshakes()
{
    const QList<Connection *> chosen = ComparePartners::choose(
        m_selection->selected(), m_viewState->currentConnection(), m_workspace->connections());
    if (chosen.isEmpty()) {
        m_status->showMessage(tr("Select two connections (Ctrl+click) to compare their handshakes."));
        return false;
    }
    if (m_diffDialog)
        m_diffDialog->close();
    auto *dialog = new HandshakeDiffDialog(chosen.at(0), chosen.at(1), m_viewState->revealSecrets(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_viewState, &ViewState::revealSecretsChanged, dialog, &HandshakeDiffDialog::setRevealSecrets);
    m_diffDialog = dialog;
    dialog->show();
    return true;
}

} // namespace wsi
