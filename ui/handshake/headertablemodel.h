#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QPair>

namespace wsi {

// Name | Value rows of one HTTP head, in wire order with repeats kept; the tooltip explains standard headers.
class HeaderTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, NUM_COLUMNS };
    using Header = QPair<QByteArray, QByteArray>;

    explicit HeaderTableModel(QObject *parent = nullptr);
    ~HeaderTableModel() override;

    void setHeaders(const QList<Header> &headers);
    const QList<Header> &headers() const { return m_headers; }
    // The row of the first header with this name (compared without case, as HTTP does), or -1.
    int rowOf(const QByteArray &name) const;
    // The value of the first header with this name (case-insensitive), or a null QByteArray.
    QByteArray value(const QByteArray &name) const;
    // Secret values (Authorization, cookies, tokens) are shown masked unless revealed; value() stays real.
    void setRevealSecrets(bool reveal);
    bool revealSecrets() const { return m_reveal; }

    // After a language change: the column titles and the header explanations are asked for again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Header> m_headers;
    bool m_reveal = false;
};

} // namespace wsi
