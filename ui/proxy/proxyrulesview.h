// ProxyRulesView: the Proxy panel's table of breakpoints, match-and-replace and drop rules, with a form to add one.
#pragma once

#include "proxy/proxyrulespec.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace wsi {

class ProxyRuleSet;

// The user's rules, in order (the rule set applies drops, then replacements, then holds). Each row can be
// enabled or disabled by its check box; the enabled rules go to the window's ProxyRuleSet at once, for both
// proxies. The list is remembered in QSettings ("proxy/rules"). A short table of the user's own rules: a
// QTableWidget is enough here.
class ProxyRulesView : public QWidget
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, DirectionColumn, MatchColumn, PatternColumn, ActionColumn, ReplacementColumn };

    explicit ProxyRulesView(ProxyRuleSet *rules, QWidget *parent = nullptr);

    const QList<ProxyRuleSpec> &specs() const { return m_specs; }
    // Adds a rule; false (the reason shown under the form) when its pattern is wrong.
    bool addRule(const ProxyRuleSpec &spec);
    // Adds what the form holds.
    bool addFromForm();
    void removeRule(int row);
    void setRuleEnabled(int row, bool enabled);
    QString problemText() const;

    void loadSettings();
    void saveSettings() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildTable();
    // The enabled rules to the rule set.
    void apply();
    void onItemChanged(int row, int column);
    void showProblem(const QString &message);

    ProxyRuleSet *m_rules;
    QList<ProxyRuleSpec> m_specs;
    QComboBox *m_directionCombo;
    QComboBox *m_matchCombo;
    QLineEdit *m_patternEdit;
    QComboBox *m_actionCombo;
    QLineEdit *m_replacementEdit;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QLabel *m_problemLabel;
    QTableWidget *m_table;
    bool m_rebuilding = false;
};

} // namespace wsi
