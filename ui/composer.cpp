#include "composer.h"

#include "connection.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wsi {

Composer::Composer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Compose</b>"), this);
    top->addWidget(title);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("composerHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(m_hint, 1);
    layout->addLayout(top);

    auto *row = new QHBoxLayout;
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_edit->setFont(theme::monospaceFont());
    m_edit->setPlaceholderText(tr("Message text; Ctrl+Enter sends it as a text message"));
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    row->addWidget(m_edit, 1);

    auto *buttons = new QVBoxLayout;
    m_send = new QPushButton(theme::icon("send"), tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send the text as a text message (Ctrl+Enter)"));
    m_ping = new QPushButton(theme::icon("ping"), tr("Ping"), this);
    m_ping->setObjectName(QStringLiteral("pingButton"));
    m_ping->setToolTip(tr("Send a Ping frame; the Pong and its round trip appear in the log"));
    buttons->addWidget(m_send);
    buttons->addWidget(m_ping);
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row, 1);

    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    connect(m_ping, &QPushButton::clicked, this, &Composer::ping);
    updateState();
}

Composer::~Composer() = default;

Connection *Composer::connection() const
{
    return m_connection;
}

void Composer::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (connection)
        connect(connection, &Connection::stateChanged, this, &Composer::updateState);
    updateState();
}

bool Composer::canSend() const
{
    return m_connection && m_connection->state() == Connection::State::Open;
}

bool Composer::send()
{
    if (!canSend())
        return false;
    const QString text = m_edit->toPlainText();
    if (!m_connection->sendText(text))
        return false;
    // Keep the text: resending the same message is the common case when probing a server.
    m_edit->selectAll();
    return true;
}

bool Composer::ping()
{
    return canSend() && m_connection->ping();
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::updateState()
{
    const bool open = canSend();
    m_send->setEnabled(open);
    m_ping->setEnabled(open);
    if (!m_connection)
        m_hint->setText(tr("connect first"));
    else if (!open)
        m_hint->setText(m_connection->state() == Connection::State::Connecting
                ? tr("waiting for the connection to open")
                : tr("the connection is no longer open (%1); connect again to send")
                      .arg(Connection::stateText(m_connection->state())));
    else
        m_hint->setText(tr("Ctrl+Enter to send \u00b7 %1").arg(m_connection->url().toString()));
    if (open != m_lastCanSend) {
        m_lastCanSend = open;
        Q_EMIT canSendChanged(open);
    }
}

} // namespace wsi
