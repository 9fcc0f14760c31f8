// CertificateFactory: the OpenSSL side of the CA: keys, certificates, signing.
#include "tls/certificatefactory.h"

#include <QHostAddress>
#include <QUrl>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <ctime>

namespace wsi::certificatefactory {

using namespace openssl;

namespace {

constexpr long SecondsPerDay = 24 * 60 * 60;
// Clocks of the machines that check our certificates may run a little behind ours.
constexpr long BackdateSeconds = 60 * 60;
// RFC 5280's upper bound for commonName; longer names go into the SANs only.
constexpr int MaxCommonNameLength = 64;

// Takes OpenSSL's queued reasons (and empties the queue, which QSslSocket also reads).
// `what` is spelled as QT_TRANSLATE_NOOP("wsi::CertificateFactory", "..."); OpenSSL's reasons stay as it says them.
RecordedText failure(const char *what)
{
    QString reasons;
    char buffer[256];
    while (const unsigned long code = ERR_get_error()) {
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!reasons.isEmpty())
            reasons += QLatin1String("; ");
        reasons += QString::fromLatin1(buffer);
    }
    const RecordedText message("wsi::CertificateFactory", what);
    return reasons.isEmpty() ? message
                             : message + RecordedText::plain(QLatin1String(" (") + reasons + QLatin1Char(')'));
}

RecordedText said(const char *source)
{
    return RecordedText("wsi::CertificateFactory", source);
}

void setError(RecordedText *error, const RecordedText &message)
{
    if (error)
        *error = message;
}

// A PEM password callback that refuses: an encrypted key is never ours, and OpenSSL's default callback
// would prompt on the terminal.
int noPassword(char *, int, int, void *)
{
    return 0;
}

// Only the usual spellings count as addresses: "1234" and "1.2.3" are (odd) host names, not the
// 0.0.4.210 and 1.2.0.3 that inet_aton() would make of them.
QHostAddress parseAddress(const QString &host)
{
    QHostAddress address;
    if (host.contains(QLatin1Char(':')) || host.count(QLatin1Char('.')) == 3)
        address.setAddress(host);
    return address;
}

bool setRandomSerial(X509 *certificate)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    // Positive (DER integers are signed) and always the full 16 bytes long.
    bytes[0] = static_cast<unsigned char>((bytes[0] & 0x7f) | 0x40);
    const BigNumPtr number(BN_bin2bn(bytes, sizeof bytes, nullptr));
    return number && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate));
}

bool setValidity(X509 *certificate, long validDays)
{
    return X509_gmtime_adj(X509_getm_notBefore(certificate), -BackdateSeconds)
        && X509_gmtime_adj(X509_getm_notAfter(certificate), validDays * SecondsPerDay);
}

// X509_set_pubkey() runs OpenSSL 3.0's key encoder and then its decoder, which took a third of an
// issue(); an EC key's SubjectPublicKeyInfo is simple enough to fill in directly.
bool setPublicKey(X509 *certificate, EVP_PKEY *key)
{
    char curve[32] = {};
    if (!EVP_PKEY_is_a(key, "EC") || !EVP_PKEY_get_group_name(key, curve, sizeof curve, nullptr)
        || qstrcmp(curve, SN_X9_62_prime256v1) != 0)
        return X509_set_pubkey(certificate, key) == 1;
    unsigned char *point = nullptr;
    const size_t size = EVP_PKEY_get1_encoded_public_key(key, &point);
    // Takes the point on success; the objects are OpenSSL's static ones.
    if (size == 0
        || !X509_PUBKEY_set0_param(X509_get_X509_PUBKEY(certificate), OBJ_nid2obj(NID_X9_62_id_ecPublicKey),
            V_ASN1_OBJECT, OBJ_nid2obj(NID_X9_62_prime256v1), point, static_cast<int>(size))) {
        OPENSSL_free(point);
        return false;
    }
    return true;
}

bool addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(utf8.constData()), static_cast<int>(utf8.size()), -1, 0)
        == 1;
}

