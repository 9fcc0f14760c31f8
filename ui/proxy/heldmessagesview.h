// HeldMessagesView: the messages the proxy's breakpoints hold, with an editor and Forward / Forward edited / Drop.
#pragma once

#include <QByteArray>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace wsi {

class HeldMessages;

// Fills as messages are held (oldest first: connection, direction, size, preview); the selected one shows in
// the editor, as text or, for a binary message, as hex, and the Hex box switches either way (a text message's
// bytes edited one by one, or a binary message that is readable text). Forward lets it on as it came, Forward edited
// with the editor's content, Drop never delivers it. Its direction of its connection waits until then.
class HeldMessagesView : public QWidget
{
    Q_OBJECT
public:
    explicit HeldMessagesView(HeldMessages *held, QWidget *parent = nullptr);

    int count() const;
    // The selected held message's id; 0 when none.
    quint64 currentId() const;
    QString itemText(int row) const;
    QString editorText() const;
    void setEditorText(const QString &text);
    QString problemText() const;

    bool forwardCurrent();
    // False (the reason shown) when the editor's hex does not read as bytes.
    bool forwardEdited();
    bool dropCurrent();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onHeld(quint64 id);
    void onReleased(quint64 id);
    void onCurrentChanged();
    void onHexToggled(bool hex);
    // The editor's content as bytes, read as hex pairs or as UTF-8 text; nullopt when the hex does not parse.
    std::optional<QByteArray> editorBytes(bool hex) const;
    void updateButtons();
    void showProblem(const QString &message);

    HeldMessages *m_held;
    QLabel *m_summary;
    QListWidget *m_list;
    QPlainTextEdit *m_editor;
    QCheckBox *m_hexCheck;
    QPushButton *m_forwardButton;
    QPushButton *m_forwardEditedButton;
    QPushButton *m_dropButton;
    QLabel *m_problem;
};

} // namespace wsi
