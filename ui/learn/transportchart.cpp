// TransportChart: the transports compared as bars: requests, bytes (headers and payload), latency p50 and p95.
#include "learn/transportchart.h"

#include "learn/transportresultmodel.h"

#include <QLocale>
#include <QPainter>

#include <functional>

namespace wsi {

namespace {

// One bar's parts: a solid first part and a lighter second part after it.
struct Bar
{
    double first = 0;
    double second = 0;
};

} // namespace

TransportChart::TransportChart(TransportResultModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("transportChart"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    const auto repaint = [this] { update(); };
    connect(m_model, &QAbstractItemModel::modelReset, this, repaint);
    connect(m_model, &QAbstractItemModel::dataChanged, this, repaint);
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, repaint);
}

TransportChart::~TransportChart() = default;

QSize TransportChart::sizeHint() const
{
    return { 520, 15 * (fontMetrics().height() + 6) + 12 };
}

QSize TransportChart::minimumSizeHint() const
{
    return { 280, 15 * (fontMetrics().height() + 2) };
}

void TransportChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &p = palette();
    const QFontMetrics fm(font());
    const QColor text = p.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);
    const QColor solid = p.color(QPalette::Highlight);
    QColor light = solid;
    light.setAlphaF(0.4f);

    const int rows = m_model->rowCount();
    const int lineHeight = qMax(fm.height() + 4, (height() - 12) / 15);
    int labelWidth = 0;
    for (int row = 0; row < rows; ++row)
        labelWidth = qMax(labelWidth, fm.horizontalAdvance(TransportResultModel::title(allTransportKinds().at(row))));
    labelWidth += 12;
    const QLocale locale;

    const auto group = [&](int top, const QString &title, const std::function<Bar(const TransportResult &)> &barOf,
                           const std::function<QString(const TransportResult &)> &valueOf) {
        painter.setPen(text);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRect(6, top, width() - 12, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
        painter.setFont(font());
        double maximum = 0;
        for (int row = 0; row < rows; ++row) {
            if (const auto result = m_model->result(row)) {
                const Bar bar = barOf(*result);
                maximum = qMax(maximum, bar.first + bar.second);
            }
        }
        for (int row = 0; row < rows; ++row) {
            const int y = top + (row + 1) * lineHeight;
            painter.setPen(dim);
            painter.drawText(QRect(12, y, labelWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                TransportResultModel::title(allTransportKinds().at(row)));
            const auto result = m_model->result(row);
            if (!result)
                continue;
            const QString value = valueOf(*result);
            const int valueWidth = fm.horizontalAdvance(value) + 8;
            const double span = qMax(0, width() - labelWidth - 24 - valueWidth);
            const Bar bar = barOf(*result);
            const double scale = maximum > 0 ? span / maximum : 0;
            const QRectF first(12 + labelWidth, y + 3, bar.first * scale, lineHeight - 6);
            const QRectF second(first.right(), y + 3, bar.second * scale, lineHeight - 6);
            painter.fillRect(first, solid);
            painter.fillRect(second, light);
            painter.setPen(text);
            painter.drawText(
                QRectF(second.right() + 6, y, valueWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, value);
        }
    };

    const int groupHeight = (rows + 1) * lineHeight;
    group(
        4, tr("HTTP requests (TCP connections)"),
        [](const TransportResult &r) {
            return Bar { double(r.tally.requests), 0 };
        },
        [&](const TransportResult &r) {
            return tr("%1 (%2)").arg(locale.toString(r.tally.requests), locale.toString(r.tally.connections));
        });
    group(
        4 + groupHeight, tr("Bytes on the wire: headers (solid), payload (light)"),
        [](const TransportResult &r) {
            return Bar { double(r.tally.headerBytes), double(r.tally.payloadBytes) };
        },
        [&](const TransportResult &r) {
            return tr("%1 + %2 B").arg(locale.toString(r.tally.headerBytes), locale.toString(r.tally.payloadBytes));
        });
    group(
        4 + 2 * groupHeight, tr("Delivery latency: p50 (solid), p95 (light)"),
        [](const TransportResult &r) {
            return Bar { r.latencyP50Ms, qMax(0.0, r.latencyP95Ms - r.latencyP50Ms) };
        },
        [&](const TransportResult &r) {
            return tr("%1 / %2 ms")
                .arg(locale.toString(r.latencyP50Ms, 'f', 1), locale.toString(r.latencyP95Ms, 'f', 1));
        });
}

} // namespace wsi
