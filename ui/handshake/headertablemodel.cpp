#include "handshake/headertablemodel.h"

#include "explain/secretmasker.h"
#include "protocol/handshakecheck.h"

namespace wsi {

HeaderTableModel::HeaderTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

HeaderTableModel::~HeaderTableModel() = default;

void HeaderTableModel::setHeaders(const QList<Header> &headers)
{
    if (headers == m_headers)
        return;
    beginResetModel();
    m_headers = headers;
    endResetModel();
}

QByteArray HeaderTableModel::value(const QByteArray &name) const
{
    for (const Header &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void HeaderTableModel::setRevealSecrets(bool reveal)
{
    if (m_reveal == reveal)
        return;
    m_reveal = reveal;
    if (!m_headers.isEmpty())
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
}

void HeaderTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, NUM_COLUMNS - 1);
    if (!m_headers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, NUM_COLUMNS - 1), { Qt::ToolTipRole });
}

int HeaderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int HeaderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant HeaderTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_headers.size())
        return {};
    const Header &h = m_headers.at(index.row());
    const QByteArray masked = m_reveal ? h.second : SecretMasker::maskHeaderValue(h.first, h.second);
    // Wire values are Latin-1; the mask is UTF-8 text of our own.
    const QString shown = masked == h.second ? QString::fromLatin1(h.second) : QString::fromUtf8(masked);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == NameColumn ? QString::fromLatin1(h.first) : shown;
    case Qt::ToolTipRole: {
        const QString explanation = headerExplanation(h.first);
        const QString value = shown.toHtmlEscaped();
        const QString name = QString::fromLatin1(h.first).toHtmlEscaped();
        if (explanation.isEmpty())
            return QStringLiteral("<b>%1</b>: %2").arg(name, value);
        return QStringLiteral("<b>%1</b>: %2<br/><br/>%3").arg(name, value, explanation.toHtmlEscaped());
    }
    default:
        return {};
    }
}

QVariant HeaderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Value");
}

int HeaderTableModel::rowOf(const QByteArray &name) const
{
    for (int row = 0; row < m_headers.size(); ++row) {
        if (m_headers.at(row).first.compare(name, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

} // namespace wsi
