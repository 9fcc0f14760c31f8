// WindowLessonHost: the main window as the Learn lessons see it (the LessonHost calls, nothing more).
#pragma once

#include "learn/lessonhost.h"

#include <QCoreApplication>

#include <memory>

namespace wsi {

class MainWindow;

class WindowLessonHost : public LessonHost
{
    Q_DECLARE_TR_FUNCTIONS(WindowLessonHost)

public:
    explicit WindowLessonHost(MainWindow *window);
    ~WindowLessonHost() override;

    LocalServer *ensureTestServer(QString *error) override;
    LocalServer *ensureTlsTestServer(QString *caFile, QString *error) override;
    Connection *openConnection(const ConnectionOptions &options) override;
    ReconnectController *reconnectControllerFor(const Connection *connection) const override;
    void selectConnection(Connection *connection) override;
    void showView(View view) override;
    bool highlightHeader(const QByteArray &name) override;
    void highlightEvent(int eventIndex) override;

private:
    MainWindow *m_window;
    // The wss lesson's own server when the Test Server panel's is not a wss one with the app's CA: the user's
    // server keeps the options they chose.
    std::unique_ptr<LocalServer> m_tlsServer;
};

} // namespace wsi
