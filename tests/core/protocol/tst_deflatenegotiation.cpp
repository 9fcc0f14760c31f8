// Tests for permessage-deflate negotiation: Sec-WebSocket-Extensions parsed, offers and responses validated
// (RFC 7692 sections 5 and 7), the parameters in force, and the server's answer.
#include "protocol/deflatenegotiation.h"
#include "protocol/extensionheader.h"
#include "protocol/handshakeparser.h"

#include <QtTest>

using namespace wsi;

Q_DECLARE_METATYPE(wsi::DeflateViolationKind)

class tst_DeflateNegotiation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesExtensionList();
    void rejectsMalformedExtensionList_data();
    void rejectsMalformedExtensionList();
    void parsesOffers();
    void invalidOffersAreNamedAndLeftOut_data();
    void invalidOffersAreNamedAndLeftOut();
    void negotiatesParameters_data();
    void negotiatesParameters();
    void responseViolationsAreNamed_data();
    void responseViolationsAreNamed();
    void noResponseMeansNoCompression();
    void readsRecordedHeadsWithRepeatedHeaders();
    void serverAnswersTheFirstValidOffer_data();
    void serverAnswersTheFirstValidOffer();
};

void tst_DeflateNegotiation::parsesExtensionList()
{
    QList<ExtensionEntry> entries;
    QString error;
    QVERIFY(ExtensionHeader::parse("permessage-deflate; Client_Max_Window_Bits; server_max_window_bits=\"10\" ,"
                                   " x-webkit-deflate-frame,, foo;bar=\"a\\\"b\"",
        &entries, &error));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[0].name, QByteArray("permessage-deflate"));
    QCOMPARE(entries[0].params.size(), 2);
    QCOMPARE(entries[0].params[0].name, QByteArray("client_max_window_bits"));
    QVERIFY(!entries[0].params[0].hasValue);
    QCOMPARE(entries[0].params[1].value, QByteArray("10"));
    QCOMPARE(entries[1].name, QByteArray("x-webkit-deflate-frame"));
    QCOMPARE(entries[2].params[0].value, QByteArray("a\"b"));
    QCOMPARE(ExtensionHeader::serialize({ entries[0] }),
        QByteArray("permessage-deflate; client_max_window_bits; server_max_window_bits=10"));
}

void tst_DeflateNegotiation::rejectsMalformedExtensionList_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("error");
    QTest::newRow("stray character") << QByteArray("permessage-deflate @") << QStringLiteral("%40");
    QTest::newRow("parameter without name")
        << QByteArray("permessage-deflate; =3") << QStringLiteral("parameter without a name");
    QTest::newRow("unterminated quote") << QByteArray("permessage-deflate; server_max_window_bits=\"10")
                                        << QStringLiteral("never ends");
    QTest::newRow("equals without value")
        << QByteArray("permessage-deflate; server_max_window_bits=") << QStringLiteral("but no value");
}

