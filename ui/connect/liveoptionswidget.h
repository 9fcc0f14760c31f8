#pragma once

#include "endpoints/connectionoptions.h"

#include <QGroupBox>

class QCheckBox;
class QSpinBox;
class QDoubleSpinBox;

namespace wsi {

// The "keep it alive" part of the connect options: a keepalive ping with its timeout (and whether a missed
// pong closes the connection), and auto-reconnect with backoff. Off by default; remembered per endpoint URL
// next to the TLS options.
class LiveOptionsWidget : public QGroupBox
{
    Q_OBJECT
public:
    explicit LiveOptionsWidget(QWidget *parent = nullptr);
    ~LiveOptionsWidget() override;

    void apply(ConnectionOptions *options) const;
    // How many settings differ from the defaults (for the Options button's count).
    int changedCount() const;
    void clear();
    void load(const QUrl &url);
    void save(const QUrl &url) const;

    QCheckBox *keepaliveCheck() const { return m_keepalive; }
    QCheckBox *reconnectCheck() const { return m_reconnect; }
    QDoubleSpinBox *initialDelaySpin() const { return m_initialDelay; }
    QSpinBox *maxAttemptsSpin() const { return m_maxAttempts; }

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();
    static QString settingsGroup(const QUrl &url);

    QCheckBox *m_keepalive = nullptr;
    QDoubleSpinBox *m_interval = nullptr;
    QDoubleSpinBox *m_timeout = nullptr;
    QCheckBox *m_closeOnMiss = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QDoubleSpinBox *m_initialDelay = nullptr;
    QDoubleSpinBox *m_maxDelay = nullptr;
    QSpinBox *m_maxAttempts = nullptr;
    QCheckBox *m_afterClean = nullptr;
};

} // namespace wsi
