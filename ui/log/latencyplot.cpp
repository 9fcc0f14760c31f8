// LatencyPlot: one horizontal bar per method or event: p50, the spread to p95, and a mark at p99.
#include "log/latencyplot.h"

#include "common/theme.h"
#include "models/latencystatsmodel.h"

#include <QPainter>

#include <cmath>

namespace wsi {

namespace {
// 1, 2, 5, 10, 20, 50...: an axis maximum that reads well.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : { 1.0, 2.0, 5.0, 10.0 }) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

LatencyPlot::LatencyPlot(LatencyStatsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("latencyPlot"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    const auto repaint = [this] { update(); };
    connect(m_model, &QAbstractItemModel::modelReset, this, repaint);
    connect(m_model, &QAbstractItemModel::dataChanged, this, repaint);
}

LatencyPlot::~LatencyPlot() = default;

QSize LatencyPlot::sizeHint() const
{
    return { 360, 160 };
}

QSize LatencyPlot::minimumSizeHint() const
{
    return { 200, 80 };
}

void LatencyPlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &p = palette();
    const QFontMetricsF fm(font());
    QColor dim = p.color(QPalette::Text);
    dim.setAlphaF(0.65f);
    QColor grid = p.color(QPalette::Text);
    grid.setAlphaF(0.12f);
    const std::vector<LatencyStatsModel::Stats> &stats = m_model->stats();
    const QRectF area = QRectF(rect()).adjusted(8, 6, -12, -6);
    if (stats.empty()) {
        painter.setPen(p.color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("No replies yet"));
        return;
    }

    double maxMs = 0;
    double labelWidth = 0;
    for (const LatencyStatsModel::Stats &s : stats) {
        maxMs = qMax(maxMs, double(s.p99) / 1000.0);
        labelWidth = qMax(labelWidth, fm.horizontalAdvance(s.label));
    }
    maxMs = niceCeiling(maxMs * 1.05);
    labelWidth = qMin(labelWidth + 8, area.width() / 3);
    // Legend on top, the axis labels below, the bars between.
    const double lineHeight = fm.height();
    const QColor bar = theme::toneForeground(theme::Tone::Info, p);
    QColor spread = bar;
    spread.setAlphaF(0.35f);
    const QColor tick = theme::toneForeground(theme::Tone::Warning, p);
    double x = area.left() + labelWidth;
    const auto legend = [&](const QColor &color, const QString &text) {
        painter.fillRect(QRectF(x, area.top() + lineHeight / 2 - 4, 14, 8), color);
        painter.setPen(dim);
        const double w = fm.horizontalAdvance(text) + 4;
        painter.drawText(
            QRectF(x + 18, area.top(), w, lineHeight), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, text);
        x += 18 + w + 12;
    };
    legend(bar, tr("p50"));
    legend(spread, tr("to p95"));
    legend(tick, tr("p99"));

    // Rows at most 1.8 lines high, the axis right under the last one: a few methods are not spread thin.
    const double room = area.height() - 2 * lineHeight - 10;
    const double rowHeight = qMin(room / double(stats.size()), lineHeight * 1.8);
    const QRectF plot(area.left() + labelWidth, area.top() + lineHeight + 6, area.width() - labelWidth,
        rowHeight * double(stats.size()));
    if (plot.width() < 20 || plot.height() < 10)
        return;
    painter.setPen(QPen(grid, 1));
    for (int i = 0; i <= 4; ++i) {
        const double gx = plot.left() + plot.width() * i / 4;
        painter.drawLine(QPointF(gx, plot.top()), QPointF(gx, plot.bottom()));
    }
    painter.setPen(dim);
    for (int i = 0; i <= 4; ++i) {
        const double gx = plot.left() + plot.width() * i / 4;
        const QString text = i == 4 ? tr("%1 ms").arg(maxMs * i / 4) : QString::number(maxMs * i / 4);
        const double w = fm.horizontalAdvance(text) + 4;
        const double left = i == 0 ? gx : i == 4 ? gx - w : gx - w / 2;
        painter.drawText(
            QRectF(left, plot.bottom() + 2, w, lineHeight), Qt::AlignHCenter | Qt::AlignTop | Qt::TextDontClip, text);
    }

    const double barHeight = qMax(3.0, rowHeight * 0.6);
    const auto xOf = [&](qint64 us) { return plot.left() + plot.width() * (double(us) / 1000.0) / maxMs; };
    for (size_t i = 0; i < stats.size(); ++i) {
        const LatencyStatsModel::Stats &s = stats[i];
        const double top = plot.top() + rowHeight * double(i);
        const double y = top + (rowHeight - barHeight) / 2;
        if (rowHeight >= lineHeight * 0.8) {
            painter.setPen(p.color(QPalette::Text));
            painter.drawText(QRectF(area.left(), top, labelWidth - 8, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                fm.elidedText(s.label, Qt::ElideRight, labelWidth - 8));
        }
        painter.fillRect(QRectF(plot.left(), y, xOf(s.p95) - plot.left(), barHeight), spread);
        painter.fillRect(QRectF(plot.left(), y, qMax(1.0, xOf(s.p50) - plot.left()), barHeight), bar);
        painter.setPen(QPen(tick, 2));
        painter.drawLine(QPointF(xOf(s.p99), y - 2), QPointF(xOf(s.p99), y + barHeight + 2));
    }
}

} // namespace wsi
