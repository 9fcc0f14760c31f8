// BinaryCodecView: the detail pane's Binary tab: a binary message as CBOR, MessagePack or protobuf, as a tree.
#include "detail/binarycodecview.h"

#include "decode/binarycodec.h"
#include "detail/decodetreewidgets.h"
#include "detail/jsontreemodel.h"
#include "detail/protobufschemapicker.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QTreeView>
#include <QVBoxLayout>

namespace wsi {

namespace {

const QString kSettingsKey = QStringLiteral("detail/binaryFormat");
// As for the JSON tab: past this, decoding on the GUI thread at every selection would stall the pane.
constexpr qsizetype kMaxDecoded = 16 * 1024 * 1024;

} // namespace

BinaryCodecView::BinaryCodecView(QWidget *parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
{
    setObjectName(QStringLiteral("binaryCodecView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 0, 0);
    layout->setSpacing(4);
    auto *row = new QHBoxLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("binaryFormatCombo"));
    // Item data are the format ids QSettings keeps, so the texts can be retranslated freely.
    for (auto f : { BinaryCodec::Format::Auto, BinaryCodec::Format::Cbor, BinaryCodec::Format::MessagePack,
             BinaryCodec::Format::ProtobufWire, BinaryCodec::Format::ProtobufSchema })
        m_format->addItem(QString(), BinaryCodec::formatId(f));
    const int saved = m_format->findData(QSettings().value(kSettingsKey, QStringLiteral("auto")).toString());
    m_format->setCurrentIndex(saved < 0 ? 0 : saved);
    row->addWidget(m_format);
    m_schemaPicker = new ProtobufSchemaPicker(this);
    m_schemaPicker->setVisible(
        BinaryCodec::formatFromId(m_format->currentData().toString()) == BinaryCodec::Format::ProtobufSchema);
    row->addWidget(m_schemaPicker);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("binaryStatus"));
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    m_note = DecodeTreeWidgets::noteLabel(QStringLiteral("binaryNote"), this);
    layout->addWidget(m_note);
    m_tree = DecodeTreeWidgets::tree(QStringLiteral("binaryTree"), m_model, this);
    layout->addWidget(m_tree, 1);
    retranslate();
    connect(m_format, &QComboBox::activated, this, &BinaryCodecView::onFormatChosen);
    connect(m_schemaPicker, &ProtobufSchemaPicker::changed, this, &BinaryCodecView::onSchemaChanged);
}

BinaryCodecView::~BinaryCodecView() = default;

QString BinaryCodecView::statusText() const
{
    return m_status->text();
}

QString BinaryCodecView::noteText() const
{
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

void BinaryCodecView::setPayload(const QByteArray &payload)
{
    m_payload = payload;
    decode();
}

void BinaryCodecView::clear()
{
    m_payload.clear();
    m_model->clear();
    m_status->clear();
    m_note->clear();
    m_note->hide();
}

void BinaryCodecView::onFormatChosen()
{
    QSettings().setValue(kSettingsKey, m_format->currentData().toString());
    m_schemaPicker->setVisible(
        BinaryCodec::formatFromId(m_format->currentData().toString()) == BinaryCodec::Format::ProtobufSchema);
    decode();
}

void BinaryCodecView::onSchemaChanged()
{
    if (!m_payload.isNull())
        decode();
}

void BinaryCodecView::decode()
{
    if (m_payload.size() > kMaxDecoded) {
        m_model->clear();
        m_status->setText(tr("%1 bytes: too large to show as a tree").arg(m_payload.size()));
        m_note->clear();
        m_note->hide();
        return;
    }
    const auto chosen = BinaryCodec::formatFromId(m_format->currentData().toString());
    const CodecTree tree
        = BinaryCodec::decode(chosen, m_payload, &m_schemaPicker->schema(), m_schemaPicker->messageType());
    m_model->setNodes(tree.nodes);
    m_tree->expandToDepth(2); // not expandAll: a message can hold thousands of nodes
    const int shown = m_format->findData(tree.format);
    const QString formatName = shown > 0 ? m_format->itemText(shown) : QString();
    if (chosen != BinaryCodec::Format::Auto)
        m_status->setText(tr("%1 bytes read as %2").arg(m_payload.size()).arg(formatName));
    else if (shown > 0)
        m_status->setText(tr("%1 bytes, detected as %2").arg(m_payload.size()).arg(formatName));
    else
        m_status->setText(tr("%1 bytes, format not recognised").arg(m_payload.size()));
    showNote(tree);
}

void BinaryCodecView::showNote(const CodecTree &tree)
{
    if (tree.noteId == QLatin1String("protobuf-schema-not-loaded")) {
        // Not the peer's fault: say what to do about the schema rather than blame the bytes.
        m_note->setText(m_schemaPicker->schema().path().isEmpty()
                ? tr("Choose a .proto file with the Schema… button to read this message with it")
                : tr("The schema could not be read, fix the file or choose another: %1")
                      .arg(tree.shownNote.translated()));
    } else {
        // The note in the window's language (the CLI's stays English); its id is what a user can search for.
        m_note->setText(
            tree.isMalformed() ? tr("Decode note: %1 (%2)").arg(tree.shownNote.translated(), tree.noteId) : QString());
    }
    m_note->setVisible(tree.isMalformed());
}

void BinaryCodecView::retranslate()
{
    m_format->setItemText(0, tr("Auto-detect"));
    m_format->setItemText(1, tr("CBOR"));
    m_format->setItemText(2, tr("MessagePack"));
    m_format->setItemText(3, tr("Protobuf (no schema)"));
    m_format->setItemText(4, tr("Protobuf (schema)"));
    m_format->setToolTip(tr("How to read this binary message; the choice is remembered"));
    if (!m_payload.isNull())
        decode();
}

void BinaryCodecView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wsi
