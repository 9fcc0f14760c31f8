// MqttForm: the composer's MQTT form (CONNECT, SUBSCRIBE, UNSUBSCRIBE, PUBLISH, PINGREQ, DISCONNECT from fields).
#pragma once

#include "compose/mqttpacketbuilder.h"
#include "compose/protocolform.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace wsi {

// The app encodes the binary packet; the rows a packet does not use are hidden.
class MqttForm : public ProtocolForm
{
    Q_OBJECT
public:
    enum Packet { Connect, Subscribe, Unsubscribe, Publish, PingReq, Disconnect };

    explicit MqttForm(QWidget *parent = nullptr);

    bool isBinary() const override { return true; }
    bool build(bool advance, QByteArray *bytes, QString *error) override;
    void resetIds() override { m_builder.packetIds().reset(); }

protected:
    void retranslate() override;

private:
    void updateRows();

    MqttPacketBuilder m_builder;
    QComboBox *m_version = nullptr;
    QComboBox *m_packet = nullptr;
    QLineEdit *m_clientId = nullptr;
    QSpinBox *m_keepAlive = nullptr;
    QCheckBox *m_cleanStart = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_topic = nullptr;
    QComboBox *m_qos = nullptr;
    QCheckBox *m_retain = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace wsi
