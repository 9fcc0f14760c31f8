#include "log/logfilterbar.h"

#include "common/flowlayout.h"

#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

namespace {

struct TypeToggle
{
    int group;
    const char *name;
    const char *text;
    const char *tip;
};

const TypeToggle kTypeToggles[] = {
    { LogFilterModel::Messages, "filterMessagesButton", QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Messages"),
        QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Show text and binary messages") },
    { LogFilterModel::Control, "filterControlButton", QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Control"),
        QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Show pings, pongs and Close frames") },
    { LogFilterModel::Frames, "filterFramesButton", QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Frames"),
        QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Show frame headers (when Show frames is on)") },
    { LogFilterModel::Errors, "filterErrorsButton", QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Errors"),
        QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Show errors of every layer") },
    { LogFilterModel::Lifecycle, "filterLifecycleButton", QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Lifecycle"),
        QT_TRANSLATE_NOOP("wsi::LogFilterBar", "Show the handshake, open, TLS and info rows") },
};

} // namespace

LogFilterBar::LogFilterBar(LogFilterModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("logFilterBar"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(2);

    // The field takes the line; the toggles and combos wrap below it when the log is narrow (a dock beside it),
    // instead of setting the window's minimum width.
    auto *filterRow = new FlowLayout(nullptr, 4);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->installEventFilter(this);
    // Narrower than its size hint, the field shares its line with the toggles beside a dock (it widens with the room).
    m_filterEdit->setMinimumWidth(m_filterEdit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 14);
    filterRow->addWidget(m_filterEdit);
    m_regex = new QToolButton(this);
    m_regex->setObjectName(QStringLiteral("filterRegexButton"));
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setCheckable(true);
    QBoxLayout *types = filterRow->addGroup();
    types->setSpacing(4);
    types->addWidget(m_regex);
    types->addSpacing(6);
    for (const TypeToggle &toggle : kTypeToggles) {
        auto *button = new QToolButton(this);
        button->setObjectName(QLatin1String(toggle.name));
        button->setCheckable(true);
        button->setChecked(true);
        button->setProperty("typeGroup", toggle.group);
        button->setAutoRaise(false);
        connect(button, &QToolButton::toggled, this, &LogFilterBar::applyFilter);
        m_typeButtons << button;
        types->addWidget(button);
    }
    QBoxLayout *sides = filterRow->addGroup();
    sides->setSpacing(4);
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("filterDirectionCombo"));
    m_direction->addItem(QString(), int(LogFilterModel::DirectionFilter::Both));
    m_direction->addItem(QString(), int(LogFilterModel::DirectionFilter::Incoming));
    m_direction->addItem(QString(), int(LogFilterModel::DirectionFilter::Outgoing));
    sides->addWidget(m_direction);
    // Only a proxied connection has two legs to choose from (EventLogView shows the combo then).
    m_leg = new QComboBox(this);
    m_leg->setObjectName(QStringLiteral("filterLegCombo"));
    m_leg->addItem(QString(), int(LegRows::Filter::Both));
    m_leg->addItem(QString(), int(LegRows::Filter::Client));
    m_leg->addItem(QString(), int(LegRows::Filter::Server));
    m_leg->hide();
    sides->addWidget(m_leg);
    connect(m_leg, &QComboBox::currentIndexChanged, this,
        [this] { Q_EMIT legFilterChanged(LegRows::Filter(m_leg->currentData().toInt())); });

    // Find goes on the same flowing row: on a laptop with a dock open every line the log's header takes is a row
    // of events it cannot show.
    QBoxLayout *find = filterRow->addGroup(FlowLayout::Growth::TakesRoomLeft);
    find->setSpacing(4);
    m_findEdit = new QLineEdit(this);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->setMaximumWidth(320);
    m_findEdit->installEventFilter(this);
    find->addWidget(m_findEdit, 1);
    m_findPrevious = new QToolButton(this);
    m_findPrevious->setObjectName(QStringLiteral("findPreviousButton"));
    m_findPrevious->setArrowType(Qt::UpArrow);
    find->addWidget(m_findPrevious);
    m_findNext = new QToolButton(this);
    m_findNext->setObjectName(QStringLiteral("findNextButton"));
    m_findNext->setArrowType(Qt::DownArrow);
    find->addWidget(m_findNext);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("filterErrorLabel"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->hide();
    filterRow->addWidget(m_error);
    filterRow->addStretch();
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("filterCountLabel"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    filterRow->addWidget(m_count);
    layout->addLayout(filterRow);

    // Window-wide while the log is on screen: the user's focus is usually in the table or the composer.
    auto *focusAction = new QAction(this);
    m_focusAction = focusAction;
    focusAction->setObjectName(QStringLiteral("focusFilterAction"));
    focusAction->setShortcut(QKeySequence::Find);
    focusAction->setShortcutContext(Qt::WindowShortcut);
    connect(focusAction, &QAction::triggered, this, &LogFilterBar::focusFilter);
    addAction(focusAction);
    auto *nextAction = new QAction(this);
    m_nextAction = nextAction;
    nextAction->setObjectName(QStringLiteral("findNextAction"));
    nextAction->setShortcut(QKeySequence(Qt::Key_F3));
    nextAction->setShortcutContext(Qt::WindowShortcut);
    connect(nextAction, &QAction::triggered, this, &LogFilterBar::findNextRequested);
    addAction(nextAction);
    auto *previousAction = new QAction(this);
    m_previousAction = previousAction;
    previousAction->setObjectName(QStringLiteral("findPreviousAction"));
    previousAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    previousAction->setShortcutContext(Qt::WindowShortcut);
    connect(previousAction, &QAction::triggered, this, &LogFilterBar::findPreviousRequested);
    addAction(previousAction);

    // A million rows take a moment to re-filter: wait until the user pauses typing.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &LogFilterBar::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_regex, &QToolButton::toggled, this, [this] {
        applyFilter();
        applyFind();
    });
    connect(m_direction, &QComboBox::currentIndexChanged, this, &LogFilterBar::applyFilter);
    connect(m_findEdit, &QLineEdit::textChanged, this, &LogFilterBar::applyFind);
    connect(m_findEdit, &QLineEdit::returnPressed, this, &LogFilterBar::findNextRequested);
    connect(m_findNext, &QToolButton::clicked, this, &LogFilterBar::findNextRequested);
    connect(m_findPrevious, &QToolButton::clicked, this, &LogFilterBar::findPreviousRequested);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LogFilterBar::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogFilterBar::updateCount);
    retranslateUi();
    updateCount();
}

LogFilterBar::~LogFilterBar() = default;

void LogFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateCount();
        showError();
    }
    QWidget::changeEvent(event);
}

void LogFilterBar::retranslateUi()
{
    m_filterEdit->setPlaceholderText(tr("Filter events (Ctrl+F)"));
    m_filterEdit->setToolTip(tr("Show only events whose type or payload contains this text (case-insensitive), "
                                "or matches this regular expression. Esc clears."));
    m_regex->setToolTip(tr("Treat the filter and find text as regular expressions"));
    for (int i = 0; i < m_typeButtons.size(); ++i) {
        m_typeButtons.at(i)->setText(tr(kTypeToggles[i].text));
        m_typeButtons.at(i)->setToolTip(tr(kTypeToggles[i].tip));
    }
    m_leg->setItemText(0, tr("Both legs"));
    m_leg->setItemText(1, tr("Client leg"));
    m_leg->setItemText(2, tr("Server leg"));
    m_leg->setToolTip(tr("A proxied connection's two wires: the client leg joins the app and the proxy, the "
                         "server leg the proxy and the upstream"));
    m_direction->setItemText(0, tr("Both directions"));
    m_direction->setItemText(1, tr("\u2193 Incoming"));
    m_direction->setItemText(2, tr("\u2191 Outgoing"));
    m_direction->setToolTip(tr("Incoming: server to client; outgoing: client to server. Events without a "
                               "direction (errors, info) are always shown."));
    m_findEdit->setPlaceholderText(tr("Find in shown events (F3 / Shift+F3)"));
    m_findEdit->setToolTip(tr("Moves to the next (F3, Enter) or previous (Shift+F3) event containing this text "
                              "and highlights it in the detail pane. Esc clears."));
    m_findPrevious->setToolTip(tr("Previous match (Shift+F3)"));
    m_findNext->setToolTip(tr("Next match (F3)"));
    m_focusAction->setText(tr("Filter Events"));
    m_nextAction->setText(tr("Find Next"));
    m_previousAction->setText(tr("Find Previous"));
}

bool LogFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // Esc in a field clears it; a field that is already empty lets Esc through (e.g. to close a dialog).
    auto *edit = qobject_cast<QLineEdit *>(watched);
    if (edit && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
        && !edit->text().isEmpty()) {
        edit->clear();
        if (edit == m_filterEdit)
            applyNow();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QToolButton *LogFilterBar::typeButton(int typeGroup) const
{
    for (QToolButton *button : m_typeButtons) {
        if (button->property("typeGroup").toInt() == typeGroup)
            return button;
    }
    return nullptr;
}

void LogFilterBar::setLegFilterVisible(bool visible)
{
    m_leg->setVisible(visible);
}

void LogFilterBar::showLegFilter(LegRows::Filter filter)
{
    const QSignalBlocker block(m_leg); // shows what the model does; no request to change it
    m_leg->setCurrentIndex(qMax(0, m_leg->findData(int(filter))));
}

void LogFilterBar::applyNow()
{
    if (m_debounce->isActive()) {
        m_debounce->stop();
        applyFilter();
    }
}

void LogFilterBar::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void LogFilterBar::clearFilter()
{
    m_filterEdit->clear();
    applyNow();
}

int LogFilterBar::checkedTypes() const
{
    int types = 0;
    for (const QToolButton *button : m_typeButtons) {
        if (button->isChecked())
            types |= button->property("typeGroup").toInt();
    }
    return types;
}

void LogFilterBar::applyFilter()
{
    m_debounce->stop();
    const auto direction = LogFilterModel::DirectionFilter(m_direction->currentData().toInt());
    m_model->setFilter(m_filterEdit->text(), m_regex->isChecked(), checkedTypes(), direction);
    showError();
    updateCount();
}

void LogFilterBar::applyFind()
{
    m_model->setFindText(m_findEdit->text(), m_regex->isChecked());
    showError();
    Q_EMIT findPatternChanged(
        m_model->findErrorString().isEmpty() ? m_findEdit->text() : QString(), m_regex->isChecked());
}

void LogFilterBar::showError()
{
    QStringList errors;
    if (!m_model->errorString().isEmpty())
        errors << tr("Filter: %1").arg(m_model->errorString());
    if (!m_model->findErrorString().isEmpty())
        errors << tr("Find: %1").arg(m_model->findErrorString());
    m_error->setText(errors.join(QStringLiteral("; ")));
    m_error->setToolTip(m_error->text());
    m_error->setVisible(!errors.isEmpty());
}

void LogFilterBar::updateCount()
{
    const EventLogModel *source = m_model->sourceModel();
    const int total = source ? source->rowCount() : 0;
    const int shown = m_model->rowCount();
    const QLocale locale;
    m_count->setText(shown == total ? tr("%1 events").arg(locale.toString(total))
                                    : tr("%1 of %2").arg(locale.toString(shown), locale.toString(total)));
}

} // namespace wsi
