#pragma once

#include "explain/handshakediff.h"

#include <QAbstractTableModel>

namespace wsi {

// One side of a handshake diff (request or response) as table rows: the request or status line first, then
// the headers. Added rows are tinted green, removed red, changed amber (old -> new); per-attempt headers
// (Sec-WebSocket-Key/Accept, Date) are dimmed because they differ by design.
class HandshakeDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { ChangeColumn, NameColumn, OlderColumn, NewerColumn, NUM_COLUMNS };
    enum Roles { ChangeRole = Qt::UserRole }; // int: HandshakeDiff::Change

    explicit HandshakeDiffModel(QObject *parent = nullptr);
    ~HandshakeDiffModel() override;

    // firstLineName: "Request line" or "Status line".
    void setDiff(const QString &firstLineName, const HandshakeDiff::Line &firstLine,
        const QList<HandshakeDiff::HeaderRow> &headers);
    void setRevealSecrets(bool reveal);
    void setColumnTitles(const QString &older, const QString &newer);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString shown(const QByteArray &name, const QByteArray &value, bool isFirstLine) const;

    QString m_firstLineName;
    QList<HandshakeDiff::HeaderRow> m_rows; // row 0 is the first line
    bool m_reveal = false;
    QString m_olderTitle;
    QString m_newerTitle;
};

} // namespace wsi
