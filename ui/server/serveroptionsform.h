#pragma once

#include "server/serveroptions.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace wsi {

// The test server's settings: where it listens, ws or wss, behaviour (mode, reject answer, auto-replies) and
// limits. Remembered in QSettings. While the server runs only the behaviour can change.
class ServerOptionsForm : public QWidget
{
    Q_OBJECT
public:
    explicit ServerOptionsForm(QWidget *parent = nullptr);
    ~ServerOptionsForm() override;

    // Builds the options from the fields; on a field that cannot be parsed returns false with *error.
    bool options(ServerOptions *options, QString *error) const;
    ServerMode mode() const;
    QList<AutoReplyRule> autoReplies() const;
    bool isExposed() const;

    void setRunning(bool running);
    void loadSettings();
    void saveSettings() const;

    QComboBox *addressCombo() const { return m_address; }

Q_SIGNALS:
    void addressChanged();
    void modeChanged();
    void autoRepliesChanged();

private:
    void updateModeFields();
    void updateTlsFields();
    void addRule(const AutoReplyRule &rule);

    QComboBox *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_scheme = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QWidget *m_tlsFields = nullptr;
    QComboBox *m_mode = nullptr;
    QCheckBox *m_toSender = nullptr;
    QWidget *m_rejectFields = nullptr;
    QSpinBox *m_rejectStatus = nullptr;
    QPlainTextEdit *m_rejectHeaders = nullptr;
    QPlainTextEdit *m_rejectBody = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QLineEdit *m_origins = nullptr;
    QSpinBox *m_maxClients = nullptr;
    QSpinBox *m_handshakeTimeout = nullptr;
    QSpinBox *m_maxMessageKiB = nullptr;
    QSpinBox *m_idleTimeout = nullptr;
    QTableWidget *m_rules = nullptr;
    QPushButton *m_removeRule = nullptr;
    QList<QWidget *> m_listenFields; // fixed while running
};

} // namespace wsi