bool addExtension(X509 *certificate, X509V3_CTX *context, int nid, const char *value)
{
    const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// Built from typed values, not from a "DNS:...,IP:..." config string, so that no host name can smuggle in
// extra entries.
GeneralNamesPtr subjectAltNames(const QStringList &hostNames)
{
    GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    if (!names)
        return nullptr;
    for (const QString &hostName : hostNames) {
        GeneralNamePtr name(GENERAL_NAME_new());
        if (!name)
            return nullptr;
        const QHostAddress address = parseAddress(hostName);
        if (!address.isNull()) {
            OctetStringPtr bytes(ASN1_OCTET_STRING_new());
            bool stored = false;
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                const quint32 ip = address.toIPv4Address();
                const unsigned char octets[4]
                    = { static_cast<unsigned char>(ip >> 24), static_cast<unsigned char>(ip >> 16),
                          static_cast<unsigned char>(ip >> 8), static_cast<unsigned char>(ip) };
                stored = bytes && ASN1_OCTET_STRING_set(bytes.get(), octets, sizeof octets);
            } else {
                const Q_IPV6ADDR ip = address.toIPv6Address();
                stored = bytes && ASN1_OCTET_STRING_set(bytes.get(), ip.c, sizeof ip.c);
            }
            if (!stored)
                return nullptr;
            GENERAL_NAME_set0_value(name.get(), GEN_IPADD, bytes.release());
        } else {
            Ia5StringPtr dns(ASN1_IA5STRING_new());
            const QByteArray ascii = hostName.toLatin1();
            if (!dns || !ASN1_STRING_set(dns.get(), ascii.constData(), static_cast<int>(ascii.size())))
                return nullptr;
            GENERAL_NAME_set0_value(name.get(), GEN_DNS, dns.release());
        }
        if (!sk_GENERAL_NAME_push(names.get(), name.get()))
            return nullptr;
        name.release(); // owned by the stack now
    }
    return names;
}

bool isDnsCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('*');
}

BioPtr readBio(const QByteArray &bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, static_cast<qsizetype>(size)) : QByteArray();
}

} // namespace

PKeyPtr generateKey(RecordedText *error)
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        setError(error, failure(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "Could not generate an EC P-256 key")));
    return key;
}

X509Ptr createCaCertificate(EVP_PKEY *key, const QString &commonName, int validDays, RecordedText *error)
{
    X509Ptr certificate(X509_new());
    X509_NAME *name = certificate ? X509_get_subject_name(certificate.get()) : nullptr;
    bool ok = name && X509_set_version(certificate.get(), X509_VERSION_3) && setRandomSerial(certificate.get())
        && setValidity(certificate.get(), validDays) && addNameEntry(name, "O", QStringLiteral("WS Inspector"))
        && addNameEntry(name, "CN", commonName) && X509_set_issuer_name(certificate.get(), name)
        && X509_set_pubkey(certificate.get(), key);
    if (ok) {
        X509V3_CTX context;
        X509V3_set_ctx_nodb(&context);
        X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
        ok = addExtension(certificate.get(), &context, NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
            && addExtension(certificate.get(), &context, NID_key_usage, "critical,keyCertSign,cRLSign")
            && addExtension(certificate.get(), &context, NID_subject_key_identifier, "hash")
            && X509_sign(certificate.get(), key, EVP_sha256()) > 0;
    }
    if (!ok) {
        setError(error, failure(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "Could not create the CA certificate")));
        return nullptr;
    }
    return certificate;
}

X509Ptr createLeafCertificate(EVP_PKEY *leafKey, const QStringList &hostNames, X509 *caCertificate, EVP_PKEY *caKey,
    int validDays, RecordedText *error)
{
    if (hostNames.isEmpty()) {
        setError(
            error, said(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "A certificate needs at least one host name")));
        return nullptr;
    }
    X509Ptr certificate(X509_new());
    X509_NAME *name = certificate ? X509_get_subject_name(certificate.get()) : nullptr;
    bool ok = name && X509_set_version(certificate.get(), X509_VERSION_3) && setRandomSerial(certificate.get())
        && setValidity(certificate.get(), validDays) && addNameEntry(name, "O", QStringLiteral("WS Inspector"))
        && (hostNames.first().size() > MaxCommonNameLength || addNameEntry(name, "CN", hostNames.first()))
        && X509_set_issuer_name(certificate.get(), X509_get_subject_name(caCertificate))
        && setPublicKey(certificate.get(), leafKey);
    // A leaf that outlives its CA would only fail later and more confusingly.
    if (ok && ASN1_TIME_compare(X509_get0_notAfter(certificate.get()), X509_get0_notAfter(caCertificate)) > 0)
        ok = X509_set1_notAfter(certificate.get(), X509_get0_notAfter(caCertificate));
    if (ok) {
        X509V3_CTX context;
        X509V3_set_ctx_nodb(&context);
        X509V3_set_ctx(&context, caCertificate, certificate.get(), nullptr, nullptr, 0);
        const GeneralNamesPtr altNames = subjectAltNames(hostNames);
        ok = altNames && addExtension(certificate.get(), &context, NID_basic_constraints, "CA:FALSE")
            && addExtension(certificate.get(), &context, NID_key_usage, "critical,digitalSignature")
            && addExtension(certificate.get(), &context, NID_ext_key_usage, "serverAuth")
            && addExtension(certificate.get(), &context, NID_subject_key_identifier, "hash")
            && addExtension(certificate.get(), &context, NID_authority_key_identifier, "keyid:always")
            && X509_add1_ext_i2d(certificate.get(), NID_subject_alt_name, altNames.get(), 0, X509V3_ADD_DEFAULT) == 1
            && X509_sign(certificate.get(), caKey, EVP_sha256()) > 0;
    }
    if (!ok) {
        setError(error, failure(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "Could not create a certificate")));
        return nullptr;
    }
    return certificate;
}

