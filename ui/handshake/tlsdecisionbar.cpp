// The buttons shown while a wss connection waits for the user to accept or refuse a certificate.
#include "handshake/tlsdecisionbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>

namespace wsi {

TlsDecisionBar::TlsDecisionBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tlsDecision"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    auto *proceed = m_proceed = new QPushButton(this);
    proceed->setObjectName(QStringLiteral("tlsProceedButton"));
    auto *trust = m_trust = new QPushButton(this);
    trust->setObjectName(QStringLiteral("tlsTrustButton"));
    auto *cancel = m_cancel = new QPushButton(this);
    cancel->setObjectName(QStringLiteral("tlsCancelButton"));
    retranslateUi();
    layout->addWidget(proceed);
    layout->addWidget(trust);
    layout->addWidget(cancel);
    connect(proceed, &QPushButton::clicked, this, [this] { Q_EMIT decided(ProceedOnce); });
    connect(trust, &QPushButton::clicked, this, [this] { Q_EMIT decided(AlwaysTrust); });
    connect(cancel, &QPushButton::clicked, this, [this] { Q_EMIT decided(Cancel); });
}

void TlsDecisionBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TlsDecisionBar::retranslateUi()
{
    m_proceed->setText(tr("Proceed Once"));
    m_proceed->setToolTip(tr("Connect this time despite the certificate errors"));
    m_trust->setText(tr("Always Trust This Certificate"));
    m_trust->setToolTip(tr("Remember this certificate (by its SHA-256 fingerprint) for this host and connect"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Do not connect"));
}

} // namespace wsi
