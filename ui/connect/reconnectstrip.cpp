#include "connect/reconnectstrip.h"

#include "common/theme.h"
#include "connection/connection.h"
#include "connection/reconnectcontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace wsi {

namespace {
constexpr int kTickMs = 100; // tenths of a second in the text: ten repaints a second, only while counting down
}

ReconnectStrip::ReconnectStrip(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_now(new QPushButton(tr("Reconnect now"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("reconnectStrip"));
    m_label->setObjectName(QStringLiteral("reconnectCountdownLabel"));
    m_now->setObjectName(QStringLiteral("reconnectNowButton"));
    m_now->setToolTip(tr("Open the next attempt at once instead of waiting"));
    m_stop->setObjectName(QStringLiteral("reconnectStopButton"));
    m_stop->setToolTip(tr("Stop reconnecting this endpoint"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 8, 3);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_now);
    layout->addWidget(m_stop);
    setStyleSheet(theme::bannerStyleSheet(theme::Tone::Info, palette()));
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &ReconnectStrip::refresh);
    connect(m_now, &QPushButton::clicked, this, [this] {
        if (m_controller)
            m_controller->reconnectNow();
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_controller)
            m_controller->stop();
    });
    hide();
}

ReconnectStrip::~ReconnectStrip() = default;

void ReconnectStrip::setController(ReconnectController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    if (controller) {
        connect(controller, &ReconnectController::phaseChanged, this, &ReconnectStrip::refresh);
        connect(controller, &ReconnectController::countdownChanged, this, &ReconnectStrip::refresh);
    }
    refresh();
}

QString ReconnectStrip::text() const
{
    return m_label->text();
}

void ReconnectStrip::refresh()
{
    const ReconnectController *c = m_controller;
    const bool waiting = c && c->phase() == ReconnectController::Phase::Waiting;
    // A retry under way (not the first try) is shown too, so Stop stays at hand while it connects.
    const bool retrying = c && c->phase() == ReconnectController::Phase::Watching && c->nextAttempt() > 0
        && c->current() && c->current()->state() == Connection::State::Connecting;
    const bool gaveUp = c && c->phase() == ReconnectController::Phase::GaveUp;
    setVisible(waiting || retrying || gaveUp);
    if (!c) {
        m_tick->stop();
        return;
    }
    m_label->setText(c->countdownText());
    m_now->setVisible(waiting);
    m_stop->setVisible(waiting || retrying);
    if (waiting && !m_tick->isActive())
        m_tick->start();
    else if (!waiting && !retrying)
        m_tick->stop();
}

} // namespace wsi