QString normalizedHostName(const QString &name, RecordedText *error)
{
    QString host = name.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address = parseAddress(host);
    if (!address.isNull()) {
        address.setScopeId(QString());
        return address.toString();
    }
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    const QString ace = QString::fromLatin1(QUrl::toAce(host)).toLower();
    bool valid = !ace.isEmpty() && ace.size() <= 253 && !ace.startsWith(QLatin1Char('.'))
        && !ace.contains(QLatin1String(".."));
    for (const QChar c : ace)
        valid = valid && isDnsCharacter(c);
    if (!valid) {
        setError(error,
            said(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "\"%1\" is neither a host name nor an IP address"))
                .arg(name));
        return QString();
    }
    return ace;
}

QByteArray certificateToPem(X509 *certificate)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1) {
        ERR_clear_error();
        return QByteArray();
    }
    return bioContents(bio.get());
}

QByteArray certificateToDer(X509 *certificate)
{
    const int size = i2d_X509(certificate, nullptr);
    if (size <= 0) {
        ERR_clear_error();
        return QByteArray();
    }
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_X509(certificate, &out) != size) {
        ERR_clear_error();
        return QByteArray();
    }
    return der;
}

QByteArray privateKeyToPem(EVP_PKEY *key, bool traditional)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    const int written = !bio ? 0
        : traditional ? PEM_write_bio_PrivateKey_traditional(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                      : PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    if (written != 1) {
        ERR_clear_error();
        return QByteArray();
    }
    return bioContents(bio.get());
}

X509Ptr certificateFromPem(const QByteArray &pem, RecordedText *error)
{
    const BioPtr bio = readBio(pem);
    X509Ptr certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr) : nullptr);
    if (!certificate)
        setError(error, failure(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "not a PEM certificate")));
    return certificate;
}

PKeyPtr privateKeyFromPem(const QByteArray &pem, RecordedText *error)
{
    const BioPtr bio = readBio(pem);
    PKeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr) : nullptr);
    if (!key)
        setError(error, failure(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "not an unencrypted PEM private key")));
    return key;
}

RecordedText caProblem(X509 *certificate, EVP_PKEY *key, int minimumRemainingDays)
{
    RecordedText problem;
    time_t soon = std::time(nullptr) + minimumRemainingDays * SecondsPerDay;
    if (X509_check_ca(certificate) < 1)
        problem = said(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "the certificate is not a CA certificate"));
    else if (X509_check_private_key(certificate, key) != 1)
        problem
            = said(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "the private key does not belong to the certificate"));
    else if (X509_verify(certificate, key) != 1)
        problem = said(QT_TRANSLATE_NOOP("wsi::CertificateFactory", "the certificate's signature is not valid"));
    else if (X509_cmp_current_time(X509_get0_notBefore(certificate)) > 0)
        problem = said(QT_TRANSLATE_NOOP(
            "wsi::CertificateFactory", "the certificate is not valid yet (has the clock been changed?)"));
    else if (X509_cmp_time(X509_get0_notAfter(certificate), &soon) < 0)
        problem = said(
            QT_TRANSLATE_NOOP("wsi::CertificateFactory", "the certificate has expired or expires within %1 days"))
                      .arg(minimumRemainingDays);
    ERR_clear_error();
    return problem;
}

bool keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    const X509Ptr certificate = certificateFromPem(certificatePem, nullptr);
    const PKeyPtr key = privateKeyFromPem(keyPem, nullptr);
    const bool matches = certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
    ERR_clear_error();
    return matches;
}

} // namespace wsi::certificatefactory
