// SocketIoForm: the composer's Socket.IO form.
#include "compose/socketioform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace wsi {

SocketIoForm::SocketIoForm(QWidget *parent)
    : ProtocolForm(QStringLiteral("socketio"), parent)
    , m_packet(new QComboBox(this))
    , m_namespace(new QLineEdit(QStringLiteral("/"), this))
    , m_event(new QLineEdit(this))
    , m_ack(new QCheckBox(this))
{
    m_packet->addItems({ QStringLiteral("EVENT"), QStringLiteral("CONNECT"), QStringLiteral("DISCONNECT") });
    m_labels = { addRow(m_packet, "socketIoPacket"), addRow(m_namespace, "socketIoNamespace"),
        addRow(m_event, "socketIoEvent") };
    QLabel *argsLabel = nullptr;
    m_args = addTextRow("socketIoArgs", 3, &argsLabel);
    m_labels.append(argsLabel);
    m_labels.append(addRow(m_ack, "socketIoAck"));
    connect(m_packet, &QComboBox::currentIndexChanged, this, &SocketIoForm::updateRows);
    retranslate();
}

void SocketIoForm::updateRows()
{
    const bool event = m_packet->currentIndex() == 0;
    setRowShown(m_event, event);
    setRowShown(m_args, event);
    setRowShown(m_ack, event);
}

bool SocketIoForm::build(bool advance, QByteArray *bytes, QString *error)
{
    const QString ns = m_namespace->text();
    if (m_packet->currentIndex() == 1) {
        *bytes = SocketIoEncoder::connectPacket(ns);
        return true;
    }
    if (m_packet->currentIndex() == 2) {
        *bytes = SocketIoEncoder::disconnectPacket(ns);
        return true;
    }
    if (m_event->text().trimmed().isEmpty()) {
        *error = tr("Enter the event name.");
        return false;
    }
    // One JSON value per line: each line is one argument of the event.
    QJsonArray args;
    const QStringList lines = m_args->toPlainText().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QJsonValue value;
        if (!parseJson(lines.at(i), &value, error, tr("Argument line %1").arg(i + 1)))
            return false;
        if (!value.isUndefined())
            args.append(value);
    }
    int ackId = -1;
    if (m_ack->isChecked())
        ackId = advance ? m_encoder.ackIds().take() : m_encoder.ackIds().peek();
    *bytes = SocketIoEncoder::emitPacket(ns, m_event->text().trimmed(), args, ackId);
    return true;
}

void SocketIoForm::retranslate()
{
    const QStringList texts = { tr("&Packet:"), tr("&Namespace:"), tr("&Event:"), tr("&Arguments:"), QString() };
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels.at(i)->setText(texts.at(i));
    m_ack->setText(tr("Ask for an ac&knowledgement (numbered ack id)"));
    m_namespace->setToolTip(tr("\"/\" is the main namespace; others, like /admin, must be connected first."));
    m_args->setPlaceholderText(tr("One JSON value per line, e.g. {\"text\": \"hi\"}"));
    m_args->setToolTip(tr("Each line is one argument of the event, in order."));
    m_packet->setToolTip(tr("Sent over Engine.IO 4 as a message packet (\"4\" then the Socket.IO packet)."));
    updateRows();
}

} // namespace wsi
