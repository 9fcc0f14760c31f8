// ViewState: what every panel of the window shows alike (the selected connection, reveal secrets, colour scheme).
#include "common/viewstate.h"

#include "connection/connection.h"

namespace wsi {

ViewState::ViewState(QObject *parent)
    : QObject(parent)
    , m_colorScheme(ColorScheme::current())
{ }

ViewState::~ViewState() = default;

Connection *ViewState::currentConnection() const
{
    return m_current;
}

void ViewState::setCurrentConnection(Connection *connection)
{
    if (m_current == connection)
        return;
    Connection *previous = m_current;
    if (previous)
        disconnect(previous, &QObject::destroyed, this, &ViewState::onCurrentDestroyed);
    m_current = connection;
    // A connection deleted while selected must not leave observers holding it: they hear of it as a change.
    if (connection)
        connect(connection, &QObject::destroyed, this, &ViewState::onCurrentDestroyed);
    Q_EMIT currentConnectionChanged(connection, previous);
}

void ViewState::onCurrentDestroyed()
{
    // The QPointer is already null; the destroyed object is no one's to touch, so previous is null too.
    m_current = nullptr;
    Q_EMIT currentConnectionChanged(nullptr, nullptr);
}

void ViewState::setRevealSecrets(bool reveal)
{
    if (m_revealSecrets == reveal)
        return;
    m_revealSecrets = reveal;
    Q_EMIT revealSecretsChanged(reveal);
}

void ViewState::setColorScheme(ColorScheme::Scheme scheme)
{
    if (m_colorScheme == scheme)
        return;
    m_colorScheme = scheme;
    Q_EMIT colorSchemeChanged(scheme);
}

} // namespace wsi
