// HandshakeLegPicker: which leg's handshake the handshake view shows, for a proxied connection.
#pragma once

#include "connection/connectionleg.h"

#include <QComboBox>

namespace wsi {

class Connection;
struct HandshakeRecord;

// A proxied connection had two handshakes: the request as the client sent it and the 101 as the client got
// it (client leg), and the request as it went upstream and the 101 as the server sent it (server leg). The
// picker shows only for such a connection and chooses the leg; for every other one it stays hidden and the
// view shows the connection's only handshake.
class HandshakeLegPicker : public QComboBox
{
    Q_OBJECT
public:
    explicit HandshakeLegPicker(QWidget *parent = nullptr);
    ~HandshakeLegPicker() override;

    // Shown for a connection with two legs; a new connection starts on the client leg (what the app saw).
    void showConnection(const Connection *connection);
    ConnectionLeg::Facing facing() const;
    void setFacing(ConnectionLeg::Facing facing);
    // The handshake of the chosen leg, or the connection's own when it has one leg.
    const HandshakeRecord &handshakeOf(const Connection &connection) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
};

} // namespace wsi
