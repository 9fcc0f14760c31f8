// LatencyPlot: one horizontal bar per method or event: p50, the spread to p95, and a mark at p99.
#pragma once

#include <QWidget>

namespace wsi {

class LatencyStatsModel;

// Painted with QPainter from a LatencyStatsModel (its rows, sorted by label), on the palette's base and
// text colours so that it reads in dark and light schemes. A solid bar to p50, a lighter one on to p95, a
// tick at p99; the axis is shared by all rows, so methods compare at a glance.
class LatencyPlot : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyPlot(LatencyStatsModel *model, QWidget *parent = nullptr);
    ~LatencyPlot() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    LatencyStatsModel *m_model;
};

} // namespace wsi
