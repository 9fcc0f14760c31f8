// The Korean translation file is complete and keeps every placeholder; Translations swaps languages live.

#include "language/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

using namespace wsi;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one per numerus form
    QString type; // "unfinished", "vanished", "obsolete" or empty
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage { context, {}, {}, {} };
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either plain text or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.translations << xml.readElementText();
            }
            if (message.translations.isEmpty())
                message.translations << text;
            messages << message;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(n|[1-9][0-9]?)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

const QString koTs = QStringLiteral(WSI_TEST_DATA_DIR "/../../resources/translations/wsinspector_ko.ts");

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void koreanFileIsComplete();
    void koreanKeepsEveryPlaceholder();
    void koreanUsesTheGlossary();
    void koreanSpacesANumberFromItsUnit();
    void switchesLanguageAndBack();
    void followsTheSystemLocale();
};

void TestTranslations::koreanFileIsComplete()
{
    QString error;
    const QList<TsMessage> messages = readTs(koTs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 1000, qPrintable(QString::number(messages.size())));
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (!m.type.isEmpty())
            problems << QStringLiteral("%1 (%2): %3").arg(m.type, m.context, m.source);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                problems << QStringLiteral("empty (%1): %2").arg(m.context, m.source);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::koreanKeepsEveryPlaceholder()
{
    QString error;
    const QList<TsMessage> messages = readTs(koTs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const TsMessage &m : messages) {
        for (const QString &t : m.translations) {
            if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("%1: \"%2\" -> \"%3\"").arg(m.context, m.source, t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// A few terms of docs/glossary-ko.md, checked where they appear: one word for one idea across the app.
void TestTranslations::koreanUsesTheGlossary()
{
    QString error;
    const QList<TsMessage> messages = readTs(koTs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<QPair<QString, QString>> terms {
        { QStringLiteral("handshake"), QStringLiteral("핸드셰이크") },
        { QStringLiteral("subprotocol"), QStringLiteral("서브프로토콜") },
        { QStringLiteral("payload"), QStringLiteral("페이로드") },
        { QStringLiteral("endpoint"), QStringLiteral("엔드포인트") },
    };
    QStringList problems;
    for (const TsMessage &m : messages) {
        for (const auto &term : terms) {
            if (m.source.contains(term.first, Qt::CaseInsensitive) && !m.translations.value(0).contains(term.second)
                && !m.translations.value(0).contains(term.first, Qt::CaseInsensitive))
                problems << QStringLiteral("%1 not as %2: %3 -> %4")
                                .arg(term.first, term.second, m.source, m.translations.value(0));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// docs/glossary-ko.md: a unit symbol stands apart from its number ("12 ms", "%1 ms"), as in the English.
void TestTranslations::koreanSpacesANumberFromItsUnit()
{
    QString error;
    const QList<TsMessage> messages = readTs(koTs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    static const QRegularExpression glued(QStringLiteral("(%\\d|\\d)(ms|KiB|MiB|GiB)\\b"));
    QStringList problems;
    for (const TsMessage &m : messages) {
        for (const QString &t : m.translations) {
            if (glued.match(t).hasMatch())
                problems << QStringLiteral("%1: \"%2\" -> \"%3\"").arg(m.context, m.source, t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::switchesLanguageAndBack()
{
    const char *context = "wsi::ConnectionOptions";
    const char *source = "The URL must start with ws:// or wss://.";
    Translations *translations = Translations::forApplication();
    QCOMPARE(Translations::forApplication(), translations); // one per application

    translations->apply(QStringLiteral("ko"));
    QCOMPARE(translations->effectiveLanguage(), QStringLiteral("ko"));
    QCOMPARE(
        QCoreApplication::translate(context, source), QStringLiteral("URL은 ws:// 또는 wss://로 시작해야 합니다."));
    // Plurals come from the numerus form.
    QCOMPARE(QCoreApplication::translate("wsi::EndpointsPanel", "Imported %n endpoint(s).", nullptr, 3),
        QStringLiteral("엔드포인트 3개를 가져왔습니다."));

    translations->apply(QStringLiteral("en"));
    QCOMPARE(translations->effectiveLanguage(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate(context, source), QString::fromLatin1(source));
}

void TestTranslations::followsTheSystemLocale()
{
    // QLocale::system() is read once per process: this checks the mapping, the CLI test checks LANG itself.
    const QString system = Translations::systemLanguage();
    QVERIFY(Translations::languages().contains(system));
    Translations *translations = Translations::forApplication();
    translations->apply(QString());
    QCOMPARE(translations->language(), QString());
    QCOMPARE(translations->effectiveLanguage(), system);
    QCOMPARE(Translations::nativeName(QStringLiteral("ko")), QStringLiteral("한국어"));
    translations->apply(QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
