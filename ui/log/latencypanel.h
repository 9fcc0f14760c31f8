// LatencyPanel: the Stats tab's latency per method or event: a table of p50/p95/p99 and counts, and its plot.
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace wsi {

class Connection;
class LatencyPlot;
class LatencyStatsModel;

// Shown under the Stats tab's charts once the selected connection has answered requests (pairs found by the
// decoded protocol); hidden otherwise. refresh() recomputes, the Stats tab calls it while it is shown.
class LatencyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyPanel(QWidget *parent = nullptr);
    ~LatencyPanel() override;

    void setConnection(Connection *connection);
    void refresh();

    LatencyStatsModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    LatencyPlot *plot() const { return m_plot; }

Q_SIGNALS:
    // Shown or hidden: the charts above take the space.
    void availabilityChanged(bool hasData);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    LatencyStatsModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QTableView *m_table = nullptr;
    LatencyPlot *m_plot = nullptr;
    bool m_hasData = false;
};

} // namespace wsi
