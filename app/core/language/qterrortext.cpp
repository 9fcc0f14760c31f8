// QtErrorText: Qt's own error texts (a socket's, a host lookup's, TLS's) recorded in English, shown translated.
#include "language/qterrortext.h"

#include <QCoreApplication>

namespace wsi {

namespace {

struct Known
{
    const char *qtContext; // where Qt translates it (qtbase)
    const char *source; // Qt's English, also this app's source under "wsi::QtErrorText"
};

// Qt 6.4's texts for QAbstractSocket::errorString() of TCP and TLS sockets and QHostInfo::errorString().
// "%1" stands for words Qt fills in (OpenSSL's, in English).
const Known known[] = {
    { "QAbstractSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Connection refused") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Connection refused") },
    { "QAbstractSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Connection timed out") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Connection timed out") },
    { "QAbstractSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Host not found") },
    { "QHostInfoAgent", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Host not found") },
    { "QAbstractSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Network unreachable") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Network unreachable") },
    { "QAbstractSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Socket operation timed out") },
    { "QAbstractSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Socket is not connected") },
    { "QAbstractSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Operation on socket is not supported") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The remote host closed the connection") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Connection reset by peer") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Host unreachable") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Network error") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Network operation timed out") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Network dropped connection on reset") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Permission denied") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Out of resources") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The address is not available") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The address is protected") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The bound address is already in use") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Unable to write") },
    { "QNativeSocketEngine", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Unknown error") },
    { "QHostInfoAgent", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Invalid hostname") },
    { "QHostInfoAgent", QT_TRANSLATE_NOOP("wsi::QtErrorText", "No host name given") },
    { "QHostInfo", QT_TRANSLATE_NOOP("wsi::QtErrorText", "No host name given") },
    { "QHostInfoAgent", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Unknown address type") },
    { "QHostInfo", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Unknown error") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Error during SSL handshake: %1") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Handshake failed: %1") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Error while reading: %1") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "Unable to write data: %1") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The TLS/SSL connection has been closed") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The peer did not present any certificate") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The certificate has expired") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "The certificate is self-signed, and untrusted") },
    { "QSslSocket",
        QT_TRANSLATE_NOOP(
            "wsi::QtErrorText", "The host name did not match any of the valid hosts for this certificate") },
    { "QSslSocket",
        QT_TRANSLATE_NOOP("wsi::QtErrorText",
            "The issuer certificate of a locally looked up certificate "
            "could not be found") },
    { "QSslSocket", QT_TRANSLATE_NOOP("wsi::QtErrorText", "No cipher suites in common") },
};

} // namespace

RecordedText QtErrorText::recorded(const QString &qtText)
{
    for (const Known &k : known) {
        // What Qt says for this source in the language in effect (the source itself in English).
        const QString said = QCoreApplication::translate(k.qtContext, k.source);
        const qsizetype hole = said.indexOf(QLatin1String("%1"));
        if (hole < 0) {
            if (said == qtText)
                return RecordedText("wsi::QtErrorText", k.source);
            continue;
        }
        const QString before = said.left(hole);
        const QString after = said.mid(hole + 2);
        if (qtText.size() >= said.size() - 2 && qtText.startsWith(before) && qtText.endsWith(after)) {
            const QString filled = qtText.mid(before.size(), qtText.size() - before.size() - after.size());
            return RecordedText("wsi::QtErrorText", k.source).arg(filled);
        }
    }
    return RecordedText::plain(qtText);
}

} // namespace wsi
