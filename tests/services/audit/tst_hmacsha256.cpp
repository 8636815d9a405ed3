// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// HmacSha256 (the audit chain's MAC with precomputed key pads): RFC 4231's test vectors, and the
// same MAC as QMessageAuthenticationCode for keys and messages of every length around the block.

#include "audit/hmacsha256.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTest>

using namespace C360;

class TestHmacSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                                << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("case 6 (key longer than a block)") << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                                                          << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    void rfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        const HmacSha256 hmac(key);
        QCOMPARE(hmac.mac(data).toHex(), mac);
        // Twice with one object: the pads are not used up.
        QCOMPARE(hmac.mac(data).toHex(), mac);
    }

    void sameAsQt()
    {
        QRandomGenerator random(2026);
        for (int keyLength : {0, 1, 32, 63, 64, 65, 200}) {
            QByteArray key(keyLength, Qt::Uninitialized);
            for (char &c : key) {
                c = char(random.bounded(256));
            }
            const HmacSha256 hmac(key);
            for (int length : {0, 1, 55, 56, 63, 64, 65, 119, 120, 1000}) {
                QByteArray data(length, Qt::Uninitialized);
                for (char &c : data) {
                    c = char(random.bounded(256));
                }
                const QByteArray expected = QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
                QCOMPARE(hmac.mac(data), expected);
                // In parts, as the audit chain hashes an entry's fields and the previous hash.
                const HmacSha256::Digest parts = hmac.mac({QByteArrayView(data).first(length / 3), QByteArrayView(data).sliced(length / 3)});
                QCOMPARE(QByteArray(reinterpret_cast<const char *>(parts.data()), 32), expected);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHmacSha256)
#include "tst_hmacsha256.moc"
