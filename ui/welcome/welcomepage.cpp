// WelcomePage: what the central area offers while nothing is open (try the test server, connect, recent and saved).
#include "welcome/welcomepage.h"

#include "common/theme.h"
#include "endpoints/endpointstore.h"

#include <QCommandLinkButton>
#include <QFile>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace wsi {

namespace {

constexpr int kShownRecent = 6;
constexpr int kShownEndpoints = 8;
constexpr int kLinkTextWidth = 320; // long URLs are elided in the middle: the host and the last path part stay

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

QLabel *placeholder(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

QString WelcomePage::sampleEndpointsPath()
{
    return QStringLiteral(":/samples/endpoints.json");
}

WelcomePage::WelcomePage(EndpointStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    // The existing name: the empty state is this page now.
    setObjectName(QStringLiteral("emptyState"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // A short window scrolls the page instead of squeezing it.
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    outer->addWidget(scroll);

    auto *canvas = new QWidget(scroll);
    auto *centering = new QHBoxLayout(canvas);
    auto *column = new QWidget(canvas);
    column->setMaximumWidth(720);
    centering->addStretch(1);
    centering->addWidget(column, 8);
    centering->addStretch(1);
    scroll->setWidget(canvas);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(12, 24, 12, 24);
    layout->setSpacing(6);
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(16);
    auto *logo = new QLabel(column);
    logo->setPixmap(theme::icon("app").pixmap(56, 56));
    logo->setAlignment(Qt::AlignTop);
    titleRow->addWidget(logo);
    auto *title = new QLabel(tr("<h2>Welcome to WS Inspector</h2>"
                                "<p>Every byte of the opening handshake, with its checks and timings; every message, "
                                "ping, close and (with Show frames) every frame, as it crossed the wire.</p>"),
        column);
    title->setWordWrap(true);
    titleRow->addWidget(title, 1);
    layout->addLayout(titleRow);
    layout->addSpacing(8);

    // What to do first above what was used before, in two columns of equal width.
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *tryIt = new QCommandLinkButton(tr("Try it: start the test server and connect to it"),
        tr("Starts the built-in test server on this machine and connects a client to it: both sides of one "
           "WebSocket, listed side by side."),
        column);
    tryIt->setObjectName(QStringLiteral("welcomeTryItButton"));
    tryIt->setIcon(theme::icon("server"));
    tryIt->setToolTip(tr("The test server listens on 127.0.0.1 unless you chose otherwise in its panel (Ctrl+T)"));
    connect(tryIt, &QAbstractButton::clicked, this, &WelcomePage::tryItRequested);
    auto *connectUrl = new QCommandLinkButton(
        tr("Connect to a URL"), tr("Type a ws:// or wss:// URL in the bar above and press Enter (Ctrl+L)."), column);
    connectUrl->setObjectName(QStringLiteral("welcomeConnectUrlButton"));
    connectUrl->setIcon(theme::icon("connect"));
    connectUrl->setToolTip(tr("Move the focus to the URL field (Ctrl+L)"));
    connect(connectUrl, &QAbstractButton::clicked, this, &WelcomePage::connectToUrlRequested);
    // One above the other, full width: their titles are sentences, never cut.
    grid->addWidget(tryIt, 0, 0, 1, 2);
    grid->addWidget(connectUrl, 1, 0, 1, 2);
    grid->setRowMinimumHeight(2, 8);
    grid->addWidget(heading(tr("Recent URLs"), column), 3, 0);
    grid->addWidget(heading(tr("Saved endpoints"), column), 3, 1);
    m_recentLayout = new QVBoxLayout;
    m_recentLayout->setSpacing(0);
    m_recentEmpty = placeholder(tr("The URLs you connect to are listed here."), column);
    m_endpointsLayout = new QVBoxLayout;
    m_endpointsLayout->setSpacing(0);
    m_endpointsEmpty
        = placeholder(tr("No saved endpoints yet: save a connection with Ctrl+S, or import the samples."), column);
    m_endpointsMore = placeholder(QString(), column);
    auto *recentColumn = new QVBoxLayout;
    recentColumn->addWidget(m_recentEmpty);
    recentColumn->addLayout(m_recentLayout);
    recentColumn->addStretch(1);
    auto *endpointsColumn = new QVBoxLayout;
    endpointsColumn->addWidget(m_endpointsEmpty);
    endpointsColumn->addLayout(m_endpointsLayout);
    endpointsColumn->addWidget(m_endpointsMore);
    m_importSample = new QPushButton(theme::icon("new"), tr("Import sample endpoints"), column);
    m_importSample->setObjectName(QStringLiteral("welcomeImportSampleButton"));
    m_importSample->setToolTip(tr("Adds a few public echo and streaming endpoints to the Samples folder"));
    connect(m_importSample, &QAbstractButton::clicked, this, &WelcomePage::importSampleEndpoints);
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(m_importSample);
    importRow->addStretch(1);
    endpointsColumn->addSpacing(6);
    endpointsColumn->addLayout(importRow);
    endpointsColumn->addStretch(1);
    grid->addLayout(recentColumn, 4, 0);
    grid->addLayout(endpointsColumn, 4, 1);
    layout->addLayout(grid);

    m_note = new QLabel(column);
    m_note->setObjectName(QStringLiteral("welcomeNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    auto *keys = placeholder(tr("Ctrl+L: URL \u00b7 Ctrl+Enter: send \u00b7 Ctrl+D: disconnect \u00b7 Ctrl+Shift+F: "
                                "frames \u00b7 Ctrl+T: test server \u00b7 F1: about"),
        column);
    keys->setContentsMargins(0, 16, 0, 0);
    layout->addWidget(keys);
    layout->addStretch(1);

    connect(m_store, &EndpointStore::recentUrlsChanged, this, &WelcomePage::rebuildRecent);
    connect(m_store, &EndpointStore::changed, this, &WelcomePage::rebuildEndpoints);
    rebuildRecent();
    rebuildEndpoints();
}

WelcomePage::~WelcomePage() = default;

QPushButton *WelcomePage::addLinkButton(QVBoxLayout *layout, const QString &text, const QString &toolTip)
{
    auto *button = new QPushButton(this);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setStyleSheet(QStringLiteral("text-align: left; padding: 3px 6px;"));
    button->setText(button->fontMetrics().elidedText(text, Qt::ElideMiddle, kLinkTextWidth));
    button->setToolTip(toolTip);
    layout->addWidget(button);
    button->show(); // added to a page that may be showing already
    return button;
}

void WelcomePage::clearButtons(QVBoxLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void WelcomePage::rebuildRecent()
{
    clearButtons(m_recentLayout);
    const QStringList urls = m_store->recentUrls();
    m_recentEmpty->setVisible(urls.isEmpty());
    for (int i = 0; i < urls.size() && i < kShownRecent; ++i) {
        const QString url = urls.at(i);
        QPushButton *button = addLinkButton(m_recentLayout, url, tr("Connect to %1").arg(url));
        button->setObjectName(QStringLiteral("welcomeRecentUrl_%1").arg(i));
        button->setIcon(theme::icon("connect"));
        connect(button, &QAbstractButton::clicked, this, [this, url] { Q_EMIT recentUrlRequested(url); });
    }
}

void WelcomePage::rebuildEndpoints()
{
    clearButtons(m_endpointsLayout);
    const QList<Endpoint> &endpoints = m_store->endpoints();
    m_endpointsEmpty->setVisible(endpoints.isEmpty());
    for (int i = 0; i < endpoints.size() && i < kShownEndpoints; ++i) {
        const Endpoint &e = endpoints.at(i);
        const QString path = e.folder.isEmpty() ? e.name : e.folder + QLatin1Char('/') + e.name;
        QPushButton *button = addLinkButton(
            m_endpointsLayout, e.name, tr("Connect to the endpoint %1\n%2").arg(path, e.options.url.toString()));
        button->setObjectName(QStringLiteral("welcomeEndpoint_%1").arg(i));
        button->setIcon(theme::icon("save"));
        const QString id = e.id;
        connect(button, &QAbstractButton::clicked, this, [this, id] {
            const Endpoint chosen = m_store->endpoint(id);
            if (!chosen.id.isEmpty())
                Q_EMIT endpointRequested(chosen.options);
        });
    }
    const qsizetype more = endpoints.size() - kShownEndpoints;
    m_endpointsMore->setVisible(more > 0);
    if (more > 0)
        m_endpointsMore->setText(tr("%n more in the Endpoints panel.", nullptr, int(more)));
}

int WelcomePage::importSampleEndpoints()
{
    QFile file(sampleEndpointsPath());
    QString error;
    const int added = file.open(QIODevice::ReadOnly) ? m_store->importJson(file.readAll(), &error) : -1;
    m_note->setStyleSheet(theme::bannerStyleSheet(added < 0 ? theme::Tone::Error : theme::Tone::Success, palette()));
    if (added < 0)
        m_note->setText(tr("The samples could not be imported. %1").arg(error));
    else if (added == 1)
        m_note->setText(tr("1 sample endpoint added to the Samples folder of the Endpoints panel."));
    else
        m_note->setText(tr("%1 sample endpoints added to the Samples folder of the Endpoints panel.").arg(added));
    m_note->show();
    return added;
}

QString WelcomePage::noteText() const
{
    return m_note->text();
}

} // namespace wsi
