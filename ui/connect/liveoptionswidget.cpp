#include "connect/liveoptionswidget.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

namespace wsi {

namespace {

const ConnectionOptions &defaults()
{
    static const ConnectionOptions options;
    return options;
}

QDoubleSpinBox *secondsSpin(QWidget *parent, const QString &name, double min, double max, double value)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setDecimals(1);
    spin->setSingleStep(0.5);
    spin->setSuffix(QObject::tr(" s"));
    spin->setValue(value);
    spin->setAccelerated(true);
    return spin;
}

int ms(const QDoubleSpinBox *spin)
{
    return int(spin->value() * 1000.0 + 0.5);
}

} // namespace

LiveOptionsWidget::LiveOptionsWidget(QWidget *parent)
    : QGroupBox(tr("Keepalive and reconnect"), parent)
{
    setObjectName(QStringLiteral("liveOptionsGroup"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(8, 4, 8, 4);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    const KeepaliveSettings &k = defaults().keepalive;
    m_keepalive = new QCheckBox(tr("Ping every"), this);
    m_keepalive->setObjectName(QStringLiteral("keepaliveCheck"));
    m_keepalive->setToolTip(tr("Send a ping at this interval while the connection is open; a pong that does not "
                               "come back in time is logged as an error"));
    m_interval = secondsSpin(this, QStringLiteral("keepaliveIntervalSpin"), 0.1, 3600, 30);
    m_timeout = secondsSpin(this, QStringLiteral("keepaliveTimeoutSpin"), 0.1, 600, k.timeoutMs / 1000.0);
    m_timeout->setToolTip(tr("How long to wait for each pong"));
    m_closeOnMiss = new QCheckBox(tr("close when a pong is missed"), this);
    m_closeOnMiss->setObjectName(QStringLiteral("keepaliveCloseCheck"));
    m_closeOnMiss->setToolTip(tr("Close with 1001 (or drop the connection if the close does not complete), so "
                                 "that auto-reconnect brings it back"));
    auto *keepaliveRow = new QHBoxLayout;
    keepaliveRow->setSpacing(6);
    keepaliveRow->addWidget(m_keepalive);
    keepaliveRow->addWidget(m_interval);
    keepaliveRow->addWidget(new QLabel(tr("pong within"), this));
    keepaliveRow->addWidget(m_timeout);
    keepaliveRow->addWidget(m_closeOnMiss);
    keepaliveRow->addStretch(1);
    form->addRow(tr("Keepalive:"), keepaliveRow);

    const ReconnectPolicy::Settings &r = defaults().reconnect;
    m_reconnect = new QCheckBox(tr("Reconnect after"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectCheck"));
    m_reconnect->setToolTip(tr("When the connection fails or drops, open a new one after a wait that doubles with "
                               "every failed attempt (with jitter). Each attempt is its own connection in the "
                               "list. Closing it yourself never reconnects."));
    m_initialDelay = secondsSpin(this, QStringLiteral("reconnectInitialSpin"), 0, 3600, r.initialDelayMs / 1000.0);
    m_initialDelay->setToolTip(tr("The wait before the first attempt"));
    m_maxDelay = secondsSpin(this, QStringLiteral("reconnectMaxSpin"), 0, 3600, r.maxDelayMs / 1000.0);
    m_maxDelay->setToolTip(tr("The longest wait between two attempts"));
    m_maxAttempts = new QSpinBox(this);
    m_maxAttempts->setObjectName(QStringLiteral("reconnectAttemptsSpin"));
    m_maxAttempts->setRange(0, 100000);
    m_maxAttempts->setSpecialValueText(tr("unlimited"));
    m_maxAttempts->setValue(r.maxAttempts);
    m_maxAttempts->setToolTip(tr("Attempts after the last successful open before giving up (0: unlimited)"));
    m_afterClean = new QCheckBox(tr("also after a clean close"), this);
    m_afterClean->setObjectName(QStringLiteral("reconnectAfterCleanCheck"));
    m_afterClean->setToolTip(tr("Without this, a clean close ends it, except for 1001, 1012 and 1013, which ask "
                                "the client to come back"));
    auto *reconnectRow = new QHBoxLayout;
    reconnectRow->setSpacing(6);
    reconnectRow->addWidget(m_reconnect);
    reconnectRow->addWidget(m_initialDelay);
    reconnectRow->addWidget(new QLabel(tr("up to"), this));
    reconnectRow->addWidget(m_maxDelay);
    reconnectRow->addWidget(new QLabel(tr("attempts"), this));
    reconnectRow->addWidget(m_maxAttempts);
    reconnectRow->addWidget(m_afterClean);
    reconnectRow->addStretch(1);
    form->addRow(tr("Reconnect:"), reconnectRow);

    for (QCheckBox *check : { m_keepalive, m_closeOnMiss, m_reconnect, m_afterClean })
        connect(check, &QCheckBox::toggled, this, &LiveOptionsWidget::changed);
    for (QDoubleSpinBox *spin : { m_interval, m_timeout, m_initialDelay, m_maxDelay })
        connect(spin, &QDoubleSpinBox::valueChanged, this, &LiveOptionsWidget::changed);
    connect(m_maxAttempts, &QSpinBox::valueChanged, this, &LiveOptionsWidget::changed);
    connect(this, &LiveOptionsWidget::changed, this, &LiveOptionsWidget::updateEnabled);
    updateEnabled();
}

LiveOptionsWidget::~LiveOptionsWidget() = default;

void LiveOptionsWidget::updateEnabled()
{
    for (QWidget *w : std::initializer_list<QWidget *> { m_interval, m_timeout, m_closeOnMiss })
        w->setEnabled(m_keepalive->isChecked());
    for (QWidget *w : std::initializer_list<QWidget *> { m_initialDelay, m_maxDelay, m_maxAttempts, m_afterClean })
        w->setEnabled(m_reconnect->isChecked());
}

void LiveOptionsWidget::apply(ConnectionOptions *options) const
{
    options->keepalive.intervalMs = m_keepalive->isChecked() ? ms(m_interval) : 0;
    options->keepalive.timeoutMs = ms(m_timeout);
    options->keepalive.closeOnMissedPong = m_closeOnMiss->isChecked();
    options->reconnect.enabled = m_reconnect->isChecked();
    options->reconnect.initialDelayMs = ms(m_initialDelay);
    options->reconnect.maxDelayMs = qMax(ms(m_maxDelay), ms(m_initialDelay));
    options->reconnect.maxAttempts = m_maxAttempts->value();
    options->reconnect.reconnectAfterCleanClose = m_afterClean->isChecked();
}

int LiveOptionsWidget::changedCount() const
{
    return (m_keepalive->isChecked() ? 1 : 0) + (m_reconnect->isChecked() ? 1 : 0);
}

void LiveOptionsWidget::clear()
{
    m_keepalive->setChecked(false);
    m_interval->setValue(30);
    m_timeout->setValue(defaults().keepalive.timeoutMs / 1000.0);
    m_closeOnMiss->setChecked(false);
    m_reconnect->setChecked(false);
    m_initialDelay->setValue(defaults().reconnect.initialDelayMs / 1000.0);
    m_maxDelay->setValue(defaults().reconnect.maxDelayMs / 1000.0);
    m_maxAttempts->setValue(defaults().reconnect.maxAttempts);
    m_afterClean->setChecked(false);
}

QString LiveOptionsWidget::settingsGroup(const QUrl &url)
{
    // The same group per endpoint as the TLS options, so one URL's settings live together.
    return QStringLiteral("endpoints/")
        + QString::fromLatin1(QUrl::toPercentEncoding(url.toString(QUrl::RemoveFragment)));
}

void LiveOptionsWidget::load(const QUrl &url)
{
    QSettings settings;
    settings.beginGroup(settingsGroup(url));
    if (!settings.contains(QStringLiteral("reconnect")))
        return; // never used: keep what the user has set
    m_keepalive->setChecked(settings.value(QStringLiteral("keepalive")).toBool());
    m_interval->setValue(settings.value(QStringLiteral("keepaliveIntervalMs"), 30000).toInt() / 1000.0);
    m_timeout->setValue(settings.value(QStringLiteral("keepaliveTimeoutMs"), 10000).toInt() / 1000.0);
    m_closeOnMiss->setChecked(settings.value(QStringLiteral("keepaliveClose")).toBool());
    m_reconnect->setChecked(settings.value(QStringLiteral("reconnect")).toBool());
    m_initialDelay->setValue(settings.value(QStringLiteral("reconnectInitialMs"), 1000).toInt() / 1000.0);
    m_maxDelay->setValue(settings.value(QStringLiteral("reconnectMaxMs"), 30000).toInt() / 1000.0);
    m_maxAttempts->setValue(settings.value(QStringLiteral("reconnectMaxAttempts"), 10).toInt());
    m_afterClean->setChecked(settings.value(QStringLiteral("reconnectAfterCleanClose")).toBool());
}

void LiveOptionsWidget::save(const QUrl &url) const
{
    QSettings settings;
    settings.beginGroup(settingsGroup(url));
    settings.setValue(QStringLiteral("keepalive"), m_keepalive->isChecked());
    settings.setValue(QStringLiteral("keepaliveIntervalMs"), ms(m_interval));
    settings.setValue(QStringLiteral("keepaliveTimeoutMs"), ms(m_timeout));
    settings.setValue(QStringLiteral("keepaliveClose"), m_closeOnMiss->isChecked());
    settings.setValue(QStringLiteral("reconnect"), m_reconnect->isChecked());
    settings.setValue(QStringLiteral("reconnectInitialMs"), ms(m_initialDelay));
    settings.setValue(QStringLiteral("reconnectMaxMs"), ms(m_maxDelay));
    settings.setValue(QStringLiteral("reconnectMaxAttempts"), m_maxAttempts->value());
    settings.setValue(QStringLiteral("reconnectAfterCleanClose"), m_afterClean->isChecked());
}

} // namespace wsi
