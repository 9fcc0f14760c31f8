#include "connectionlist/connectiondelegate.h"

#include "common/theme.h"
#include "connection/connection.h"
#include "models/connectionlistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace wsi {

static constexpr int kPad = 6;
static constexpr int kAttemptIndent = 14;

ConnectionDelegate::ConnectionDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

ConnectionDelegate::~ConnectionDelegate() = default;

QSize ConnectionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(200, fm.height() * 2 + kPad * 3);
}

QString ConnectionDelegate::elidedTitle(const QString &title, const QFontMetrics &metrics, int width)
{
    if (metrics.horizontalAdvance(title) <= width)
        return title;
    const qsizetype schemeEnd = title.indexOf(QLatin1String("://"));
    const qsizetype pathStart = schemeEnd < 0 ? -1 : title.indexOf(QLatin1Char('/'), schemeEnd + 3);
    if (pathStart > 0) {
        // The host says where the connection goes; the path's end says what it asked for.
        // The longest tail that fits, found in a few measurements (rows are painted often).
        const QString head = title.left(pathStart) + QChar(0x2026);
        qsizetype low = 4;
        qsizetype high = title.size() - pathStart - 1;
        if (high >= low && metrics.horizontalAdvance(head + title.right(low)) <= width) {
            while (low < high) {
                const qsizetype mid = (low + high + 1) / 2;
                if (metrics.horizontalAdvance(head + title.right(mid)) <= width)
                    low = mid;
                else
                    high = mid - 1;
            }
            return head + title.right(low);
        }
    }
    return metrics.elidedText(title, Qt::ElideMiddle, width);
}

ConnectionDelegate::TitleLine ConnectionDelegate::titleLine(
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const int attempt = index.data(ConnectionListModel::AttemptRole).toInt();
    const int groupId = index.data(ConnectionListModel::GroupRole).toInt();
    const int indent = groupId > 0 && attempt > 1 ? kAttemptIndent : 0;
    const QRect r = option.rect.adjusted(kPad + 2 + indent, kPad, -kPad, -kPad);
    const auto *connection
        = qobject_cast<const Connection *>(index.data(ConnectionListModel::ConnectionRole).value<QObject *>());
    const bool incoming = connection && connection->kind() == Connection::Kind::Incoming;
    const bool proxied = connection && connection->kind() == Connection::Kind::Proxied;
    QFont urlFont = option.font;
    urlFont.setBold(true);
    const QFontMetrics urlFm(urlFont);
    const QFontMetrics fm(option.font);
    TitleLine line;
    // \u2192: we connected out; \u2190: a client connected in to the test server; \u21c4: relayed by the proxy.
    // \u21bb: a reconnect attempt.
    line.idText = QStringLiteral("#%1 %2")
                      .arg(index.row() + 1)
                      .arg(incoming     ? QChar(0x2190)
                              : proxied ? QChar(0x21c4)
                                        : (indent > 0 ? QChar(0x21bb) : QChar(0x2192)));
    line.idRect = QRect(r.left(), r.top(), r.width(), fm.height());
    const int urlLeft = r.left() + fm.horizontalAdvance(line.idText) + 6;
    line.titleRect = QRect(urlLeft, r.top(), r.right() - urlLeft, urlFm.height());
    line.title = elidedTitle(index.data(ConnectionListModel::TitleRole).toString(), urlFm, line.titleRect.width());
    return line;
}

QString ConnectionDelegate::shownTitle(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    return titleLine(option, index).title;
}

void ConnectionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = (option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.7f);

    // Reconnect attempts sit indented under their endpoint, so the attempts of one endpoint read as a group.
    const int attempt = index.data(ConnectionListModel::AttemptRole).toInt();
    const int groupId = index.data(ConnectionListModel::GroupRole).toInt();
    const int indent = groupId > 0 && attempt > 1 ? kAttemptIndent : 0;
    const QRect r = option.rect.adjusted(kPad + 2 + indent, kPad, -kPad, -kPad);
    if (indent > 0) {
        QColor guide = dim;
        guide.setAlphaF(0.35f);
        painter->fillRect(QRect(option.rect.left() + kPad + 4, option.rect.top(), 2, option.rect.height()), guide);
    }
    QFont urlFont = option.font;
    urlFont.setBold(true);
    const QFontMetrics urlFm(urlFont);
    const QFontMetrics fm(option.font);

    // Line 1: #id, direction and URL; a client of the test server shows who connected instead.
    const auto *connection
        = qobject_cast<const Connection *>(index.data(ConnectionListModel::ConnectionRole).value<QObject *>());
    const bool incoming = connection && connection->kind() == Connection::Kind::Incoming;
    const TitleLine line = titleLine(option, index);
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(line.idRect, Qt::AlignLeft | Qt::AlignVCenter, line.idText);
    painter->setFont(urlFont);
    painter->setPen(text);
    painter->drawText(line.titleRect, Qt::AlignLeft | Qt::AlignVCenter, line.title);

    // Line 2: state badge, then counters.
    const auto state = static_cast<Connection::State>(index.data(ConnectionListModel::StateRole).toInt());
    const QString stateText = index.data(ConnectionListModel::StateTextRole).toString();
    QFont badgeFont = option.font;
    badgeFont.setPointSizeF(qMax(7.0, option.font.pointSizeF() * 0.85));
    badgeFont.setBold(true);
    const QFontMetrics badgeFm(badgeFont);
    const int lineTop = r.top() + urlFm.height() + kPad - 1;
    const QRect badge(r.left(), lineTop + (fm.height() - badgeFm.height() - 2) / 2,
        badgeFm.horizontalAdvance(stateText) + 12, badgeFm.height() + 2);
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(badge), badge.height() / 2.0, badge.height() / 2.0);
    painter->fillPath(path, theme::stateColor(state));
    if (selected) {
        painter->setPen(QPen(option.palette.color(group, QPalette::HighlightedText), 1));
        painter->drawPath(path);
    }
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, stateText);

    int countersLeft = badge.right() + 8;
    const bool proxied = connection && connection->kind() == Connection::Kind::Proxied;
    if (incoming || proxied) {
        // An outlined tag: visible at a glance, distinct from the filled state badge.
        const QString tag = proxied ? tr("proxied") : tr("server client");
        const QRect tagRect(countersLeft, badge.top(), badgeFm.horizontalAdvance(tag) + 12, badge.height());
        const QColor accent = theme::toneForeground(theme::Tone::Info, option.palette);
        QPainterPath tagPath;
        tagPath.addRoundedRect(
            QRectF(tagRect).adjusted(0.5, 0.5, -0.5, -0.5), tagRect.height() / 2.0, tagRect.height() / 2.0);
        painter->setPen(QPen(selected ? text : accent, 1));
        painter->drawPath(tagPath);
        painter->drawText(tagRect, Qt::AlignCenter, tag);
        countersLeft = tagRect.right() + 8;
    }
    if (groupId > 0) {
        // "attempt 3": which try at this endpoint, for comparing a failing and a working handshake.
        const QString tag = tr("attempt %1").arg(attempt);
        const QRect tagRect(countersLeft, badge.top(), badgeFm.horizontalAdvance(tag) + 12, badge.height());
        const QColor accent = theme::toneForeground(theme::Tone::Warning, option.palette);
        QPainterPath tagPath;
        tagPath.addRoundedRect(
            QRectF(tagRect).adjusted(0.5, 0.5, -0.5, -0.5), tagRect.height() / 2.0, tagRect.height() / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(QPen(selected ? text : accent, 1));
        painter->drawPath(tagPath);
        painter->drawText(tagRect, Qt::AlignCenter, tag);
        countersLeft = tagRect.right() + 8;
    }
    painter->setFont(option.font);
    painter->setPen(dim);
    const QString counters = index.data(ConnectionListModel::CountersTextRole).toString();
    painter->drawText(QRect(countersLeft, lineTop, r.right() - countersLeft, fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(counters, Qt::ElideRight, r.right() - countersLeft));
    painter->restore();
}

bool ConnectionDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const auto *connection
        = qobject_cast<const Connection *>(index.data(ConnectionListModel::ConnectionRole).value<QObject *>());
    QString tip = QStringLiteral("<b>%1</b><br/>%2 \u00b7 %3")
                      .arg(index.data(ConnectionListModel::UrlRole).toString().toHtmlEscaped(),
                          index.data(ConnectionListModel::StateTextRole).toString().toHtmlEscaped(),
                          index.data(ConnectionListModel::CountersTextRole).toString().toHtmlEscaped());
    const QString status = index.data(ConnectionListModel::StatusTextRole).toString();
    if (!status.isEmpty())
        tip += QStringLiteral("<br/>") + status.toHtmlEscaped();
    if (connection && connection->inGroup())
        tip += QStringLiteral("<br/>") + tr("Auto-reconnect: attempt %1 at this endpoint").arg(connection->attempt());
    if (connection && connection->kind() == Connection::Kind::Proxied)
        tip += QStringLiteral("<br/>")
            + tr("Relayed by the proxy: %1. Its log holds both legs, the client's and the server's.")
                  .arg(index.data(ConnectionListModel::TitleRole).toString().toHtmlEscaped());
    if (connection && connection->kind() == Connection::Kind::Incoming)
        tip += QStringLiteral("<br/>")
            + tr("A client of the test server: %1")
                  .arg(index.data(ConnectionListModel::TitleRole).toString().toHtmlEscaped());
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

} // namespace wsi
