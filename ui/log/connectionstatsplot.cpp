#include "log/connectionstatsplot.h"

#include "common/theme.h"
#include "common/viewstate.h"
#include "connection/connection.h"
#include "log/latencypanel.h"
#include "store/wallclock.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QVBoxLayout>

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

QString number(double value)
{
    return value >= 10 || value == std::floor(value) ? QString::number(value, 'f', 0) : QString::number(value, 'g', 2);
}

} // namespace

ConnectionStatsPlot::ConnectionStatsPlot(QWidget *parent)
    : QWidget(parent)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionStatsPlot"));
    setMinimumSize(320, 240);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    retranslateUi();
    // The charts are painted in the space the layout leaves above the latency panel.
    m_latency = new LatencyPanel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(3);
    layout->addWidget(m_latency, 2);
    // Laid out at once (not at the next event loop pass), so the charts are never painted under the panel.
    connect(m_latency, &LatencyPanel::availabilityChanged, this, [this, layout] {
        layout->activate();
        update();
    });
    // Once a second: new events are read, and the time axis moves on even when nothing arrives.
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            refresh();
        update();
    });
}

ConnectionStatsPlot::~ConnectionStatsPlot() = default;

void ConnectionStatsPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // the charts' own texts are translated as they are painted
    QWidget::changeEvent(event);
}

void ConnectionStatsPlot::retranslateUi()
{
    setToolTip(tr("Ping round-trip times and messages per second of the selected connection. "
                  "Right-click to choose how many minutes to show."));
}

QSize ConnectionStatsPlot::sizeHint() const
{
    return { 700, 460 };
}

void ConnectionStatsPlot::setConnection(Connection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    m_stats.reset();
    if (connection) {
        connect(connection, &Connection::eventsAppended, this, [this] { m_dirty = true; });
        m_stats.update(connection->events());
    }
    m_latency->setConnection(connection);
    m_dirty = false;
    update();
}

void ConnectionStatsPlot::setWindowSeconds(int seconds)
{
    m_windowSeconds = qBound(60, seconds, ConnectionStats::kHistorySeconds);
    update();
}

void ConnectionStatsPlot::refresh()
{
    if (m_connection)
        m_stats.update(m_connection->events());
    m_latency->refresh();
    m_dirty = false;
    update();
}

void ConnectionStatsPlot::showEvent(QShowEvent *event)
{
    refresh();
    m_timer->start();
    QWidget::showEvent(event);
}

void ConnectionStatsPlot::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void ConnectionStatsPlot::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    auto *group = new QActionGroup(&menu);
    for (int minutes : { 1, 5, 10 }) {
        QAction *action = menu.addAction(tr("Last %n minute(s)", nullptr, minutes));
        action->setCheckable(true);
        action->setChecked(m_windowSeconds == minutes * 60);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, minutes] { setWindowSeconds(minutes * 60); });
    }
    menu.exec(event->globalPos());
}

qint64 ConnectionStatsPlot::nowUs() const
{
    // A closed connection keeps its last minutes in view until they scroll out with the clock.
    return qMax(wallClockUs(), m_stats.latestTimeUs());
}

QString ConnectionStatsPlot::rttEmptyText() const
{
    if (!m_connection)
        return tr("Select a connection to see its round-trip times.");
    return m_stats.rttSamples().empty() ? tr("No pings yet \u2014 send one with Ctrl+P or enable keepalive")
                                        : QString();
}

QString ConnectionStatsPlot::rateEmptyText() const
{
    if (!m_connection)
        return tr("Select a connection to see its message rates.");
    return m_stats.rateBuckets().empty() ? tr("No messages yet") : QString();
}

