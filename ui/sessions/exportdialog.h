#pragma once

#include "files/sessionexporter.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace Ui {
class ExportDialog;
}

namespace wsi {

// Asks where and how to export: the file (Browse... goes through FileDialogs), the format (session log or
// HAR, following the file's extension), and whether secrets are written unmasked (off by default).
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // `what` describes the export, e.g. "Connection #3: ws://127.0.0.1:9000/ (1,234 events)".
    explicit ExportDialog(const QString &what, const QString &suggestedName, QWidget *parent = nullptr);
    ~ExportDialog() override;

    QString path() const;
    void setPath(const QString &path);
    SessionExporter::Format format() const;
    bool revealSecrets() const;

    QLineEdit *pathEdit() const;
    QComboBox *formatCombo() const;
    QCheckBox *revealSecretsCheckBox() const;
    QPushButton *exportButton() const { return m_export; }

private:
    void browse();
    void onPathEdited();
    void onFormatChosen();
    void updateState();

    std::unique_ptr<Ui::ExportDialog> m_ui;
    QPushButton *m_export = nullptr; // added in code: a form's button box holds standard buttons only
};

} // namespace wsi
