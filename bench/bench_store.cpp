// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The store's two hottest paths so far, against the raw SQLite C API doing the same work:
// bulk citizen insert (rows/s) and a name-prefix search (p50/p99). Prints a table and, with
// --json FILE, writes the figures.
// Usage: c360-bench-store [--citizens N] [--json FILE]

#include "common/clock.h"
#include "searchtext.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>

using namespace C360;

namespace
{
const QStringList givenNames = {QStringLiteral("Jan"),
                                QStringLiteral("Marie"),
                                QStringLiteral("Emre"),
                                QStringLiteral("Elise"),
                                QStringLiteral("Lucas"),
                                QStringLiteral("Noor"),
                                QStringLiteral("Mohamed"),
                                QStringLiteral("Anne-Sophie"),
                                QStringLiteral("Wout"),
                                QStringLiteral("Léa")};
const QStringList familyNames = {QStringLiteral("Peeters"),
                                 QStringLiteral("Janssens"),
                                 QStringLiteral("Maes"),
                                 QStringLiteral("Van den Bossche"),
                                 QStringLiteral("Çelik"),
                                 QStringLiteral("De Smet"),
                                 QStringLiteral("Vande Velde"),
                                 QStringLiteral("Dubois"),
                                 QStringLiteral("El Amrani"),
                                 QStringLiteral("Claes"),
                                 QStringLiteral("Wouters"),
                                 QStringLiteral("Goossens")};

Citizen makeCitizen(int i)
{
    Citizen c;
    c.givenNames = givenNames.at(i % givenNames.size());
    c.familyName = familyNames.at((i / givenNames.size()) % familyNames.size()) + (i % 7 == 0 ? QString() : QString::number(i % 97));
    c.birthDate = QDate(1940 + i % 80, 1 + i % 12, 1 + i % 28);
    c.address = {
        QStringLiteral("Kerkstraat"), QString::number(1 + i % 200), {}, QString::number(1000 + i % 8000), QStringLiteral("Gemeente"), QStringLiteral("BE")};
    c.source = {QStringLiteral("bench"), QString::number(i)};
    return c;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

// The same rows through sqlite3 directly: one prepared INSERT, one transaction.
double rawInsertRate(const QString &path, int n)
{
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    sqlite3_exec(db,
                 "CREATE TABLE citizens (id INTEGER PRIMARY KEY, given_names TEXT, family_name TEXT, search_names TEXT, birth_date TEXT, street TEXT, "
                 "house_number TEXT, box TEXT, postcode TEXT, municipality TEXT, country_code TEXT, preferred_language TEXT, source_system TEXT, source_id "
                 "TEXT, updated_at TEXT, UNIQUE (source_system, source_id));"
                 "CREATE INDEX citizens_address ON citizens (postcode, house_number); CREATE INDEX citizens_birth_date ON citizens (birth_date);"
                 "CREATE VIRTUAL TABLE citizen_search USING fts5 (search_names, content='citizens', content_rowid='id', tokenize='unicode61 "
                 "remove_diacritics 2', prefix='2 3');",
                 nullptr,
                 nullptr,
                 nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_stmt *fts = nullptr;
    sqlite3_prepare_v2(
        db, "INSERT INTO citizens VALUES (NULL, ?, ?, ?, ?, ?, ?, '', ?, ?, 'BE', 'nl', 'bench', ?, '2026-01-01T00:00:00.000Z')", -1, &insert, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO citizen_search (rowid, search_names) VALUES (?, ?)", -1, &fts, nullptr);
    QElapsedTimer timer;
    timer.start();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < n; ++i) {
        const Citizen c = makeCitizen(i);
        const QByteArray fields[] = {c.givenNames.toUtf8(),
                                     c.familyName.toUtf8(),
                                     SearchText::citizenNames(c).toUtf8(),
                                     c.birthDate.toString(Qt::ISODate).toUtf8(),
                                     c.address.street.toUtf8(),
                                     c.address.number.toUtf8(),
                                     c.address.postcode.toUtf8(),
                                     c.address.municipality.toUtf8(),
                                     c.source.id.toUtf8()};
        for (int f = 0; f < 9; ++f) {
            sqlite3_bind_text(insert, f + 1, fields[f].constData(), int(fields[f].size()), SQLITE_TRANSIENT);
        }
        sqlite3_step(insert);
        sqlite3_reset(insert);
        sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_text(fts, 2, fields[2].constData(), int(fields[2].size()), SQLITE_TRANSIENT);
        sqlite3_step(fts);
        sqlite3_reset(fts);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double rate = n / (timer.nsecsElapsed() / 1e9);
    sqlite3_finalize(insert);
    sqlite3_finalize(fts);
    sqlite3_close(db);
    return rate;
}

QList<double> rawSearchTimes(const QString &path, const QStringList &queries)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT rowid FROM citizen_search WHERE citizen_search MATCH ? LIMIT 50", -1, &stmt, nullptr);
    QList<double> times;
    for (const QString &q : queries) {
        const QByteArray match = CitizenRepository::ftsPrefixQuery(q).toUtf8();
        QElapsedTimer timer;
        timer.start();
        sqlite3_bind_text(stmt, 1, match.constData(), int(match.size()), SQLITE_TRANSIENT);
        while (sqlite3_step(stmt) == SQLITE_ROW) { }
        sqlite3_reset(stmt);
        times.append(timer.nsecsElapsed() / 1e6);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return times;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption citizensOption(
        QStringLiteral("citizens"), QStringLiteral("Number of citizens (default 100000)."), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Write the figures to this file as JSON."), QStringLiteral("file"));
    parser.addOption(citizensOption);
    parser.addOption(jsonOption);
    parser.process(app);
    const int n = parser.value(citizensOption).toInt();

    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    auto db = Database::open(dir.filePath(QStringLiteral("product.sqlite")), Database::OpenMode::Create, clock);
    if (!db) {
        QTextStream(stderr) << db.error().message() << Qt::endl;
        return 1;
    }
    CitizenRepository citizens(**db);

    QElapsedTimer timer;
    timer.start();
    {
        auto t = Transaction::begin(**db);
        for (int i = 0; i < n; ++i) {
            if (!citizens.insert(makeCitizen(i))) {
                QTextStream(stderr) << "insert failed" << Qt::endl;
                return 1;
            }
        }
        if (!t || !t->commit()) {
            return 1;
        }
    }
    const double productRate = n / (timer.nsecsElapsed() / 1e9);
    const QString rawPath = dir.filePath(QStringLiteral("raw.sqlite"));
    const double rawRate = rawInsertRate(rawPath, n);

    QStringList queries;
    QRandomGenerator random(42);
    for (int i = 0; i < 2000; ++i) {
        const QString name = random.bounded(2) ? givenNames.at(random.bounded(givenNames.size())) : familyNames.at(random.bounded(familyNames.size()));
        queries.append(name.left(2 + random.bounded(3)));
    }
    QList<double> productTimes;
    for (const QString &q : queries) {
        QElapsedTimer t;
        t.start();
        if (!citizens.searchNames(q, 50)) {
            return 1;
        }
        productTimes.append(t.nsecsElapsed() / 1e6);
    }
    const QList<double> rawTimes = rawSearchTimes(rawPath, queries);

    struct Row
    {
        QString name;
        double product;
        double baseline;
        QString unit;
        double ratio;
    };
    const QList<Row> rows = {
        {QStringLiteral("citizen_insert"), productRate, rawRate, QStringLiteral("rows/s"), rawRate / productRate},
        {QStringLiteral("name_search_p50"),
         percentile(productTimes, 0.5),
         percentile(rawTimes, 0.5),
         QStringLiteral("ms"),
         percentile(productTimes, 0.5) / std::max(1e-9, percentile(rawTimes, 0.5))},
        {QStringLiteral("name_search_p99"),
         percentile(productTimes, 0.99),
         percentile(rawTimes, 0.99),
         QStringLiteral("ms"),
         percentile(productTimes, 0.99) / std::max(1e-9, percentile(rawTimes, 0.99))},
    };
    QTextStream out(stdout);
    out << QStringLiteral("%1 citizens\n").arg(n);
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("name"), -18)
               .arg(QStringLiteral("product"), 14)
               .arg(QStringLiteral("raw SQLite"), 14)
               .arg(QStringLiteral("cost ratio"), 11);
    QJsonArray json;
    for (const Row &r : rows) {
        out << QStringLiteral("%1 %2 %3 %4x  (%5)\n")
                   .arg(r.name, -18)
                   .arg(r.product, 14, 'f', 3)
                   .arg(r.baseline, 14, 'f', 3)
                   .arg(r.ratio, 10, 'f', 2)
                   .arg(r.unit);
        json.append(QJsonObject{{QStringLiteral("name"), r.name},
                                {QStringLiteral("product"), r.product},
                                {QStringLiteral("baseline"), r.baseline},
                                {QStringLiteral("unit"), r.unit},
                                {QStringLiteral("ratio"), r.ratio}});
    }
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0) {
            return 1;
        }
    }
    return 0;
}
