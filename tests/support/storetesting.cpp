// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "storetesting.h"

#include "citizenbuilder.h"
#include "common/clock.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/reportrepository.h"
#include "store/retentionpolicy.h"
#include "store/storecopy.h"

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

QString stringAgg(Database &db, const QString &separator)
{
    return QStringLiteral("%1(x, '%2')").arg(db.isServer() ? QStringLiteral("string_agg") : QStringLiteral("group_concat"), separator);
}

QStringList columns(Database &db, const QString &table)
{
    return StoreCopy::columns(db, table);
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
    query.prepare(QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(RetentionPolicy::settingKey);
    query.addBindValue(QString::number(days));
    if (!query.exec()) {
        qWarning("cannot set the retention: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

namespace
{
bool run(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}
} // namespace

bool tamperWithAuditLog(Database &db, const QStringList &statements)
{
    QStringList all;
    if (db.isServer()) {
        all << QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER") << statements << QStringLiteral("ALTER TABLE audit_log ENABLE TRIGGER USER");
    } else {
        all << QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update") << QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete") << statements;
    }
    for (const QString &sql : std::as_const(all)) {
        if (!run(db, sql)) {
            return false;
        }
    }
    return true;
}

bool refuseInserts(Database &db, const QString &table, const QString &condition)
{
    if (db.isServer()) {
        const QString function = QStringLiteral("c360_test_refuse_") + table;
        return run(db,
                   QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF %2 THEN RAISE EXCEPTION 'refused' USING "
                                  "ERRCODE = 'check_violation'; END IF; RETURN new; END $$")
                       .arg(function, condition.isEmpty() ? QStringLiteral("true") : condition)) &&
            run(db, QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2 FOR EACH ROW EXECUTE FUNCTION %1()").arg(function, table));
    }
    return run(db,
               QStringLiteral("CREATE TEMP TRIGGER refuse_%1 BEFORE INSERT ON %1 %2 BEGIN SELECT RAISE(ABORT, 'refused'); END")
                   .arg(table, condition.isEmpty() ? QString() : QStringLiteral("WHEN ") + condition));
}

bool runOnStore(const QString &name, const QStringList &statements)
{
    static QAtomicInteger<int> counter;
    const QString connection = QStringLiteral("c360-test-raw-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        const StoreLocation location = StoreLocation::parse(name);
        QSqlDatabase raw = QSqlDatabase::addDatabase(location.isServer() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), connection);
        if (location.isServer()) {
            raw.setDatabaseName(location.databaseName());
            raw.setUserName(location.userName());
            raw.setConnectOptions(QStringLiteral("host=%1;port=%2").arg(location.host(), location.port()));
        } else {
            raw.setDatabaseName(name);
        }
        ok = raw.open();
        if (!ok) {
            qWarning("cannot open %s: %s", qPrintable(name), qPrintable(raw.lastError().text()));
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
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool writeSqliteFile(const QString &path, const QStringList &statements)
{
    return runOnStore(path, statements);
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
                                       QStringLiteral("request_links"),
                                       QStringLiteral("case_types"),
                                       QStringLiteral("case_status_types"),
                                       QStringLiteral("cases"),
                                       QStringLiteral("case_statuses")};
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
        for (const QString &column : StoreCopy::columns(**db, table)) {
            if (!(table == QLatin1String("citizens") && column == QLatin1String("updated_at"))) {
                columns.append(column);
            }
        }
        QSqlQuery q((*db)->connection());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT %2 FROM %1").arg(table, columns.join(QLatin1Char(','))))) {
            qWarning("cannot read %s", qPrintable(table));
            continue;
        }
        // Sorted here, not by the engine: SQLite sorts NULL first, PostgreSQL last; rows that share
        // the first column (a contact's links) come in the order of their content.
        QList<QByteArray> lines;
        while (q.next()) {
            QByteArray line;
            for (int i = 0; i < q.record().count(); ++i) {
                const QVariant value = q.value(i);
                line += value.isNull() ? QByteArray("\x1e") : value.toString().toUtf8();
                line += '\x1f';
            }
            lines.append(line);
        }
        std::sort(lines.begin(), lines.end());
        for (const QByteArray &line : std::as_const(lines)) {
            hash.addData(line);
        }
        const qint64 count = lines.size();
        result.insert(table, QByteArray::number(count) + ' ' + hash.result().toHex());
    }
    return result;
}

} // namespace C360::Test
