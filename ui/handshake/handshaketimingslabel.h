// The timings of a connection's opening: DNS, TCP, TLS, upgrade and total.
#pragma once

#include <QLabel>

namespace wsi {

class Connection;

class HandshakeTimingsLabel : public QLabel
{
    Q_OBJECT
public:
    explicit HandshakeTimingsLabel(QWidget *parent = nullptr);

    void showConnection(const Connection *connection);
};

} // namespace wsi