QColor ConnectionStatsPlot::seriesColor(int which) const
{
    // The app's tone colours, lightened on dark bases so that lines keep their contrast.
    const QPalette &p = palette();
    switch (which) {
    case 0: {
        QColor rtt(0x8e, 0x5b, 0xd6);
        return theme::isDark(p) ? rtt.lighter(140) : rtt;
    }
    case 1:
        return theme::toneForeground(theme::Tone::Info, p);
    default: // amber, not green: it must stand apart from the blue "in" line where they overlap
        return theme::toneForeground(theme::Tone::Warning, p);
    }
}

void ConnectionStatsPlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qint64 now = nowUs();
    const double window = m_windowSeconds;

    Series rtt { tr("round trip (ms)"), seriesColor(0), {} };
    for (const auto &s : m_stats.rttSamples()) {
        const double x = double(s.timeUs - now) / 1e6;
        if (x >= -window)
            rtt.points.append({ x, double(s.rttUs) / 1000.0 });
    }
    // Every second of the window gets a point, zero when quiet: a rate line that skipped quiet seconds would lie.
    Series in { tr("in / s"), seriesColor(1), {} };
    Series out { tr("out / s"), seriesColor(2), {} };
    if (!m_stats.rateBuckets().empty()) {
        const qint64 nowSecond = now / 1000000;
        const auto &buckets = m_stats.rateBuckets();
        auto it = buckets.begin();
        for (qint64 second = nowSecond - m_windowSeconds; second <= nowSecond; ++second) {
            while (it != buckets.end() && it->second < second)
                ++it;
            const bool hit = it != buckets.end() && it->second == second;
            const double x = double(second - nowSecond);
            in.points.append({ x, hit ? double(it->in) : 0.0 });
            out.points.append({ x, hit ? double(it->out) : 0.0 });
        }
    }

    QRectF charts = rect();
    if (!m_latency->isHidden())
        charts.setBottom(m_latency->geometry().top() - 8);
    const QString compression = compressionText();
    if (!compression.isEmpty()) {
        const QRectF line(charts.left() + 8, charts.top() + 4, charts.width() - 20, fontMetrics().height() * 2.2);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(line, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, compression);
        charts.setTop(line.bottom());
    }
    const QRectF all = charts.adjusted(8, 8, -12, -8);
    const double gap = 16;
    const QRectF top(all.left(), all.top(), all.width(), (all.height() - gap) / 2);
    const QRectF bottom(all.left(), top.bottom() + gap, all.width(), top.height());
    paintChart(painter, top, tr("Ping round-trip time"), tr("ms"), { rtt }, rttEmptyText(), true);
    paintChart(painter, bottom, tr("Messages per second"), tr("msg/s"), { in, out }, rateEmptyText(), false);
}

QString ConnectionStatsPlot::compressionText() const
{
    if (!m_stats.deflateNegotiated())
        return {};
    const auto ratio = [this](bool incoming) {
        const ConnectionStats::Compression &c = m_stats.compression(incoming);
        if (c.messages == 0)
            return tr("no compressed messages");
        return tr("%1 (%2 of %3 bytes, %n message(s))", nullptr, int(qMin<quint64>(c.messages, 1000000000)))
            .arg(c.ratio(), 0, 'f', 3)
            .arg(c.wireBytes)
            .arg(c.inflatedBytes);
    };
    return tr("permessage-deflate: %1.\nWire bytes per inflated byte: in %2; out %3.")
        .arg(m_stats.deflateParams().summary(), ratio(true), ratio(false));
}

