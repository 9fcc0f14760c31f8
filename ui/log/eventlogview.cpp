#include "log/eventlogview.h"

#include "models/legrows.h"

#include "common/viewstate.h"
#include "connection/connection.h"
#include "log/eventlogdelegate.h"
#include "log/eventlogtable.h"
#include "log/logfilterbar.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "models/protocollog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace wsi {

EventLogView::EventLogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventLogModel(this))
    , m_filter(new LogFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    setObjectName(QStringLiteral("eventLogView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 0);
    m_title = new QLabel(this);
    bar->addWidget(m_title);
    bar->addStretch(1);
    m_jumpButton = new QPushButton(this);
    m_jumpButton->setObjectName(QStringLiteral("jumpToNewestButton"));
    m_jumpButton->hide();
    connect(m_jumpButton, &QPushButton::clicked, this, &EventLogView::jumpToNewest);
    bar->addWidget(m_jumpButton);
    m_showFrames = new QCheckBox(this);
    m_showFrames->setObjectName(QStringLiteral("showFramesCheckBox"));
    bar->addWidget(m_showFrames);
    m_relativeTime = new QCheckBox(this);
    m_relativeTime->setObjectName(QStringLiteral("relativeTimeCheckBox"));
    bar->addWidget(m_relativeTime);
    layout->addLayout(bar);
    m_filterBar = new LogFilterBar(m_filter, this);
    connect(m_filterBar, &LogFilterBar::legFilterChanged, m_model, &EventLogModel::setLegFilter);
    layout->addWidget(m_filterBar);

    // Fixed row heights and no state per row (EventLogTable): ten million rows cost the view nothing each.
    m_table = new EventLogTable(this);
    m_table->setObjectName(QStringLiteral("eventLogTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new EventLogDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *hh = m_table->horizontalHeader();
    hh->setHighlightSections(false);
    hh->setSectionResizeMode(QHeaderView::Interactive);
    hh->setStretchLastSection(true);
    const int cw = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    hh->resizeSection(EventLogModel::TimeColumn, cw * 15);
    hh->resizeSection(EventLogModel::DirectionColumn, cw * 6);
    hh->resizeSection(EventLogModel::LegColumn, cw * 7);
    hh->resizeSection(EventLogModel::TypeColumn, cw * 14);
    hh->resizeSection(EventLogModel::SizeColumn, cw * 10);
    hh->resizeSection(EventLogModel::DecodedColumn, cw * 34);
    layout->addWidget(m_table, 1);

    auto *copyRows = new QAction(m_table);
    m_copyRowsAction = copyRows;
    copyRows->setObjectName(QStringLiteral("copyRowsAction"));
    copyRows->setShortcut(QKeySequence::Copy);
    copyRows->setShortcutContext(Qt::WidgetShortcut);
    connect(copyRows, &QAction::triggered, this, &EventLogView::copySelectedRows);
    m_table->addAction(copyRows);
    auto *copyPayload = new QAction(m_table);
    m_copyPayloadAction = copyPayload;
    copyPayload->setObjectName(QStringLiteral("copyPayloadAction"));
    copyPayload->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyPayload->setShortcutContext(Qt::WidgetShortcut);
    connect(copyPayload, &QAction::triggered, this, &EventLogView::copyCurrentPayload);
    m_table->addAction(copyPayload);
    retranslateUi();

    // The Decoded column takes room from the preview only on a connection that decodes.
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &EventLogView::updateDecodedColumn);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventLogView::updateDecodedColumn);
    updateDecodedColumn();

    connect(m_showFrames, &QCheckBox::toggled, this, &EventLogView::setShowFrames);
    connect(m_relativeTime, &QCheckBox::toggled, this, &EventLogView::setRelativeTime);
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, &EventLogView::onRowsAboutToBeInserted);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &EventLogView::onRowsInserted);
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        m_table->scrollToBottom();
        m_followTail = true;
        m_unread = 0;
        updateJumpButton();
        onCurrentChanged();
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &EventLogView::onScrolled);
    // A log following the newest rows keeps following when its viewport gets shorter (a splitter dragged, the
    // composer unfolded, the window laid out at start): the range grows under an unchanged value, which would
    // otherwise read as the user having scrolled up.
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_followTail)
            m_table->scrollToBottom();
    });
    connect(m_filterBar, &LogFilterBar::findNextRequested, this, &EventLogView::findNext);
    connect(m_filterBar, &LogFilterBar::findPreviousRequested, this, &EventLogView::findPrevious);
    connect(m_filterBar, &LogFilterBar::findPatternChanged, this, &EventLogView::findPatternChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &EventLogView::onCurrentChanged);
    connect(m_table, &QWidget::customContextMenuRequested, this, &EventLogView::onContextMenu);
}

