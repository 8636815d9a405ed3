// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The ZGW APIs' bearer token (HS256 JWT with client_id): made as Open Zaak's client guide asks,
// checked as Open Zaak checks it. The tokens written out below were made outside this code base
// (Python's hmac and json), not by it.

#include "zgwtoken.h"

#include <QJsonDocument>
#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;

namespace
{
// Made by Python: our client "citizen360", secret "c360-test-secret", at 1772355600, for an.balie.
constexpr auto madeElsewhere =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjbGllbnRfaWQiOiJjaXRpemVuMzYwIiwiaWF0IjoxNzcyMzU1NjAwLCJpc3MiOiJjaXRpemVuMzYwIiwidXNlcl9pZCI6ImFuLmJh"
    "bGllIiwidXNlcl9yZXByZXNlbnRhdGlvbiI6IkFuIEJhbGllIn0.MQv1GxpNbP86PxDlnR4iwFRvbJGGdDkgT5jL0mF9w20";
// Another client's token from another implementation: keys in another order, spaces after the
// separators; client "zaaksysteem-test", secret "another secret", issued at 1772355600.
constexpr auto otherImplementation =
    "eyJ0eXAiOiAiSldUIiwgImFsZyI6ICJIUzI1NiJ9.eyJpc3MiOiAiemFha3N5c3RlZW0tdGVzdCIsICJjbGllbnRfaWQiOiAiemFha3N5c3RlZW0tdGVzdCIsICJpYXQiOiAxNzcyMzU1"
    "NjAwLCAidXNlcl9pZCI6ICJrY2MiLCAidXNlcl9yZXByZXNlbnRhdGlvbiI6ICJLQ0MifQ.l6JYAgS-_v9KirQKg03jD6b9jLT9c5KtWRjhOlADi-U";
// The same claims with "alg": "none" and no signature.
constexpr auto unsigned_ =
    "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiAiemFha3N5c3RlZW0tdGVzdCIsICJjbGllbnRfaWQiOiAiemFha3N5c3RlZW0tdGVzdCIsICJpYXQiOiAxNzcyMzU1NjAw"
    "LCAidXNlcl9pZCI6ICJrY2MiLCAidXNlcl9yZXByZXNlbnRhdGlvbiI6ICJLQ0MifQ.";
constexpr qint64 vectorIssuedAt = 1772355600;

std::optional<QByteArray> secrets(const QString &clientId)
{
    if (clientId == u"citizen360"_s) {
        return QByteArray("c360-test-secret");
    }
    if (clientId == u"zaaksysteem-test"_s) {
        return QByteArray("another secret");
    }
    return std::nullopt;
}

constexpr int lifetime = 3600;
constexpr int leeway = 5;
} // namespace

class TestZgwToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void madeAsAnotherImplementationMakesIt()
    {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(vectorIssuedAt, Qt::UTC);
        QCOMPARE(ZgwToken::make(u"citizen360"_s, "c360-test-secret", at, u"an.balie"_s, u"An Balie"_s), QByteArray(madeElsewhere));
    }

    void aFreshTokenIsAccepted()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QByteArray token = ZgwToken::make(u"citizen360"_s, "c360-test-secret", now, u"an.balie"_s, u"An Balie"_s);
        const auto check = ZgwToken::verify(token, secrets, now, lifetime, leeway);
        QCOMPARE(check.problem, ZgwToken::Problem::None);
        QCOMPARE(check.clientId, u"citizen360"_s);
        QCOMPARE(check.claims.value(u"iss"_s).toString(), u"citizen360"_s);
        QCOMPARE(check.claims.value(u"user_representation"_s).toString(), u"An Balie"_s);
        QCOMPARE(qint64(check.claims.value(u"iat"_s).toDouble()), now.toSecsSinceEpoch());
    }

    void anotherImplementationsTokenIsAccepted()
    {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(vectorIssuedAt + 60, Qt::UTC);
        const auto check = ZgwToken::verify(otherImplementation, secrets, at, lifetime, leeway);
        QCOMPARE(check.problem, ZgwToken::Problem::None);
        QCOMPARE(check.clientId, u"zaaksysteem-test"_s);
        QCOMPARE(check.claims.value(u"user_id"_s).toString(), u"kcc"_s);
    }

    void refusals()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QByteArray good = ZgwToken::make(u"citizen360"_s, "c360-test-secret", now, u"an.balie"_s, u"An Balie"_s);
        const auto problem = [&](const QByteArray &token) {
            return ZgwToken::verify(token, secrets, now, lifetime, leeway).problem;
        };
        QCOMPARE(problem(ZgwToken::make(u"citizen360"_s, "a wrong secret", now, u"an.balie"_s, u"An Balie"_s)), ZgwToken::Problem::BadSignature);
        QCOMPARE(problem(ZgwToken::make(u"stranger"_s, "c360-test-secret", now, u"x"_s, u"x"_s)), ZgwToken::Problem::UnknownClient);
        QCOMPARE(ZgwToken::verify(unsigned_, secrets, QDateTime::fromSecsSinceEpoch(vectorIssuedAt, Qt::UTC), lifetime, leeway).problem,
                 ZgwToken::Problem::UnsupportedAlgorithm);
        // A claim changed after signing: the signature no longer matches.
        QList<QByteArray> parts = good.split('.');
        QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
        claims.insert(u"client_id"_s, u"zaaksysteem-test"_s);
        parts[1] = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(problem(parts.join('.')), ZgwToken::Problem::BadSignature);
        // Not a token.
        const QList<QByteArray> malformed = {QByteArray(),
                                             QByteArray("abc"),
                                             QByteArray("a.b"),
                                             QByteArray("a.b.c.d"),
                                             QByteArray("!!!.???.***"),
                                             QByteArray(good.left(good.lastIndexOf('.')) + ".%%%")};
        for (const QByteArray &bad : malformed) {
            QCOMPARE(problem(bad), ZgwToken::Problem::Malformed);
        }
        const QByteArray notJson = QByteArray("not json").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(problem(parts.at(0) + '.' + notJson + '.' + parts.at(2)), ZgwToken::Problem::Malformed);
    }

    // Its age against the server's clock: up to lifetime + leeway old, at most leeway ahead; one
    // second either side of each bound.
    void ageBounds()
    {
        const QDateTime issued = QDateTime::currentDateTimeUtc();
        const QByteArray token = ZgwToken::make(u"citizen360"_s, "c360-test-secret", issued, u"an.balie"_s, u"An Balie"_s);
        const auto at = [&](qint64 secondsAfterIssue) {
            return ZgwToken::verify(token, secrets, issued.addSecs(secondsAfterIssue), lifetime, leeway).problem;
        };
        QCOMPARE(at(lifetime + leeway), ZgwToken::Problem::None);
        QCOMPARE(at(lifetime + leeway + 1), ZgwToken::Problem::Expired);
        QCOMPARE(at(-leeway), ZgwToken::Problem::None);
        QCOMPARE(at(-leeway - 1), ZgwToken::Problem::IssuedInTheFuture);
    }
};

QTEST_GUILESS_MAIN(TestZgwToken)
#include "tst_zgwtoken.moc"
