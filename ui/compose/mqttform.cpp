// MqttForm: the composer's MQTT form.
#include "compose/mqttform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace wsi {

MqttForm::MqttForm(QWidget *parent)
    : ProtocolForm(QStringLiteral("mqtt"), parent)
    , m_version(new QComboBox(this))
    , m_packet(new QComboBox(this))
    , m_clientId(new QLineEdit(QStringLiteral("wsinspector"), this))
    , m_keepAlive(new QSpinBox(this))
    , m_cleanStart(new QCheckBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_topic(new QLineEdit(this))
    , m_qos(new QComboBox(this))
    , m_retain(new QCheckBox(this))
{
    m_version->addItems({ QStringLiteral("3.1.1"), QStringLiteral("5.0") });
    m_packet->addItems({ QStringLiteral("CONNECT"), QStringLiteral("SUBSCRIBE"), QStringLiteral("UNSUBSCRIBE"),
        QStringLiteral("PUBLISH"), QStringLiteral("PINGREQ"), QStringLiteral("DISCONNECT") });
    m_keepAlive->setRange(0, 65535);
    m_keepAlive->setValue(60);
    m_cleanStart->setChecked(true);
    m_password->setEchoMode(QLineEdit::Password); // not remembered in the settings
    m_qos->addItems({ QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2") });
    m_labels = { addRow(m_version, "mqttVersion"), addRow(m_packet, "mqttPacket"), addRow(m_clientId, "mqttClientId"),
        addRow(m_keepAlive, "mqttKeepAlive"), addRow(m_cleanStart, "mqttCleanStart"),
        addRow(m_username, "mqttUsername"), addRow(m_password, "mqttPassword"), addRow(m_topic, "mqttTopic"),
        addRow(m_qos, "mqttQos"), addRow(m_retain, "mqttRetain") };
    QLabel *payloadLabel = nullptr;
    m_payload = addTextRow("mqttPayload", 2, &payloadLabel);
    m_labels.append(payloadLabel);
    connect(m_packet, &QComboBox::currentIndexChanged, this, &MqttForm::updateRows);
    connect(m_version, &QComboBox::currentIndexChanged, this, &MqttForm::updateRows);
    retranslate();
    updateRows();
}

void MqttForm::updateRows()
{
    m_builder.setProtocolLevel(m_version->currentIndex() == 1 ? 5 : 4);
    const int p = m_packet->currentIndex();
    for (QWidget *w :
        { static_cast<QWidget *>(m_clientId), static_cast<QWidget *>(m_keepAlive), static_cast<QWidget *>(m_cleanStart),
            static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password) })
        setRowShown(w, p == Connect);
    setRowShown(m_topic, p == Subscribe || p == Unsubscribe || p == Publish);
    setRowShown(m_qos, p == Subscribe || p == Publish);
    setRowShown(m_retain, p == Publish);
    setRowShown(m_payload, p == Publish);
    m_cleanStart->setText(m_builder.protocolLevel() >= 5 ? tr("Clean start") : tr("Clean session"));
}

bool MqttForm::build(bool advance, QByteArray *bytes, QString *error)
{
    // The version's changed() may reach the preview before updateRows() has run.
    m_builder.setProtocolLevel(m_version->currentIndex() == 1 ? 5 : 4);
    const int p = m_packet->currentIndex();
    const QString topic = m_topic->text().trimmed();
    if ((p == Subscribe || p == Unsubscribe || p == Publish) && topic.isEmpty()) {
        *error = p == Publish ? tr("Enter the topic to publish to.") : tr("Enter a topic filter.");
        return false;
    }
    const int qos = m_qos->currentIndex();
    const bool takesId = p == Subscribe || p == Unsubscribe || (p == Publish && qos > 0);
    const quint16 id = quint16(!takesId ? 0 : advance ? m_builder.packetIds().take() : m_builder.packetIds().peek());
    switch (p) {
    case Connect: {
        MqttPacketBuilder::Connect c;
        c.clientId = m_clientId->text();
        c.keepAlive = quint16(m_keepAlive->value());
        c.cleanStart = m_cleanStart->isChecked();
        c.username = m_username->text();
        c.password = m_password->text();
        *bytes = m_builder.connect(c);
        break;
    }
    case Subscribe:
        *bytes = m_builder.subscribe(id, { { topic, qos } });
        break;
    case Unsubscribe:
        *bytes = m_builder.unsubscribe(id, { topic });
        break;
    case Publish:
        *bytes = m_builder.publish(topic, m_payload->toPlainText().toUtf8(), qos, m_retain->isChecked(), id);
        break;
    case PingReq:
        *bytes = MqttPacketBuilder::pingreq();
        break;
    default:
        *bytes = m_builder.disconnect();
        break;
    }
    return true;
}

void MqttForm::retranslate()
{
    const QStringList texts = { tr("&Version:"), tr("P&acket:"), tr("C&lient id:"), tr("&Keep alive (s):"), QString(),
        tr("&Username:"), tr("Pass&word:"), tr("&Topic:"), tr("&QoS:"), QString(), tr("Pa&yload:") };
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels.at(i)->setText(texts.at(i));
    m_retain->setText(tr("Retain"));
    m_version->setToolTip(tr("MQTT 3.1.1 (protocol level 4) or MQTT 5 (level 5, with empty property lists)."));
    m_packet->setToolTip(tr("The control packet to send. Packet ids of SUBSCRIBE, UNSUBSCRIBE and PUBLISH "
                            "with QoS 1 or 2 are numbered per connection."));
    m_topic->setToolTip(tr("PUBLISH: the topic name; SUBSCRIBE and UNSUBSCRIBE: a topic filter (+ and # allowed)."));
    m_qos->setToolTip(tr("Quality of service: 0 at most once, 1 at least once, 2 exactly once."));
    m_payload->setToolTip(tr("Sent as UTF-8 text."));
    updateRows();
}

} // namespace wsi
