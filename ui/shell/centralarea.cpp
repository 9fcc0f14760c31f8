// CentralArea: the window's central widget: connect bar, reconnect strip, sidebar, and the welcome page or the views.
#include "shell/centralarea.h"

#include "common/viewstate.h"
#include "compose/composer.h"
#include "connect/connectbar.h"
#include "connect/reconnectstrip.h"
#include "connection/connection.h"
#include "connectionlist/connectionlistview.h"
#include "detail/eventdetailview.h"
#include "endpoints/endpointspanel.h"
#include "endpoints/endpointstore.h"
#include "handshake/handshakeview.h"
#include "log/connectionstatsplot.h"
#include "log/eventlogview.h"
#include "log/pairsview.h"
#include "models/connectionlistmodel.h"
#include "shell/mainwindowactions.h"
#include "welcome/welcomepage.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wsi {

CentralArea::CentralArea(EndpointStore *store, ConnectionListModel *connections, ViewState *viewState,
    MainWindowActions *actions, QWidget *parent)
    : QWidget(parent)
    , m_viewState(viewState)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // The connect bar's recent URLs and remembered options live in the endpoint store.
    m_connectBar = new ConnectBar(store, this);
    m_connectBar->observe(m_viewState);
    connect(m_connectBar, &ConnectBar::optionsShown, this, &CentralArea::makeRoomForOptions);
    layout->addWidget(m_connectBar);
    // The reconnect countdown of the selected endpoint: above the views, so it shows on every tab.
    m_reconnectStrip = new ReconnectStrip(this);
    layout->addWidget(m_reconnectStrip);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    layout->addWidget(m_mainSplitter, 1);
    m_mainSplitter->addWidget(createSidebar(store, connections, actions));

    m_stack = new QStackedWidget(m_mainSplitter);
    // Built once the store is loaded, so its first lists are the saved ones.
    m_welcome = new WelcomePage(store, m_stack);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(createViews(actions));
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({ 280, 1000 });

    connect(m_viewState, &ViewState::currentConnectionChanged, this, &CentralArea::onCurrentConnectionChanged);
    onCurrentConnectionChanged(m_viewState->currentConnection());
}

CentralArea::~CentralArea() = default;

QWidget *CentralArea::createSidebar(EndpointStore *store, ConnectionListModel *connections, MainWindowActions *actions)
{
    // Saved endpoints above the live connections; the user sizes the two with the splitter.
    m_sidebarSplitter = new QSplitter(Qt::Vertical, this);
    m_sidebarSplitter->setObjectName(QStringLiteral("sidebarSplitter"));
    m_sidebarSplitter->setChildrenCollapsible(false);
    m_endpointsPanel = new EndpointsPanel(store, m_sidebarSplitter);
    m_endpointsPanel->observe(m_viewState);
    QString endpointsError;
    if (!store->load(&endpointsError))
        m_endpointsPanel->showError(tr("Saved endpoints could not be loaded. %1").arg(endpointsError));
    auto *sidebar = new QWidget(m_sidebarSplitter);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(6, 4, 0, 6);
    sidebarLayout->setSpacing(4);
    m_connectionsLabel = new QLabel(sidebar);
    sidebarLayout->addWidget(m_connectionsLabel);
    m_connectionList = new ConnectionListView(sidebar);
    m_connectionList->setModel(connections);
    m_connectionList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_connectionList->addActions(
        { actions->disconnectAction(), actions->closeAction(), actions->compareAction(), actions->removeAction() });
    // Ctrl+click selects a second connection to compare handshakes with.
    m_connectionList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_connectionList->setMinimumWidth(200);
    sidebarLayout->addWidget(m_connectionList, 1);
    m_sidebarSplitter->setStretchFactor(0, 2);
    m_sidebarSplitter->setStretchFactor(1, 3);
    m_sidebarSplitter->setSizes({ 260, 440 });
    return m_sidebarSplitter;
}

