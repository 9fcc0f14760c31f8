#pragma once

#include "endpoints/endpointstore.h"

#include <QWidget>

class QAbstractItemModel;
class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace wsi {

class EndpointTreeModel;
class ViewState;

// The "Endpoints" sidebar: saved connections in folders, a search field, and the actions to connect, save
// the current connection, edit, duplicate, delete (with undo), import and export. Messages (what was
// imported, why a file was refused) appear inline, never in a blocking box.
class EndpointsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointsPanel(EndpointStore *store, QWidget *parent = nullptr);
    ~EndpointsPanel() override;

    EndpointStore *store() const { return m_store; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *searchField() const { return m_search; }
    QAbstractItemModel *viewModel() const;

    QAction *connectAction() const { return m_connectAction; }
    QAction *saveCurrentAction() const { return m_saveAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *exportWithSecretsAction() const { return m_exportSecretsAction; }

    QString selectedId() const;
    void selectEndpoint(const QString &id);
    void setRevealSecrets(bool reveal);
    // Follows the window's view state: reveal secrets.
    void observe(ViewState *state);

    // Opens the endpoint dialog filled with these options; saves on OK. Returns the new id, or empty if cancelled.
    QString saveAs(const ConnectionOptions &options);
    void editSelected();
    void duplicateSelected();
    void deleteSelected();
    bool undoDelete();
    void importFile();
    void exportFile(bool includeSecrets);

    QString messageText() const;
    void showError(const QString &text);
    bool isEmptyStateShown() const;
    QString emptyStateText() const;

Q_SIGNALS:
    void connectRequested(const wsi::ConnectionOptions &options);
    // The user asked to save the current connection; the window answers with saveAs().
    void saveCurrentRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title = nullptr;
    void connectSelected();
    void showMessage(const QString &text, int tone, bool withUndo = false);
    void updateActions();
    void updateEmptyState();
    void showContextMenu(const QPoint &pos);

    EndpointStore *m_store;
    EndpointTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_moreButton = nullptr;
    bool m_reveal = false;
    Endpoint m_lastDeleted;

    QAction *m_connectAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_exportSecretsAction = nullptr;
};

} // namespace wsi
