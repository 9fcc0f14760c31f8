// StompForm: the composer's STOMP 1.2 form (SEND, SUBSCRIBE, UNSUBSCRIBE, ACK, NACK, CONNECT, DISCONNECT).
#pragma once

#include "compose/protocolform.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace wsi {

// Fields named as the STOMP specification names the headers; the rows a command does not use are hidden.
class StompForm : public ProtocolForm
{
    Q_OBJECT
public:
    enum Command { Send, Subscribe, Unsubscribe, Ack, Nack, Connect, Disconnect };

    explicit StompForm(QWidget *parent = nullptr);

    bool build(bool advance, QByteArray *bytes, QString *error) override;
    void resetIds() override { }

protected:
    void retranslate() override;

private:
    void updateRows();

    QComboBox *m_command = nullptr;
    QLineEdit *m_destination = nullptr;
    QLineEdit *m_id = nullptr;
    QComboBox *m_ackMode = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_passcode = nullptr;
    QLineEdit *m_contentType = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace wsi
