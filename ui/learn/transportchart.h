// TransportChart: the transports compared as bars: requests, bytes (headers and payload), latency p50 and p95.
#pragma once

#include <QWidget>

namespace wsi {

class TransportResultModel;

// Painted with QPainter from a TransportResultModel, like the latency plot: three groups of one bar per
// transport, each group on its own scale (requests; bytes with the headers' share darker than the payload's;
// latency to p50 solid and on to p95 lighter). Transports not measured yet have no bar.
class TransportChart : public QWidget
{
    Q_OBJECT
public:
    explicit TransportChart(TransportResultModel *model, QWidget *parent = nullptr);
    ~TransportChart() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    TransportResultModel *m_model;
};

} // namespace wsi
