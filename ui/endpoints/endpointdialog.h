#pragma once

#include "endpoints/endpointstore.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Ui {
class EndpointDialog;
}

namespace wsi {

class ConnectionOptionsEditor;
class SecretHeadersEdit;

// Edits one saved endpoint: its name, folder and URL, and its options in the same ConnectionOptionsEditor as
// the connect bar's. OK is refused (with the reason shown inline) until the options are valid.
class EndpointDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EndpointDialog(const QStringList &folders, QWidget *parent = nullptr);
    ~EndpointDialog() override;

    void setEndpoint(const Endpoint &endpoint);
    // The edited endpoint (same id as the one set).
    Endpoint endpoint() const;
    void setRevealSecrets(bool reveal);

    QString errorText() const;
    SecretHeadersEdit *headersEdit() const;
    ConnectionOptionsEditor *optionsEditor() const { return m_editor; }

    void accept() override;

    // What the URL field shows (masked while secrets are hidden).
    QString displayedUrl() const;

private:
    void presentUrl(bool reveal);
    QString urlText() const;
    bool build(Endpoint *endpoint, QString *error) const;

    std::unique_ptr<Ui::EndpointDialog> m_ui;
    QString m_id;
    QLineEdit *m_name = nullptr;
    QComboBox *m_folder = nullptr;
    QLineEdit *m_url = nullptr;
    ConnectionOptionsEditor *m_editor = nullptr;
    QLabel *m_error = nullptr;
    QString m_urlText; // the real URL while the field shows it masked
};

} // namespace wsi
