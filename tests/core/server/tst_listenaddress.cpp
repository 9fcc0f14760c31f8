// `wsinspector --serve [host:]port` read into where the test server listens: a port alone is loopback, an IPv6
// address goes in brackets, and every value that is not an address says what is wrong with it.
#include "server/listenaddress.h"

#include <QTest>

using namespace wsi;

class TestListenAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsHostAndPort_data();
    void readsHostAndPort();
    void refusesWhatIsNotAnAddress_data();
    void refusesWhatIsNotAnAddress();
};

void TestListenAddress::readsHostAndPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("a port alone is loopback") << "9000"
                                              << "127.0.0.1" << 9000;
    QTest::newRow("port 0 is a free one") << "0"
                                          << "127.0.0.1" << 0;
    QTest::newRow("the highest port") << "65535"
                                      << "127.0.0.1" << 65535;
    QTest::newRow("loopback and a port") << "127.0.0.1:8080"
                                         << "127.0.0.1" << 8080;
    QTest::newRow("every interface") << "0.0.0.0:9000"
                                     << "0.0.0.0" << 9000;
    QTest::newRow("IPv6 loopback in brackets") << "[::1]:9001"
                                               << "::1" << 9001;
    QTest::newRow("IPv6 any in brackets") << "[::]:9002"
                                          << "::" << 9002;
    QTest::newRow("spaces around are ignored") << " 127.0.0.1:9003 "
                                               << "127.0.0.1" << 9003;
}

void TestListenAddress::readsHostAndPort()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    ListenAddress where;
    QString error;
    QVERIFY2(ListenAddress::parse(text, &where, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(where.address, QHostAddress(address));
    QCOMPARE(int(where.port), port);
}

void TestListenAddress::refusesWhatIsNotAnAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named"); // the error quotes what it could not read
    QTest::newRow("nothing") << ""
                             << "\"\" is not [host:]port";
    QTest::newRow("a word") << "abc"
                            << "\"abc\" is not [host:]port: the port must be a number";
    QTest::newRow("a port too high") << "65536"
                                     << "\"65536\" is not [host:]port: the port must be a number";
    QTest::newRow("a negative port") << "-1"
                                     << "\"-1\" is not [host:]port";
    QTest::newRow("a host without a port") << "127.0.0.1:"
                                           << "\"127.0.0.1:\" is not [host:]port";
    QTest::newRow("a host name") << "localhost:9000"
                                 << "\"localhost\" is not an IP address to listen on";
    QTest::newRow("an address that is not one") << "300.1.1.1:9000"
                                                << "\"300.1.1.1\" is not an IP address";
    QTest::newRow("IPv6 without brackets") << "::1:9000"
                                           << "write an IPv6 address in brackets";
    QTest::newRow("IPv6 in brackets without a port") << "[::1]"
                                                     << "needs a port after it";
    QTest::newRow("something else in brackets") << "[abc]:9000"
                                                << "\"abc\" is not an IP address";
}

void TestListenAddress::refusesWhatIsNotAnAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    ListenAddress where;
    where.port = 1234;
    QString error;
    QVERIFY(!ListenAddress::parse(text, &where, &error));
    QVERIFY2(error.contains(named), qPrintable(error));
    QCOMPARE(int(where.port), 1234); // untouched
}

QTEST_GUILESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