EventLogView::~EventLogView() = default;

void EventLogView::setConnection(Connection *connection)
{
    if (m_model->connection() == connection)
        return;
    m_model->setConnection(connection); // on both legs of a proxied connection
    m_filterBar->showLegFilter(LegRows::Filter::Both);
    m_followTail = true;
    m_unread = 0;
    updateJumpButton();
    m_table->scrollToBottom();
    onCurrentChanged();
}

Connection *EventLogView::connection() const
{
    return m_model->connection();
}

void EventLogView::updateDecodedColumn()
{
    const ProtocolLog *log = m_model->protocolLog();
    m_table->setColumnHidden(EventLogModel::DecodedColumn, !log || log->protocol().isEmpty());
    // The leg column, like the leg filter, only where there are two legs: a proxied connection.
    const bool twoLegs = m_model->connection() && m_model->connection()->hasTwoLegs();
    m_table->setColumnHidden(EventLogModel::LegColumn, !twoLegs);
    m_filterBar->setLegFilterVisible(twoLegs);
}

void EventLogView::setShowFrames(bool show)
{
    if (m_model->showFrames() == show)
        return;
    // Keep the selected event selected across the re-filter.
    const int event = currentEventIndex();
    m_model->setShowFrames(show);
    m_showFrames->setChecked(show);
    const int row = event >= 0 ? m_filter->mapFromSource(m_model->rowForEvent(event)) : -1;
    if (row >= 0) {
        const QModelIndex index = m_filter->index(row, 0);
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
}

void EventLogView::toggleShowFrames()
{
    setShowFrames(!m_model->showFrames());
}

void EventLogView::setRelativeTime(bool relative)
{
    m_model->setRelativeTime(relative);
    m_relativeTime->setChecked(relative);
}

int EventLogView::currentEventIndex() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? eventIndexOfRow(current.row()) : -1;
}

int EventLogView::eventIndexOfRow(int row) const
{
    const int sourceRow = m_filter->mapToSource(row);
    return sourceRow >= 0 ? m_model->eventIndex(sourceRow) : -1;
}

void EventLogView::onRowsAboutToBeInserted()
{
    const QScrollBar *sb = m_table->verticalScrollBar();
    m_followTail = sb->value() >= sb->maximum();
}

void EventLogView::onRowsInserted(const QModelIndex &, int first, int last)
{
    if (m_followTail) {
        m_table->scrollToBottom();
    } else {
        m_unread += last - first + 1;
        updateJumpButton();
    }
}

void EventLogView::onScrolled()
{
    const QScrollBar *sb = m_table->verticalScrollBar();
    const bool atBottom = sb->value() >= sb->maximum();
    if (atBottom == m_followTail)
        return;
    // Scrolling up pauses autoscroll; coming back to the bottom (End, the button, the wheel) resumes it.
    m_followTail = atBottom;
    if (atBottom)
        m_unread = 0;
    updateJumpButton();
}

void EventLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateJumpButton();
        m_model->retranslate(); // its column titles, and the tooltips it makes on demand
        m_filter->retranslate(); // a filter finds rows by the words shown
    }
    QWidget::changeEvent(event);
}

void EventLogView::retranslateUi()
{
    m_title->setText(tr("<b>Events</b>"));
    m_jumpButton->setToolTip(tr("Autoscroll is paused while you look at older rows; follow the newest again (End)"));
    m_showFrames->setText(tr("Show frames"));
    m_showFrames->setToolTip(
        tr("Also list every frame with FIN, RSV1-3, opcode, MASK, masking key and length (Ctrl+Shift+F)"));
    m_relativeTime->setText(tr("Relative time"));
    m_relativeTime->setToolTip(tr("Show times relative to the start of the connection instead of the time of day"));
    m_copyRowsAction->setText(tr("Copy Rows"));
    m_copyPayloadAction->setText(tr("Copy Payload"));
}

void EventLogView::updateJumpButton()
{
    m_jumpButton->setText(
        m_unread > 0 ? tr("Jump to newest (%1 new)").arg(QLocale().toString(m_unread)) : tr("Jump to newest"));
    m_jumpButton->setVisible(!m_followTail && m_model->connection());
}

void EventLogView::jumpToNewest()
{
    m_table->scrollToBottom();
    m_followTail = true;
    m_unread = 0;
    updateJumpButton();
}

bool EventLogView::selectFound(int row)
{
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

bool EventLogView::selectEvent(int eventIndex)
{
    m_model->flush(); // a row recorded within the batch interval is not in the model yet
    const int sourceRow = m_model->rowForEvent(eventIndex);
    return sourceRow >= 0 && selectFound(m_filter->mapFromSource(sourceRow));
}

bool EventLogView::findNext()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return selectFound(m_filter->findNext(current.isValid() ? current.row() : -1));
}

