#include "handshake/handshakediffmodel.h"

#include "common/theme.h"
#include "explain/secretmasker.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace wsi {

using Change = HandshakeDiff::Change;

HandshakeDiffModel::HandshakeDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_olderTitle(tr("Older"))
    , m_newerTitle(tr("Newer"))
{ }

HandshakeDiffModel::~HandshakeDiffModel() = default;

void HandshakeDiffModel::setDiff(
    const QString &firstLineName, const HandshakeDiff::Line &firstLine, const QList<HandshakeDiff::HeaderRow> &headers)
{
    beginResetModel();
    m_firstLineName = firstLineName;
    HandshakeDiff::HeaderRow first;
    first.oldValue = firstLine.oldText;
    first.newValue = firstLine.newText;
    if (firstLine.oldText.isEmpty() && !firstLine.newText.isEmpty())
        first.change = Change::Added;
    else if (!firstLine.oldText.isEmpty() && firstLine.newText.isEmpty())
        first.change = Change::Removed;
    else
        first.change = firstLine.changed() ? Change::Changed : Change::Same;
    m_rows = { first };
    m_rows += headers;
    endResetModel();
}

void HandshakeDiffModel::setRevealSecrets(bool reveal)
{
    if (m_reveal == reveal)
        return;
    beginResetModel();
    m_reveal = reveal;
    endResetModel();
}

void HandshakeDiffModel::setColumnTitles(const QString &older, const QString &newer)
{
    m_olderTitle = older;
    m_newerTitle = newer;
    Q_EMIT headerDataChanged(Qt::Horizontal, OlderColumn, NewerColumn);
}

int HandshakeDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HandshakeDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QString HandshakeDiffModel::shown(const QByteArray &name, const QByteArray &value, bool isFirstLine) const
{
    if (m_reveal)
        return QString::fromLatin1(value);
    if (isFirstLine) {
        // "GET /path?token=... HTTP/1.1": only the target is a URL to mask; method and version stay.
        QStringList parts = QString::fromLatin1(value).split(QLatin1Char(' '));
        if (parts.size() >= 3 && !parts.first().startsWith(QLatin1String("HTTP/")))
            parts[1] = SecretMasker::maskUrl(parts.at(1));
        return parts.join(QLatin1Char(' '));
    }
    const QByteArray masked = SecretMasker::maskHeaderValue(name, value);
    // Wire values are Latin-1; the mask is UTF-8 text of our own.
    return masked == value ? QString::fromLatin1(value) : QString::fromUtf8(masked);
}

QVariant HandshakeDiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HandshakeDiff::HeaderRow &row = m_rows.at(index.row());
    const bool first = index.row() == 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChangeColumn:
            // A symbol as well as a colour: the change must read without colour too.
            switch (row.change) {
            case Change::Same:
                return QString();
            case Change::Added:
                return QStringLiteral("+");
            case Change::Removed:
                return QStringLiteral("\u2212");
            case Change::Changed:
                return QStringLiteral("~");
            }
            return {};
        case NameColumn:
            return first ? m_firstLineName : QString::fromLatin1(row.name);
        case OlderColumn:
            return row.change == Change::Added ? QString() : shown(row.name, row.oldValue, first);
        case NewerColumn:
            return row.change == Change::Removed ? QString() : shown(row.name, row.newValue, first);
        }
        return {};
    case Qt::ToolTipRole:
        switch (row.change) {
        case Change::Same:
            return tr("The same on both sides");
        case Change::Added:
            return tr("Only in the newer handshake");
        case Change::Removed:
            return tr("Only in the older handshake");
        case Change::Changed:
            return row.perAttempt
                ? tr("Changed; this header differs on every attempt by design")
                : tr("Changed: %1 \u2192 %2")
                      .arg(shown(row.name, row.oldValue, first), shown(row.name, row.newValue, first));
        }
        return {};
    case Qt::BackgroundRole: {
        const QPalette palette = QApplication::palette();
        switch (row.change) {
        case Change::Same:
            return {};
        case Change::Added:
            return theme::toneTint(theme::Tone::Success, palette);
        case Change::Removed:
            return theme::toneTint(theme::Tone::Error, palette);
        case Change::Changed:
            return row.perAttempt ? QVariant() : QVariant(theme::toneTint(theme::Tone::Warning, palette));
        }
        return {};
    }
    case Qt::ForegroundRole:
        if (row.perAttempt || row.change == Change::Same) {
            QColor dim = QApplication::palette().color(QPalette::Text);
            dim.setAlphaF(row.perAttempt ? 0.55f : 0.8f);
            return dim;
        }
        return {};
    case Qt::FontRole:
        if (first) {
            QFont font = theme::monospaceFont();
            font.setBold(true);
            return font;
        }
        return index.column() == NameColumn ? QVariant() : QVariant(theme::monospaceFont());
    case Qt::TextAlignmentRole:
        return index.column() == ChangeColumn ? QVariant(Qt::AlignCenter) : QVariant();
    case ChangeRole:
        return int(row.change);
    default:
        return {};
    }
}

QVariant HandshakeDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChangeColumn:
        return QString();
    case NameColumn:
        return tr("Header");
    case OlderColumn:
        return m_olderTitle;
    case NewerColumn:
        return m_newerTitle;
    }
    return {};
}

} // namespace wsi
