#pragma once

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;

namespace wsi {

class Connection;
class ViewState;
class LocalServer;
class QtEngineServer;
class ServerOptionsForm;
class Workspace;

// The "Test server" panel: starts and stops the LocalServer (or, with the Qt engine, the QtEngineServer), shows its
// URL, client count and message rates, and acts on its clients (connect to it, broadcast, kick). The clients themselves
// appear in the workspace's connections list like any other connection.
class ServerPanel : public QWidget
{
    Q_OBJECT
public:
    // Test seam for the Broadcast text prompt. Null restores the real dialog.
    using TextPrompt = std::function<QString(QWidget *parent, bool *ok)>;
    static void setBroadcastPrompt(TextPrompt prompt);

    explicit ServerPanel(Workspace *workspace, QWidget *parent = nullptr);
    ~ServerPanel() override;

    LocalServer *server() const { return m_server; }
    QtEngineServer *qtServer() const { return m_qtServer; }
    ServerOptionsForm *form() const { return m_form; }
    // The connection selected in the main window: Kick acts on it when it is one of our clients.
    void setCurrentConnection(Connection *connection);
    // Follows the window's view state: the selected connection is the one Kick acts on.
    void observe(ViewState *state);

    // For the window's menu, with shortcuts: Start/Stop (Ctrl+Shift+T), Connect to It (Ctrl+Shift+K),
    // Broadcast, Kick. They follow the panel's buttons (text and enabled state).
    QList<QAction *> menuActions() const;
    QAction *startStopAction() const { return m_startStopAction; }

    // Either engine: the panel shows whichever runs.
    bool isRunning() const;
    QString urlText() const;
    QString statsText() const;
    QString errorText() const;
    // The panel's error banner (hidden when empty): why the server did not start, or a rule was refused.
    void showError(const QString &message);
    bool isExposureWarningVisible() const;
    QString exposureWarningText() const;

Q_SIGNALS:
    // "Connect to it": the window opens an outgoing connection with these settings and selects it.
    void connectRequested(const QUrl &url, const QString &caFile);

public Q_SLOTS:
    void start();
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateFixedTexts();
    void onStarted();
    void onStopped();
    void updateStats();
    void updateExposure();
    void updateButtons();
    void connectToIt();
    void broadcastText();
    void kickCurrent();
    QUrl runningUrl() const;
    quint16 runningPort() const;

    Workspace *m_workspace;
    LocalServer *m_server = nullptr;
    QtEngineServer *m_qtServer = nullptr;
    ServerOptionsForm *m_form = nullptr;
    QPointer<Connection> m_current;
    QPushButton *m_startStop = nullptr;
    QLabel *m_state = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_exposure = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_stats = nullptr;
    QPushButton *m_connectToIt = nullptr;
    QPushButton *m_broadcast = nullptr;
    QPushButton *m_kick = nullptr;
    QAction *m_startStopAction = nullptr;
    QAction *m_connectToItAction = nullptr;
    QAction *m_broadcastAction = nullptr;
    QAction *m_kickAction = nullptr;
    bool m_rulesError = false; // the error shown is about auto-reply rules edited while running
};

} // namespace wsi
