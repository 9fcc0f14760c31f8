// The fixture shared by the sessions GUI tests: a MainWindow journaling into a temporary folder of the test,
// a temporary folder for exported files, and helpers that open a connection with secrets to an echo peer and
// drive the modal dialogs the File menu opens.
#pragma once

#include "common/filedialogs.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionjournal.h"
#include "peerprocess.h"
#include "sessions/previoussessionsdialog.h"
#include "sessions/sessionscontroller.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

class SessionsGuiFixture : public QObject
{
protected:
    static void setUpApplication(const QString &name)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
        QCoreApplication::setApplicationName(name);
    }

    void setUpWindow()
    {
        QSettings().clear();
        m_sessions = std::make_unique<QTemporaryDir>();
        m_files = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sessions->isValid() && m_files->isValid());
        // Journals go to a folder of this test, never to the user's data folder.
        qputenv("WSI_SESSIONS_DIR", m_sessions->path().toUtf8());
        m_window = std::make_unique<wsi::MainWindow>();
        QCOMPARE(m_window->sessions()->journal()->folder(), m_sessions->path());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void tearDownWindow()
    {
        wsi::FileDialogs::setHandler(nullptr);
        wsi::PreviousSessionsDialog::setConfirmation(nullptr);
        m_window.reset();
        qunsetenv("WSI_SESSIONS_DIR");
    }

    static QByteArray allBytes()
    {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        return bytes + QByteArray("\x00\xff\x80\r\n", 5);
    }

    static int findMessage(const wsi::Connection *c, wsi::Direction dir, const QByteArray &payload)
    {
        const wsi::EventStore &store = c->events();
        for (qsizetype i = 0; i < store.size(); ++i) {
            if (store.at(i).type == wsi::EventType::Message && store.at(i).dir == dir
                && store.payloadCopy(i) == payload)
                return int(i);
        }
        return -1;
    }

    // Opens a connection to the echo server with a secret in the URL and a header, sends a text and a binary
    // message with every byte value, and waits for both echoes.
    wsi::Connection *openAndExchange(PeerProcess &peer)
    {
        wsi::ConnectionOptions options;
        options.url = QUrl(peer.url(QStringLiteral("/chat?room=1&token=s3cretTok")));
        options.headers << qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cretBearer"));
        wsi::Connection *c = m_window->workspace()->openConnection(options);
        m_window->selectConnection(c);
        if (!QTest::qWaitFor([c] { return c->state() == wsi::Connection::State::Open; }, 10000))
            return nullptr;
        c->sendText(QStringLiteral("hello journal"));
        c->sendBinary(allBytes());
        if (!QTest::qWaitFor([c] { return findMessage(c, wsi::Direction::Incoming, allBytes()) >= 0; }, 10000))
            return nullptr;
        return c;
    }

    // Runs `drive` on the next modal dialog (of type T), then triggers `action`.
    template <typename T> bool driveModal(QAction *action, const std::function<void(T *)> &drive)
    {
        bool driven = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            driven = true;
            drive(dialog);
        });
        if (!action->isEnabled())
            return false;
        action->trigger();
        return driven;
    }

    std::unique_ptr<QTemporaryDir> m_sessions;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<wsi::MainWindow> m_window;
};
