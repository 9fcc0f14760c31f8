// The banner above a handshake: a certificate decision, a refused upgrade, a failure or encryption.
#pragma once

#include <QLabel>

namespace wsi {

class Connection;

class HandshakeBanner : public QLabel
{
    Q_OBJECT
public:
    explicit HandshakeBanner(QWidget *parent = nullptr);

    // tone is a theme::Tone; an empty html hides the banner.
    void showMessage(int tone, const QString &html);
    // The most pressing thing about this connection's handshake, or nothing. shownUrl has its secrets masked
    // unless they are revealed.
    void showConnection(const Connection &connection, const QString &shownUrl);
};

} // namespace wsi
