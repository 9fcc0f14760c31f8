#pragma once

#include "connection/reconnectcontroller.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class QTimer;

namespace wsi {

// The countdown above the log for the selected endpoint: "Reconnecting in 3.2 s (attempt 2 of 10)" with
// Reconnect now and Stop, refreshed a few times a second. Hidden while there is nothing to wait for.
class ReconnectStrip : public QFrame
{
    Q_OBJECT
public:
    explicit ReconnectStrip(QWidget *parent = nullptr);
    ~ReconnectStrip() override;

    void setController(ReconnectController *controller);
    ReconnectController *controller() const { return m_controller; }
    QString text() const;
    QPushButton *reconnectNowButton() const { return m_now; }
    QPushButton *stopButton() const { return m_stop; }

private:
    void refresh();

    QPointer<ReconnectController> m_controller;
    QLabel *m_label;
    QPushButton *m_now;
    QPushButton *m_stop;
    QTimer *m_tick;
};

} // namespace wsi