void tst_DeflateNegotiation::rejectsMalformedExtensionList()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, error);
    QList<ExtensionEntry> entries;
    QString why;
    QVERIFY(!ExtensionHeader::parse(header, &entries, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
    QList<DeflateViolation> violations;
    PerMessageDeflateOffer::parseOffers(header, &violations);
    QVERIFY(!violations.isEmpty());
    QCOMPARE(violations.first().kind, DeflateViolationKind::MalformedExtensionHeader);
}

void tst_DeflateNegotiation::parsesOffers()
{
    // Several offers in preference order, as a client that prefers a small window sends them.
    QList<DeflateViolation> violations;
    const QList<PerMessageDeflateOffer> offers = PerMessageDeflateOffer::parseOffers(
        "permessage-deflate; client_max_window_bits=10; server_max_window_bits=10; server_no_context_takeover, "
        "permessage-deflate; client_no_context_takeover; client_max_window_bits, permessage-deflate",
        &violations);
    QVERIFY(violations.isEmpty());
    QCOMPARE(offers.size(), 3);
    QCOMPARE(offers[0].clientMaxWindowBits, 10);
    QCOMPARE(offers[0].serverMaxWindowBits, 10);
    QVERIFY(offers[0].serverNoContextTakeover);
    QVERIFY(!offers[0].clientNoContextTakeover);
    QVERIFY(offers[1].clientNoContextTakeover);
    QVERIFY(offers[1].hasClientMaxWindowBits);
    QCOMPARE(offers[1].clientMaxWindowBits, 0);
    QCOMPARE(offers[2], PerMessageDeflateOffer());
    QCOMPARE(offers[1].toHeaderValue(),
        QByteArray("permessage-deflate; client_no_context_takeover; client_max_window_bits"));
}

void tst_DeflateNegotiation::invalidOffersAreNamedAndLeftOut_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<DeflateViolationKind>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("unknown parameter") << QByteArray("permessage-deflate; mem_level=9")
                                       << DeflateViolationKind::UnknownParameter << QStringLiteral("mem_level=9");
    QTest::newRow("duplicate parameter") << QByteArray(
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover")
                                         << DeflateViolationKind::DuplicateParameter
                                         << QStringLiteral("client_no_context_takeover");
    QTest::newRow("window bits 16") << QByteArray("permessage-deflate; server_max_window_bits=16")
                                    << DeflateViolationKind::InvalidParameterValue
                                    << QStringLiteral("server_max_window_bits=16");
    QTest::newRow("window bits 7") << QByteArray("permessage-deflate; client_max_window_bits=7")
                                   << DeflateViolationKind::InvalidParameterValue
                                   << QStringLiteral("client_max_window_bits=7");
    QTest::newRow("leading zero") << QByteArray("permessage-deflate; server_max_window_bits=09")
                                  << DeflateViolationKind::InvalidParameterValue
                                  << QStringLiteral("server_max_window_bits=09");
    QTest::newRow("server bits without value")
        << QByteArray("permessage-deflate; server_max_window_bits") << DeflateViolationKind::InvalidParameterValue
        << QStringLiteral("server_max_window_bits");
    QTest::newRow("value on a flag") << QByteArray("permessage-deflate; server_no_context_takeover=1")
                                     << DeflateViolationKind::InvalidParameterValue << QStringLiteral("takes no value");
}

void tst_DeflateNegotiation::invalidOffersAreNamedAndLeftOut()
{
    QFETCH(QByteArray, header);
    QFETCH(DeflateViolationKind, kind);
    QFETCH(QString, detail);
    QList<DeflateViolation> violations;
    // The invalid offer is declined; the valid fallback after it stays.
    const QList<PerMessageDeflateOffer> offers
        = PerMessageDeflateOffer::parseOffers(header + ", permessage-deflate", &violations);
    QCOMPARE(offers.size(), 1);
    QCOMPARE(offers.first(), PerMessageDeflateOffer());
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().kind, kind);
    QVERIFY2(violations.first().detail.contains(detail), qPrintable(violations.first().detail));
    QVERIFY2(
        violations.first().describe().contains(QLatin1String("RFC 7692")), qPrintable(violations.first().describe()));
}

void tst_DeflateNegotiation::negotiatesParameters_data()
{
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("serverNoTakeover");
    QTest::addColumn<bool>("clientNoTakeover");
    QTest::addColumn<int>("serverBits");
    QTest::addColumn<int>("clientBits");
    // What Chromium, python websockets and node ws offer, answered plainly.
    QTest::newRow("browser defaults") << QByteArray("permessage-deflate; client_max_window_bits")
                                      << QByteArray("permessage-deflate") << false << false << 15 << 15;
    QTest::newRow("server limits the client")
        << QByteArray("permessage-deflate; client_max_window_bits")
        << QByteArray("permessage-deflate; client_max_window_bits=12; server_no_context_takeover") << true << false
        << 15 << 12;
    QTest::newRow("server adds its own limit")
        << QByteArray("permessage-deflate") << QByteArray("permessage-deflate; server_max_window_bits=11") << false
        << false << 11 << 15;
    QTest::newRow("server grants a smaller window")
        << QByteArray("permessage-deflate; server_max_window_bits=12")
        << QByteArray("permessage-deflate; server_max_window_bits=9") << false << false << 9 << 15;
    QTest::newRow("second offer accepted")
        << QByteArray("permessage-deflate; server_no_context_takeover, permessage-deflate; client_no_context_takeover")
        << QByteArray("permessage-deflate; client_no_context_takeover") << false << true << 15 << 15;
}

