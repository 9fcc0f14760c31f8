// SocketIoForm: the composer's Socket.IO form (emit an event with JSON arguments, with or without an ack).
#pragma once

#include "compose/protocolform.h"
#include "compose/socketioencoder.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace wsi {

class SocketIoForm : public ProtocolForm
{
    Q_OBJECT
public:
    explicit SocketIoForm(QWidget *parent = nullptr);

    bool build(bool advance, QByteArray *bytes, QString *error) override;
    void resetIds() override { m_encoder.ackIds().reset(); }

protected:
    void retranslate() override;

private:
    void updateRows();

    SocketIoEncoder m_encoder;
    QComboBox *m_packet = nullptr;
    QLineEdit *m_namespace = nullptr;
    QLineEdit *m_event = nullptr;
    QPlainTextEdit *m_args = nullptr;
    QCheckBox *m_ack = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace wsi
