#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace wsi {

class SessionJournal;
class SessionListModel;

// File > Previous Sessions: the journal files of earlier runs, searchable by URL, to reopen read-only,
// export or delete. It only lists and asks; the main window opens and exports.
class PreviousSessionsDialog : public QDialog
{
    Q_OBJECT
public:
    // Test seam for "Delete these files?"; null restores the message box.
    using Confirmation = std::function<bool(QWidget *parent, const QString &question)>;
    static void setConfirmation(Confirmation confirmation);

    explicit PreviousSessionsDialog(SessionJournal *journal, QWidget *parent = nullptr);
    ~PreviousSessionsDialog() override;

    void reload();
    QTreeView *sessionList() const { return m_list; }
    QLineEdit *searchEdit() const { return m_search; }
    SessionListModel *model() const { return m_model; }
    // Journal files of the selected rows.
    QStringList selectedPaths() const;
    void selectPath(const QString &path);

Q_SIGNALS:
    void openRequested(const QStringList &paths);
    void exportRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_help = nullptr;
    QPushButton *m_reveal = nullptr;
    void openSelected();
    void exportSelected();
    void deleteSelected();
    void revealFolder();
    void updateButtons();

    SessionJournal *m_journal;
    SessionListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace wsi