QWidget *CentralArea::createViews(MainWindowActions *actions)
{
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    m_messagesPage = new QWidget(m_tabs);
    auto *messagesLayout = new QVBoxLayout(m_messagesPage);
    messagesLayout->setContentsMargins(0, 4, 0, 0);
    m_messagesSplitter = new QSplitter(Qt::Vertical, m_messagesPage);
    m_messagesSplitter->setObjectName(QStringLiteral("messagesSplitter"));
    m_messagesSplitter->setChildrenCollapsible(false);
    m_eventLogView = new EventLogView(m_messagesSplitter);
    m_eventLogView->observe(m_viewState);
    m_detailView = new EventDetailView(m_messagesSplitter);
    m_detailView->observe(m_viewState);
    m_composer = new Composer(m_messagesSplitter);
    m_composer->observe(m_viewState);
    // The log is what a user watches: it takes what the payload pane and the composer (at its minimum,
    // the height of its tallest page) leave, and most of any height the window gains.
    m_messagesSplitter->setStretchFactor(0, 4);
    m_messagesSplitter->setStretchFactor(1, 1);
    m_messagesSplitter->setStretchFactor(2, 0);
    m_messagesSplitter->setSizes({ 600, 140, m_composer->minimumSizeHint().height() });
    messagesLayout->addWidget(m_messagesSplitter);
    connect(m_composer, &Composer::collapsedChanged, this, &CentralArea::fitComposer);
    m_messagesPage->addAction(actions->sendAction());
    m_handshakeView = new HandshakeView(m_tabs);
    m_handshakeView->observe(m_viewState);
    m_tabs->addTab(m_messagesPage, QString());
    m_tabs->addTab(m_handshakeView, QString());
    m_statsPlot = new ConnectionStatsPlot(m_tabs);
    m_statsPlot->observe(m_viewState);
    m_tabs->addTab(m_statsPlot, QString());
    m_pairsView = new PairsView(m_tabs);
    m_pairsView->observe(m_viewState);
    m_tabs->addTab(m_pairsView, QString());
    // A pair's request is selected in the log (the detail pane follows); a double-click shows it there.
    connect(m_pairsView, &PairsView::requestSelected, this, [this](int eventIndex, bool jump) {
        m_eventLogView->selectEvent(eventIndex);
        if (jump)
            m_tabs->setCurrentWidget(m_messagesPage);
    });
    retranslate();
    return m_tabs;
}

void CentralArea::retranslate()
{
    if (m_connectionsLabel)
        m_connectionsLabel->setText(tr("<b>Connections</b>"));
    m_tabs->setTabText(m_tabs->indexOf(m_messagesPage), tr("Messages"));
    m_tabs->setTabText(m_tabs->indexOf(m_handshakeView), tr("Handshake"));
    m_tabs->setTabText(m_tabs->indexOf(m_statsPlot), tr("Stats"));
    m_tabs->setTabText(m_tabs->indexOf(m_pairsView), tr("Pairs"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_pairsView), tr("Requests matched to their replies, with latencies"));
}

void CentralArea::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_tabs)
        retranslate();
    QWidget::changeEvent(event);
}

void CentralArea::fitComposer(bool collapsed)
{
    QList<int> sizes = m_messagesSplitter->sizes();
    if (sizes.size() != 3)
        return;
    const int shared = sizes.at(0) + sizes.at(2);
    if (collapsed) {
        m_unfoldedComposerHeight = sizes.at(2);
        sizes[2] = m_composer->maximumHeight();
    } else {
        sizes[2] = qMax(m_unfoldedComposerHeight, m_composer->minimumSizeHint().height());
    }
    sizes[0] = qMax(0, shared - sizes.at(2));
    m_messagesSplitter->setSizes(sizes);
}

void CentralArea::makeRoomForOptions(bool shown)
{
    if (!shown) {
        if (m_foldedForOptions && m_composer->isCollapsed())
            m_composer->setCollapsed(false);
        m_foldedForOptions = false;
        return;
    }
    // After the layout gave the panel what the views below leave.
    QMetaObject::invokeMethod(
        this,
        [this] {
            const int enough = qMin(m_connectBar->optionsWantedHeight(), 12 * fontMetrics().height());
            if (m_connectBar->optionsHeight() > 0 && m_connectBar->optionsHeight() < enough
                && !m_composer->isCollapsed() && m_tabs->isVisible()) {
                m_composer->setCollapsed(true);
                m_foldedForOptions = true;
            }
        },
        Qt::QueuedConnection);
}

void CentralArea::onCurrentConnectionChanged(Connection *current)
{
    // The welcome page while nothing is selected: on a first run, and again once the list is emptied.
    m_stack->setCurrentWidget(current ? static_cast<QWidget *>(m_tabs) : m_welcome);
}

} // namespace wsi
