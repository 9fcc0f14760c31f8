// ProtobufSchemaPicker: the Binary tab's "Schema…" button and message-type chooser for protobuf with a .proto file.
#include "detail/protobufschemapicker.h"

#include "common/filedialogs.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSettings>

namespace wsi {

namespace {

const QString kFileKey = QStringLiteral("detail/protobufSchemaFile");
const QString kTypeKey = QStringLiteral("detail/protobufMessageType");

} // namespace

ProtobufSchemaPicker::ProtobufSchemaPicker(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("protobufSchemaPicker"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("binarySchemaButton"));
    layout->addWidget(m_button);
    m_types = new QComboBox(this);
    m_types->setObjectName(QStringLiteral("binaryMessageTypeCombo"));
    m_types->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(m_types);
    const QString saved = QSettings().value(kFileKey).toString();
    if (!saved.isEmpty())
        load(saved);
    retranslate();
    connect(m_button, &QPushButton::clicked, this, &ProtobufSchemaPicker::onChooseFile);
    connect(m_types, &QComboBox::activated, this, &ProtobufSchemaPicker::onTypeChosen);
}

ProtobufSchemaPicker::~ProtobufSchemaPicker() = default;

bool ProtobufSchemaPicker::setSchemaFile(const QString &path)
{
    // Remembered even when it does not parse: the user is likely fixing the file and will reopen the app.
    QSettings().setValue(kFileKey, path);
    load(path);
    retranslate();
    emit changed();
    return m_schema.isLoaded();
}

QString ProtobufSchemaPicker::messageType() const
{
    return m_types->currentText();
}

void ProtobufSchemaPicker::load(const QString &path)
{
    m_schema.load(path);
    m_types->clear();
    m_types->addItems(m_schema.messageTypes());
    const int saved = m_types->findText(QSettings().value(kTypeKey).toString());
    m_types->setCurrentIndex(saved < 0 ? 0 : saved);
    m_types->setEnabled(m_types->count() > 0);
}

void ProtobufSchemaPicker::onChooseFile()
{
    const QString path
        = FileDialogs::openFile(this, tr("Choose a protobuf schema"), tr("Protobuf schemas (*.proto);;All files (*)"));
    if (!path.isEmpty())
        setSchemaFile(path);
}

void ProtobufSchemaPicker::onTypeChosen()
{
    QSettings().setValue(kTypeKey, m_types->currentText());
    emit changed();
}

void ProtobufSchemaPicker::retranslate()
{
    m_button->setText(tr("Schema…"));
    m_button->setToolTip(m_schema.path().isEmpty()
            ? tr("Choose the .proto file to read the message with; its imports are looked up next to it")
            : tr("Schema: %1 (click to choose another .proto file)").arg(QFileInfo(m_schema.path()).fileName()));
    m_types->setToolTip(tr("The message type the bytes are read as; the choice is remembered"));
}

void ProtobufSchemaPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wsi
