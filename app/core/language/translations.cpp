// Translations: the app's and Qt's own translators for the chosen language, swapped while the app runs.
#include "language/translations.h"

#include "language/englishscope.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QMutex>
#include <QMutexLocker>

namespace wsi {

namespace {

// The app's .qm files are built into the binaries (resources/CMakeLists.txt), so the CLI, the window and the
// tests find them without an install.
const QString appTranslationsDir = QStringLiteral(":/i18n");

// What effectiveLanguageNow() answers: written by apply() on the GUI thread, read by any thread.
QMutex effectiveNowLock;
QString effectiveNow = QStringLiteral("en");

} // namespace

Translations::Translations(QObject *parent)
    : QObject(parent)
{ }

Translations::~Translations()
{
    removeTranslators();
    const QMutexLocker lock(&effectiveNowLock);
    effectiveNow = QStringLiteral("en"); // no translator is left: the source texts are in effect
}

Translations *Translations::forApplication()
{
    QCoreApplication *app = QCoreApplication::instance();
    auto *existing = app->findChild<Translations *>(QString(), Qt::FindDirectChildrenOnly);
    return existing ? existing : new Translations(app);
}

QString Translations::effectiveLanguageNow()
{
    const QMutexLocker lock(&effectiveNowLock);
    return effectiveNow;
}

QStringList Translations::languages()
{
    return { QStringLiteral("en"), QStringLiteral("ko") };
}

QString Translations::nativeName(const QString &language)
{
    if (language == QLatin1String("ko"))
        return QStringLiteral("한국어");
    return QStringLiteral("English");
}

QString Translations::systemLanguage()
{
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (languages().contains(code))
            return code;
        // "C" and "POSIX" say nothing about a language: the source texts are English.
    }
    return QStringLiteral("en");
}

void Translations::apply(const QString &language)
{
    const QString effective = languages().contains(language) ? language : systemLanguage();
    if (effective == m_effective) {
        m_language = language;
        return;
    }
    removeTranslators();
    m_language = language;
    m_effective = effective;
    {
        const QMutexLocker lock(&effectiveNowLock);
        effectiveNow = effective;
    }
    // English is the source language: no translator, and none of Qt's either (its own texts are English).
    if (effective == QLatin1String("en")) {
        return; // the removal above already made Qt send LanguageChange
    }
    const QLocale locale(effective);
    m_app = std::make_unique<QTranslator>();
    if (m_app->load(locale, QStringLiteral("wsinspector"), QStringLiteral("_"), appTranslationsDir))
        QCoreApplication::installTranslator(m_app.get());
    m_qt = std::make_unique<QTranslator>();
    if (m_qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt.get());
    // Installed last, so asked first: inside an EnglishScope the source texts win over both translators.
    QCoreApplication::installTranslator(EnglishScope::translator());
}

void Translations::removeTranslators()
{
    // At exit the application may already be gone (this is its child): nothing is installed any more.
    if (!QCoreApplication::instance()) {
        m_app.release();
        m_qt.release();
        return;
    }
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    QCoreApplication::removeTranslator(EnglishScope::translator());
    m_app.reset();
    m_qt.reset();
}

} // namespace wsi