void ConnectionStatsPlot::paintChart(QPainter &painter, const QRectF &area, const QString &title, const QString &unit,
    const QList<Series> &series, const QString &emptyText, bool dots)
{
    const QPalette &p = palette();
    const QFontMetricsF fm(font());
    QColor textColor = p.color(QPalette::Text);
    QColor dim = textColor;
    dim.setAlphaF(0.65f);
    QColor grid = textColor;
    grid.setAlphaF(0.12f);

    // Title and legend on one line above the plot.
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(textColor);
    const double titleHeight = fm.height() + 6;
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(font());
    double legendRight = area.right();
    for (auto it = series.crbegin(); it != series.crend(); ++it) {
        const double textWidth = fm.horizontalAdvance(it->label);
        const double left = legendRight - textWidth - 26;
        painter.setPen(QPen(it->color, 2.5, it == series.crend() - 1 ? Qt::SolidLine : Qt::DashLine));
        painter.drawLine(QPointF(left, area.top() + titleHeight / 2), QPointF(left + 18, area.top() + titleHeight / 2));
        painter.setPen(dim);
        painter.drawText(
            QRectF(left + 22, area.top(), textWidth + 4, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, it->label);
        legendRight = left - 14;
    }

    double maxY = 0;
    for (const Series &s : series) {
        for (const QPointF &pt : s.points)
            maxY = qMax(maxY, pt.y());
    }
    maxY = niceCeiling(maxY * 1.1);
    // The same axis width in both charts, so that their time axes line up.
    const double axisWidth = fm.horizontalAdvance(QStringLiteral("00000 msg/s")) + 8;
    const QRectF plot(area.left() + axisWidth, area.top() + titleHeight + 4, area.width() - axisWidth,
        area.height() - titleHeight - 4 - fm.height() - 4);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    // Grid and axes: y at 0, half and max; x at -window, -window/2 and now.
    painter.setPen(QPen(grid, 1));
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4;
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    painter.setPen(dim);
    for (int i : { 0, 2, 4 }) {
        const double y = plot.bottom() - plot.height() * i / 4;
        painter.drawText(QRectF(area.left(), y - fm.height() / 2, axisWidth - 6, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter | Qt::TextDontClip,
            i == 4 ? number(maxY) + QLatin1Char(' ') + unit : number(maxY * i / 4));
    }
    const double window = m_windowSeconds;
    const QString minutes = tr("%1 min ago");
    const QList<QPair<double, QString>> ticks { { 0.0, minutes.arg(number(window / 60)) },
        { 0.5, minutes.arg(number(window / 120)) }, { 1.0, tr("now") } };
    for (const auto &tick : ticks) {
        const double x = plot.left() + plot.width() * tick.first;
        const Qt::Alignment align = tick.first == 0 ? Qt::AlignLeft
            : tick.first == 1                       ? Qt::AlignRight
                                                    : Qt::AlignHCenter;
        const double w = fm.horizontalAdvance(tick.second) + 4;
        const double left = tick.first == 0 ? x : tick.first == 1 ? x - w : x - w / 2;
        painter.drawText(
            QRectF(left, plot.bottom() + 2, w, fm.height()), align | Qt::AlignTop | Qt::TextDontClip, tick.second);
    }
    painter.setPen(QPen(dim, 1));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    if (!emptyText.isEmpty()) {
        painter.setPen(p.color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, emptyText);
        return;
    }
    auto map = [&](const QPointF &pt) {
        return QPointF(plot.right() + plot.width() * pt.x() / window, plot.bottom() - plot.height() * pt.y() / maxY);
    };
    painter.save();
    painter.setClipRect(plot.adjusted(-3, -3, 3, 3));
    for (const Series &s : series) {
        if (s.points.isEmpty())
            continue;
        QPainterPath path(map(s.points.first()));
        for (qsizetype i = 1; i < s.points.size(); ++i)
            path.lineTo(map(s.points.at(i)));
        // The second series is dashed: where in and out rates coincide, both lines stay visible.
        painter.setPen(
            QPen(s.color, 2, &s == &series.first() ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        if (dots) {
            painter.setBrush(s.color);
            painter.setPen(Qt::NoPen);
            for (const QPointF &pt : s.points)
                painter.drawEllipse(map(pt), 3, 3);
        }
    }
    painter.restore();
}

void ConnectionStatsPlot::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &ConnectionStatsPlot::setConnection);
    setConnection(state->currentConnection());
}

} // namespace wsi
