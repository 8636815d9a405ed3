// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/auditcheckpoint.h"

#include "audit/auditrepository.h"
#include "common/privatefile.h"
#include "jsonnumber.h"
#include "store/statement.h"
#include "store/storeidentity.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace C360::AuditCheckpoints
{

Expected<AuditCheckpoint, StoreError> head(Database &db, const QDateTime &now)
{
    auto storeId = StoreIdentity::id(db);
    if (!storeId) {
        return unexpected(std::move(storeId).error());
    }
    AuditCheckpoint checkpoint;
    checkpoint.storeId = *storeId;
    checkpoint.at = now.toUTC();
    checkpoint.hash = AuditRepository::genesisHash();
    Statement newest(db, QStringLiteral("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"));
    if (auto r = newest.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    if (newest.next()) {
        checkpoint.sequence = newest.value(0).toLongLong();
        checkpoint.hash = newest.value(1).toByteArray();
    }
    return checkpoint;
}

Expected<void, QString> append(const QString &file, const AuditCheckpoint &checkpoint)
{
    if (auto made = makePrivateFolder(QFileInfo(file).absolutePath()); !made) {
        return unexpected(made.error());
    }
    QFile out(file);
    const bool existed = out.exists();
    if (!out.open(QIODevice::WriteOnly | QIODevice::Append, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return unexpected(i18nc("@info; %1 a file, %2 the system's reason", "Cannot write %1: %2", QDir::toNativeSeparators(file), out.errorString()));
    }
    if (!existed) {
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    const QJsonObject line{{QStringLiteral("store"), checkpoint.storeId},
                           {QStringLiteral("sequence"), double(checkpoint.sequence)},
                           {QStringLiteral("hash"), QString::fromLatin1(checkpoint.hash.toHex())},
                           {QStringLiteral("at"), checkpoint.at.toUTC().toString(Qt::ISODateWithMs)}};
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (out.write(bytes) != bytes.size() || !out.flush()) {
        return unexpected(i18nc("@info; %1 a file, %2 the system's reason", "Cannot write %1: %2", QDir::toNativeSeparators(file), out.errorString()));
    }
    return {};
}

Expected<QList<AuditCheckpoint>, QString> read(const QString &file, const QString &storeId)
{
    QList<AuditCheckpoint> checkpoints;
    QFile in(file);
    if (!in.exists()) {
        return checkpoints;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        return unexpected(i18nc("@info; %1 a file, %2 the system's reason", "Cannot read %1: %2", QDir::toNativeSeparators(file), in.errorString()));
    }
    int number = 0;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine(64 * 1024).trimmed();
        ++number;
        if (line.isEmpty()) {
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("store")).toString() != storeId) {
            continue;
        }
        AuditCheckpoint c;
        c.storeId = storeId;
        const std::optional<qint64> sequence = wholeNumber(o.value(QStringLiteral("sequence")));
        c.sequence = sequence.value_or(-1);
        c.hash = QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1());
        c.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
        if (c.sequence < 0 || c.hash.size() != 32 || !c.at.isValid()) {
            return unexpected(
                i18nc("@info; %1 a line number, %2 a file", "Line %1 of the checkpoint file %2 is damaged.", number, QDir::toNativeSeparators(file)));
        }
        checkpoints.append(c);
    }
    return checkpoints;
}

Expected<Comparison, StoreError> compare(Database &db, const QList<AuditCheckpoint> &checkpoints)
{
    Comparison result;
    Statement end(db, QStringLiteral("SELECT COALESCE(MAX(sequence), 0) FROM audit_log"));
    if (auto r = end.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    result.logEnd = end.next() ? end.value(0).toLongLong() : 0;
    end.finish();
    Statement entry(db, QStringLiteral("SELECT hash FROM audit_log WHERE sequence = ?"));
    for (const AuditCheckpoint &c : checkpoints) {
        ++result.compared;
        if (c.sequence == 0) {
            continue; // an empty log: nothing to compare
        }
        if (c.sequence > result.logEnd) {
            result.problem = Comparison::Problem::Truncated;
            result.checkpoint = c;
            return result;
        }
        if (auto r = entry.exec({c.sequence}); !r) {
            return unexpected(std::move(r).error());
        }
        const QByteArray now = entry.next() ? entry.value(0).toByteArray() : QByteArray();
        entry.finish();
        if (now != c.hash) {
            result.problem = now.isEmpty() ? Comparison::Problem::Truncated : Comparison::Problem::Rewritten;
            result.checkpoint = c;
            return result;
        }
    }
    return result;
}

} // namespace C360::AuditCheckpoints
