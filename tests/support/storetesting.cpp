// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "storetesting.h"

#include "citizenbuilder.h"
#include "common/clock.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/reportrepository.h"
#include "store/retentionpolicy.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace C360::Test
{

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next()) {
        return -1;
    }
    return query.value(0).toLongLong();
}

QStringList rows(Database &db, const QString &sql)
{
    QStringList lines;
    QSqlQuery query(db.connection());
    if (!query.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return lines;
    }
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i) {
            fields.append(query.value(i).toString());
        }
        lines.append(fields.join(QLatin1Char('|')));
    }
    return lines;
}

int rowCount(Database &db, const QString &table)
{
    return static_cast<int>(scalar(db, QStringLiteral("SELECT COUNT(*) FROM ") + table));
}

LinkTargets addLinkTargets(Database &db)
{
    LinkTargets targets;
    targets.citizen = CitizenRepository(db).insert(CitizenBuilder().build()).value_or(0);
    Report report;
    report.source = {QStringLiteral("open311"), QStringLiteral("r-1")};
    targets.report = ReportRepository(db).upsertBySource(report).value_or(0);
    CatalogueEntry entry;
    entry.productId = QStringLiteral("p-1");
    entry.name = {{QStringLiteral("nl"), QStringLiteral("Identiteitskaart")}};
    targets.entry = CatalogueRepository(db).upsertByProductId(entry).value_or(0);
    return targets;
}

bool setRetentionDays(const QString &path, int days)
{
    auto db = Database::open(path, Database::OpenMode::Create, SystemClock::instance());
    if (!db) {
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(db.error().message()));
        return false;
    }
    QSqlQuery query((*db)->connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO store_settings (key, value) VALUES (?, ?)"));
    query.addBindValue(RetentionPolicy::settingKey);
    query.addBindValue(QString::number(days));
    if (!query.exec()) {
        qWarning("cannot set the retention: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

bool writeSqliteFile(const QString &path, const QStringList &statements)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("c360-test-raw-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(path);
        ok = raw.open();
        if (!ok) {
            qWarning("cannot open %s: %s", qPrintable(path), qPrintable(raw.lastError().text()));
        }
        for (qsizetype i = 0; ok && i < statements.size(); ++i) {
            QSqlQuery query(raw);
            ok = query.exec(statements.at(i));
            if (!ok) {
                qWarning("%s: %s", qPrintable(statements.at(i)), qPrintable(query.lastError().text()));
            }
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

const QStringList &contentTables()
{
    static const QStringList tables = {QStringLiteral("citizens"),
                                       QStringLiteral("citizen_identifiers"),
                                       QStringLiteral("digital_addresses"),
                                       QStringLiteral("channel_preferences"),
                                       QStringLiteral("consents"),
                                       QStringLiteral("reports"),
                                       QStringLiteral("report_candidates"),
                                       QStringLiteral("catalogue_entries"),
                                       QStringLiteral("catalogue_texts"),
                                       QStringLiteral("citizen_catalogue_links"),
                                       QStringLiteral("contact_moments"),
                                       QStringLiteral("requests"),
                                       QStringLiteral("request_supplements"),
                                       QStringLiteral("contact_moment_links"),
                                       QStringLiteral("request_links")};
    return tables;
}

QMap<QString, QByteArray> contentDigests(const QString &path)
{
    QMap<QString, QByteArray> result;
    auto db = Database::open(path, Database::OpenMode::ReadOnly, SystemClock::instance());
    if (!db) {
        qWarning("%s", why(db).constData());
        return result;
    }
    for (const QString &table : contentTables()) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        // Every column but citizens.updated_at: when this store last wrote the row, not what.
        QStringList columns;
        QSqlQuery info((*db)->connection());
        info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
        while (info.next()) {
            const QString column = info.value(1).toString();
            if (!(table == QLatin1String("citizens") && column == QLatin1String("updated_at"))) {
                columns.append(column);
            }
        }
        QSqlQuery q((*db)->connection());
        q.setForwardOnly(true);
        // Ordered by every column: rows that share the first (a contact's links) come in the order
        // of their content, not of when they were written.
        if (!q.exec(QStringLiteral("SELECT %2 FROM %1 ORDER BY %2").arg(table, columns.join(QLatin1Char(','))))) {
            qWarning("cannot read %s", qPrintable(table));
            continue;
        }
        qint64 count = 0;
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i) {
                hash.addData(q.value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            ++count;
        }
        result.insert(table, QByteArray::number(count) + ' ' + hash.result().toHex());
    }
    return result;
}

} // namespace C360::Test
