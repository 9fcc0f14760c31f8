// PairingArguments: connect's --pair-request, --pair-reply and --pair-name, read into a PairingRule.
#pragma once

#include "decode/pairingrule.h"

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace wsi {

// The user's own pairing rule on the command line (docs/cli.md). Its own file so that connect's argument
// reader stays one screenful per concern.
class PairingArguments
{
public:
    PairingArguments();

    QList<QCommandLineOption> options() const { return { m_request, m_reply, m_name }; }
    // Whether any of the three was given (then it wins over a saved endpoint's rule).
    bool isSet(const QCommandLineParser &parser) const;
    // The rule given (unset when none was); a usage error names the missing option or the bad path.
    PairingRule rule(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_request;
    QCommandLineOption m_reply;
    QCommandLineOption m_name;
};

} // namespace wsi
