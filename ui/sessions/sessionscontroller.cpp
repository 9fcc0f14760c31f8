#include "sessions/sessionscontroller.h"

#include "common/filedialogs.h"
#include "common/viewstate.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionexporter.h"
#include "files/sessionimporter.h"
#include "files/sessionjournal.h"
#include "preferences/preferencesdialog.h"
#include "sessions/exportdialog.h"
#include "sessions/previoussessionsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace wsi {

SessionsController::SessionsController(Workspace *workspace, QMainWindow *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
{
    createActions();
    createJournal();
    // Export Workspace is possible while the workspace has a connection, whichever one is selected.
    connect(m_workspace, &Workspace::connectionAdded, this, [this] { updateActions(m_current); });
    connect(m_workspace, &Workspace::connectionRemoved, this, [this] { updateActions(m_current); });
}

SessionsController::~SessionsController()
{
    // Everything recorded reaches the disk before the connections go.
    m_journal->flush();
}

void SessionsController::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        m_window->addAction(action); // shortcuts work wherever the focus is in the window
        return action;
    };
    m_importAction = make(QStringLiteral("importAction"), tr("&Import\u2026"), QKeySequence::Open,
        tr("Open a session log (.jsonl) or a HAR file (also from Chrome DevTools) as read-only connections"));
    m_previousSessionsAction = make(QStringLiteral("previousSessionsAction"), tr("&Previous Sessions\u2026"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Reopen, export or delete the journals of earlier connections"));
    m_exportConnectionAction = make(QStringLiteral("exportConnectionAction"), tr("&Export Connection\u2026"),
        QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Save the selected connection as a session log or HAR (secrets masked unless you ask)"));
    m_exportWorkspaceAction = make(QStringLiteral("exportWorkspaceAction"), tr("Export &Workspace\u2026"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        tr("Save every connection in the list to one session log or HAR file"));
    connect(m_importAction, &QAction::triggered, this, &SessionsController::importChosenFile);
    connect(m_previousSessionsAction, &QAction::triggered, this, &SessionsController::showPreviousSessions);
    connect(m_exportConnectionAction, &QAction::triggered, this, &SessionsController::exportCurrent);
    connect(m_exportWorkspaceAction, &QAction::triggered, this, &SessionsController::exportWorkspace);
    updateActions(nullptr);
}

void SessionsController::setCurrentConnection(Connection *connection)
{
    m_current = connection;
    updateActions(connection);
}

void SessionsController::updateActions(Connection *current)
{
    m_exportConnectionAction->setEnabled(current != nullptr);
    m_exportWorkspaceAction->setEnabled(!m_workspace->connections().isEmpty());
}

void SessionsController::applyPreferences()
{
    m_journal->setMaxTotalBytes(PreferencesDialog::journalCapBytes());
    m_journal->enforceSizeCap();
}

void SessionsController::createJournal()
{
    m_journal = new SessionJournal(this);
    m_journal->setMaxTotalBytes(PreferencesDialog::journalCapBytes());
    // The recording's other store: payloads beyond the memory budget wait in the spill file.
    PreferencesDialog::applyPayloadMemory();
    // Outgoing connections and the test server's clients alike; imported ones are on disk already.
    m_journal->attachWorkspace(m_workspace);
    connect(m_workspace, &Workspace::connectionAdded, this, [this] {
        if (!m_journal->errorString().isEmpty())
            m_window->statusBar()->showMessage(m_journal->errorString(), 10000);
        updateActions(m_current);
    });
    connect(m_workspace, &Workspace::connectionRemoved, this, [this] { updateActions(m_current); });
}

void SessionsController::showProblem(const QString &title, const QString &text)
{
    m_lastError = text;
    m_window->statusBar()->showMessage(text, 15000);
    // Window-modal and not waited for: a script or test driving the window is never blocked by it.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("problemMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool SessionsController::addImported(
    std::vector<std::unique_ptr<Connection>> connections, const QString &from, const QStringList &notes)
{
    Connection *last = nullptr;
    for (auto &c : connections) {
        last = c.release();
        m_workspace->addConnection(last);
    }
    if (last)
        Q_EMIT connectionOpened(last);
    m_lastError.clear();
    QString message = tr("Opened %n read-only connection(s) from %1.", nullptr, int(connections.size()))
                          .arg(QFileInfo(from).fileName());
    if (!notes.isEmpty())
        message += QLatin1Char(' ') + notes.join(QLatin1Char(' '));
    m_window->statusBar()->showMessage(message, 10000);
    return last != nullptr;
}

bool SessionsController::importFile(const QString &path)
{
    SessionImporter importer;
    if (!importer.readFile(path)) {
        showProblem(tr("Import"), tr("Could not import: %1").arg(importer.errorString()));
        return false;
    }
    const QStringList notes = importer.notes();
    return addImported(importer.takeConnections(), path, notes);
}

void SessionsController::importChosenFile()
{
    const QString path = FileDialogs::openFile(m_window, tr("Import Session"),
        tr("Sessions (*.jsonl *.har);;Session log (*.jsonl);;HAR (*.har);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool SessionsController::openSessions(const QStringList &paths)
{
    bool any = false;
    for (const QString &path : paths) {
        QString error;
        QStringList notes;
        auto connections = SessionJournal::reopen(path, &error, &notes);
        if (!error.isEmpty()) {
            showProblem(tr("Previous Sessions"), tr("Could not reopen %1: %2").arg(path, error));
            continue;
        }
        any = addImported(std::move(connections), path, notes) || any;
    }
    return any;
}

bool SessionsController::exportConnections(
    const QList<const Connection *> &connections, const QString &what, const QString &suggestedName)
{
    if (connections.isEmpty())
        return false;
    ExportDialog dialog(what, suggestedName, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    SessionExporter::Options options;
    options.revealSecrets = dialog.revealSecrets();
    options.tool = QStringLiteral("wsinspector %1").arg(QApplication::applicationVersion());
    QString error;
    if (!SessionExporter::write(dialog.path(), dialog.format(), connections, options, &error)) {
        showProblem(tr("Export"), tr("Could not export: %1").arg(error));
        return false;
    }
    m_lastError.clear();
    m_window->statusBar()->showMessage(
        tr("Exported %n connection(s) to %1 as %2%3.", nullptr, int(connections.size()))
            .arg(QDir::toNativeSeparators(dialog.path()), SessionExporter::formatName(dialog.format()),
                options.revealSecrets ? tr(" with secrets unmasked") : tr(", secrets masked")),
        10000);
    return true;
}

void SessionsController::exportCurrent()
{
    if (!m_current)
        return;
    const QString what = tr("Connection #%1: %2 (%n event(s))", nullptr, int(m_current->events().size()))
                             .arg(m_current->id())
                             .arg(m_current->title());
    const QString host = m_current->url().host().isEmpty() ? QStringLiteral("connection") : m_current->url().host();
    exportConnections({ m_current.data() }, what, QStringLiteral("%1-%2").arg(host).arg(m_current->id()));
}

void SessionsController::exportWorkspace()
{
    QList<const Connection *> all;
    qsizetype events = 0;
    for (const Connection *c : m_workspace->connections()) {
        all << c;
        events += c->events().size();
    }
    const QString what
        = tr("The workspace: %n connection(s)", nullptr, int(all.size())) + tr(", %n event(s)", nullptr, int(events));
    exportConnections(all, what, QStringLiteral("workspace"));
}

void SessionsController::exportJournalFile(const QString &path)
{
    QString error;
    auto connections = SessionJournal::reopen(path, &error);
    if (!error.isEmpty()) {
        showProblem(tr("Previous Sessions"), tr("Could not read %1: %2").arg(path, error));
        return;
    }
    QList<const Connection *> list;
    for (const auto &c : connections)
        list << c.get();
    exportConnections(list,
        tr("Session %1 (%n connection(s))", nullptr, int(list.size())).arg(QFileInfo(path).fileName()),
        QFileInfo(path).completeBaseName());
}

void SessionsController::showPreviousSessions()
{
    PreviousSessionsDialog dialog(m_journal, m_window);
    connect(&dialog, &PreviousSessionsDialog::openRequested, this, [this, &dialog](const QStringList &paths) {
        if (openSessions(paths))
            dialog.accept();
    });
    connect(&dialog, &PreviousSessionsDialog::exportRequested, this, &SessionsController::exportJournalFile);
    dialog.exec();
}

void SessionsController::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &SessionsController::setCurrentConnection);
    setCurrentConnection(state->currentConnection());
}

} // namespace wsi
