// The Sec-WebSocket-Accept computation of a handshake, step by step, with its verdict.
#pragma once

#include <QLabel>

namespace wsi {

class Connection;

class AcceptComputationLabel : public QLabel
{
    Q_OBJECT
public:
    explicit AcceptComputationLabel(QWidget *parent = nullptr);

    // Key, GUID, SHA-1, expected and received values; or why there is nothing to check yet.
    void showConnection(const Connection *connection);
};

} // namespace wsi