bool EventLogView::findPrevious()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return selectFound(m_filter->findPrevious(current.isValid() ? current.row() : m_filter->rowCount()));
}

void EventLogView::onCurrentChanged()
{
    const int event = currentEventIndex();
    if (event == m_lastEmitted)
        return;
    m_lastEmitted = event;
    Q_EMIT currentEventChanged(event);
}

void EventLogView::copySelectedRows() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows)) {
        QStringList cells;
        for (int column = 0; column < EventLogModel::NUM_COLUMNS; ++column)
            cells << m_filter->index(index.row(), column).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void EventLogView::copyCurrentPayload() const
{
    const Connection *c = m_model->connection();
    const int event = currentEventIndex();
    if (!c || event < 0)
        return;
    const EventStore &store = *LegRows::storeOf(c, event);
    const EventRecord &r = store.at(LegRows::indexInLeg(event));
    const QByteArray bytes = store.payloadCopy(LegRows::indexInLeg(event));
    const bool binary = r.type == EventType::Message && !r.hasFlag(FlagText);
    QApplication::clipboard()->setText(binary ? QString::fromLatin1(bytes.toHex(' ')) : QString::fromUtf8(bytes));
}

void EventLogView::copyCurrentPayloadAsHex() const
{
    const Connection *c = m_model->connection();
    const int event = currentEventIndex();
    if (!c || event < 0)
        return;
    const EventStore &store = *LegRows::storeOf(c, event);
    QApplication::clipboard()->setText(QString::fromLatin1(store.payloadCopy(LegRows::indexInLeg(event)).toHex(' ')));
}

bool EventLogView::currentMessage(QByteArray *payload, bool *isText) const
{
    const Connection *c = m_model->connection();
    const int event = currentEventIndex();
    const EventStore *store = LegRows::storeOf(c, event);
    if (!store || store->at(LegRows::indexInLeg(event)).type != EventType::Message)
        return false;
    *payload = store->payloadCopy(LegRows::indexInLeg(event));
    *isText = store->at(LegRows::indexInLeg(event)).hasFlag(FlagText);
    return true;
}

void EventLogView::copyCurrentToComposer()
{
    QByteArray payload;
    bool isText = false;
    if (currentMessage(&payload, &isText))
        Q_EMIT copyToComposerRequested(payload, isText);
}

void EventLogView::resendCurrent()
{
    QByteArray payload;
    bool isText = false;
    if (currentMessage(&payload, &isText))
        Q_EMIT resendRequested(payload, isText);
}

void EventLogView::onContextMenu(const QPoint &pos)
{
    const bool hasCurrent = currentEventIndex() >= 0;
    QMenu menu(this);
    QAction *rows = menu.addAction(tr("Copy Row(s)"), this, &EventLogView::copySelectedRows);
    rows->setShortcut(QKeySequence::Copy);
    QAction *payload = menu.addAction(tr("Copy Payload"), this, &EventLogView::copyCurrentPayload);
    payload->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *hex = menu.addAction(tr("Copy Payload as Hex"), this, &EventLogView::copyCurrentPayloadAsHex);
    rows->setEnabled(hasCurrent);
    payload->setEnabled(hasCurrent);
    hex->setEnabled(hasCurrent);
    menu.addSeparator();
    QByteArray messageBytes;
    bool isText = false;
    const bool isMessage = currentMessage(&messageBytes, &isText);
    QAction *toComposer = menu.addAction(tr("Copy to Composer"), this, &EventLogView::copyCurrentToComposer);
    toComposer->setObjectName(QStringLiteral("copyToComposerAction"));
    toComposer->setEnabled(isMessage);
    QAction *resend = menu.addAction(tr("Resend"), this, &EventLogView::resendCurrent);
    resend->setObjectName(QStringLiteral("resendAction"));
    resend->setEnabled(isMessage && connection() && connection()->state() == Connection::State::Open);
    menu.addSeparator();
    QAction *frames = menu.addAction(tr("Show Frames"), this, &EventLogView::toggleShowFrames);
    frames->setCheckable(true);
    frames->setChecked(m_model->showFrames());
    frames->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *relative = menu.addAction(tr("Relative Time"));
    relative->setCheckable(true);
    relative->setChecked(m_model->relativeTime());
    connect(relative, &QAction::toggled, this, &EventLogView::setRelativeTime);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void EventLogView::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &EventLogView::setConnection);
    connect(state, &ViewState::revealSecretsChanged, m_model, &EventLogModel::setRevealSecrets);
    setConnection(state->currentConnection());
    m_model->setRevealSecrets(state->revealSecrets());
}

} // namespace wsi
