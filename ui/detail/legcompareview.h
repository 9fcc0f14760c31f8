// LegCompareView: a proxied message's bytes on the client leg and on the server leg, side by side.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace wsi {

class Connection;

// The detail pane's "Legs" tab. A proxied connection carries every message twice, once per leg; they are the
// same bytes unless a rule edited the message on its way, and then both are shown (text, or hex for binary).
class LegCompareView : public QWidget
{
    Q_OBJECT
public:
    explicit LegCompareView(QWidget *parent = nullptr);
    ~LegCompareView() override;

    // Shows the message at this log row (LegRows encoding) next to its counterpart; false (and cleared) when
    // the row is not a message of a connection with two legs.
    bool showRow(const Connection *connection, int row);
    void clear();
    // One line: "Same bytes on both legs" or what differs.
    QString summary() const;
    bool legsDiffer() const { return m_differ; }
    QString clientText() const;
    QString serverText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_summary = nullptr;
    QLabel *m_clientTitle = nullptr;
    QLabel *m_serverTitle = nullptr;
    QPlainTextEdit *m_client = nullptr;
    QPlainTextEdit *m_server = nullptr;
    QWidget *m_sides = nullptr;
    bool m_shown = false; // a message of a proxied connection is shown
    bool m_differ = false;
    bool m_missing = false; // the other leg has no such message (dropped, or not relayed yet)
    qsizetype m_size = 0;
};

} // namespace wsi
