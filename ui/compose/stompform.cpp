// StompForm: the composer's STOMP 1.2 form.
#include "compose/stompform.h"

#include "compose/stompframebuilder.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace wsi {

StompForm::StompForm(QWidget *parent)
    : ProtocolForm(QStringLiteral("stomp"), parent)
    , m_command(new QComboBox(this))
    , m_destination(new QLineEdit(QStringLiteral("/queue/test"), this))
    , m_id(new QLineEdit(QStringLiteral("sub-0"), this))
    , m_ackMode(new QComboBox(this))
    , m_host(new QLineEdit(QStringLiteral("localhost"), this))
    , m_login(new QLineEdit(this))
    , m_passcode(new QLineEdit(this))
    , m_contentType(new QLineEdit(QStringLiteral("text/plain"), this))
{
    m_command->addItems({ QStringLiteral("SEND"), QStringLiteral("SUBSCRIBE"), QStringLiteral("UNSUBSCRIBE"),
        QStringLiteral("ACK"), QStringLiteral("NACK"), QStringLiteral("CONNECT"), QStringLiteral("DISCONNECT") });
    m_ackMode->addItems({ QStringLiteral("auto"), QStringLiteral("client"), QStringLiteral("client-individual") });
    m_passcode->setEchoMode(QLineEdit::Password); // not remembered in the settings
    m_labels = { addRow(m_command, "stompCommand"), addRow(m_destination, "stompDestination"), addRow(m_id, "stompId"),
        addRow(m_ackMode, "stompAckMode"), addRow(m_host, "stompHost"), addRow(m_login, "stompLogin"),
        addRow(m_passcode, "stompPasscode"), addRow(m_contentType, "stompContentType") };
    QLabel *label = nullptr;
    m_headers = addTextRow("stompHeaders", 2, &label);
    m_labels.append(label);
    m_body = addTextRow("stompBody", 3, &label);
    m_labels.append(label);
    connect(m_command, &QComboBox::currentIndexChanged, this, &StompForm::updateRows);
    retranslate();
}

void StompForm::updateRows()
{
    const int c = m_command->currentIndex();
    setRowShown(m_destination, c == Send || c == Subscribe);
    setRowShown(m_id, c == Subscribe || c == Unsubscribe || c == Ack || c == Nack);
    setRowShown(m_ackMode, c == Subscribe);
    setRowShown(m_host, c == Connect);
    setRowShown(m_login, c == Connect);
    setRowShown(m_passcode, c == Connect);
    setRowShown(m_contentType, c == Send);
    setRowShown(m_body, c == Send);
}

bool StompForm::build(bool advance, QByteArray *bytes, QString *error)
{
    Q_UNUSED(advance)
    const int c = m_command->currentIndex();
    StompFrameBuilder::Headers extra;
    const QStringList lines = m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            *error = tr("Each extra header is a line \"name:value\"; \"%1\" is not.").arg(line);
            return false;
        }
        extra.append({ line.left(colon).trimmed(), line.mid(colon + 1) });
    }
    if ((c == Send || c == Subscribe) && m_destination->text().trimmed().isEmpty()) {
        *error = tr("Enter the destination.");
        return false;
    }
    if ((c == Subscribe || c == Unsubscribe || c == Ack || c == Nack) && m_id->text().trimmed().isEmpty()) {
        *error = c == Ack || c == Nack ? tr("Enter the id of the message to acknowledge (its ack header).")
                                       : tr("Enter the subscription id.");
        return false;
    }
    const QString destination = m_destination->text().trimmed();
    const QString id = m_id->text().trimmed();
    StompFrameBuilder::Headers headers;
    QByteArray body;
    QString command = m_command->currentText();
    switch (c) {
    case Send:
        headers = { { QStringLiteral("destination"), destination } };
        if (!m_contentType->text().trimmed().isEmpty())
            headers.append({ QStringLiteral("content-type"), m_contentType->text().trimmed() });
        body = m_body->toPlainText().toUtf8();
        break;
    case Subscribe:
        headers = { { QStringLiteral("id"), id }, { QStringLiteral("destination"), destination },
            { QStringLiteral("ack"), m_ackMode->currentText() } };
        break;
    case Connect:
        headers = { { QStringLiteral("accept-version"), QStringLiteral("1.2,1.1,1.0") },
            { QStringLiteral("host"), m_host->text().trimmed() } };
        if (!m_login->text().isEmpty())
            headers.append({ QStringLiteral("login"), m_login->text() });
        if (!m_passcode->text().isEmpty())
            headers.append({ QStringLiteral("passcode"), m_passcode->text() });
        break;
    case Disconnect:
        break;
    default:
        headers = { { QStringLiteral("id"), id } };
        break;
    }
    headers.append(extra);
    *bytes = StompFrameBuilder::frame(command, headers, body);
    return true;
}

void StompForm::retranslate()
{
    const QStringList texts = { tr("&Command:"), tr("&Destination:"), tr("&Id:"), tr("&Ack mode:"), tr("&Host:"),
        tr("&Login:"), tr("Pass&code:"), tr("Content &type:"), tr("E&xtra headers:"), tr("&Body:") };
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels.at(i)->setText(texts.at(i));
    m_id->setToolTip(tr("SUBSCRIBE and UNSUBSCRIBE: the subscription id; ACK and NACK: the ack header of the "
                        "MESSAGE being acknowledged."));
    m_headers->setPlaceholderText(tr("name:value, one per line (receipt:r1...)"));
    m_headers->setToolTip(tr("Escaped as STOMP 1.2 says (\\n, \\r, \\c, \\\\), except in CONNECT."));
    m_body->setToolTip(tr("Sent as UTF-8 with a content-length header, then the NUL that ends the frame."));
    updateRows();
}

} // namespace wsi
