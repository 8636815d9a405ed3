// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/storecopy.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace C360::StoreCopy
{

namespace
{
constexpr int BatchRows = 100;
constexpr qint64 ProgressEvery = 10000;

// Rows in the order they were written: link tables are read back in that order.
QString writtenOrder(Database &db, const QString &table, const QStringList &columns)
{
    if (!db.isServer()) {
        return QStringLiteral("rowid");
    }
    if (db.connection().record(table).contains(QStringLiteral("rowid"))) {
        return QStringLiteral("rowid");
    }
    if (columns.contains(QLatin1String("id"))) {
        return QStringLiteral("id");
    }
    return table == QLatin1String("audit_log") ? QStringLiteral("sequence") : columns.join(QLatin1String(", "));
}

QString insertSql(const QString &table, const QStringList &columns, int rows)
{
    QStringList marks(columns.size(), QStringLiteral("?"));
    const QString row = QLatin1Char('(') + marks.join(QLatin1String(", ")) + QLatin1Char(')');
    QStringList values(rows, row);
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(table, columns.join(QLatin1String(", ")), values.join(QLatin1String(", ")));
    // The target's own identity (made by its migration) gives way to the source's.
    if (table == QLatin1String("store_settings")) {
        sql += QStringLiteral(" ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    }
    return sql;
}

Expected<void, StoreError> insertBatch(Database &target, const QString &table, const QStringList &columns, const QVariantList &values, int rows)
{
    auto query = target.prepared(insertSql(table, columns, rows));
    if (!query) {
        return unexpected(std::move(query).error());
    }
    QSqlQuery *q = *query;
    for (qsizetype i = 0; i < values.size(); ++i) {
        q->bindValue(int(i), values.at(i));
    }
    const bool ok = q->exec();
    q->finish();
    if (!ok) {
        return unexpected(target.error(*q));
    }
    return {};
}
} // namespace

QStringList columns(Database &db, const QString &table)
{
    QStringList names;
    const QSqlRecord record = db.connection().record(table);
    for (int i = 0; i < record.count(); ++i) {
        // PostgreSQL's rowid of link tables and the stored words of the names (schema 9) are the
        // server's to compute.
        if (record.fieldName(i) != QLatin1String("rowid") && record.fieldName(i) != QLatin1String("search_vector")) {
            names.append(record.fieldName(i));
        }
    }
    return names;
}

const QStringList &tables()
{
    static const QStringList all = {
        QStringLiteral("store_settings"),
        QStringLiteral("staff_accounts"),
        QStringLiteral("citizens"),
        QStringLiteral("citizen_identifiers"),
        QStringLiteral("digital_addresses"),
        QStringLiteral("channel_preferences"),
        QStringLiteral("consents"),
        QStringLiteral("reports"),
        QStringLiteral("report_candidates"),
        QStringLiteral("detached_links"),
        QStringLiteral("catalogue_entries"),
        QStringLiteral("catalogue_texts"),
        QStringLiteral("citizen_catalogue_links"),
        QStringLiteral("contact_moments"),
        QStringLiteral("requests"),
        QStringLiteral("request_supplements"),
        QStringLiteral("contact_moment_links"),
        QStringLiteral("request_links"),
        QStringLiteral("case_types"),
        QStringLiteral("case_status_types"),
        QStringLiteral("cases"),
        QStringLiteral("case_statuses"),
        QStringLiteral("purge_records"),
        QStringLiteral("contact_drafts"),
        QStringLiteral("audit_log"),
        QStringLiteral("sync_state"),
        QStringLiteral("sync_records"),
        QStringLiteral("outbox"),
    };
    return all;
}

Expected<bool, StoreError> holdsRows(Database &target)
{
    QStringList checks;
    for (const QString &table : tables()) {
        if (table != QLatin1String("store_settings")) {
            checks.append(QStringLiteral("EXISTS (SELECT 1 FROM %1)").arg(table));
        }
    }
    Statement any(target, QStringLiteral("SELECT ") + checks.join(QLatin1String(" OR ")));
    if (auto r = any.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    return any.next() && any.value(0).toBool();
}

Expected<QList<qint64>, StoreError> copy(Database &source, Database &target, const std::function<void(const Progress &)> &progress)
{
    auto transaction = Transaction::begin(target);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    QList<qint64> counts;
    for (const QString &table : tables()) {
        const QStringList copied = columns(target, table);
        if (copied.isEmpty() || columns(source, table) != copied) {
            return unexpected(target.error(StoreError::Code::Query, QStringLiteral("the stores' tables %1 differ").arg(table)));
        }
        QSqlQuery rows(source.connection());
        rows.setForwardOnly(true);
        if (!rows.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(copied.join(QLatin1String(", ")), table, writtenOrder(source, table, copied)))) {
            return unexpected(source.error(rows));
        }
        qint64 count = 0;
        QVariantList batch;
        batch.reserve(BatchRows * copied.size());
        int inBatch = 0;
        while (rows.next()) {
            for (int c = 0; c < copied.size(); ++c) {
                const QVariant value = rows.value(c);
                // A NULL stays NULL (a typed null would be written as '' or an empty blob).
                batch.append(value.isNull() ? QVariant() : value);
            }
            ++count;
            if (++inBatch == BatchRows) {
                if (auto r = insertBatch(target, table, copied, batch, inBatch); !r) {
                    return unexpected(std::move(r).error());
                }
                batch.clear();
                inBatch = 0;
            }
            if (progress && count % ProgressEvery == 0) {
                progress({table, count});
            }
        }
        if (rows.lastError().isValid()) {
            return unexpected(source.error(rows));
        }
        if (inBatch > 0) {
            if (auto r = insertBatch(target, table, copied, batch, inBatch); !r) {
                return unexpected(std::move(r).error());
            }
        }
        // The target's identities go on after the ids copied.
        if (copied.contains(QLatin1String("id"))) {
            if (const QString reset = target.dialect().continueIdentityAfterCopy(table); !reset.isEmpty()) {
                if (auto r = target.exec(reset); !r) {
                    return unexpected(std::move(r).error());
                }
            }
        }
        if (progress) {
            progress({table, count});
        }
        counts.append(count);
        qCInfo(C360_STORE) << "copied" << count << "rows of" << table;
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return counts;
}

} // namespace C360::StoreCopy
