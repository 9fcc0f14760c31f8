// DecodedMessageView: the detail pane's Decoded tab: a row's protocol messages as a tree, with its pair.
#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace wsi {

class JsonTreeModel;
class ProtocolLog;

// The protocol, the kind, every field (nested values expanded) and the decode note of each message of one
// row, and for a reply the time of its request and the latency. The tree is JsonTreeModel's, like the JSON
// tab's, so both read the same way.
class DecodedMessageView : public QWidget
{
    Q_OBJECT
public:
    explicit DecodedMessageView(QWidget *parent = nullptr);
    ~DecodedMessageView() override;

    // Shows what the row at this EventStore index decoded to; false (and an empty tree) when nothing did.
    bool showRow(ProtocolLog *log, int eventIndex);
    void clear();

    JsonTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QString headerText() const;

private:
    QLabel *m_header = nullptr;
    QLabel *m_note = nullptr;
    QTreeView *m_tree = nullptr;
    JsonTreeModel *m_model = nullptr;
};

} // namespace wsi
