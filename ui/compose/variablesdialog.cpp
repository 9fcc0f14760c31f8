#include "compose/variablesdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wsi {

static const char kSettingsKey[] = "composer/variables";

VariablesDialog::VariablesDialog(const QHash<QString, QString> &variables, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("variablesDialog"));
    setWindowTitle(tr("Composer Variables"));
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(tr("Write <tt>{{name}}</tt> in a message; it is replaced when the message is sent. "
                               "Built in: <tt>{{timestamp}}</tt>, <tt>{{iso8601}}</tt>, <tt>{{uuid}}</tt>, "
                               "<tt>{{counter}}</tt>, <tt>{{random:N}}</tt>."),
        this);
    help->setWordWrap(true);
    layout->addWidget(help);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("variablesTable"));
    m_table->setHorizontalHeaderLabels({ tr("Name"), tr("Value") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);

    auto *rowButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addVariableButton"));
    add->setToolTip(tr("Add a variable"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeVariableButton"));
    remove->setToolTip(tr("Remove the selected variables"));
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    layout->addLayout(rowButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);

    QStringList names = variables.keys();
    names.sort();
    for (const QString &name : std::as_const(names))
        addRow(name, variables.value(name));

    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, &VariablesDialog::removeSelected);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, 320);
}

VariablesDialog::~VariablesDialog() = default;

void VariablesDialog::addRow(const QString &name, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
}

void VariablesDialog::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        if (!rows.contains(index.row()))
            rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
}

QHash<QString, QString> VariablesDialog::variables() const
{
    QHash<QString, QString> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (!name.isEmpty())
            result.insert(name, m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString());
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
