// wss:// through the intercepting tap against python3-websockets wss servers on 127.0.0.1: plaintext
// handshake and messages from the wire, the real server's TLS facts, and every verification error named.
#include "connection/connection.h"
#include "peerprocess.h"
#include "tls/certificateauthority.h"
#include "tls/trustedcertificates.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace wsi;

class tst_TlsInterception : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CertificateAuthority> m_authority;
    QString cert(const QString &name) const { return m_dir.filePath(QStringLiteral("certs/") + name); }

    std::unique_ptr<PeerProcess> startServer(const QString &stem, const QStringList &extra = {})
    {
        auto server = std::make_unique<PeerProcess>();
        if (!server->start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
                QStringList { cert(stem + QStringLiteral(".pem")), cert(stem + QStringLiteral(".key")) } + extra))
            return nullptr;
        return server;
    }

    std::unique_ptr<Connection> connection(const PeerProcess &server, const QString &host = QStringLiteral("127.0.0.1"))
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://%1:%2/secure").arg(host).arg(server.port()));
        options.timeoutMs = 10000;
        auto c = std::make_unique<Connection>(options);
        c->setCertificateAuthority(m_authority.get());
        return c;
    }

    static QStringList errors(const Connection &c, ErrorLayer layer)
    {
        QStringList out;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            if (c.events().at(i).type == EventType::Error && c.events().at(i).layer() == layer)
                out << c.events().payloadText(i);
        }
        return out;
    }

    static qsizetype firstOf(const Connection &c, EventType type, Direction dir)
    {
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            if (c.events().at(i).type == type && c.events().at(i).dir == dir)
                return i;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspectorTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_tlsinterception"));
        QVERIFY(m_dir.isValid());
        QProcess make;
        make.start(QStringLiteral(WSI_SYSTEM_PYTHON),
            { QStringLiteral(WSI_TEST_PEERS_DIR "/make_certs.py"), m_dir.filePath(QStringLiteral("certs")) });
        QVERIFY(make.waitForFinished(30000));
        QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());
        m_authority = std::make_unique<CertificateAuthority>(m_dir.filePath(QStringLiteral("ca")));
        QVERIFY(m_authority->load());
        for (const auto &entry : TrustedCertificates::all())
            TrustedCertificates::remove(entry.host, entry.fingerprint);
    }

    void trustedServerIsInspectedInPlaintext()
    {
        auto server = startServer(QStringLiteral("good"));
        QVERIFY(server);
        auto c = connection(*server);
        ConnectionOptions options = c->options();
        options.caFile = cert(QStringLiteral("ca.pem"));
        c = std::make_unique<Connection>(options);
        c->setCertificateAuthority(m_authority.get());
        QSignalSpy decision(c.get(), &Connection::tlsDecisionNeeded);
        c->open();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QCOMPARE(decision.count(), 0);
        const HandshakeRecord &hs = c->handshake();
        QVERIFY(hs.intercepted);
        QVERIFY(!hs.encrypted);
        // The plaintext upgrade, exactly as on the (inner) wire.
        QVERIFY(hs.request.raw.startsWith("GET /secure HTTP/1.1\r\n"));
        QCOMPARE(hs.response.status, 101);
        QCOMPARE(hs.response.value("X-Test-Peer"), QByteArray("python-wss"));
        QVERIFY(hs.accept.valid);
        // The real server's TLS facts.
        QVERIFY(hs.tlsKnown);
        QVERIFY(hs.tls.verified);
        QCOMPARE(hs.tls.protocol, QStringLiteral("TLS 1.3"));
        QVERIFY(!hs.tls.cipher.isEmpty());
        QVERIFY(!hs.tls.chain.isEmpty());
        QVERIFY(hs.tls.chain.first().subjectAltNames.contains(QStringLiteral("IP:127.0.0.1")));
        QCOMPARE(hs.tls.chain.first().keyType, QStringLiteral("EC"));
        QCOMPARE(hs.tls.chain.first().keyBits, 256);
        QVERIFY(c->timings().tlsUs > 0);
        // Intercepting, the tap's own TLS with the app's WebSocket is part of its share: still measured, and
        // with the steps it makes up the total exactly.
        const ConnectionTimings &t = c->timings();
        QVERIFY2(t.socketStartUs >= 0, qPrintable(QString::number(t.socketStartUs)));
        QVERIFY2(t.localTapUs >= 0, qPrintable(QString::number(t.localTapUs)));
        QCOMPARE(t.socketStartUs + t.dnsUs + t.tcpUs + t.tlsUs + t.upgradeUs + t.localTapUs, t.totalUs);
        qInfo("loopback wss (intercepted): socket start %lld us, local tap %lld us, TLS %lld us, total %lld us",
            t.socketStartUs, t.localTapUs, t.tlsUs, t.totalUs);
        QVERIFY(firstOf(*c, EventType::Tls, Direction::None) >= 0);

        QSignalSpy socketTexts(c->socket(), &QWebSocket::textMessageReceived);
        QVERIFY(c->sendText(QStringLiteral("secret over tls")));
        QTRY_VERIFY_WITH_TIMEOUT(firstOf(*c, EventType::Message, Direction::Incoming) >= 0, 5000);
        // Decoded once: the tap read the message in plaintext, so its own WebSocket was not handed it.
        QCOMPARE(socketTexts.count(), 0);
        const qsizetype in = firstOf(*c, EventType::Message, Direction::Incoming);
        QCOMPARE(c->events().payloadText(in), QStringLiteral("secret over tls"));
        QVERIFY(!c->events().at(in).hasFlag(FlagFromSocket)); // decoded from the wire
        const qsizetype frameOut = firstOf(*c, EventType::Frame, Direction::Outgoing);
        QVERIFY(frameOut >= 0 && c->events().at(frameOut).hasFlag(FlagMasked));
        QVERIFY(c->close());
        QSignalSpy finished(c.get(), &Connection::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(firstOf(*c, EventType::Close, Direction::Incoming) >= 0); // the server's Close reply, in plaintext
    }

    void verificationErrorsAreNamed_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown CA") << "good"
                                    << "127.0.0.1"
                                    << "unknown certificate authority";
        QTest::newRow("self-signed") << "selfsigned"
                                     << "127.0.0.1"
                                     << "self-signed";
        QTest::newRow("expired") << "expired"
                                 << "127.0.0.1"
                                 << "expired";
        QTest::newRow("wrong host name") << "wronghost"
                                         << "127.0.0.1"
                                         << "other.example";
    }

    void verificationErrorsAreNamed()
    {
        QFETCH(QString, stem);
        QFETCH(QString, host);
        QFETCH(QString, named);
        auto server = startServer(stem);
        QVERIFY(server);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://%1:%2/").arg(host).arg(server->port()));
        if (stem != QLatin1String("good"))
            options.caFile = cert(QStringLiteral("ca.pem")); // so that only the named problem remains
        Connection c(options);
        c.setCertificateAuthority(m_authority.get());
        QSignalSpy decision(&c, &Connection::tlsDecisionNeeded);
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        QVERIFY(decision.wait(10000));
        QVERIFY(c.awaitingTlsDecision());
        QCOMPARE(c.state(), Connection::State::Connecting);
        const QStringList tlsErrors = errors(c, ErrorLayer::Tls);
        QCOMPARE(tlsErrors.size(), 1);
        QVERIFY2(tlsErrors.first().contains(named, Qt::CaseInsensitive), qPrintable(tlsErrors.first()));
        // Waiting for the user is not a timeout.
        QTest::qWait(300);
        QCOMPARE(c.state(), Connection::State::Connecting);
        c.cancelTls();
        // Cancelling may finish the connection at once, inside cancelTls().
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QCOMPARE(c.state(), Connection::State::Failed);
        QVERIFY2(c.statusText().contains(QStringLiteral("cancelled")), qPrintable(c.statusText()));
    }

    void proceedOnceThenWorks()
    {
        auto server = startServer(QStringLiteral("selfsigned"));
        QVERIFY(server);
        auto c = connection(*server);
        QSignalSpy decision(c.get(), &Connection::tlsDecisionNeeded);
        c->open();
        QVERIFY(decision.wait(10000));
        c->proceedTls(false);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QVERIFY(c->handshake().tls.proceededDespiteErrors);
        QVERIFY(!c->handshake().tls.verified);
        QCOMPARE(c->handshake().response.status, 101);
        c->close();
        // Proceed once is once: the next connection asks again.
        auto again = connection(*server);
        QSignalSpy decisionAgain(again.get(), &Connection::tlsDecisionNeeded);
        again->open();
        QVERIFY(decisionAgain.wait(10000));
        again->cancelTls();
    }

    void alwaysTrustIsRemembered()
    {
        auto server = startServer(QStringLiteral("selfsigned"));
        QVERIFY(server);
        auto c = connection(*server);
        QSignalSpy decision(c.get(), &Connection::tlsDecisionNeeded);
        c->open();
        QVERIFY(decision.wait(10000));
        c->proceedTls(true);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QCOMPARE(TrustedCertificates::fingerprintsFor(QStringLiteral("127.0.0.1")).size(), 1);
        c->close();
        auto again = connection(*server);
        QSignalSpy decisionAgain(again.get(), &Connection::tlsDecisionNeeded);
        again->open();
        QTRY_COMPARE_WITH_TIMEOUT(again->state(), Connection::State::Open, 10000);
        QCOMPARE(decisionAgain.count(), 0);
        again->close();
        const auto entries = TrustedCertificates::all();
        for (const auto &entry : entries)
            TrustedCertificates::remove(entry.host, entry.fingerprint);
        QVERIFY(TrustedCertificates::all().isEmpty());
    }

    void insecureProceedsAndSaysSo()
    {
        auto server = startServer(QStringLiteral("expired"));
        QVERIFY(server);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(server->port()));
        options.insecure = true;
        Connection c(options);
        c.setCertificateAuthority(m_authority.get());
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        const qsizetype tls = firstOf(c, EventType::Tls, Direction::None);
        QVERIFY(tls >= 0);
        QVERIFY2(c.events().payloadText(tls).contains(QStringLiteral("proceeding despite")),
            qPrintable(c.events().payloadText(tls)));
        c.close();
    }

    void clientCertificateRequired_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("opens");
        QTest::newRow("PEM client certificate") << "client.pem"
                                                << "client.key"
                                                << "" << true;
        QTest::newRow("PKCS#12 with password") << "client.p12"
                                               << ""
                                               << "secret" << true;
        QTest::newRow("no client certificate") << ""
                                               << ""
                                               << "" << false;
    }

    void clientCertificateRequired()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, password);
        QFETCH(bool, opens);
        auto server
            = startServer(QStringLiteral("good"), { QStringLiteral("--client-ca"), cert(QStringLiteral("ca.pem")) });
        QVERIFY(server);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(server->port()));
        options.caFile = cert(QStringLiteral("ca.pem"));
        if (!certificate.isEmpty())
            options.clientCertificateFile = cert(certificate);
        if (!key.isEmpty())
            options.clientKeyFile = cert(key);
        options.clientCertificatePassword = password;
        QCOMPARE(options.validate(), QString());
        Connection c(options);
        c.setCertificateAuthority(m_authority.get());
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        if (opens) {
            QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
            c.close();
            QVERIFY(finished.wait(10000));
        } else {
            QVERIFY(finished.wait(15000));
            QCOMPARE(c.state(), Connection::State::Failed);
            QVERIFY2(c.statusText().contains(QStringLiteral("client certificate")), qPrintable(c.statusText()));
        }
    }

    void wrongPkcs12PasswordIsNamed()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://127.0.0.1:1/"));
        options.clientCertificateFile = cert(QStringLiteral("client.p12"));
        options.clientCertificatePassword = QStringLiteral("wrong");
        QVERIFY2(options.validate().contains(QStringLiteral("password")), qPrintable(options.validate()));
    }

    void interceptionOffKeepsTheWireOpaque()
    {
        auto server = startServer(QStringLiteral("good"));
        QVERIFY(server);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(server->port()));
        options.caFile = cert(QStringLiteral("ca.pem"));
        options.interceptTls = false;
        Connection c(options);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QVERIFY(c.handshake().encrypted);
        QVERIFY(!c.handshake().intercepted);
        c.close();
    }
};

QTEST_GUILESS_MAIN(tst_TlsInterception)
#include "tst_tlsinterception.moc"
