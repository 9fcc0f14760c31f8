// ProxyInjectRow: the composer's choice of leg when the selected connection is one the proxy relays.
#include "compose/proxyinjectrow.h"

#include "connection/connection.h"
#include "proxy/proxyruleset.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace wsi {

ProxyInjectRow::ProxyInjectRow(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("composerInjectRow"));
    m_combo->setObjectName(QStringLiteral("composerInjectCombo"));
    m_combo->addItem(QString(), int(FrameHook::Toward::Server));
    m_combo->addItem(QString(), int(FrameHook::Toward::Client));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_combo, 1);
    retranslate();
}

void ProxyInjectRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ProxyInjectRow::retranslate()
{
    m_label->setText(tr("Inject:"));
    m_combo->setItemText(0, tr("to the server (as the client)"));
    m_combo->setItemText(1, tr("to the client (as the server)"));
    m_combo->setToolTip(tr("This connection is relayed by the proxy: Send puts the message into one of its legs, "
                           "marked \"injected\" in the log"));
}

bool ProxyInjectRow::isProxied(const Connection *connection)
{
    return connection && connection->kind() == Connection::Kind::Proxied;
}

bool ProxyInjectRow::canInject(Connection *connection) const
{
    // Open is what the composer can follow (stateChanged); inject() still checks that the relay runs.
    return m_rules && isProxied(connection) && connection->state() == Connection::State::Open;
}

FrameHook::Toward ProxyInjectRow::toward() const
{
    return FrameHook::Toward(m_combo->currentData().toInt());
}

void ProxyInjectRow::setToward(FrameHook::Toward toward)
{
    m_combo->setCurrentIndex(m_combo->findData(int(toward)));
}

bool ProxyInjectRow::inject(Connection *connection, bool text, const QByteArray &payload, QString *error)
{
    if (canInject(connection) && m_rules->inject(connection, toward(), text, payload))
        return true;
    if (error)
        *error = blockedReason(connection);
    return false;
}

QString ProxyInjectRow::blockedReason(Connection *connection) const
{
    if (!isProxied(connection) || canInject(connection))
        return {};
    if (!m_rules)
        return tr("Messages cannot be injected into this proxied connection here.");
    return tr("The proxy no longer relays this connection: nothing can be injected into it.");
}

} // namespace wsi
