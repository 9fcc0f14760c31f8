// The buttons shown while a wss connection waits for the user to accept or refuse a certificate.
#pragma once

#include <QWidget>

class QPushButton;

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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPushButton *m_proceed = nullptr;
    QPushButton *m_trust = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace wsi
