// ProxyRulesView: the Proxy panel's table of breakpoints, match-and-replace and drop rules, with a form to add one.
#include "proxy/proxyrulesview.h"

#include "common/theme.h"
#include "proxy/proxyruleset.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wsi {

namespace {

constexpr char kGroup[] = "proxy";

QString directionName(FrameHook::Toward toward)
{
    return toward == FrameHook::Toward::Server ? ProxyRulesView::tr("\u2191 out") : ProxyRulesView::tr("\u2193 in");
}

QString matcherName(ProxyRule::Matcher matcher)
{
    switch (matcher) {
    case ProxyRule::Matcher::All:
        return ProxyRulesView::tr("all");
    case ProxyRule::Matcher::TextRegex:
        return ProxyRulesView::tr("text regex");
    case ProxyRule::Matcher::BinaryHex:
        return ProxyRulesView::tr("hex bytes");
    case ProxyRule::Matcher::JsonPath:
        return ProxyRulesView::tr("JSON path");
    case ProxyRule::Matcher::Opcode:
        return ProxyRulesView::tr("opcode");
    }
    return {};
}

QString actionName(ProxyRule::Action action)
{
    switch (action) {
    case ProxyRule::Action::Hold:
        return ProxyRulesView::tr("hold");
    case ProxyRule::Action::Replace:
        return ProxyRulesView::tr("replace");
    case ProxyRule::Action::Drop:
        return ProxyRulesView::tr("drop");
    }
    return {};
}

} // namespace

ProxyRulesView::ProxyRulesView(ProxyRuleSet *rules, QWidget *parent)
    : QWidget(parent)
    , m_rules(rules)
    , m_directionCombo(new QComboBox(this))
    , m_matchCombo(new QComboBox(this))
    , m_patternEdit(new QLineEdit(this))
    , m_actionCombo(new QComboBox(this))
    , m_replacementEdit(new QLineEdit(this))
    , m_addButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
    , m_problemLabel(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("proxyRulesView"));
    m_directionCombo->setObjectName(QStringLiteral("proxyRuleDirectionCombo"));
    m_matchCombo->setObjectName(QStringLiteral("proxyRuleMatchCombo"));
    m_patternEdit->setObjectName(QStringLiteral("proxyRulePatternEdit"));
    m_actionCombo->setObjectName(QStringLiteral("proxyRuleActionCombo"));
    m_replacementEdit->setObjectName(QStringLiteral("proxyRuleReplacementEdit"));
    m_addButton->setObjectName(QStringLiteral("proxyRuleAddButton"));
    m_removeButton->setObjectName(QStringLiteral("proxyRuleRemoveButton"));
    m_problemLabel->setObjectName(QStringLiteral("proxyRuleProblem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();
    m_table->setObjectName(QStringLiteral("proxyRulesTable"));
    m_table->setColumnCount(ReplacementColumn + 1);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setMinimumSectionSize(24);
    m_table->setColumnWidth(EnabledColumn, 28);
    m_table->setColumnWidth(DirectionColumn, 56);
    m_table->setColumnWidth(MatchColumn, 80);
    m_table->setColumnWidth(ActionColumn, 60);

    for (auto toward : { FrameHook::Toward::Server, FrameHook::Toward::Client })
        m_directionCombo->addItem(QString(), int(toward));
    for (auto matcher : { ProxyRule::Matcher::TextRegex, ProxyRule::Matcher::BinaryHex, ProxyRule::Matcher::JsonPath,
             ProxyRule::Matcher::Opcode, ProxyRule::Matcher::All })
        m_matchCombo->addItem(QString(), int(matcher));
    for (auto action : { ProxyRule::Action::Hold, ProxyRule::Action::Replace, ProxyRule::Action::Drop })
        m_actionCombo->addItem(QString(), int(action));

    auto *form = new QGridLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addWidget(m_directionCombo, 0, 0);
    form->addWidget(m_matchCombo, 0, 1);
    form->addWidget(m_actionCombo, 0, 2);
    form->addWidget(m_patternEdit, 1, 0, 1, 3);
    form->addWidget(m_replacementEdit, 2, 0, 1, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_table, 1);

    connect(m_addButton, &QPushButton::clicked, this, &ProxyRulesView::addFromForm);
    connect(m_patternEdit, &QLineEdit::returnPressed, this, &ProxyRulesView::addFromForm);
    connect(m_removeButton, &QPushButton::clicked, this, [this] { removeRule(m_table->currentRow()); });
    connect(m_table, &QTableWidget::cellChanged, this, &ProxyRulesView::onItemChanged);
    connect(m_actionCombo, &QComboBox::currentIndexChanged, this, &ProxyRulesView::retranslate);
    connect(m_matchCombo, &QComboBox::currentIndexChanged, this, &ProxyRulesView::retranslate);
    retranslate();
}

void ProxyRulesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuildTable();
    }
    QWidget::changeEvent(event);
}