void tst_DeflateNegotiation::negotiatesParameters()
{
    QFETCH(QByteArray, offer);
    QFETCH(QByteArray, response);
    QFETCH(bool, serverNoTakeover);
    QFETCH(bool, clientNoTakeover);
    QFETCH(int, serverBits);
    QFETCH(int, clientBits);
    const DeflateNegotiation n = DeflateNegotiation::fromHandshake(offer, response);
    QVERIFY2(n.responseViolations().isEmpty(), qPrintable(n.responseViolations().value(0).describe()));
    QVERIFY(n.negotiated());
    QCOMPARE(n.params().serverNoContextTakeover, serverNoTakeover);
    QCOMPARE(n.params().clientNoContextTakeover, clientNoTakeover);
    QCOMPARE(n.params().serverMaxWindowBits, serverBits);
    QCOMPARE(n.params().clientMaxWindowBits, clientBits);
    QCOMPARE(n.params().windowBits(true), serverBits);
    QCOMPARE(n.params().noContextTakeover(false), clientNoTakeover);
}

void tst_DeflateNegotiation::responseViolationsAreNamed_data()
{
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<DeflateViolationKind>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("extension never offered")
        << QByteArray() << QByteArray("permessage-deflate") << DeflateViolationKind::ExtensionNotOffered
        << QStringLiteral("permessage-deflate");
    QTest::newRow("other extension never offered")
        << QByteArray("permessage-deflate") << QByteArray("permessage-deflate, x-webkit-deflate-frame")
        << DeflateViolationKind::ExtensionNotOffered << QStringLiteral("x-webkit-deflate-frame");
    QTest::newRow("client bits not offered")
        << QByteArray("permessage-deflate") << QByteArray("permessage-deflate; client_max_window_bits=10")
        << DeflateViolationKind::ResponseParameterNotAllowed
        << QStringLiteral("did not include client_max_window_bits");
    QTest::newRow("server bits above the offer")
        << QByteArray("permessage-deflate; server_max_window_bits=10")
        << QByteArray("permessage-deflate; server_max_window_bits=12")
        << DeflateViolationKind::ResponseParameterNotAllowed << QStringLiteral("more than the 10");
    QTest::newRow("client bits above the offer")
        << QByteArray("permessage-deflate; client_max_window_bits=10")
        << QByteArray("permessage-deflate; client_max_window_bits=11")
        << DeflateViolationKind::ResponseParameterNotAllowed << QStringLiteral("more than the 10");
    QTest::newRow("client bits without value in a response")
        << QByteArray("permessage-deflate; client_max_window_bits")
        << QByteArray("permessage-deflate; client_max_window_bits") << DeflateViolationKind::InvalidParameterValue
        << QStringLiteral("client_max_window_bits");
    QTest::newRow("required takeover left out")
        << QByteArray("permessage-deflate; server_no_context_takeover") << QByteArray("permessage-deflate")
        << DeflateViolationKind::ResponseMissesParameter << QStringLiteral("server_no_context_takeover");
    QTest::newRow("unknown response parameter")
        << QByteArray("permessage-deflate") << QByteArray("permessage-deflate; level=9")
        << DeflateViolationKind::UnknownParameter << QStringLiteral("level=9");
    QTest::newRow("duplicate response parameter")
        << QByteArray("permessage-deflate")
        << QByteArray("permessage-deflate; server_max_window_bits=9; server_max_window_bits=10")
        << DeflateViolationKind::DuplicateParameter << QStringLiteral("server_max_window_bits=10");
    QTest::newRow("accepted twice") << QByteArray("permessage-deflate, permessage-deflate")
                                    << QByteArray("permessage-deflate, permessage-deflate")
                                    << DeflateViolationKind::ExtensionRepeated << QString();
    QTest::newRow("malformed response") << QByteArray("permessage-deflate") << QByteArray("permessage-deflate;;")
                                        << DeflateViolationKind::MalformedExtensionHeader << QString();
}

