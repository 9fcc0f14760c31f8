// BinaryCodecView: the detail pane's Binary tab: a binary message as CBOR, MessagePack or protobuf, as a tree.
#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QTreeView;

namespace wsi {

struct CodecTree;
class JsonTreeModel;
class ProtobufSchemaPicker;

// A format chooser (auto-detect first, remembered in QSettings), with "protobuf (schema)" the schema picker
// next to it, what was detected, the decode note when the bytes are malformed, and the tree. Decoding is per shown row,
// on the GUI thread: the decoders are bounded (depth, node count), so a hostile payload costs at most a bounded tree.
class BinaryCodecView : public QWidget
{
    Q_OBJECT
public:
    explicit BinaryCodecView(QWidget *parent = nullptr);
    ~BinaryCodecView() override;

    void setPayload(const QByteArray &payload);
    void clear();

    JsonTreeModel *model() const { return m_model; }
    QComboBox *formatCombo() const { return m_format; }
    ProtobufSchemaPicker *schemaPicker() const { return m_schemaPicker; }
    QString statusText() const;
    QString noteText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onFormatChosen();
    void onSchemaChanged();
    void decode();
    void showNote(const CodecTree &tree);

    QByteArray m_payload;
    QComboBox *m_format = nullptr;
    ProtobufSchemaPicker *m_schemaPicker = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_note = nullptr;
    QTreeView *m_tree = nullptr;
    JsonTreeModel *m_model = nullptr;
};

} // namespace wsi