void ProxyRulesView::retranslate()
{
    for (int i = 0; i < m_directionCombo->count(); ++i)
        m_directionCombo->setItemText(i, directionName(FrameHook::Toward(m_directionCombo->itemData(i).toInt())));
    m_directionCombo->setToolTip(
        tr("\u2191 out: what the client sends to the server; \u2193 in: the server's answers"));
    for (int i = 0; i < m_matchCombo->count(); ++i)
        m_matchCombo->setItemText(i, matcherName(ProxyRule::Matcher(m_matchCombo->itemData(i).toInt())));
    for (int i = 0; i < m_actionCombo->count(); ++i)
        m_actionCombo->setItemText(i, actionName(ProxyRule::Action(m_actionCombo->itemData(i).toInt())));
    m_actionCombo->setToolTip(tr("Hold: pause the message for you to forward, edit or drop it; replace: change it "
                                 "without holding; drop: it never arrives"));
    const auto matcher = ProxyRule::Matcher(m_matchCombo->currentData().toInt());
    const auto action = ProxyRule::Action(m_actionCombo->currentData().toInt());
    m_patternEdit->setEnabled(matcher != ProxyRule::Matcher::All);
    m_patternEdit->setPlaceholderText(matcher == ProxyRule::Matcher::BinaryHex ? tr("Bytes in hex, e.g. 0a ff 00")
            : matcher == ProxyRule::Matcher::JsonPath                          ? tr("JSON path, e.g. $.type")
            : matcher == ProxyRule::Matcher::Opcode                            ? tr("1 (text) or 2 (binary)")
                                                                               : tr("Regular expression"));
    const bool wantsReplacement = action == ProxyRule::Action::Replace || matcher == ProxyRule::Matcher::JsonPath;
    m_replacementEdit->setEnabled(wantsReplacement);
    m_replacementEdit->setPlaceholderText(matcher == ProxyRule::Matcher::JsonPath ? tr("Value to equal (optional)")
            : matcher == ProxyRule::Matcher::BinaryHex                            ? tr("Replacement bytes in hex")
                                                       : tr("Replacement text (\\1 for a captured group)"));
    m_addButton->setText(tr("Add rule"));
    m_removeButton->setText(tr("Remove"));
    m_table->setHorizontalHeaderLabels(
        { QString(), tr("Dir"), tr("Match"), tr("Pattern"), tr("Action"), tr("Replacement") });
    m_table->horizontalHeaderItem(EnabledColumn)->setToolTip(tr("Enabled"));
}

bool ProxyRulesView::addFromForm()
{
    ProxyRuleSpec spec;
    spec.toward = FrameHook::Toward(m_directionCombo->currentData().toInt());
    spec.matcher = ProxyRule::Matcher(m_matchCombo->currentData().toInt());
    spec.action = ProxyRule::Action(m_actionCombo->currentData().toInt());
    spec.pattern = m_patternEdit->text();
    spec.replacement = m_replacementEdit->isEnabled() ? m_replacementEdit->text() : QString();
    if (!addRule(spec))
        return false;
    m_patternEdit->clear();
    m_replacementEdit->clear();
    return true;
}

