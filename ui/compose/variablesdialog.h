#pragma once

#include <QDialog>
#include <QHash>

#include <memory>

namespace Ui {
class VariablesDialog;
}

namespace wsi {

// Edits the user-defined {{variables}} of the composer; they persist in QSettings.
class VariablesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit VariablesDialog(const QHash<QString, QString> &variables, QWidget *parent = nullptr);
    ~VariablesDialog() override;

    QHash<QString, QString> variables() const;

    static QHash<QString, QString> loadFromSettings();
    static void saveToSettings(const QHash<QString, QString> &variables);

private:
    void addRow(const QString &name = {}, const QString &value = {});
    void removeSelected();

    std::unique_ptr<Ui::VariablesDialog> m_ui;
};

} // namespace wsi
