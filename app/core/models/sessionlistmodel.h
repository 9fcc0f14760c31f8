// SessionListModel: the journals of earlier runs, for the Previous Sessions dialog.
#pragma once

#include "files/sessionjournal.h"

#include <QAbstractTableModel>

namespace wsi {

// The journal files of earlier runs (and this one) as a table for the Previous Sessions dialog: when each
// started, its URL, how it ended, how many events it holds and its size on disk. Outcome and event count
// are read from the file once, when the list is loaded (the tail for the outcome, a newline count for the
// events), so sorting and searching never touch the disk.
class SessionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StartedColumn, UrlColumn, OutcomeColumn, EventsColumn, SizeColumn, NUM_COLUMNS };
    enum Role { FilePathRole = Qt::UserRole, ActiveRole };

    struct Entry
    {
        SessionJournal::SessionInfo info;
        QString outcome;
        qsizetype events = 0;
    };

    explicit SessionListModel(QObject *parent = nullptr);
    ~SessionListModel() override;

    void setSessions(const QList<SessionJournal::SessionInfo> &sessions);
    const Entry &entry(int row) const { return m_entries.at(row); }
    // Reads a file's outcome ("closed 1000 Normal Closure", "failed (tcp): ...", "ended without a close")
    // and counts its event lines.
    static Entry summarize(const SessionJournal::SessionInfo &info);

    // After a language change: the texts made on demand (tooltips, counts) are asked for again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};

} // namespace wsi
