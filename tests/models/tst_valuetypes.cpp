// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The rules every domain value type shares: the enum keys that are stored and exported, which
// outbox states are still to be sent, and Expected itself. How names, addresses and identifiers
// read: tst_citizenvalues; requests, reports and catalogue texts: tst_casevalues.

#include "auditentry.h"
#include "citizen.h"
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

using namespace C360;
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
        return C360::toKey(static_cast<Enum>(value));
    };
    p.fromKey = [](QStringView key) -> std::optional<int> {
        const std::optional<Enum> value = C360::fromKey<Enum>(key);
        return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
    };
    for (const Enum value : C360::allValues<Enum>()) {
        p.allValues.append(static_cast<int>(value));
    }
    return p;
}

// allValues() is usable at compile time.
static_assert(C360::allValues<Channel>().size() == 6);
static_assert(C360::allValues<Role>()[3] == Role::Administrator);
// isOutstanding_data() has one row per state; a new state must get one too.
static_assert(std::size(EnumKeys<OutboxState>::table) == 5, "add the new OutboxState to isOutstanding_data()");
} // namespace

Q_DECLARE_METATYPE(EnumProbe)
Q_DECLARE_METATYPE(C360::OutboxState)

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
        QTest::newRow("ItemKind") << probe<ItemKind>() << QStringList{u"report"_s, u"contact_moment"_s, u"request"_s, u"catalogue_entry"_s, u"case"_s};
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
                                                    u"audit_verified"_s,
                                                    u"logout"_s,
                                                    u"session_locked"_s,
                                                    u"contact_ended"_s};
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
