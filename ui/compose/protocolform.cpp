// ProtocolForm: the base of the composer's per-protocol forms.
#include "compose/protocolform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wsi {

ProtocolForm::ProtocolForm(const QString &protocolId, QWidget *parent)
    : QWidget(parent)
    , m_protocolId(protocolId)
    , m_form(new QFormLayout)
{
    // The rows stay together at the top however tall the tab is.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(m_form);
    outer->addStretch(1);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

QLabel *ProtocolForm::addRow(QWidget *field, const char *objectName)
{
    field->setObjectName(QLatin1String(objectName));
    auto *label = new QLabel(this);
    label->setBuddy(field);
    m_form->addRow(label, field);
    if (auto *e = qobject_cast<QLineEdit *>(field))
        connect(e, &QLineEdit::textChanged, this, &ProtocolForm::changed);
    else if (auto *t = qobject_cast<QPlainTextEdit *>(field))
        connect(t, &QPlainTextEdit::textChanged, this, &ProtocolForm::changed);
    else if (auto *c = qobject_cast<QComboBox *>(field))
        connect(c, &QComboBox::currentIndexChanged, this, &ProtocolForm::changed);
    else if (auto *s = qobject_cast<QSpinBox *>(field))
        connect(s, &QSpinBox::valueChanged, this, &ProtocolForm::changed);
    else if (auto *b = qobject_cast<QCheckBox *>(field))
        connect(b, &QCheckBox::toggled, this, &ProtocolForm::changed);
    return label;
}

QPlainTextEdit *ProtocolForm::addTextRow(const char *objectName, int lines, QLabel **label)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    *label = addRow(edit, objectName);
    return edit;
}

void ProtocolForm::setRowShown(QWidget *field, bool shown)
{
    m_form->setRowVisible(field, shown);
}

bool ProtocolForm::parseJson(const QString &text, QJsonValue *value, QString *error, const QString &what)
{
    *value = QJsonValue(QJsonValue::Undefined);
    if (text.trimmed().isEmpty())
        return true;
    // Wrapped in an array so a bare number or string parses as well as an object.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
        *error = tr("%1 is not one JSON value: %2").arg(what, parseError.errorString());
        return false;
    }
    *value = doc.array().at(0);
    return true;
}

void ProtocolForm::saveFields(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("composer/protocol/") + m_protocolId);
    for (QWidget *w : findChildren<QWidget *>()) {
        const QString key = w->objectName();
        if (key.isEmpty() || key.startsWith(QLatin1String("qt_")))
            continue;
        if (auto *e = qobject_cast<QLineEdit *>(w); e && e->echoMode() == QLineEdit::Normal)
            settings.setValue(key, e->text());
        else if (auto *t = qobject_cast<QPlainTextEdit *>(w))
            settings.setValue(key, t->toPlainText());
        else if (auto *c = qobject_cast<QComboBox *>(w))
            settings.setValue(key, c->currentIndex());
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            settings.setValue(key, s->value());
        else if (auto *b = qobject_cast<QCheckBox *>(w))
            settings.setValue(key, b->isChecked());
    }
    settings.endGroup();
}

void ProtocolForm::restoreFields(const QSettings &settings)
{
    const QString group = QStringLiteral("composer/protocol/") + m_protocolId + QLatin1Char('/');
    for (QWidget *w : findChildren<QWidget *>()) {
        const QVariant v = settings.value(group + w->objectName());
        if (w->objectName().isEmpty() || !v.isValid())
            continue;
        if (auto *e = qobject_cast<QLineEdit *>(w))
            e->setText(v.toString());
        else if (auto *t = qobject_cast<QPlainTextEdit *>(w))
            t->setPlainText(v.toString());
        else if (auto *c = qobject_cast<QComboBox *>(w))
            c->setCurrentIndex(qBound(0, v.toInt(), c->count() - 1));
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            s->setValue(v.toInt());
        else if (auto *b = qobject_cast<QCheckBox *>(w))
            b->setChecked(v.toBool());
    }
}

void ProtocolForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wsi
