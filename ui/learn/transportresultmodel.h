// TransportResultModel: the four transports side by side, one row each, with what the comparison measured.
#pragma once

#include "transports/transportresult.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace wsi {

// One fixed row per transport, in the comparison's order; a row shows dashes until its transport has run.
class TransportResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        TransportColumn,
        RequestsColumn,
        ConnectionsColumn,
        HeaderBytesColumn,
        PayloadBytesColumn,
        TotalBytesColumn,
        LatencyP50Column,
        LatencyP95Column,
        DeliveredColumn,
        ExplanationColumn,
        NUM_COLUMNS
    };

    explicit TransportResultModel(QObject *parent = nullptr);

    // Every row back to "not measured".
    void clear();
    void setResult(const TransportResult &result);
    // The measured result of a row, if its transport has run.
    std::optional<TransportResult> result(int row) const { return m_results.value(row); }

    // The transport's name and what it does, in plain words, in the current language.
    static QString title(TransportKind kind);
    static QString explanation(TransportKind kind);
    // After a language change: every text is asked for again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<std::optional<TransportResult>> m_results;
};

} // namespace wsi
