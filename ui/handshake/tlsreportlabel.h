// The TLS session with the real server of a wss connection: verdict, cipher and the certificate chain.
#pragma once

#include <QLabel>

namespace wsi {

class Connection;

class TlsReportLabel : public QLabel
{
    Q_OBJECT
public:
    explicit TlsReportLabel(QWidget *parent = nullptr);

    // For a wss connection only; the view hides the pane for ws.
    void showConnection(const Connection &connection);
};

} // namespace wsi
