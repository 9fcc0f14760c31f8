// Translations: the app's and Qt's own translators for the chosen language, swapped while the app runs.
#pragma once

#include <QLocale>
#include <QObject>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace wsi {

// One per application (a child of it): the window's Preferences and the CLI's start both go through it, so a
// second choice replaces the first translators instead of stacking on them. Installing a translator makes Qt
// send QEvent::LanguageChange to every widget, which is how open windows retranslate without a restart.
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    // The application's instance, created on first use.
    static Translations *forApplication();

    // The languages the app is written or translated in: "en" (the source texts) and "ko".
    static QStringList languages();
    // The language's own name ("English", "한국어"), shown untranslated so anyone finds their language.
    static QString nativeName(const QString &language);
    // What an empty choice (follow the system) resolves to: the first of the system's UI languages the app
    // has, else "en".
    static QString systemLanguage();

    // language: "" follows the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), or one of languages().
    void apply(const QString &language);
    QString language() const { return m_language; }
    // The language in effect after resolving "" against the system.
    QString effectiveLanguage() const { return m_effective; }
    // The application's effective language, from any thread ("en" before any apply()): rows decoded on the capture
    // thread capture their texts in it (RecordedText::captured) while Preferences may apply another on the GUI thread.
    // No object is looked up or made, so a worker thread never touches the application's children.
    static QString effectiveLanguageNow();

private:
    void removeTranslators();

    QString m_language;
    QString m_effective = QStringLiteral("en");
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace wsi
