// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The small rules the domain value types carry: stored enum keys, how names and addresses read,
// when a request expires, which language a catalogue text falls back to, and Expected itself.

#include "auditentry.h"
#include "catalogueentry.h"
#include "citizen.h"
#include "citizenbuilder.h"
#include "common.h"
#include "contactmoment.h"
#include "expected.h"
#include "identifier.h"
#include "identifiererror.h"
#include "outboxentry.h"
#include "report.h"
#include "request.h"
#include "role.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>
#include <memory>

using namespace c360;
using namespace Qt::Literals::StringLiterals;

namespace
{
// One enum's EnumKeys seen through int, so that a single data table covers every enum.
struct EnumProbe
{
    std::function<QString(int)> toKey;
    std::function<std::optional<int>(QStringView)> fromKey;
    QList<int> allValues;
};

template<typename Enum>
EnumProbe probe()
{
    EnumProbe p;
    p.toKey = [](int value) {
        return c360::toKey(static_cast<Enum>(value));
    };
    p.fromKey = [](QStringView key) -> std::optional<int> {
        const std::optional<Enum> value = c360::fromKey<Enum>(key);
        return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
    };
    for (const Enum value : c360::allValues<Enum>()) {
        p.allValues.append(static_cast<int>(value));
    }
    return p;
}

// allValues() is usable at compile time.
static_assert(c360::allValues<Channel>().size() == 6);
static_assert(c360::allValues<Role>()[3] == Role::Administrator);
// isOutstanding_data() has one row per state; a new state must get one too.
static_assert(std::size(EnumKeys<OutboxState>::table) == 5, "add the new OutboxState to isOutstanding_data()");

QDateTime utc(int y, int m, int d, int h = 12, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

using Texts = QMap<QString, QString>; // language → text

const QString nrn = u"85073003328"_s;
const QString bis = u"85273003371"_s;
const QString bsn = u"123456782"_s;
} // namespace

Q_DECLARE_METATYPE(EnumProbe)
Q_DECLARE_METATYPE(c360::Identifier)
Q_DECLARE_METATYPE(c360::IdentifierType)
Q_DECLARE_METATYPE(c360::ConsentTopic)
Q_DECLARE_METATYPE(c360::OutboxState)

class TestValueTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Keys are stored in the database and exported: they are listed here literally, in declaration
    // order, so that renaming one or forgetting a new enumerator fails this test.
    void enumKeys_data()
    {
        QTest::addColumn<EnumProbe>("probe");
        QTest::addColumn<QStringList>("keys");

        QTest::newRow("IdentifierType") << probe<IdentifierType>() << QStringList{u"be_nrn"_s, u"be_bis"_s, u"nl_bsn"_s};
        QTest::newRow("IdentifierError")
            << probe<IdentifierError>()
            << QStringList{
                   u"empty"_s, u"invalid_characters"_s, u"wrong_length"_s, u"invalid_date"_s, u"invalid_serial"_s, u"checksum_mismatch"_s, u"unknown_type"_s};
        QTest::newRow("Channel") << probe<Channel>() << QStringList{u"counter"_s, u"phone"_s, u"email"_s, u"chat"_s, u"letter"_s, u"app"_s};
        QTest::newRow("ItemKind") << probe<ItemKind>() << QStringList{u"report"_s, u"contact_moment"_s, u"request"_s, u"catalogue_entry"_s};
        QTest::newRow("DigitalAddressKind") << probe<DigitalAddressKind>() << QStringList{u"email"_s, u"phone"_s};
        QTest::newRow("ConsentTopic") << probe<ConsentTopic>()
                                      << QStringList{u"digital_communication"_s, u"satisfaction_survey"_s, u"newsletter"_s, u"data_sharing"_s};
        QTest::newRow("RequestStatus") << probe<RequestStatus>() << QStringList{u"open"_s, u"answered"_s, u"closed"_s};
        QTest::newRow("AssigneeKind") << probe<AssigneeKind>() << QStringList{u"person"_s, u"team"_s};
        QTest::newRow("ReportStatus") << probe<ReportStatus>() << QStringList{u"open"_s, u"in_progress"_s, u"closed"_s};
        QTest::newRow("CandidateState") << probe<CandidateState>() << QStringList{u"possible"_s, u"rejected"_s};
        QTest::newRow("MatchBasis") << probe<MatchBasis>() << QStringList{u"none"_s, u"national_number"_s, u"email"_s, u"phone"_s, u"staff"_s};
        QTest::newRow("OutboxState") << probe<OutboxState>() << QStringList{u"pending"_s, u"sending"_s, u"failed"_s, u"rejected"_s, u"done"_s};
        QTest::newRow("ContactOutcome") << probe<ContactOutcome>() << QStringList{u"answered"_s, u"referred"_s, u"callback_needed"_s};
        QTest::newRow("AuditAction") << probe<AuditAction>()
                                     << QStringList{u"search"_s,
                                                    u"search_result_shown"_s,
                                                    u"profile_opened"_s,
                                                    u"identifier_revealed"_s,
                                                    u"print"_s,
                                                    u"export"_s,
                                                    u"change"_s,
                                                    u"purge"_s,
                                                    u"login"_s,
                                                    u"login_failed"_s,
                                                    u"access_denied"_s,
                                                    u"access_report"_s,
                                                    u"audit_verified"_s};
        QTest::newRow("AuditOutcome") << probe<AuditOutcome>() << QStringList{u"success"_s, u"denied"_s, u"failed"_s};
        QTest::newRow("Role") << probe<Role>()
                              << QStringList{u"counter_clerk"_s, u"call_centre_agent"_s, u"supervisor"_s, u"administrator"_s, u"sync_service"_s};
    }

