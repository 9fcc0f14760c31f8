#pragma once

// Encodes a message written in protobuf's text format with Debian's protoc (protobuf-compiler, a declared
// test dependency): the bytes a real peer built from the same .proto would send. Every wait is bounded.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// type: "shop.Order"; schema: a file in tests/data/protobuf, its folder the import root. On failure returns
// a null QByteArray and says why in error (protoc missing, or its own message).
inline QByteArray protocEncode(const QString &type, const QString &schema, const QByteArray &text, QString *error)
{
    QProcess protoc;
    protoc.start(QStringLiteral("protoc"),
        { QStringLiteral("--encode=") + type, QStringLiteral("--proto_path=" WSI_TEST_DATA_DIR "/protobuf"), schema });
    if (!protoc.waitForStarted(10000)) {
        *error = QStringLiteral("protoc did not start (install protobuf-compiler): ") + protoc.errorString();
        return {};
    }
    protoc.write(text);
    protoc.closeWriteChannel();
    if (!protoc.waitForFinished(30000)) {
        protoc.kill();
        protoc.waitForFinished(5000);
        *error = QStringLiteral("protoc did not finish in 30 s");
        return {};
    }
    if (protoc.exitStatus() != QProcess::NormalExit || protoc.exitCode() != 0) {
        *error = QStringLiteral("protoc failed: ") + QString::fromUtf8(protoc.readAllStandardError());
        return {};
    }
    QByteArray bytes = protoc.readAllStandardOutput();
    if (bytes.isNull())
        bytes = QByteArray(""); // an empty message is still a message
    return bytes;
}
