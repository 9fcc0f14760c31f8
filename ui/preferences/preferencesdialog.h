#pragma once

#include <QDialog>

#include <functional>
#include <memory>

class QTreeWidget;

namespace Ui {
class PreferencesDialog;
}

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
    // Payload bytes kept in memory for all connections (PayloadCache); the rest waits on disk.
    static qint64 payloadMemoryBytes();
    // Payload bytes one session keeps in full before messages keep only their first bytes; 0: no limit.
    static qint64 sessionBudgetBytes();
    static void applyPayloadMemory(); // at startup and when the setting changes
    // Preferences > Language: "" follows the system locale, else "en" or "ko" (Translations::languages()).
    static QString language();
    static void applyLanguage(); // at startup and when the setting changes; open windows retranslate at once

    explicit PreferencesDialog(CertificateAuthority *authority, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    QTreeWidget *trustedList() const;
    QString caText() const;
    QString lastMessage() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillLanguages();
    void reloadTrusted();
    void reloadAuthority();
    void removeSelected();
    void regenerate();
    void exportCertificate();
    void showMessage(bool ok, const QString &text);

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    CertificateAuthority *m_authority;
};

} // namespace wsi