    void enumKeys()
    {
        QFETCH(EnumProbe, probe);
        QFETCH(QStringList, keys);

        // Every enumerator (0 … n−1) is in the table exactly once.
        QCOMPARE(probe.allValues.size(), keys.size());
        QList<int> sorted = probe.allValues;
        std::sort(sorted.begin(), sorted.end());
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            QCOMPARE(sorted.at(i), int(i));
        }

        const QRegularExpression keyShape(u"^[a-z][a-z0-9_]*$"_s);
        for (int value = 0; value < keys.size(); ++value) {
            const QString key = probe.toKey(value);
            QCOMPARE(key, keys.at(value));
            QVERIFY2(keyShape.match(key).hasMatch(), qPrintable(key));
            QCOMPARE(probe.fromKey(key), std::optional<int>(value));
        }
        for (const int value : std::as_const(probe.allValues)) {
            QCOMPARE(probe.fromKey(probe.toKey(value)), std::optional<int>(value));
        }
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());

        QCOMPARE(probe.fromKey(u"no_such_key"), std::nullopt);
        QCOMPARE(probe.fromKey(u""), std::nullopt);
        QCOMPARE(probe.fromKey(QString(keys.first() + u'x')), std::nullopt);
        QVERIFY(probe.toKey(int(keys.size())).isEmpty());
    }

    void addressSingleLine_data()
    {
        QTest::addColumn<QString>("street");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("box");
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<QString>("municipality");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("isEmpty");

        const QString s = u"Kerkstraat"_s;
        const QString n = u"12"_s;
        const QString b = u"3"_s;
        const QString p = u"2000"_s;
        const QString m = u"Antwerpen"_s;
        const QString none;
        QTest::newRow("full") << s << n << b << p << m << u"Kerkstraat 12 bus 3, 2000 Antwerpen"_s << false;
        QTest::newRow("no box") << s << n << none << p << m << u"Kerkstraat 12, 2000 Antwerpen"_s << false;
        QTest::newRow("no number") << s << none << none << p << m << u"Kerkstraat, 2000 Antwerpen"_s << false;
        QTest::newRow("box without number") << s << none << b << p << m << u"Kerkstraat bus 3, 2000 Antwerpen"_s << false;
        QTest::newRow("no postcode") << s << n << none << none << m << u"Kerkstraat 12, Antwerpen"_s << false;
        QTest::newRow("no municipality") << s << n << none << p << none << u"Kerkstraat 12, 2000"_s << false;
        QTest::newRow("no place") << s << n << b << none << none << u"Kerkstraat 12 bus 3"_s << false;
        QTest::newRow("place only") << none << none << none << p << m << u"2000 Antwerpen"_s << false;
        QTest::newRow("municipality only") << none << none << none << none << m << u"Antwerpen"_s << false;
        QTest::newRow("accents and spaces") << u"Chaussée de Louvain"_s << u"145A"_s << none << u"1210"_s << u"Saint-Josse-ten-Noode"_s
                                            << u"Chaussée de Louvain 145A, 1210 Saint-Josse-ten-Noode"_s << false;
        QTest::newRow("empty") << none << none << none << none << none << QString() << true;
    }

    void addressSingleLine()
    {
        QFETCH(QString, street);
        QFETCH(QString, number);
        QFETCH(QString, box);
        QFETCH(QString, postcode);
        QFETCH(QString, municipality);
        QFETCH(QString, line);
        QFETCH(bool, isEmpty);

        Address address;
        address.street = street;
        address.number = number;
        address.box = box;
        address.postcode = postcode;
        address.municipality = municipality;
        QCOMPARE(address.singleLine(), line);
        QCOMPARE(address.isEmpty(), isEmpty);
    }

    void sourceRefIsLocal_data()
    {
        QTest::addColumn<QString>("system");
        QTest::addColumn<bool>("isLocal");

        QTest::newRow("no system") << QString() << true;
        QTest::newRow("local") << u"local"_s << true;
        QTest::newRow("open311") << u"open311"_s << false;
        QTest::newRow("openklant") << u"openklant"_s << false;
    }

    void sourceRefIsLocal()
    {
        QFETCH(QString, system);
        QFETCH(bool, isLocal);

        QCOMPARE((SourceRef{system, u"17"_s}.isLocal()), isLocal);
    }

    void citizenNames_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("sortName");

        QTest::newRow("both") << u"Jan"_s << u"Peeters"_s << u"Jan Peeters"_s << u"Peeters, Jan"_s;
        QTest::newRow("particles") << u"Marie"_s << u"Van den Bossche"_s << u"Marie Van den Bossche"_s << u"Van den Bossche, Marie"_s;
        QTest::newRow("two given names") << u"Anne Sophie"_s << u"D'Hondt"_s << u"Anne Sophie D'Hondt"_s << u"D'Hondt, Anne Sophie"_s;
        QTest::newRow("family name only") << QString() << u"Peeters"_s << u"Peeters"_s << u"Peeters"_s;
        // Some registers record a single name; it must not sort as ", Mohammed".
        QTest::newRow("given name only") << u"Mohammed"_s << QString() << u"Mohammed"_s << u"Mohammed"_s;
        QTest::newRow("no name") << QString() << QString() << QString() << QString();
    }

    void citizenNames()
    {
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QString, displayName);
        QFETCH(QString, sortName);

        const Citizen citizen = test::CitizenBuilder().withName(given, family).build();
        QCOMPARE(citizen.displayName(), displayName);
        QCOMPARE(citizen.sortName(), sortName);
    }

    void primaryIdentifier_data()
    {
        QTest::addColumn<QList<Identifier>>("identifiers");
        QTest::addColumn<bool>("hasPrimary");
        QTest::addColumn<Identifier>("primary");

        const Identifier register_{IdentifierType::BelgianNationalNumber, nrn};
        const Identifier bisNumber{IdentifierType::BelgianBisNumber, bis};
        const Identifier dutch{IdentifierType::DutchBsn, bsn};
        QTest::newRow("none") << QList<Identifier>() << false << Identifier();
        QTest::newRow("register number only") << QList<Identifier>{register_} << true << register_;
        QTest::newRow("BSN only") << QList<Identifier>{dutch} << true << dutch;
        QTest::newRow("BSN listed before the register number") << QList<Identifier>{dutch, register_} << true << register_;
        QTest::newRow("BIS number before BSN") << QList<Identifier>{dutch, bisNumber} << true << bisNumber;
        QTest::newRow("register number before BIS number") << QList<Identifier>{bisNumber, register_, dutch} << true << register_;
    }

    void primaryIdentifier()
    {
        QFETCH(QList<Identifier>, identifiers);
        QFETCH(bool, hasPrimary);
        QFETCH(Identifier, primary);

        Citizen citizen = test::CitizenBuilder().build();
        citizen.identifiers = identifiers;
        const std::optional<Identifier> result = citizen.primaryIdentifier();
        QCOMPARE(result.has_value(), hasPrimary);
        if (hasPrimary) {
            QCOMPARE(result->type, primary.type);
            QCOMPARE(result->value, primary.value);
        }
    }

    void identifierByType_data()
    {
        QTest::addColumn<IdentifierType>("type");
        QTest::addColumn<QString>("value");

        QTest::newRow("register number") << IdentifierType::BelgianNationalNumber << nrn;
        QTest::newRow("BSN") << IdentifierType::DutchBsn << bsn;
        QTest::newRow("BIS number: absent") << IdentifierType::BelgianBisNumber << QString();
    }

    void identifierByType()
    {
        QFETCH(IdentifierType, type);
        QFETCH(QString, value);

        const Citizen citizen =
            test::CitizenBuilder().withIdentifier(IdentifierType::DutchBsn, bsn).withIdentifier(IdentifierType::BelgianNationalNumber, nrn).build();
        const std::optional<Identifier> id = citizen.identifier(type);
        QCOMPARE(id.has_value(), !value.isEmpty());
        if (id) {
            QCOMPARE(id->type, type);
            QCOMPARE(id->value, value);
        }
    }

    void consent_data()
    {
        QTest::addColumn<ConsentTopic>("topic");
        QTest::addColumn<bool>("recorded");
        QTest::addColumn<bool>("granted");
        QTest::addColumn<QDate>("recordedOn");

        QTest::newRow("granted") << ConsentTopic::DigitalCommunication << true << true << QDate(2025, 3, 1);
        QTest::newRow("refused") << ConsentTopic::Newsletter << true << false << QDate(2025, 4, 2);
        QTest::newRow("never asked") << ConsentTopic::DataSharing << false << false << QDate();
    }

    void consent()
    {
        QFETCH(ConsentTopic, topic);
        QFETCH(bool, recorded);
        QFETCH(bool, granted);
        QFETCH(QDate, recordedOn);

        const Citizen citizen = test::CitizenBuilder()
                                    .withConsent(ConsentTopic::DigitalCommunication, true, QDate(2025, 3, 1))
                                    .withConsent(ConsentTopic::Newsletter, false, QDate(2025, 4, 2))
                                    .build();
        const std::optional<Consent> consent = citizen.consent(topic);
        QCOMPARE(consent.has_value(), recorded);
        if (consent) {
            QCOMPARE(consent->topic, topic);
            QCOMPARE(consent->granted, granted);
            QCOMPARE(consent->recordedOn, recordedOn);
        }
    }

    void digitalAddressVerified()
    {
        const Citizen citizen = test::CitizenBuilder().withEmail(u"jan@example.be"_s, QDate(2025, 1, 2)).withPhone(u"+32470123456"_s).build();
        QCOMPARE(citizen.digitalAddresses.size(), 2);
        QVERIFY(citizen.digitalAddresses.at(0).isVerified());
        QVERIFY(!citizen.digitalAddresses.at(1).isVerified());
    }

    void requestExpiry_data()
    {
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<QDateTime>("expires");

        QTest::newRow("within a month") << utc(2026, 4, 1, 9, 30) << utc(2026, 5, 1, 9, 30);
        QTest::newRow("over February") << utc(2026, 1, 31) << utc(2026, 3, 2);
        QTest::newRow("over February, leap year") << utc(2028, 1, 31) << utc(2028, 3, 1);
        QTest::newRow("over the year end") << utc(2026, 12, 15, 23, 59) << utc(2027, 1, 14, 23, 59);
        QTest::newRow("over the spring clock change in Belgium") << utc(2026, 3, 20, 0, 30) << utc(2026, 4, 19, 0, 30);
    }

    void requestExpiry()
    {
        QFETCH(QDateTime, created);
        QFETCH(QDateTime, expires);

        QCOMPARE(Request::DefaultRetentionDays, 30);
        QCOMPARE(Request::expiryFor(created), expires);
        QCOMPARE(Request::expiryFor(created, 30), expires);
        QCOMPARE(Request::expiryFor(created, 7), created.addSecs(7 * 24 * 3600));
    }

    void requestIsExpired_data()
    {
        QTest::addColumn<QDateTime>("expires");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("expired");

        const QDateTime expires = utc(2026, 5, 1, 9, 30);
        QTest::newRow("a day before") << expires << utc(2026, 4, 30, 9, 30) << false;
        QTest::newRow("a second before") << expires << expires.addSecs(-1) << false;
        QTest::newRow("at the moment") << expires << expires << true;
        QTest::newRow("a second after") << expires << expires.addSecs(1) << true;
        QTest::newRow("a year after") << expires << utc(2027, 5, 1) << true;
        QTest::newRow("no expiry") << QDateTime() << utc(2030, 1, 1) << false;
    }

    void requestIsExpired()
    {
        QFETCH(QDateTime, expires);
        QFETCH(QDateTime, now);
        QFETCH(bool, expired);

        Request request;
        request.created = utc(2026, 4, 1);
        request.expires = expires;
        QCOMPARE(request.isExpired(now), expired);
    }

    void requestDaysLeft_data()
    {
        QTest::addColumn<QDateTime>("deadline");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<qint64>("daysLeft");

        QTest::newRow("same day") << utc(2026, 5, 10, 17) << utc(2026, 5, 10, 9) << qint64(0);
        QTest::newRow("tomorrow") << utc(2026, 5, 11, 17) << utc(2026, 5, 10, 9) << qint64(1);
        // Calendar days: late in the evening, a deadline early tomorrow is one day away.
        QTest::newRow("tomorrow, by calendar day") << utc(2026, 5, 11, 1) << utc(2026, 5, 10, 23) << qint64(1);
        QTest::newRow("in three days") << utc(2026, 5, 13, 17) << utc(2026, 5, 10, 9) << qint64(3);
        QTest::newRow("over the month end") << utc(2026, 6, 2) << utc(2026, 5, 30) << qint64(3);
        QTest::newRow("overdue by a day") << utc(2026, 5, 9, 17) << utc(2026, 5, 10, 9) << qint64(-1);
        QTest::newRow("overdue by a week") << utc(2026, 5, 3) << utc(2026, 5, 10) << qint64(-7);
        QTest::newRow("no deadline") << QDateTime() << utc(2026, 5, 10) << qint64(0);
    }

    void requestDaysLeft()
    {
        QFETCH(QDateTime, deadline);
        QFETCH(QDateTime, now);
        QFETCH(qint64, daysLeft);

        Request request;
        request.deadline = deadline;
        QCOMPARE(request.daysLeft(now), daysLeft);
    }

    void requestIsOpen()
    {
        Request request;
        QVERIFY(request.isOpen());
        request.status = RequestStatus::Answered;
        QVERIFY(!request.isOpen());
        request.status = RequestStatus::Closed;
        QVERIFY(!request.isOpen());
    }

    void localizedText_data()
    {
        QTest::addColumn<Texts>("texts");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("acceptable");

        const QString nl = u"Identiteitskaart aanvragen"_s;
        const QString formal = u"Uw identiteitskaart aanvragen"_s;
        const QString informal = u"Je identiteitskaart aanvragen"_s;
        const QString fr = u"Demander une carte d'identité"_s;
        const QString de = u"Personalausweis beantragen"_s;
        const QString en = u"Apply for an identity card"_s;

        QTest::newRow("exact") << Texts{{u"nl"_s, nl}, {u"fr"_s, fr}} << u"fr"_s << QStringList{fr};
        QTest::newRow("exact variant") << Texts{{u"nl"_s, nl}, {u"nl-BE-x-informal"_s, informal}} << u"nl-BE-x-informal"_s << QStringList{informal};
        QTest::newRow("exact before base") << Texts{{u"nl"_s, nl}, {u"nl-BE-x-formal"_s, formal}} << u"nl-BE-x-formal"_s << QStringList{formal};
        QTest::newRow("base language of a region") << Texts{{u"nl"_s, nl}, {u"fr"_s, fr}} << u"fr-BE"_s << QStringList{fr};
        QTest::newRow("base language, POSIX form") << Texts{{u"nl"_s, nl}, {u"de"_s, de}} << u"de_BE"_s << QStringList{de};
        QTest::newRow("base language of a variant") << Texts{{u"nl"_s, nl}, {u"nl-BE-x-formal"_s, formal}} << u"nl-BE-x-informal"_s << QStringList{nl};
        QTest::newRow("base before Dutch") << Texts{{u"nl"_s, nl}, {u"en"_s, en}} << u"en-GB"_s << QStringList{en};
        QTest::newRow("Dutch") << Texts{{u"nl"_s, nl}, {u"fr"_s, fr}} << u"de"_s << QStringList{nl};
        QTest::newRow("Dutch before its formal variant") << Texts{{u"nl-BE-x-formal"_s, formal}, {u"nl"_s, nl}} << u"en"_s << QStringList{nl};
        QTest::newRow("formal Dutch") << Texts{{u"nl-BE-x-formal"_s, formal}, {u"fr"_s, fr}} << u"de"_s << QStringList{formal};
        QTest::newRow("formal before informal") << Texts{{u"nl-BE-x-informal"_s, informal}, {u"nl-BE-x-formal"_s, formal}} << u"en"_s << QStringList{formal};
        QTest::newRow("informal Dutch before another language") << Texts{{u"nl-BE-x-informal"_s, informal}, {u"de"_s, de}} << u"en"_s << QStringList{informal};
        QTest::newRow("any") << Texts{{u"fr"_s, fr}, {u"en"_s, en}} << u"de"_s << QStringList{fr, en};
        QTest::newRow("no language asked") << Texts{{u"fr"_s, fr}, {u"nl"_s, nl}} << QString() << QStringList{nl};
        QTest::newRow("no text at all") << Texts() << u"nl"_s << QStringList{QString()};
    }

    void localizedText()
    {
        QFETCH(Texts, texts);
        QFETCH(QString, language);
        QFETCH(QStringList, acceptable);

        LocalizedText text;
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            text.set(it.key(), it.value());
        }
        const QString result = text.text(language);
        QVERIFY2(acceptable.contains(result), qPrintable(result));
        QCOMPARE(text.isEmpty(), texts.isEmpty());
        QCOMPARE(text.languages().size(), texts.size());
    }

    void localizedTextSetEmptyRemoves()
    {
        LocalizedText text{{u"nl"_s, u"Afval"_s}, {u"fr"_s, u"Déchets"_s}};
        QCOMPARE(text.exact(u"fr"_s), u"Déchets"_s);
        text.set(u"fr"_s, QString());
        QCOMPARE(text.languages(), QStringList{u"nl"_s});
        QCOMPARE(text.exact(u"fr"_s), QString());
        QCOMPARE(text.text(u"fr"_s), u"Afval"_s);
        // An empty text given at construction is not stored either.
        const LocalizedText withEmpty{{u"nl"_s, u"Afval"_s}, {u"de"_s, QString()}};
        QCOMPARE(withEmpty.languages(), QStringList{u"nl"_s});
        QVERIFY(withEmpty == (LocalizedText{{u"nl"_s, u"Afval"_s}}));
    }

    void reportIsLinked_data()
    {
        QTest::addColumn<qint64>("citizenId");
        QTest::addColumn<bool>("withCandidates");
        QTest::addColumn<bool>("linked");

        QTest::newRow("no reporter") << qint64(0) << false << false;
        QTest::newRow("possible reporters only") << qint64(0) << true << false;
        QTest::newRow("certain reporter") << qint64(42) << false << true;
        QTest::newRow("certain reporter and old candidates") << qint64(42) << true << true;
    }

    void reportIsLinked()
    {
        QFETCH(qint64, citizenId);
        QFETCH(bool, withCandidates);
        QFETCH(bool, linked);

        Report report;
        report.citizenId = citizenId;
        if (withCandidates) {
            report.candidates = {ReportCandidate{7, MatchBasis::Email, CandidateState::Possible},
                                 ReportCandidate{8, MatchBasis::Phone, CandidateState::Rejected}};
        }
        QCOMPARE(report.isLinked(), linked);
    }

    void reportIsOpen()
    {
        Report report;
        QVERIFY(report.isOpen());
        report.status = ReportStatus::InProgress;
        QVERIFY(report.isOpen());
        report.status = ReportStatus::Closed;
        QVERIFY(!report.isOpen());
    }

    void isOutstanding_data()
    {
        QTest::addColumn<OutboxState>("state");
        QTest::addColumn<bool>("outstanding");

        QTest::newRow("pending") << OutboxState::Pending << true;
        QTest::newRow("sending") << OutboxState::Sending << true;
        QTest::newRow("failed, to be retried") << OutboxState::Failed << true;
        QTest::newRow("rejected by the back end") << OutboxState::Rejected << false;
        QTest::newRow("done") << OutboxState::Done << false;
    }

    void isOutstanding()
    {
        QFETCH(OutboxState, state);
        QFETCH(bool, outstanding);

        OutboxEntry entry;
        entry.idempotencyKey = u"3f2a9c1e-0000-4000-8000-000000000001"_s;
        entry.state = state;
        QCOMPARE(entry.isOutstanding(), outstanding);
    }

    void expectedValueOr_data()
    {
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("fallback");
        QTest::addColumn<int>("result");

        QTest::newRow("value") << true << 42 << 7 << 42;
        QTest::newRow("value equal to the fallback") << true << 7 << 7 << 7;
        QTest::newRow("zero is a value") << true << 0 << 7 << 0;
        QTest::newRow("error") << false << 0 << 7 << 7;
    }

    void expectedValueOr()
    {
        QFETCH(bool, hasValue);
        QFETCH(int, value);
        QFETCH(int, fallback);
        QFETCH(int, result);

        const Expected<int, IdentifierError> e = hasValue ? Expected<int, IdentifierError>(value) : unexpected(IdentifierError::WrongLength);
        QCOMPARE(e.has_value(), hasValue);
        QCOMPARE(static_cast<bool>(e), hasValue);
        QCOMPARE(e.value_or(fallback), result);
        if (hasValue) {
            QCOMPARE(e.value(), value);
            QCOMPARE(*e, value);
        } else {
            QCOMPARE(e.error(), IdentifierError::WrongLength);
        }
    }

    void expectedValue()
    {
        Expected<Address, IdentifierError> e = Address{u"Kerkstraat"_s, u"12"_s, {}, u"2000"_s, u"Antwerpen"_s};
        QVERIFY(e.has_value());
        QCOMPARE(e->street, u"Kerkstraat"_s);
        QCOMPARE((*e).municipality, u"Antwerpen"_s);
        e->number = u"14"_s;
        QCOMPARE(e.value().number, u"14"_s);

        // A move-only value can be taken out.
        Expected<std::unique_ptr<int>, QString> owned = std::make_unique<int>(5);
        QVERIFY(owned.has_value());
        const std::unique_ptr<int> taken = std::move(owned).value();
        QVERIFY(taken);
        QCOMPARE(*taken, 5);
    }

    void expectedError()
    {
        const Expected<int, QString> e = unexpected(u"disk full"_s);
        QVERIFY(!e.has_value());
        QVERIFY(!e);
        QCOMPARE(e.error(), u"disk full"_s);
        QCOMPARE(e.value_or(3), 3);

        Expected<int, QString> movable = unexpected(u"gone"_s);
        const QString error = std::move(movable).error();
        QCOMPARE(error, u"gone"_s);
    }

    // ownCloud's Result<T, QString> could not tell a QString value from a QString error.
    void expectedSameValueAndErrorType()
    {
        const Expected<QString, QString> value = u"result"_s;
        QVERIFY(value.has_value());
        QCOMPARE(value.value(), u"result"_s);
        QCOMPARE(value.value_or(u"fallback"_s), u"result"_s);

        const Expected<QString, QString> error = unexpected(u"result"_s);
        QVERIFY(!error.has_value());
        QCOMPARE(error.error(), u"result"_s);
        QCOMPARE(error.value_or(u"fallback"_s), u"fallback"_s);
    }

    void expectedVoid()
    {
        const Expected<void, IdentifierError> ok;
        QVERIFY(ok.has_value());
        QVERIFY(static_cast<bool>(ok));

        const Expected<void, IdentifierError> failed = unexpected(IdentifierError::ChecksumMismatch);
        QVERIFY(!failed.has_value());
        QVERIFY(!failed);
        QCOMPARE(failed.error(), IdentifierError::ChecksumMismatch);

        Expected<void, QString> movable = unexpected(u"refused"_s);
        const QString error = std::move(movable).error();
        QCOMPARE(error, u"refused"_s);
    }
};

QTEST_GUILESS_MAIN(TestValueTypes)
#include "tst_valuetypes.moc"
