#pragma once

#include "endpoints/endpointstore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace wsi {

class SecretHeadersEdit;

// Edits one saved endpoint: name, folder, URL, headers, subprotocols, Origin, TLS options, reconnect and
// keepalive. OK is refused (with the reason shown inline) until the options are valid.
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
    SecretHeadersEdit *headersEdit() const { return m_headers; }

    void accept() override;

    // What the URL field shows (masked while secrets are hidden).
    QString displayedUrl() const;

private:
    void presentUrl(bool reveal);
    QString urlText() const;
    bool build(Endpoint *endpoint, QString *error) const;

    QString m_id;
    QLineEdit *m_name = nullptr;
    QComboBox *m_folder = nullptr;
    QLineEdit *m_url = nullptr;
    SecretHeadersEdit *m_headers = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QLineEdit *m_origin = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_intercept = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_certPassword = nullptr;
    QComboBox *m_minTls = nullptr;
    QCheckBox *m_insecure = nullptr;
    QGroupBox *m_reconnect = nullptr;
    QSpinBox *m_initialDelay = nullptr;
    QSpinBox *m_maxDelay = nullptr;
    QDoubleSpinBox *m_multiplier = nullptr;
    QSpinBox *m_jitter = nullptr;
    QSpinBox *m_maxAttempts = nullptr;
    QCheckBox *m_afterCleanClose = nullptr;
    QGroupBox *m_keepalive = nullptr;
    QSpinBox *m_interval = nullptr;
    QSpinBox *m_pongTimeout = nullptr;
    QCheckBox *m_closeOnMissed = nullptr;
    QLabel *m_error = nullptr;
    QString m_urlText; // the real URL while the field shows it masked
    ConnectionOptions m_base; // fields the dialog does not show (close grace) survive an edit
};

} // namespace wsi
