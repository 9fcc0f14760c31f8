// What wss:// interception costs per new host: issuing a leaf (uncached and cached), and creating the CA.
// The whole issue() is split into its OpenSSL and Qt parts so that a regression points at its cause.
// Prints numbers; asserts nothing.
#include "tls/certificateauthority.h"
#include "tls/certificatefactory.h"

#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace wsi;

namespace {

// One CA for the issue() benchmarks, in a folder removed at exit.
struct BenchCa
{
    QTemporaryDir dir;
    CertificateAuthority ca { dir.filePath(QStringLiteral("ca")) };
    BenchCa() { ca.load(); }
};

BenchCa &benchCa()
{
    static BenchCa instance;
    return instance;
}

void BM_IssueNewHost(benchmark::State &state)
{
    CertificateAuthority &ca = benchCa().ca;
    static quint64 counter = 0; // across repetitions too, or the cache would answer
    for (auto _ : state) {
        // A name never seen before: the cache cannot help.
        const IssuedCertificate issued = ca.issue({ QStringLiteral("host%1.bench.example").arg(++counter) });
        if (issued.isNull())
            state.SkipWithError("issue() failed");
        benchmark::DoNotOptimize(issued);
    }
}
BENCHMARK(BM_IssueNewHost)->Unit(benchmark::kMicrosecond);

void BM_IssueCachedHost(benchmark::State &state)
{
    CertificateAuthority &ca = benchCa().ca;
    const QStringList names = { QStringLiteral("echo.bench.example"), QStringLiteral("127.0.0.1") };
    ca.issue(names);
    for (auto _ : state)
        benchmark::DoNotOptimize(ca.issue(names));
}
BENCHMARK(BM_IssueCachedHost)->Unit(benchmark::kMicrosecond);

// The parts of an uncached issue().
void BM_PartGenerateLeafKey(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(certificatefactory::generateKey(nullptr));
}
BENCHMARK(BM_PartGenerateLeafKey)->Unit(benchmark::kMicrosecond);

void BM_PartSignLeaf(benchmark::State &state)
{
    const openssl::PKeyPtr caKey = certificatefactory::generateKey(nullptr);
    const openssl::X509Ptr caCertificate
        = certificatefactory::createCaCertificate(caKey.get(), QStringLiteral("Bench CA"), 730, nullptr);
    const openssl::PKeyPtr leafKey = certificatefactory::generateKey(nullptr);
    const QStringList names = { QStringLiteral("echo.bench.example") };
    for (auto _ : state)
        benchmark::DoNotOptimize(certificatefactory::createLeafCertificate(
            leafKey.get(), names, caCertificate.get(), caKey.get(), 397, nullptr));
}
BENCHMARK(BM_PartSignLeaf)->Unit(benchmark::kMicrosecond);

void BM_PartQtCertificate(benchmark::State &state)
{
    const QByteArray pem = benchCa().ca.issue({ QStringLiteral("qt.bench.example") }).certificate.toPem();
    for (auto _ : state)
        benchmark::DoNotOptimize(QSslCertificate(pem, QSsl::Pem));
}
BENCHMARK(BM_PartQtCertificate)->Unit(benchmark::kMicrosecond);

// issue() hands the key over natively; PEM, for comparison, is what OpenSSL 3.0's decoder makes slow.
void BM_PartQtKeyFromHandle(benchmark::State &state)
{
    const openssl::PKeyPtr key = certificatefactory::generateKey(nullptr);
    for (auto _ : state) {
        EVP_PKEY_up_ref(key.get());
        benchmark::DoNotOptimize(QSslKey(static_cast<Qt::HANDLE>(key.get()), QSsl::PrivateKey));
    }
}
BENCHMARK(BM_PartQtKeyFromHandle)->Unit(benchmark::kMicrosecond);

void BM_PartQtKeyFromPem(benchmark::State &state)
{
    const QByteArray pem = benchCa().ca.issue({ QStringLiteral("qt.bench.example") }).key.toPem();
    for (auto _ : state)
        benchmark::DoNotOptimize(QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
}
BENCHMARK(BM_PartQtKeyFromPem)->Unit(benchmark::kMicrosecond);

// A new CA including both files written and synced to disk (the first start, "Regenerate CA").
void BM_GenerateCa(benchmark::State &state)
{
    QTemporaryDir dir;
    CertificateAuthority ca(dir.filePath(QStringLiteral("ca")));
    ca.load();
    for (auto _ : state) {
        if (!ca.regenerate())
            state.SkipWithError("regenerate() failed");
    }
}
BENCHMARK(BM_GenerateCa)->Unit(benchmark::kMicrosecond);

void BM_GenerateCaInMemory(benchmark::State &state)
{
    for (auto _ : state) {
        const openssl::PKeyPtr key = certificatefactory::generateKey(nullptr);
        benchmark::DoNotOptimize(
            certificatefactory::createCaCertificate(key.get(), QStringLiteral("Bench CA"), 730, nullptr));
    }
}
BENCHMARK(BM_GenerateCaInMemory)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QSslCertificate and QSslKey load Qt's TLS backend plugin
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
