#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace wsi {

class ConnectBar;
class ConnectionSelection;
class HandshakeDiffDialog;
class MainWindowActions;
class StatusLine;
class ViewState;
class Workspace;

// The Connection menu's commands on the selected connections (new, disconnect, close with a code, remove,
// compare handshakes), and which of the window's actions the selected connection's state allows.
class ConnectionCommands : public QObject
{
    Q_OBJECT
public:
    // window: the dialogs' parent, and this object's; status: where a command says why it did nothing.
    ConnectionCommands(MainWindowActions *actions, ConnectBar *connectBar, Workspace *workspace, ViewState *viewState,
        ConnectionSelection *selection, StatusLine *status, QWidget *window);

    // Send, ping and close need an open connection; disconnect one that is still alive; compare two of any.
    void updateActions();
    // Compares the two selected connections' handshakes; with one selected, that one and the previous
    // attempt at the same URL. False (with a status message) when there is nothing to compare.
    bool compareHandshakes();
    // The diff dialog opened last (null once closed).
    HandshakeDiffDialog *handshakeDiffDialog() const;

private:
    void newConnection();
    void disconnectCurrent();
    void closeCurrentWithCode();
    void removeCurrent();

    MainWindowActions *m_actions = nullptr;
    ConnectBar *m_connectBar = nullptr;
    Workspace *m_workspace = nullptr;
    ViewState *m_viewState = nullptr;
    ConnectionSelection *m_selection = nullptr;
    StatusLine *m_status = nullptr;
    QWidget *m_window = nullptr;
    QPointer<HandshakeDiffDialog> m_diffDialog;
};

} // namespace wsi
