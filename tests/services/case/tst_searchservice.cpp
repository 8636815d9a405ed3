// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The citizen search: what a typed text is taken for, what each kind finds (names in any order,
// accents and particles, register numbers with or without separators, phones in any format,
// e-mail, birth date, postcode + house number), masked identifiers, namesakes told apart, and the
// audit entries each search writes (a keyed hash, never the identifier).

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/searchservice.h"
#include "citizenbuilder.h"
#include "searchtext.h"
#include "store/citizenrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestSearchService : public QObject
{
    Q_OBJECT

    Test::TempStore m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<SearchService> m_search;
    const StaffMember m_clerk{u"an.balie"_s, Role::CounterClerk, u"balie-3"_s};
    qint64 m_marie = 0;
    qint64 m_marieNamesake = 0;
    qint64 m_jan = 0;
    QString m_marieNumber;

    QList<qint64> ids(const QString &text) { return ids(*m_search, text); }
    QList<qint64> ids(SearchService &search, const QString &text)
    {
        auto found = search.search(m_clerk, text);
        if (!found) {
            qWarning("%s", qPrintable(found.error().message));
            return {};
        }
        QList<qint64> result;
        for (const SearchHit &hit : std::as_const(found->hits)) {
            result.append(hit.citizenId);
        }
        std::sort(result.begin(), result.end());
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Database &db = m_store.open();
        m_audit = std::make_unique<AuditService>(db, QByteArray(32, 'k'));
        m_search = std::make_unique<SearchService>(*m_audit);
        CitizenRepository citizens(db);
        const Citizen marie = Test::CitizenBuilder()
                                  .withName(u"Marie-José"_s, u"Van den Bossche"_s)
                                  .bornOn(QDate(1985, 7, 30))
                                  .withNationalNumber(33)
                                  .livingAt(u"Kerkstraat"_s, u"12A"_s, u"9000"_s, u"Gent"_s)
                                  .withPhone(u"0470 12 34 56"_s)
                                  .withEmail(u"Marie.VDB@example.be"_s)
                                  .build();
        m_marieNumber = marie.identifiers.first().value;
        m_marie = citizens.insert(marie).value_or(0);
        m_marieNamesake = citizens
                              .insert(Test::CitizenBuilder()
                                          .withName(u"Marie"_s, u"Van den Bossche"_s)
                                          .bornOn(QDate(1962, 1, 5))
                                          .withNationalNumber(101)
                                          .livingAt(u"Dorpsstraat"_s, u"3"_s, u"8000"_s, u"Brugge"_s)
                                          .build())
                              .value_or(0);
        m_jan = citizens
                    .insert(Test::CitizenBuilder()
                                .withName(u"Jan"_s, u"Peeters"_s)
                                .bornOn(QDate(1990, 12, 31))
                                .withNationalNumber(7)
                                .livingAt(u"Stationsplein"_s, u"1"_s, u"9000"_s, u"Gent"_s)
                                .withPhone(u"+32 9 123 45 67"_s)
                                .build())
                    .value_or(0);
        QVERIFY(m_marie && m_marieNamesake && m_jan);
    }

    void classify_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind"); // -1: not searched
        QTest::addColumn<QString>("normalised");
        QTest::newRow("one letter") << u"m"_s << -1 << QString();
        QTest::newRow("name") << u"  Désirée "_s << int(SearchKind::Name) << u"desiree"_s;
        QTest::newRow("register number with separators") << u"85.07.30-033.61"_s << int(SearchKind::NationalNumber) << u"85073003361"_s;
        QTest::newRow("first digits of a register number") << u"850730"_s << int(SearchKind::NationalNumber) << u"850730"_s;
        QTest::newRow("too few digits") << u"8507"_s.left(3) << -1 << QString();
        QTest::newRow("mobile") << u"0470 12.34.56"_s << int(SearchKind::Phone) << u"32470123456"_s;
        QTest::newRow("international") << u"+32 470 12 34 56"_s << int(SearchKind::Phone) << u"32470123456"_s;
        QTest::newRow("0032") << u"0032470123456"_s << int(SearchKind::Phone) << u"32470123456"_s;
        QTest::newRow("e-mail") << u"Marie.VDB@Example.be"_s << int(SearchKind::Email) << u"marie.vdb@example.be"_s;
        QTest::newRow("birth date") << u"30/07/1985"_s << int(SearchKind::BirthDate) << QString();
        QTest::newRow("ISO birth date") << u"1985-07-30"_s << int(SearchKind::BirthDate) << QString();
        QTest::newRow("impossible date") << u"31/02/1985"_s << -1 << QString();
        QTest::newRow("postcode and number") << u"9000 12 a"_s << int(SearchKind::Address) << u"9000 12A"_s;
        QTest::newRow("postcode") << u"9000"_s << int(SearchKind::Address) << u"9000"_s;
        QTest::newRow("name and birth year") << u"Peeters 1985"_s << int(SearchKind::Name) << u"peeters"_s;
        QTest::newRow("no year but a house number") << u"Peeters 0470"_s << int(SearchKind::Name) << u"peeters 0470"_s;
    }

    void classify()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, normalised);
        const auto q = SearchService::classify(text);
        QCOMPARE(q.has_value(), kind >= 0);
        if (q) {
            QCOMPARE(int(q->kind), kind);
            if (!normalised.isEmpty()) {
                QCOMPARE(q->text, normalised);
            }
        }
    }

    void finds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("who"); // m: Marie, n: her namesake, j: Jan
        QTest::newRow("family given") << u"van den bossche marie"_s << u"mn"_s;
        QTest::newRow("given family") << u"Marie Van den Bossche"_s << u"mn"_s;
        QTest::newRow("prefixes, accents, case") << u"JOSE vand"_s << u"m"_s;
        QTest::newRow("particles written together") << u"vandenbossche"_s << u"mn"_s;
        QTest::newRow("two letters") << u"pe"_s << u"j"_s;
        QTest::newRow("mobile, dots") << u"0470.12.34.56"_s << u"m"_s;
        QTest::newRow("mobile, international") << u"+32 470 12 34 56"_s << u"m"_s;
        QTest::newRow("landline, 0032") << u"0032 9 123 45 67"_s << u"j"_s;
        QTest::newRow("e-mail, other case") << u"marie.vdb@EXAMPLE.be"_s << u"m"_s;
        QTest::newRow("birth date") << u"31-12-1990"_s << u"j"_s;
        QTest::newRow("postcode and number") << u"9000 12a"_s << u"m"_s;
        QTest::newRow("postcode") << u"9000"_s << u"mj"_s;
        QTest::newRow("name and birth year") << u"van den bossche 1962"_s << u"n"_s;
        QTest::newRow("birth year first") << u"1985 marie"_s << u"m"_s;
        QTest::newRow("nobody born that year") << u"peeters 1985"_s << QString();
        QTest::newRow("nobody") << u"Zzyzx"_s << QString();
    }

    void finds()
    {
        QFETCH(QString, text);
        QFETCH(QString, who);
        QList<qint64> expected;
        for (QChar c : who) {
            expected.append(c == u'm' ? m_marie : c == u'n' ? m_marieNamesake : m_jan);
        }
        std::sort(expected.begin(), expected.end());
        QCOMPARE(ids(text), expected);
    }

    void registerNumbers()
    {
        const QString formatted = m_marieNumber.left(2) + u'.' + m_marieNumber.mid(2, 2) + u'.' + m_marieNumber.mid(4, 2) + u'-' + m_marieNumber.mid(6, 3) +
            u'.' + m_marieNumber.mid(9);
        QCOMPARE(ids(formatted), QList<qint64>{m_marie});
        QCOMPARE(ids(m_marieNumber), QList<qint64>{m_marie});
        QCOMPARE(ids(m_marieNumber.left(7)), QList<qint64>{m_marie});
    }

    // Namesakes differ by birth year and municipality; the number is masked.
    void hitsTellNamesakesApart()
    {
        const auto found = m_search->search(m_clerk, u"marie van den bossche"_s);
        QVERIFY(found);
        QCOMPARE(found->hits.size(), 2);
        QCOMPARE(found->matches, 2);
        QVERIFY(!found->isCut());
        const SearchHit &a = found->hits.at(0);
        const SearchHit &b = found->hits.at(1);
        QVERIFY(a.birthYear != b.birthYear || a.municipality != b.municipality);
        for (const SearchHit &hit : found->hits) {
            QVERIFY(!hit.maskedIdentifier.isEmpty());
            QVERIFY2(!hit.maskedIdentifier.contains(m_marieNumber.left(6)), qPrintable(hit.maskedIdentifier));
            QCOMPARE(hit.familyName, u"Van den Bossche"_s);
        }
    }

    // A search writes one search entry (kind and keyed hash, never the number) and one
    // search_result_shown entry per citizen shown.
    void searchesAreAudited()
    {
        m_store.clock().advance(60 * 1000); // a new search session
        Database &db = m_store.db();
        const qint64 before = Test::scalar(db, u"SELECT COUNT(*) FROM audit_log"_s);
        QCOMPARE(ids(m_marieNumber), QList<qint64>{m_marie});
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM audit_log"_s), before + 2);
        const auto entries = AuditRepository(db, QByteArray(32, 'k')).entries(before + 1, 10).value();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).action, AuditAction::Search);
        QCOMPARE(entries.at(0).actor, m_clerk.name);
        QCOMPARE(entries.at(0).workstation, m_clerk.workstation);
        QCOMPARE(entries.at(0).subjectCitizenId, 0);
        const QJsonObject details = QJsonDocument::fromJson(entries.at(0).details.toUtf8()).object();
        QCOMPARE(details[u"kind"_s].toString(), u"national_number"_s);
        QCOMPARE(details[u"hash"_s].toString(), m_audit->keyedHash(m_marieNumber));
        QVERIFY(!entries.at(0).details.contains(m_marieNumber));
        QVERIFY(!entries.at(0).details.contains(m_marieNumber.left(6)));
        QCOMPARE(entries.at(1).action, AuditAction::SearchResultShown);
        QCOMPARE(entries.at(1).subjectCitizenId, m_marie);
        // Too short: nothing searched, nothing written.
        QVERIFY(ids(u"m"_s).isEmpty());
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM audit_log"_s), before + 2);
        QVERIFY(AuditRepository(db, QByteArray(32, 'k')).verify().value().intact());
    }

    // A number typed with letters around it is searched as a name, but kept in the log as a keyed
    // hash, never in clear; a plain name stays readable for the supervisor.
    void numbersTypedWithLettersAreHashed_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("clear");
        QTest::newRow("national number with a country") << u"BE 85.07.30-033.61"_s << false;
        QTest::newRow("phone with a word") << u"tel 0470 12 34 56"_s << false;
        QTest::newRow("name and house number") << u"Peeters 12"_s << true;
        QTest::newRow("name") << u"Van den Bossche"_s << true;
    }

    void numbersTypedWithLettersAreHashed()
    {
        QFETCH(QString, typed);
        QFETCH(bool, clear);
        m_store.clock().advance(60 * 1000); // a new search session
        Database &db = m_store.db();
        const qint64 before = Test::scalar(db, u"SELECT MAX(sequence) FROM audit_log"_s);
        QVERIFY(m_search->search(m_clerk, typed));
        const auto entries = AuditRepository(db, QByteArray(32, 'k')).entries(before + 1, 1).value();
        QCOMPARE(entries.size(), 1);
        const QJsonObject details = QJsonDocument::fromJson(entries.at(0).details.toUtf8()).object();
        QCOMPARE(details[u"kind"_s].toString(), u"name"_s);
        QCOMPARE(details.contains(u"text"_s), clear);
        QCOMPARE(details.contains(u"hash"_s), !clear);
        const QString digits = QString(typed).remove(QRegularExpression(u"[^0-9]"_s));
        if (!clear) {
            QVERIFY2(!entries.at(0).details.contains(digits.left(6)), qPrintable(entries.at(0).details));
            QCOMPARE(details[u"hash"_s].toString(), m_audit->keyedHash(SearchText::fold(typed)));
        }
    }

    // A keystroke's entries are committed (another connection reads them) without a flush of
    // the disk; the connection's commits are durable again afterwards, for the profile opened next.
    void searchEntriesAreCommittedAndDurabilityComesBack()
    {
        m_store.clock().advance(60 * 1000); // a new search session
        Database &db = m_store.db();
        const qint64 before = Test::scalar(db, u"SELECT COUNT(*) FROM audit_log"_s);
        QCOMPARE(ids(u"Van den"_s), (QList<qint64>{m_marie, m_marieNamesake}));
        auto other = Database::open(m_store.path(), Database::OpenMode::ReadOnly, m_store.clock());
        QVERIFY(other);
        QCOMPARE(Test::scalar(**other, u"SELECT COUNT(*) FROM audit_log"_s), before + 3);
        if (db.isServer()) {
            QCOMPARE(Test::rows(db, u"SHOW synchronous_commit"_s), QStringList{u"on"_s});
        } else {
            QCOMPARE(Test::scalar(db, u"PRAGMA synchronous"_s), 2); // FULL
        }
        QCOMPARE(db.transactionDepth(), 0);
    }

    // Typing is one search: each keystroke has its search entry, each citizen one
    // search_result_shown entry, at the first keystroke that listed them.
    void aCitizenIsShownOncePerTyping()
    {
        m_store.clock().advance(60 * 1000);
        Database &db = m_store.db();
        const auto count = [&db](const QString &action) {
            return Test::scalar(db, u"SELECT COUNT(*) FROM audit_log WHERE action = '%1'"_s.arg(action));
        };
        const qint64 searches = count(u"search"_s);
        const qint64 shown = count(u"search_result_shown"_s);
        for (const QString &typed : {u"Va"_s, u"Van"_s, u"Van d"_s, u"Van den"_s, u"Van de"_s, u"Van den Bossche"_s}) {
            QVERIFY(!ids(typed).isEmpty());
            m_store.clock().advance(400);
        }
        QCOMPARE(count(u"search"_s), searches + 6);
        QCOMPARE(count(u"search_result_shown"_s), shown + 2); // Marie-José and her namesake, once each
        const QList<AuditEntry> last = AuditRepository(db, QByteArray(32, 'k')).matching(u"action = 'search'"_s, {1}).value();
        const QJsonObject details = QJsonDocument::fromJson(last.first().details.toUtf8()).object();
        QCOMPARE(details[u"results"_s].toInt(), 2);
        QCOMPARE(details[u"new_results"_s].toInt(), 0);

        // Another text, a pause, or another staff member: a new search, and the citizens anew.
        QCOMPARE(ids(u"Marie"_s), (QList<qint64>{m_marie, m_marieNamesake}));
        QCOMPARE(count(u"search_result_shown"_s), shown + 4);
        m_store.clock().advance((SearchService::SessionGapSeconds + 1) * 1000);
        QCOMPARE(ids(u"Marie-"_s), (QList<qint64>{m_marie, m_marieNamesake}));
        QCOMPARE(count(u"search_result_shown"_s), shown + 6);
        const StaffMember colleague{u"piet.kcc"_s, Role::CallCentreAgent, u"kcc-1"_s};
        QVERIFY(m_search->search(colleague, u"Marie-J"_s));
        QCOMPARE(count(u"search_result_shown"_s), shown + 7);
        QVERIFY(AuditRepository(db, QByteArray(32, 'k')).verify().value().intact());
    }

    // An administrator runs the installation but searches no citizens: refused and audited.
    // A list cut short says how many match in all, counted up to the cap; the first ones shown
    // are the first in name order, the same every time.
    void aListCutShortSaysHowManyMatch()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditService audit(db, QByteArray(32, 'k'));
        SearchService search(audit);
        CitizenRepository citizens(db);
        for (int i = 0; i < 112; ++i) {
            // Given names in reverse order of insertion: the name order is not the order of the index.
            const QString given = u"Jan"_s + QChar(u'a' + (111 - i) / 26) + QChar(u'a' + (111 - i) % 26);
            QVERIFY(citizens.insert(Test::CitizenBuilder().withName(given, u"Peeters"_s).bornOn(QDate(1950 + i % 40, 3, 1)).build()));
        }
        const auto found = search.search(m_clerk, u"peeters"_s);
        QVERIFY(found);
        QCOMPARE(found->hits.size(), SearchService::DefaultLimit);
        QCOMPARE(found->matches, 112);
        QVERIFY(found->isCut());
        QVERIFY(!found->isCountCapped());
        QCOMPARE(found->kind, SearchKind::Name);
        QCOMPARE(found->hits.first().givenNames, u"Janaa"_s);
        for (qsizetype i = 1; i < found->hits.size(); ++i) {
            QVERIFY(found->hits.at(i - 1).givenNames < found->hits.at(i).givenNames);
        }
        // A birth year narrows it: 112 spread over 40 years, three born in 1955.
        const auto narrowed = search.search(m_clerk, u"peeters 1955"_s);
        QVERIFY(narrowed);
        QCOMPARE(narrowed->matches, 3);
        QVERIFY(!narrowed->isCut());
        // The audit entry keeps how many were shown and how many matched.
        QCOMPARE(Test::scalar(db,
                              db.isServer() ? u"SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND CAST(details AS jsonb) ->> 'matches' = '112' "
                                              "AND CAST(details AS jsonb) ->> 'results' = '50'"_s
                                            : u"SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND json_extract(details, '$.matches') = 112 "
                                              "AND json_extract(details, '$.results') = 50"_s),
                 1);
        // Too short to search: nothing searched, and said so.
        const auto tooShort = search.search(m_clerk, u"p"_s);
        QVERIFY(tooShort);
        QVERIFY(tooShort->tooShort);
        QVERIFY(tooShort->hits.isEmpty());
        QVERIFY(!search.search(m_clerk, u"  "_s)->tooShort);
    }

    // A word's first letters find each citizen once however many of their names start with them,
    // count past the cap as "more than", and follow every change of a name: on PostgreSQL through
    // the B-tree of the names' words (schema 12), kept by the citizens' own changes; on SQLite
    // through FTS5's prefix index. Both engines must answer alike.
    void aWordsFirstLettersFollowTheNames()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditService audit(db, QByteArray(32, 'k'));
        SearchService search(audit);
        CitizenRepository citizens(db);
        // "Jan Jansens": "jan" starts both names, "jans" one of them.
        const int many = SearchResult::CountCap + 9;
        for (int i = 0; i < many; ++i) {
            QVERIFY(citizens.insert(Test::CitizenBuilder().withName(u"Jan"_s, u"Jansens"_s).bornOn(QDate(1940 + i % 60, 1 + i % 12, 1)).build()));
        }
        for (const QString &typed : {u"ja"_s, u"jan"_s, u"jans"_s}) {
            const auto found = search.search(m_clerk, typed);
            QVERIFY2(found, qPrintable(typed));
            QVERIFY2(found->isCountCapped(), qPrintable(u"%1: %2 matches"_s.arg(typed).arg(found->matches)));
            QCOMPARE(found->hits.size(), SearchService::DefaultLimit);
            QSet<qint64> distinct;
            for (const SearchHit &hit : std::as_const(found->hits)) {
                distinct.insert(hit.citizenId);
            }
            QCOMPARE(distinct.size(), found->hits.size());
        }
        // A word the cap does not reach: every citizen once.
        const qint64 dirk = citizens.insert(Test::CitizenBuilder().withName(u"Dirk Dirkje"_s, u"Dirkx"_s).bornOn(QDate(1970, 5, 5)).build()).value_or(0);
        const qint64 dirkske = citizens.insert(Test::CitizenBuilder().withName(u"Dirkske"_s, u"Wouters"_s).bornOn(QDate(1971, 5, 5)).build()).value_or(0);
        QVERIFY(dirk && dirkske);
        QCOMPARE(ids(search, u"dir"_s), (QList<qint64>{dirk, dirkske}));
        QCOMPARE(ids(search, u"dirkx"_s), QList<qint64>{dirk});
        QCOMPARE(search.search(m_clerk, u"dir"_s)->matches, 2);
        // A new name: found by it, no longer by the old one.
        auto renamed = citizens.find(dirk);
        QVERIFY(renamed && renamed->has_value());
        Citizen changed = **renamed;
        changed.givenNames = u"Wannes"_s;
        changed.familyName = u"Çelik"_s;
        QVERIFY(citizens.update(changed));
        QCOMPARE(ids(search, u"dirkx"_s), QList<qint64>());
        QCOMPARE(ids(search, u"dir"_s), QList<qint64>{dirkske});
        QCOMPARE(ids(search, u"cel"_s), QList<qint64>{dirk});
        QCOMPARE(ids(search, u"wan"_s), QList<qint64>{dirk});
        // A birth date corrected, the names the same: the lines' order follows it.
        const qint64 older = citizens.insert(Test::CitizenBuilder().withName(u"Wannes"_s, u"Çelik"_s).bornOn(QDate(1960, 1, 1)).build()).value_or(0);
        QVERIFY(older);
        auto lines = search.search(m_clerk, u"celik"_s);
        QVERIFY(lines && lines->hits.size() == 2);
        QCOMPARE(lines->hits.at(0).citizenId, older);
        changed.birthDate = QDate(1950, 1, 1);
        QVERIFY(citizens.update(changed));
        lines = search.search(m_clerk, u"celik"_s);
        QVERIFY(lines && lines->hits.size() == 2);
        QCOMPARE(lines->hits.at(0).citizenId, dirk);
        QVERIFY(citizens.remove(older));
        // Gone from the store, gone from the search.
        QVERIFY(citizens.remove(dirk));
        QCOMPARE(ids(search, u"cel"_s), QList<qint64>());
        QCOMPARE(ids(search, u"wannes"_s), QList<qint64>());
        QCOMPARE(ids(search, u"dirks"_s), QList<qint64>{dirkske});
        if (db.isServer()) {
            // The word index holds exactly the names' words, no more.
            QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM citizen_name_words"_s),
                     Test::scalar(db, u"SELECT COUNT(*) FROM citizens c, unnest(tsvector_to_array(c.search_vector))"_s));
            QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM citizen_name_words WHERE citizen_id = %1"_s.arg(dirk)), 0);
            // With the names and birth date each line is ordered by, as the citizen has them now.
            QCOMPARE(Test::scalar(db,
                                  u"SELECT COUNT(*) FROM citizen_name_words w JOIN citizens c ON c.id = w.citizen_id WHERE w.family_name IS DISTINCT "
                                  "FROM c.family_name OR w.given_names IS DISTINCT FROM c.given_names OR w.birth_date IS DISTINCT FROM c.birth_date"_s),
                     0);
        }
    }

    void administratorsDoNotSearch()
    {
        Database &db = m_store.db();
        const qint64 before = Test::scalar(db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s);
        const auto found = m_search->search({u"root"_s, Role::Administrator, u"server"_s}, u"peeters"_s);
        QVERIFY(!found);
        QCOMPARE(found.error().kind, ServiceError::Kind::Denied);
        QVERIFY(!found.error().message.isEmpty());
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s), before + 1);
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND actor = 'root'"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestSearchService)
#include "tst_searchservice.moc"
