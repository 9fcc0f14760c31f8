#pragma once

#include "models/legrows.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace wsi {

class LogFilterModel;

// The bar above the event log: a filter (free text or regex, type groups, direction) that hides rows, and a
// find field with next/previous that moves through the rows still shown. It edits the LogFilterModel; the
// log view does the selecting, since it owns the table.
class LogFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit LogFilterBar(LogFilterModel *model, QWidget *parent = nullptr);
    ~LogFilterBar() override;

    QLineEdit *filterEdit() const { return m_filterEdit; }
    QLineEdit *findEdit() const { return m_findEdit; }
    QToolButton *regexButton() const { return m_regex; }
    QToolButton *typeButton(int typeGroup) const;
    QComboBox *directionCombo() const { return m_direction; }
    // Both legs / client leg / server leg: shown for a proxied connection only.
    QComboBox *legCombo() const { return m_leg; }
    void setLegFilterVisible(bool visible);
    // Shows this choice without asking the model for it (a new connection opens on both legs).
    void showLegFilter(LegRows::Filter filter);
    QLabel *countLabel() const { return m_count; }
    QLabel *errorLabel() const { return m_error; }

    // Applies a pending (debounced) filter edit now.
    void applyNow();
    void focusFilter();
    void clearFilter();
    // "1,234 of 1,000,000"; just the total when nothing is filtered.
    void updateCount();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void findNextRequested();
    void findPreviousRequested();
    // The find text (or regex) changed: the detail pane highlights it.
    void findPatternChanged(const QString &pattern, bool regex);
    // The leg combo changed; the log's model shows those rows.
    void legFilterChanged(wsi::LegRows::Filter filter);

private:
    void retranslateUi();
    void applyFilter();
    void applyFind();
    void showError();
    int checkedTypes() const;

    LogFilterModel *m_model = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QToolButton *m_regex = nullptr;
    QList<QToolButton *> m_typeButtons;
    QComboBox *m_direction = nullptr;
    QComboBox *m_leg = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QToolButton *m_findPrevious = nullptr;
    QToolButton *m_findNext = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_debounce = nullptr;
    QAction *m_focusAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
};

} // namespace wsi