bool ProxyRulesView::addRule(const ProxyRuleSpec &spec)
{
    QString error;
    if (!spec.toRule(&error)) {
        showProblem(error);
        return false;
    }
    showProblem({});
    m_specs.append(spec);
    rebuildTable();
    apply();
    return true;
}

void ProxyRulesView::removeRule(int row)
{
    if (row < 0 || row >= m_specs.size())
        return;
    m_specs.removeAt(row);
    rebuildTable();
    apply();
}

void ProxyRulesView::setRuleEnabled(int row, bool enabled)
{
    if (row < 0 || row >= m_specs.size())
        return;
    m_specs[row].enabled = enabled;
    rebuildTable();
    apply();
}

QString ProxyRulesView::problemText() const
{
    return m_problemLabel->isHidden() ? QString() : m_problemLabel->text();
}

void ProxyRulesView::showProblem(const QString &message)
{
    m_problemLabel->setText(message);
    m_problemLabel->setStyleSheet(
        QStringLiteral("color: %1").arg(theme::toneForeground(theme::Tone::Error, palette()).name()));
    m_problemLabel->setVisible(!message.isEmpty());
}

void ProxyRulesView::rebuildTable()
{
    m_rebuilding = true;
    m_table->setRowCount(int(m_specs.size()));
    for (int row = 0; row < m_specs.size(); ++row) {
        const ProxyRuleSpec &spec = m_specs.at(row);
        auto *enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        enabled->setCheckState(spec.enabled ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, EnabledColumn, enabled);
        m_table->setItem(row, DirectionColumn, new QTableWidgetItem(directionName(spec.toward)));
        m_table->setItem(row, MatchColumn, new QTableWidgetItem(matcherName(spec.matcher)));
        m_table->setItem(row, PatternColumn, new QTableWidgetItem(spec.pattern));
        m_table->setItem(row, ActionColumn, new QTableWidgetItem(actionName(spec.action)));
        m_table->setItem(row, ReplacementColumn, new QTableWidgetItem(spec.replacement));
    }
    m_removeButton->setEnabled(!m_specs.isEmpty());
    m_rebuilding = false;
}

void ProxyRulesView::onItemChanged(int row, int column)
{
    if (m_rebuilding || column != EnabledColumn || row < 0 || row >= m_specs.size())
        return;
    m_specs[row].enabled = m_table->item(row, column)->checkState() == Qt::Checked;
    apply();
}

void ProxyRulesView::apply()
{
    QList<ProxyRule> rules;
    for (const ProxyRuleSpec &spec : std::as_const(m_specs)) {
        if (!spec.enabled)
            continue;
        if (const auto rule = spec.toRule())
            rules.append(*rule);
    }
    m_rules->setRules(rules);
    saveSettings();
}

void ProxyRulesView::loadSettings()
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    m_specs.clear();
    const QVariantList saved = s.value(QStringLiteral("rules")).toList();
    for (const QVariant &entry : saved) {
        const ProxyRuleSpec spec = ProxyRuleSpec::fromVariant(entry.toMap());
        if (spec.toRule()) // a rule that no longer parses is not carried on silently broken
            m_specs.append(spec);
    }
    rebuildTable();
    QList<ProxyRule> rules;
    for (const ProxyRuleSpec &spec : std::as_const(m_specs)) {
        if (spec.enabled)
            rules.append(*spec.toRule());
    }
    m_rules->setRules(rules);
}

void ProxyRulesView::saveSettings() const
{
    QVariantList saved;
    for (const ProxyRuleSpec &spec : m_specs)
        saved.append(spec.toVariant());
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    s.setValue(QStringLiteral("rules"), saved);
}

} // namespace wsi
