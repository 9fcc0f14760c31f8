// SliceBudget: how much of a backlog a model takes in one pass of the event loop, the views' share learnt.
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace wsi {

// A model inserting a flood's backlog takes rows until a slice's time is spent, counting what the views will do with
// the rows taken so far at the rate they took on the last insert: the log filter testing every row against a text
// costs far more than the table's plain append, and both run inside the model's endInsertRows (issue 12).
class SliceBudget
{
public:
    explicit SliceBudget(int ms)
        : m_ns(double(ms) * 1e6)
    { }

    // A slice begins.
    void start() { m_clock.start(); }
    // Whether the slice's time is spent once the views have had `rowsForViews` rows.
    bool spent(qsizetype rowsForViews) const
    {
        return double(m_clock.nsecsElapsed()) + double(rowsForViews) * m_viewNsPerRow >= m_ns;
    }
    // What the views took for an insert of `rows` rows (a moving average of the last few).
    void learnViews(qint64 ns, qsizetype rows)
    {
        const double perRow = double(ns) / double(qMax<qsizetype>(1, rows));
        m_viewNsPerRow = m_viewNsPerRow == 0 ? perRow : (m_viewNsPerRow * 3 + perRow) / 4;
    }

private:
    double m_ns;
    double m_viewNsPerRow = 0;
    QElapsedTimer m_clock;
};

} // namespace wsi
