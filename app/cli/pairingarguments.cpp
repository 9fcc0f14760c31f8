// PairingArguments: connect's --pair-request, --pair-reply and --pair-name, read into a PairingRule.
#include "pairingarguments.h"

#include "usage.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace wsi {

namespace {

QCommandLineOption pathOption(const char *name, const char *description)
{
    return QCommandLineOption(
        QLatin1String(name), QCoreApplication::translate("wsi::Cli", description), QStringLiteral("path"));
}

} // namespace

PairingArguments::PairingArguments()
    : m_request(pathOption("pair-request",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Pair your own protocol's requests with their replies: a JSON message with this path (e.g. $.reqId) "
            "is a request. Needs --pair-reply.")))
    , m_reply(pathOption("pair-reply",
          QT_TRANSLATE_NOOP("wsi::Cli",
              "The path in a reply whose value equals the request's (e.g. $.inReplyTo); the reply line gains "
              "\"pair\".")))
    , m_name(pathOption("pair-name",
          QT_TRANSLATE_NOOP(
              "wsi::Cli", "Optional: the path in a request that names it for latency statistics (e.g. $.type).")))
{ }

bool PairingArguments::isSet(const QCommandLineParser &parser) const
{
    return parser.isSet(m_request) || parser.isSet(m_reply) || parser.isSet(m_name);
}

PairingRule PairingArguments::rule(const QCommandLineParser &parser) const
{
    PairingRule rule;
    if (!isSet(parser))
        return rule;
    if (!parser.isSet(m_request) || !parser.isSet(m_reply))
        usageError(QCoreApplication::translate("wsi::Cli",
            "a pairing rule needs both --pair-request and --pair-reply (e.g. --pair-request '$.id' --pair-reply "
            "'$.inReplyTo')."));
    rule.requestPath = parser.value(m_request);
    rule.replyPath = parser.value(m_reply);
    rule.namePath = parser.value(m_name);
    const QString problem = rule.validate();
    if (!problem.isEmpty())
        usageError(problem);
    return rule;
}

} // namespace wsi
