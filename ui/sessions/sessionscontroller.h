#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

class QAction;
class QMainWindow;

namespace wsi {

class Connection;
class ViewState;
class SessionJournal;
class Workspace;

// The window's sessions: journals every connection of the workspace (folder and size cap from Preferences),
// and runs File > Import, Previous Sessions, Export Connection and Export Workspace. Kept out of MainWindow so
// the window stays a thin wiring of panels; it owns its actions and the window puts them in its menus.
class SessionsController : public QObject
{
    Q_OBJECT
public:
    SessionsController(Workspace *workspace, QMainWindow *window);
    ~SessionsController() override;

    SessionJournal *journal() const { return m_journal; }
    QAction *importAction() const { return m_importAction; }
    QAction *previousSessionsAction() const { return m_previousSessionsAction; }
    QAction *exportConnectionAction() const { return m_exportConnectionAction; }
    QAction *exportWorkspaceAction() const { return m_exportWorkspaceAction; }

    // The selected connection (what Export Connection exports); also updates the actions.
    void setCurrentConnection(Connection *connection);
    // Follows the window's view state: the selected connection is the one Export Connection exports.
    void observe(ViewState *state);
    // Preferences may have changed the size cap.
    void applyPreferences();

    // File > Import: a session log or HAR file as read-only connections; false with lastError() set.
    bool importFile(const QString &path);
    // Previous sessions: journal files reopened as read-only connections.
    bool openSessions(const QStringList &paths);
    // Asks where and how (ExportDialog), then writes; false when cancelled or failed (lastError()).
    bool exportConnections(
        const QList<const Connection *> &connections, const QString &what, const QString &suggestedName);
    // The last import or export problem, as shown to the user.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // Imported or reopened connections were added to the workspace; this is the last of them.
    void connectionOpened(wsi::Connection *connection);

private:
    void createActions();
    void createJournal();
    void updateActions(Connection *current);
    void exportCurrent();
    void exportWorkspace();
    void importChosenFile();
    void showPreviousSessions();
    void exportJournalFile(const QString &path);
    bool addImported(
        std::vector<std::unique_ptr<Connection>> connections, const QString &from, const QStringList &notes);
    void showProblem(const QString &title, const QString &text);

    Workspace *m_workspace;
    QMainWindow *m_window;
    SessionJournal *m_journal = nullptr;
    QPointer<Connection> m_current;
    QString m_lastError;
    QAction *m_importAction = nullptr;
    QAction *m_previousSessionsAction = nullptr;
    QAction *m_exportConnectionAction = nullptr;
    QAction *m_exportWorkspaceAction = nullptr;
};

} // namespace wsi
