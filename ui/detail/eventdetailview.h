#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace wsi {

class Connection;
class ViewState;
class BinaryCodecView;
class DecodedMessageView;
class EventFieldList;
class HexView;
class JsonTreeModel;
class LegCompareView;

// Everything about one event: its text, its JSON as a tree, its bytes as hex, and a field breakdown
// (frame header bits, close code and reason, error layer...).
class EventDetailView : public QWidget
{
    Q_OBJECT
public:
    // DecodedTab: shown only for a decoded row; BinaryTab: only for a binary message.
    // LegsTab: only for a message of a proxied connection (its bytes on both legs).
    enum Tab { TextTab, JsonTab, HexTab, FieldsTab, DecodedTab, BinaryTab, LegsTab };

    explicit EventDetailView(QWidget *parent = nullptr);
    ~EventDetailView() override;

    void setConnection(Connection *connection);
    // Shows the event at this EventStore row of the connection (a client leg's row as LegRows encodes it); -1
    // clears.
    void showEvent(int eventIndex);
    int eventIndex() const { return m_eventIndex; }
    // The log's find text: its matches in the Text tab are highlighted (the first one scrolled into view).
    void setFindPattern(const QString &pattern, bool regex);
    // Off by default: handshake rows show Authorization, cookies and URL tokens masked (text and hex).
    void setRevealSecrets(bool reveal);
    // Follows the window's view state: the selected connection and reveal secrets.
    void observe(ViewState *state);
    // Matches highlighted in the Text tab now.
    int highlightCount() const;

    HexView *hexView() const { return m_hex; }
    QTabWidget *tabs() const { return m_tabs; }
    JsonTreeModel *jsonModel() const { return m_jsonModel; }
    DecodedMessageView *decodedView() const { return m_decoded; }
    BinaryCodecView *binaryView() const { return m_binary; }
    LegCompareView *legsView() const { return m_legs; }
    QString text() const;
    // "Field: value" lines of the Fields tab.
    QStringList fieldLines() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void clearAll(const QString &note);
    void applyHighlights();

    QPointer<Connection> m_connection;
    int m_eventIndex = -1;
    bool m_connectionChosen = false; // before the first setConnection() the note invites a selection
    QString m_findPattern;
    bool m_findRegex = false;
    bool m_revealSecrets = false;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QStackedWidget *m_jsonStack = nullptr;
    QTreeView *m_jsonTree = nullptr;
    QLabel *m_jsonNote = nullptr;
    JsonTreeModel *m_jsonModel = nullptr;
    HexView *m_hex = nullptr;
    EventFieldList *m_fields = nullptr;
    DecodedMessageView *m_decoded = nullptr;
    BinaryCodecView *m_binary = nullptr;
    LegCompareView *m_legs = nullptr;
};

} // namespace wsi
