#pragma once

#include "store/connectionstats.h"

#include <QPointer>
#include <QWidget>

class QTimer;

namespace wsi {

class Connection;
class LatencyPanel;
class ViewState;

// The "Stats" tab: ping round-trip times (top) and messages per second in and out (bottom) of the selected
// connection over the last minutes, painted with QPainter; below them the latency per method (LatencyPanel). It only
// paints: ConnectionStats collects, fed incrementally a few times a second (never per message), and only while the tab
// is visible.
class ConnectionStatsPlot : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatsPlot(QWidget *parent = nullptr);
    ~ConnectionStatsPlot() override;

    void setConnection(Connection *connection);
    // Follows the window's view state: plots the selected connection.
    void observe(ViewState *state);
    const ConnectionStats &stats() const { return m_stats; }
    // Latency per method or event, under the charts while the connection has answered requests.
    LatencyPanel *latencyPanel() const { return m_latency; }

    int windowSeconds() const { return m_windowSeconds; }
    void setWindowSeconds(int seconds); // 60, 300 or 600
    // Reads the new events now (tests; the timer does it otherwise).
    void refresh();

    // Text painted when there is nothing to plot (empty when there is data).
    QString rttEmptyText() const;
    QString rateEmptyText() const;
    // permessage-deflate: the negotiated parameters and each direction's wire bytes per inflated byte, painted
    // above the charts; empty when the connection did not negotiate it.
    QString compressionText() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    struct Series
    {
        QString label;
        QColor color;
        QList<QPointF> points; // x: seconds before now (negative), y: value
    };
    void paintChart(QPainter &painter, const QRectF &area, const QString &title, const QString &unit,
        const QList<Series> &series, const QString &emptyText, bool dots);
    qint64 nowUs() const;
    QColor seriesColor(int which) const;

    QPointer<Connection> m_connection;
    ConnectionStats m_stats;
    QTimer *m_timer = nullptr;
    LatencyPanel *m_latency = nullptr;
    bool m_dirty = false;
    int m_windowSeconds = 60; // the last minute: live traffic is readable, not squeezed against "now"
};

} // namespace wsi
