// The timings of a connection's opening: socket start, DNS, TCP, TLS, upgrade, the local tap's share, their total.
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
    // The parts as shown, name and value ("DNS" -> "0.12 ms"), in order, the total last.
    QList<QPair<QString, QString>> shownParts() const { return m_shown; }

private:
    QList<QPair<QString, QString>> m_shown;
};

} // namespace wsi
