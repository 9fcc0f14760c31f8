#pragma once

#include "compose/savedmessagestore.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace wsi {

// The saved messages: a searchable list (global ones and those of the current endpoint, or all), with
// load, save current, rename, delete, import and export. The store writes every change at once.
class SavedMessagesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SavedMessagesPanel(QWidget *parent = nullptr);
    ~SavedMessagesPanel() override;

    // Where the store lives: the app data folder, saved-messages.json.
    static QString defaultStorePath();
    // Tests: use another file (re-reads it).
    void setStorePath(const QString &path);
    SavedMessageStore *store() const { return m_store.get(); }

    void setEndpoint(const QString &endpoint);
    QString endpoint() const { return m_endpoint; }

    // Adds a message; returns its id, or empty after showing why it could not be written.
    QString add(const QString &name, PayloadFormat format, const QString &body, bool forEndpoint);
    void reload();
    QListWidget *list() const { return m_list; }

    bool importFrom(const QString &path);
    bool exportTo(const QString &path);

Q_SIGNALS:
    void loadRequested(const wsi::SavedMessage &message);
    void saveCurrentRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPushButton *m_save = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    void refresh();
    void loadSelected();
    void renameSelected();
    void deleteSelected();
    void importFile();
    void exportFile();
    const SavedMessage *selected() const;
    void showStatus(const QString &text, bool error);

    std::unique_ptr<SavedMessageStore> m_store;
    QString m_endpoint;
    QLineEdit *m_search = nullptr;
    QComboBox *m_scope = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace wsi
