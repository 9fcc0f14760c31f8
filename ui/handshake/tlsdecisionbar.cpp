// The buttons shown while a wss connection waits for the user to accept or refuse a certificate.
#include "handshake/tlsdecisionbar.h"

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
    auto *proceed = new QPushButton(tr("Proceed Once"), this);
    proceed->setObjectName(QStringLiteral("tlsProceedButton"));
    proceed->setToolTip(tr("Connect this time despite the certificate errors"));
    auto *trust = new QPushButton(tr("Always Trust This Certificate"), this);
    trust->setObjectName(QStringLiteral("tlsTrustButton"));
    trust->setToolTip(tr("Remember this certificate (by its SHA-256 fingerprint) for this host and connect"));
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("tlsCancelButton"));
    cancel->setToolTip(tr("Do not connect"));
    layout->addWidget(proceed);
    layout->addWidget(trust);
    layout->addWidget(cancel);
    connect(proceed, &QPushButton::clicked, this, [this] { Q_EMIT decided(ProceedOnce); });
    connect(trust, &QPushButton::clicked, this, [this] { Q_EMIT decided(AlwaysTrust); });
    connect(cancel, &QPushButton::clicked, this, [this] { Q_EMIT decided(Cancel); });
}

} // namespace wsi
