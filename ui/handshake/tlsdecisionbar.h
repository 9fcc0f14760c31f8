// The buttons shown while a wss connection waits for the user to accept or refuse a certificate.
#pragma once

#include <QWidget>

namespace wsi {

class TlsDecisionBar : public QWidget
{
    Q_OBJECT
public:
    enum Choice { ProceedOnce, AlwaysTrust, Cancel };
    Q_ENUM(Choice)

    explicit TlsDecisionBar(QWidget *parent = nullptr);

Q_SIGNALS:
    void decided(wsi::TlsDecisionBar::Choice choice);
};

} // namespace wsi
