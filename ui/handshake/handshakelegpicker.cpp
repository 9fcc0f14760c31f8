// HandshakeLegPicker: which leg's handshake the handshake view shows, for a proxied connection.
#include "handshake/handshakelegpicker.h"

#include "connection/connection.h"

#include <QEvent>

namespace wsi {

HandshakeLegPicker::HandshakeLegPicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("handshakeLegCombo"));
    addItem(QString(), int(ConnectionLeg::Facing::Client));
    addItem(QString(), int(ConnectionLeg::Facing::Server));
    hide();
    retranslate();
}

HandshakeLegPicker::~HandshakeLegPicker() = default;

void HandshakeLegPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

void HandshakeLegPicker::retranslate()
{
    setItemText(0, tr("Client leg: as the client sent it and got the answer"));
    setItemText(1, tr("Server leg: as it went upstream and the server answered"));
    setToolTip(tr("A proxied connection has two handshakes, one per leg; the proxy rewrites the Host header "
                  "unless told to keep it"));
}

void HandshakeLegPicker::showConnection(const Connection *connection)
{
    const bool twoLegs = connection && connection->hasTwoLegs();
    setVisible(twoLegs);
    setCurrentIndex(0);
}

ConnectionLeg::Facing HandshakeLegPicker::facing() const
{
    return ConnectionLeg::Facing(currentData().toInt());
}

void HandshakeLegPicker::setFacing(ConnectionLeg::Facing facing)
{
    setCurrentIndex(qMax(0, findData(int(facing))));
}

const HandshakeRecord &HandshakeLegPicker::handshakeOf(const Connection &connection) const
{
    const ConnectionLeg *leg = connection.hasTwoLegs() ? connection.leg(facing()) : nullptr;
    return leg ? leg->handshake : connection.handshake();
}

} // namespace wsi
