// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "storetesting.h"

#include "cataloguerepository.h"
#include "citizenbuilder.h"
#include "citizenrepository.h"
#include "clock.h"
#include "reportrepository.h"
#include "retentionpolicy.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace c360::test
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

} // namespace c360::test
