#include "compose/messagetemplate.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace wsi;

class tst_MessageTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainTextIsUnchanged()
    {
        MessageTemplate t;
        QCOMPARE(t.resolve(QStringLiteral("no variables {here}")), QStringLiteral("no variables {here}"));
        QCOMPARE(t.counter(), quint64(0));
    }

    void counterAdvancesPerSend()
    {
        MessageTemplate t;
        QCOMPARE(t.resolve(QStringLiteral("#{{counter}}")), QStringLiteral("#1"));
        QCOMPARE(t.preview(QStringLiteral("#{{counter}}")), QStringLiteral("#2")); // preview does not advance
        QCOMPARE(t.resolve(QStringLiteral("#{{ counter }}")), QStringLiteral("#2"));
    }

    void builtinsResolve()
    {
        MessageTemplate t;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const qint64 stamp = t.resolve(QStringLiteral("{{timestamp}}")).toLongLong();
        QVERIFY(stamp >= before && stamp <= QDateTime::currentMSecsSinceEpoch());
        const QString iso = t.resolve(QStringLiteral("{{iso8601}}"));
        QVERIFY2(QDateTime::fromString(iso, Qt::ISODateWithMs).isValid(), qPrintable(iso));
        QVERIFY(!QUuid::fromString(t.resolve(QStringLiteral("{{uuid}}"))).isNull());
        const QString random = t.resolve(QStringLiteral("{{random:12}}"));
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9]{12}$")).match(random).hasMatch());
        QVERIFY(t.resolve(QStringLiteral("{{uuid}}")) != t.resolve(QStringLiteral("{{uuid}}")));
    }

    void userVariablesAndUnknownOnes()
    {
        MessageTemplate t;
        t.setUserVariables({ { QStringLiteral("user"), QStringLiteral("ada") } });
        QStringList unknown;
        QCOMPARE(t.resolve(QStringLiteral("hi {{user}} {{nope}}"), &unknown), QStringLiteral("hi ada {{nope}}"));
        QCOMPARE(unknown, QStringList { QStringLiteral("{{nope}}") });
    }
};

QTEST_GUILESS_MAIN(tst_MessageTemplate)
#include "tst_messagetemplate.moc"
