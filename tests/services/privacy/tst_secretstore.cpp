// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2

#include "privacy/secretstore.h"

#include <QTest>
#include <QUuid>

using namespace C360;

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryStoreRoundTrip()
    {
        MemorySecretStore store;
        QVERIFY(!store.read(QStringLiteral("open311")));
        const auto missing = store.read(QStringLiteral("open311"));
        QCOMPARE(missing.error().kind, SecretError::Kind::Missing);
        QCOMPARE(missing.error().key, QStringLiteral("open311"));
        QVERIFY(missing.error().detail.contains(QStringLiteral("open311")));
        QVERIFY(store.write(QStringLiteral("open311"), QStringLiteral("k-123")));
        QCOMPARE(store.read(QStringLiteral("open311")).value(), QStringLiteral("k-123"));
        QVERIFY(store.write(QStringLiteral("open311"), QStringLiteral("k-456")));
        QCOMPARE(store.read(QStringLiteral("open311")).value(), QStringLiteral("k-456"));
        QVERIFY(store.remove(QStringLiteral("open311")));
        QVERIFY(!store.read(QStringLiteral("open311")));
    }

    // The OS keychain: on a desktop it stores and returns the secret; where there is no secret
    // service (CI, this machine: QtKeychain error 7) it answers with an error instead of hanging
    // or crashing, and never puts the secret in its message.
    void keychainAnswersEitherWay()
    {
        KeychainSecretStore store(QStringLiteral("citizen360-test"));
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString secret = QStringLiteral("very-secret-") + key;
        const auto written = store.write(key, secret);
        if (written) {
            QCOMPARE(store.read(key).value(), secret);
            QVERIFY(store.remove(key));
            QVERIFY(!store.read(key));
        } else {
            QVERIFY(!written.error().detail.contains(secret));
            QCOMPARE(written.error().key, key);
            const auto read = store.read(key);
            QVERIFY(!read);
            QVERIFY(read.error().detail.contains(key));
            // No keychain here: that is said as such, not as a missing entry.
            QVERIFY(read.error().kind != SecretError::Kind::Missing);
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
