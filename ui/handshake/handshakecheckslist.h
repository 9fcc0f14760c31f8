// The RFC 6455 section 4.1 checks of a handshake: one row per check, failed ones tinted.
#pragma once

#include <QTreeWidget>

namespace wsi {

class Connection;

class HandshakeChecksList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit HandshakeChecksList(QWidget *parent = nullptr);

    // Lists the checks of this connection's handshake; empty without a connection.
    void showConnection(const Connection *connection);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
};

} // namespace wsi
