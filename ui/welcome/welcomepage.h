// WelcomePage: what the central area offers while nothing is open (try the test server, connect, recent and saved).
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace wsi {

class EndpointStore;
struct ConnectionOptions;

// A first run must start somewhere: one click shows both sides of a WebSocket (the test server and a client
// of it), and what the user connected to before is one click away. The page only asks; the window acts.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    // The sample endpoint collection shipped in the resources, in EndpointStore's export format.
    static QString sampleEndpointsPath();

    explicit WelcomePage(EndpointStore *store, QWidget *parent = nullptr);
    ~WelcomePage() override;

    // Imports the sample collection into the store; the number added, or -1 (the reason shown on the page).
    int importSampleEndpoints();
    QString noteText() const;

Q_SIGNALS:
    void tryItRequested();
    void connectToUrlRequested();
    void recentUrlRequested(const QString &url);
    void endpointRequested(const wsi::ConnectionOptions &options);

private:
    void rebuildRecent();
    void rebuildEndpoints();
    QPushButton *addLinkButton(QVBoxLayout *layout, const QString &text, const QString &toolTip);
    static void clearButtons(QVBoxLayout *layout);

    EndpointStore *m_store;
    QVBoxLayout *m_recentLayout = nullptr;
    QVBoxLayout *m_endpointsLayout = nullptr;
    QLabel *m_recentEmpty = nullptr;
    QLabel *m_endpointsEmpty = nullptr;
    QLabel *m_endpointsMore = nullptr;
    QPushButton *m_importSample = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace wsi
