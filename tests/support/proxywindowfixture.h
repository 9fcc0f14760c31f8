// What the Proxy dock's GUI tests share (tst_proxypanel, tst_proxybreakpoints, tst_forwardproxypage): settings of
// their own under QStandardPaths' test mode, widgets found by object name, the window's proxied connection.
#pragma once

#include "connection/connection.h"
#include "connection/workspace.h"
#include "shell/mainwindow.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

class ProxyWindowFixture : public QObject
{
protected:
    // For initTestCase(): the window's settings go to a file of this test, never to the user's.
    static void useTestSettings(const QString &applicationName)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
        QCoreApplication::setApplicationName(applicationName);
        QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
    }

    template <typename T> static T *child(QObject *parent, const char *name)
    {
        return parent->findChild<T *>(QLatin1String(name));
    }

    static wsi::Connection *firstProxied(wsi::MainWindow &window)
    {
        for (wsi::Connection *c : window.workspace()->connections()) {
            if (c->kind() == wsi::Connection::Kind::Proxied)
                return c;
        }
        return nullptr;
    }
};
