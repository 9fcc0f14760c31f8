#include "compose/variablesdialog.h"

#include "ui_variablesdialog.h"

#include <QSettings>

namespace wsi {

static const char kSettingsKey[] = "composer/variables";

VariablesDialog::VariablesDialog(const QHash<QString, QString> &variables, QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::VariablesDialog)
{
    m_ui->setupUi(this);

    QStringList names = variables.keys();
    names.sort();
    for (const QString &name : std::as_const(names))
        addRow(name, variables.value(name));

    connect(m_ui->addVariableButton, &QPushButton::clicked, this, [this] {
        addRow();
        m_ui->variablesTable->editItem(m_ui->variablesTable->item(m_ui->variablesTable->rowCount() - 1, 0));
    });
    connect(m_ui->removeVariableButton, &QPushButton::clicked, this, &VariablesDialog::removeSelected);
    connect(m_ui->variablesButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->variablesButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

VariablesDialog::~VariablesDialog() = default;

void VariablesDialog::addRow(const QString &name, const QString &value)
{
    const int row = m_ui->variablesTable->rowCount();
    m_ui->variablesTable->insertRow(row);
    m_ui->variablesTable->setItem(row, 0, new QTableWidgetItem(name));
    m_ui->variablesTable->setItem(row, 1, new QTableWidgetItem(value));
}

void VariablesDialog::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->variablesTable->selectionModel()->selectedIndexes())
        if (!rows.contains(index.row()))
            rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows))
        m_ui->variablesTable->removeRow(row);
}

QHash<QString, QString> VariablesDialog::variables() const
{
    QHash<QString, QString> result;
    for (int row = 0; row < m_ui->variablesTable->rowCount(); ++row) {
        const QString name
            = m_ui->variablesTable->item(row, 0) ? m_ui->variablesTable->item(row, 0)->text().trimmed() : QString();
        if (!name.isEmpty())
            result.insert(
                name, m_ui->variablesTable->item(row, 1) ? m_ui->variablesTable->item(row, 1)->text() : QString());
    }
    return result;
}

QHash<QString, QString> VariablesDialog::loadFromSettings()
{
    QHash<QString, QString> result;
    const QVariantMap map = QSettings().value(QLatin1String(kSettingsKey)).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        result.insert(it.key(), it.value().toString());
    return result;
}

void VariablesDialog::saveToSettings(const QHash<QString, QString> &variables)
{
    QVariantMap map;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        map.insert(it.key(), it.value());
    QSettings().setValue(QLatin1String(kSettingsKey), map);
}

} // namespace wsi
