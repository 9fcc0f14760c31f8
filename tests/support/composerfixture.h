// The fixture of the composer's GUI tests (tst_composer, tst_composersources): the real MainWindow with one
// connection open to a python3-websockets echo server on 127.0.0.1, settings and saved messages of the test's
// own, and helpers that count what the connection recorded.
#pragma once

#include "compose/composer.h"
#include "compose/savedmessagespanel.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

class ComposerFixture : public QObject
{
protected:
    // For initTestCase(): the test's own settings and saved messages, the echo server, the window, the connection.
    void setUpWindow(const QString &applicationName)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
        QCoreApplication::setApplicationName(applicationName);
        QSettings().clear();
        QFile::remove(wsi::SavedMessagesPanel::defaultStorePath());

        QVERIFY(m_peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));
        m_window = std::make_unique<wsi::MainWindow>();
        m_window->resize(1300, 860);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_composer = m_window->composer();
        QVERIFY(!child<QPushButton>("sendButton")->isEnabled()); // no connection yet
        m_window->connectTo(m_peer.url(QStringLiteral("/composer")));
        QCOMPARE(m_window->workspace()->connections().size(), 1);
        m_connection = m_window->workspace()->connections().constFirst();
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), wsi::Connection::State::Open, 10000);
        QTRY_VERIFY(m_composer->canSend());
    }

    // For cleanupTestCase().
    void tearDownWindow()
    {
        m_window.reset();
        m_peer.stop();
        QFile::remove(wsi::SavedMessagesPanel::defaultStorePath());
    }

    template <typename T> T *child(const char *name) const { return m_window->findChild<T *>(QLatin1String(name)); }

    int count(wsi::EventType type, wsi::Direction dir) const
    {
        int n = 0;
        const wsi::EventStore &events = m_connection->events();
        for (qsizetype row = 0; row < events.size(); ++row)
            n += events.at(row).type == type && events.at(row).dir == dir;
        return n;
    }

    // The newest message in that direction with exactly this payload; -1 when none.
    int findMessage(wsi::Direction dir, const QByteArray &payload) const
    {
        const wsi::EventStore &events = m_connection->events();
        for (qsizetype row = events.size() - 1; row >= 0; --row) {
            if (events.at(row).type == wsi::EventType::Message && events.at(row).dir == dir
                && events.payloadCopy(row) == payload)
                return int(row);
        }
        return -1;
    }

    // Through the format combo, as the user picks it.
    void setFormat(wsi::Composer::Format format)
    {
        auto *combo = child<QComboBox>("composerFormatCombo");
        combo->setCurrentIndex(combo->findData(format));
        QCOMPARE(m_composer->format(), format);
    }

    PeerProcess m_peer;
    std::unique_ptr<wsi::MainWindow> m_window;
    wsi::Composer *m_composer = nullptr;
    wsi::Connection *m_connection = nullptr;
};
