// ProtocolComposerPanel: the composer's Protocol tab: a form per protocol, a live preview, Send.
#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace wsi {

class Connection;
class ProtocolForm;
class SendScheduler;

// Builds one message from a protocol's fields and sends it through the composer's SendScheduler, the path
// the Message tab uses, so history, repeat and recording see it like any other message. The protocol
// follows the one detected on the connection until the user picks one; request ids are numbered per
// connection, and each protocol's fields are remembered in QSettings when a message is sent.
class ProtocolComposerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProtocolComposerPanel(SendScheduler *scheduler, QWidget *parent = nullptr);
    ~ProtocolComposerPanel() override;

    void setConnection(Connection *connection);
    // "socketio", "stomp", "graphql-ws", "jsonrpc" or "mqtt"; false for another id.
    bool setProtocol(const QString &protocolId);
    QString protocol() const;
    // The preview's text: the message as sent, or its bytes in hex for MQTT.
    QString previewText() const;
    bool send();

Q_SIGNALS:
    // After a send: the message as the composer's history keeps it (hex for a binary one).
    void sent(const QString &body, bool isText);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addForm(ProtocolForm *form);
    void followDetectedProtocol();
    void fitStackToForm(int current);
    void updatePreview();
    void updateState();
    void retranslate();
    ProtocolForm *currentForm() const;

    SendScheduler *m_scheduler;
    QPointer<Connection> m_connection;
    bool m_userChose = false;
    bool m_valid = false; // the fields build a message
    QComboBox *m_protocol = nullptr;
    QLabel *m_protocolLabel = nullptr;
    QLabel *m_detected = nullptr;
    QStackedWidget *m_forms = nullptr;
    QLabel *m_previewLabel = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace wsi
