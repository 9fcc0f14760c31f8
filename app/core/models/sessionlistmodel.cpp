// SessionListModel: the journals of earlier runs, for the Previous Sessions dialog.
#include "models/sessionlistmodel.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace wsi {

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

SessionListModel::~SessionListModel() = default;

void SessionListModel::setSessions(const QList<SessionJournal::SessionInfo> &sessions)
{
    beginResetModel();
    m_entries.clear();
    for (const SessionJournal::SessionInfo &info : sessions)
        m_entries << summarize(info);
    endResetModel();
}

SessionListModel::Entry SessionListModel::summarize(const SessionJournal::SessionInfo &info)
{
    Entry entry;
    entry.info = info;
    QFile file(info.filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        entry.outcome = tr("unreadable: %1").arg(file.errorString());
        return entry;
    }
    qsizetype lines = 0;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(1 << 20);
        lines += chunk.count('\n');
    }
    entry.events = qMax<qsizetype>(0, lines - 1); // the first line is the header

    // The outcome is in the last close or error line; the tail is enough.
    const qint64 tailSize = qMin<qint64>(file.size(), 64 * 1024);
    file.seek(file.size() - tailSize);
    const QList<QByteArray> tail = file.read(tailSize).split('\n');
    for (auto it = tail.crbegin(); it != tail.crend() && entry.outcome.isEmpty(); ++it) {
        if (!it->contains("\"event\":\"close\"") && !it->contains("\"event\":\"error\""))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(*it).object();
        if (o.value(QLatin1String("event")).toString() == QLatin1String("close")) {
            const QJsonValue code = o.value(QLatin1String("code"));
            entry.outcome = code.isDouble()
                ? tr("closed %1 %2").arg(code.toInt()).arg(o.value(QLatin1String("code_name")).toString())
                : tr("closed without a code");
            const QString reason = o.value(QLatin1String("reason")).toString();
            if (!reason.isEmpty())
                entry.outcome += QStringLiteral(" \u201c%1\u201d").arg(reason);
        } else if (!o.isEmpty()) {
            entry.outcome
                = tr("failed (%1): %2")
                      .arg(o.value(QLatin1String("layer")).toString(), o.value(QLatin1String("message")).toString());
        }
    }
    if (entry.outcome.isEmpty())
        entry.outcome = info.active ? tr("recording now") : tr("ended without a close (interrupted?)");
    else if (info.active)
        entry.outcome = tr("recording now");
    return entry;
}

void SessionListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, NUM_COLUMNS - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, NUM_COLUMNS - 1));
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == FilePathRole)
        return e.info.filePath;
    if (role == ActiveRole)
        return e.info.active;
    if (role == Qt::ToolTipRole)
        return e.info.filePath;
    if (role == Qt::TextAlignmentRole && (index.column() == EventsColumn || index.column() == SizeColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case StartedColumn:
        return e.info.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case UrlColumn:
        return e.info.firstUrl.isEmpty() ? tr("(no handshake)") : e.info.firstUrl;
    case OutcomeColumn:
        return e.outcome;
    case EventsColumn:
        return locale.toString(qlonglong(e.events));
    case SizeColumn:
        return locale.formattedDataSize(e.info.size);
    default:
        return {};
    }
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case UrlColumn:
        return tr("URL");
    case OutcomeColumn:
        return tr("Outcome");
    case EventsColumn:
        return tr("Events");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace wsi
