// ViewState: what every panel of the window shows alike (the selected connection, reveal secrets, colour scheme).
#pragma once

#include "common/colorscheme.h"

#include <QObject>
#include <QPointer>

namespace wsi {

class Connection;

// The one place the window keeps what its panels have in common. The window sets it (selection, View menu);
// each panel observes it when it is created, so a new panel needs no line in a list of the window's.
// Signals fire only on a real change, so an observer may do costly work (rebuild a view) in its slot.
class ViewState : public QObject
{
    Q_OBJECT
    // The signals' Connection* gets a complete meta type (signal spies, queued connections) without every
    // includer paying for connection.h.
    Q_MOC_INCLUDE("connection/connection.h")
public:
    // Starts with no connection, secrets masked, and the scheme the application shows now.
    explicit ViewState(QObject *parent = nullptr);
    ~ViewState() override;

    Connection *currentConnection() const;
    bool revealSecrets() const { return m_revealSecrets; }
    ColorScheme::Scheme colorScheme() const { return m_colorScheme; }

    void setCurrentConnection(Connection *connection);
    void setRevealSecrets(bool reveal);
    void setColorScheme(ColorScheme::Scheme scheme);

Q_SIGNALS:
    // previous is null when it was deleted; a deleted current connection reports a change to null.
    void currentConnectionChanged(wsi::Connection *current, wsi::Connection *previous);
    void revealSecretsChanged(bool reveal);
    void colorSchemeChanged(wsi::ColorScheme::Scheme scheme);

private:
    void onCurrentDestroyed();

    QPointer<Connection> m_current;
    bool m_revealSecrets = false;
    ColorScheme::Scheme m_colorScheme;
};

} // namespace wsi
