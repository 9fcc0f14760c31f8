#pragma once

#include "files/sessionexporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

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

    QLineEdit *pathEdit() const { return m_path; }
    QComboBox *formatCombo() const { return m_format; }
    QCheckBox *revealSecretsCheckBox() const { return m_reveal; }
    QPushButton *exportButton() const { return m_export; }

private:
    void browse();
    void onPathEdited();
    void onFormatChosen();
    void updateState();

    QLabel *m_what = nullptr;
    QLineEdit *m_path = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_reveal = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace wsi