void tst_DeflateNegotiation::responseViolationsAreNamed()
{
    QFETCH(QByteArray, offer);
    QFETCH(QByteArray, response);
    QFETCH(DeflateViolationKind, kind);
    QFETCH(QString, detail);
    const DeflateNegotiation n = DeflateNegotiation::fromHandshake(offer, response);
    // A foreign extension does not undo a valid permessage-deflate answer; the violation still fails the client.
    QCOMPARE(n.negotiated(), QByteArray(QTest::currentDataTag()) == "other extension never offered");
    QCOMPARE(n.responseViolations().size(), 1);
    const DeflateViolation &v = n.responseViolations().first();
    QCOMPARE(v.kind, kind);
    QVERIFY2(v.detail.contains(detail), qPrintable(v.detail));
    QVERIFY(!DeflateViolation::id(kind).isEmpty());
    QVERIFY(v.describe().endsWith(v.detail));
    QVERIFY(v.describe().size() > v.detail.size() + 20);
}

void tst_DeflateNegotiation::noResponseMeansNoCompression()
{
    const DeflateNegotiation n
        = DeflateNegotiation::fromHandshake("permessage-deflate; client_max_window_bits", QByteArray());
    QVERIFY(!n.negotiated());
    QVERIFY(n.responseViolations().isEmpty());
    QCOMPARE(n.offers().size(), 1);
}

void tst_DeflateNegotiation::readsRecordedHeadsWithRepeatedHeaders()
{
    // The offer split over two header lines; the 101 picks the second offer.
    HandshakeParser request(HandshakeParser::Kind::Request);
    request.feed("GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                 "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n"
                 "sec-websocket-extensions: permessage-deflate; client_max_window_bits\r\n\r\n");
    HandshakeParser response(HandshakeParser::Kind::Response);
    response.feed("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                  "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=9\r\n\r\n");
    QVERIFY(request.headComplete() && response.headComplete());
    const DeflateNegotiation n = DeflateNegotiation::fromHeads(request.head(), response.head());
    QCOMPARE(n.offers().size(), 2);
    QVERIFY2(n.responseViolations().isEmpty(), qPrintable(n.responseViolations().value(0).describe()));
    QVERIFY(n.negotiated());
    QCOMPARE(n.params().clientMaxWindowBits, 9);
    QCOMPARE(n.params().summary(),
        QStringLiteral("server to client: window 15 bits, context kept across messages; client to server: window 9 "
                       "bits, context kept across messages"));
}

void tst_DeflateNegotiation::serverAnswersTheFirstValidOffer_data()
{
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("browser") << QByteArray("permessage-deflate; client_max_window_bits")
                             << QByteArray("permessage-deflate");
    QTest::newRow("server window requested")
        << QByteArray("permessage-deflate; server_max_window_bits=15; client_max_window_bits=10")
        << QByteArray("permessage-deflate; server_max_window_bits=15; client_max_window_bits=10");
    QTest::newRow("invalid first offer skipped")
        << QByteArray("permessage-deflate; foo, permessage-deflate; server_no_context_takeover")
        << QByteArray("permessage-deflate; server_no_context_takeover");
    QTest::newRow("no offer") << QByteArray("x-webkit-deflate-frame") << QByteArray();
}

void tst_DeflateNegotiation::serverAnswersTheFirstValidOffer()
{
    QFETCH(QByteArray, offer);
    QFETCH(QByteArray, answer);
    PerMessageDeflateParams accepted;
    QCOMPARE(DeflateNegotiation::answerOffers(offer, &accepted), answer);
    if (answer.isEmpty())
        return;
    // What the server answers is what a client reading it agrees on.
    const DeflateNegotiation n = DeflateNegotiation::fromHandshake(offer, answer);
    QVERIFY2(n.responseViolations().isEmpty(), qPrintable(n.responseViolations().value(0).describe()));
    QVERIFY(n.negotiated());
    QCOMPARE(n.params(), accepted);
}

QTEST_GUILESS_MAIN(tst_DeflateNegotiation)
#include "tst_deflatenegotiation.moc"
