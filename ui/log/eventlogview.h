#pragma once

// The table's full type: callers of tableView() reach QAbstractItemView's interface through it.
#include "log/eventlogtable.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QPushButton;

namespace wsi {

class Connection;
class ViewState;
class EventLogModel;
class LogFilterBar;
class LogFilterModel;

// The event log of the selected connection: a fixed-row-height table (EventLogTable) over EventLogModel that follows
// new rows only while the user is at the bottom, with toggles for frames and relative time and copy actions.
class EventLogView : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogView(QWidget *parent = nullptr);
    ~EventLogView() override;

    void setConnection(Connection *connection);
    // Follows the window's view state: the selected connection and, in the model, reveal secrets.
    void observe(ViewState *state);
    Connection *connection() const;

    EventLogModel *model() const { return m_model; }
    // What the table shows: model() through the filter bar's filter.
    LogFilterModel *filterModel() const { return m_filter; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    // Shown while autoscroll is paused (the user scrolled up): "Jump to newest (N new)".
    QPushButton *jumpToNewestButton() const { return m_jumpButton; }
    int unreadCount() const { return m_unread; }
    bool isFollowingNewest() const { return m_followTail; }
    void jumpToNewest();
    // Select the next/previous row matching the find text; false when none matches.
    bool findNext();
    bool findPrevious();
    EventLogTable *tableView() const { return m_table; }
    QCheckBox *showFramesCheckBox() const { return m_showFrames; }
    QCheckBox *relativeTimeCheckBox() const { return m_relativeTime; }

    void setShowFrames(bool show);
    void toggleShowFrames();
    void setRelativeTime(bool relative);

    // Selects and shows the row of this EventStore row; false when the filter hides it (or no row has it).
    bool selectEvent(int eventIndex);
    // EventStore row of the current (or given view) row; -1 if none.
    int currentEventIndex() const;

    void copySelectedRows() const;
    void copyCurrentPayload() const;
    void copyCurrentPayloadAsHex() const;
    // Message rows only: hand the payload to the composer, or send it again as it was.
    void copyCurrentToComposer();
    void resendCurrent();

Q_SIGNALS:
    // The selected event changed; eventIndex is its EventStore row, or -1.
    void currentEventChanged(int eventIndex);
    // The find text changed (empty: nothing to highlight).
    void findPatternChanged(const QString &pattern, bool regex);
    void copyToComposerRequested(const QByteArray &payload, bool isText);
    void resendRequested(const QByteArray &payload, bool isText);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onRowsAboutToBeInserted();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onCurrentChanged();
    void onContextMenu(const QPoint &pos);
    void onScrolled();
    void updateJumpButton();
    void updateDecodedColumn();
    bool selectFound(int row);
    int eventIndexOfRow(int row) const;
    bool currentMessage(QByteArray *payload, bool *isText) const;

    EventLogModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QAction *m_copyRowsAction = nullptr;
    QAction *m_copyPayloadAction = nullptr;
    LogFilterModel *m_filter = nullptr;
    LogFilterBar *m_filterBar = nullptr;
    QPushButton *m_jumpButton = nullptr;
    int m_unread = 0; // rows appended while autoscroll was paused
    EventLogTable *m_table = nullptr;
    QCheckBox *m_showFrames = nullptr;
    QCheckBox *m_relativeTime = nullptr;
    bool m_followTail = true;
    int m_lastEmitted = -2;
};

} // namespace wsi
