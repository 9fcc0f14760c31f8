#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace wsi {

class CertificateAuthority;

// Edit > Preferences: the certificates the user chose to always trust (removable), and the inspector's own
// certificate authority (regenerate, export).
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    // Test seams: the export file picker and the "regenerate?" confirmation. Null restores the real dialogs.
    using ExportPathChooser = std::function<QString(QWidget *parent)>;
    using Confirmation = std::function<bool(QWidget *parent, const QString &question)>;
    static void setExportPathChooser(ExportPathChooser chooser);
    static void setConfirmation(Confirmation confirmation);

    // The session journals' size cap (Preferences > Sessions), default 500 MiB; 0 keeps everything.
    static qint64 journalCapBytes();

    explicit PreferencesDialog(CertificateAuthority *authority, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    QTreeWidget *trustedList() const { return m_trusted; }
    QString caText() const;
    QString lastMessage() const;

private:
    void reloadTrusted();
    void reloadAuthority();
    void removeSelected();
    void regenerate();
    void exportCertificate();
    void showMessage(bool ok, const QString &text);

    CertificateAuthority *m_authority;
    QTreeWidget *m_trusted = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_ca = nullptr;
    QLabel *m_message = nullptr;
    QSpinBox *m_journalCap = nullptr;
};

} // namespace wsi
