// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The audit key (made once for an empty log, kept in the secret store and never beside the store,
// never made again for a log with entries; a damaged one is a clear error and is left as it was) and the keyed hash that stands in for searched identifiers.

#include "audit/auditservice.h"
#include "privacy/auditkey.h"
#include "privacy/secretstore.h"
#include "store/storeidentity.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
// A keychain that is there but refuses access (locked, or the person said no).
class RefusingSecretStore final : public SecretStore
{
public:
    Expected<QString, SecretError> read(const QString &key) override { return unexpected(refused(key)); }
    Expected<void, SecretError> write(const QString &key, const QString &) override
    {
        ++writes;
        return unexpected(refused(key));
    }
    Expected<void, SecretError> remove(const QString &key) override { return unexpected(refused(key)); }
    QString kind() const override { return u"keychain"_s; }
    int writes = 0;

private:
    static SecretError refused(const QString &key) { return {SecretError::Kind::Denied, key, u"the keychain refused access"_s}; }
};
} // namespace

class TestAuditService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Made once, for an empty log, in the secret store under the store's identity: nothing beside
    // the store; another store gets another key.
    void keyIsMadeOnceOutsideTheStore()
    {
        Test::TempStore store;
        MemorySecretStore secrets;
        const auto made = AuditKey::load(store.open(), secrets);
        QVERIFY2(made, made ? "" : qPrintable(made.error()));
        QCOMPARE(made->size(), 32);
        const QString id = StoreIdentity::id(store.open()).value();
        QCOMPARE(id.size(), 32);
        if (store.db().isServer()) {
            // A shared store keeps it in itself, for every workstation; no desk's secret store.
            QCOMPARE(Test::rows(store.db(), u"SELECT encode(key, 'hex') FROM audit_chain_key"_s), QStringList{QString::fromLatin1(made->toHex())});
            QVERIFY(!secrets.read(AuditKey::secretName(id)));
        } else {
            QCOMPARE(secrets.read(AuditKey::secretName(id)).value(), QString::fromLatin1(made->toHex()));
        }
        QCOMPARE(QDir(store.dir()).entryList(QDir::Files | QDir::Hidden).filter(u"auditkey"_s), QStringList());
        const auto again = AuditKey::load(store.open(), secrets);
        QVERIFY(again);
        QCOMPARE(*again, *made);
        Test::TempStore otherStore;
        const auto other = AuditKey::load(otherStore.open(), secrets);
        QVERIFY(other && *other != *made);
    }

    // A desk without a keychain: one file per key, the owner's only, in a folder of the owner's.
    void fileSecretsAreTheOwnersOnly()
    {
        QTemporaryDir home;
        const QString folder = home.filePath(u"data/citizen360/secrets"_s);
        FileSecretStore secrets(folder);
        QVERIFY(secrets.write(u"audit-key-0123"_s, u"abcd"_s));
        QCOMPARE(secrets.read(u"audit-key-0123"_s).value(), u"abcd"_s);
        constexpr auto others =
            QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(folder + u"/audit-key-0123"_s) & others, QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(folder) & others, QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(home.filePath(u"data"_s)) & others, QFileDevice::Permissions());
        QVERIFY(secrets.remove(u"audit-key-0123"_s));
        QVERIFY(!secrets.read(u"audit-key-0123"_s));
    }

    // A log with entries never gets a new key: that would let whoever holds it write a new history.
    void aMissingKeyIsNeverRemadeForALogWithEntries()
    {
        Test::TempStore store;
        MemorySecretStore secrets;
        const auto key = AuditKey::load(store.open(), secrets);
        QVERIFY(key);
        AuditService audit(store.open(), *key);
        QVERIFY(audit.record(StaffMember(u"an"_s, Role::CounterClerk, u"ws"_s), AuditAction::Login, 0, Purpose{}));
        if (store.db().isServer()) {
            // A shared store's key is in the store: its row is what goes missing there.
            QVERIFY(Test::runOnStore(store.path(), {u"DELETE FROM audit_chain_key"_s}));
        }
        MemorySecretStore emptied;
        const auto lost = AuditKey::load(store.open(), emptied);
        QVERIFY(!lost);
        QVERIFY2(lost.error().contains(u"no new key"_s), qPrintable(lost.error()));
        QVERIFY(!emptied.read(AuditKey::secretName(StoreIdentity::id(store.open()).value())));
    }

    // A keychain that refuses access is not one without the key: no new key is made, not even for
    // an empty log (it would orphan the key that is there), and the message says what to do.
    void aRefusedKeychainIsNotAMissingKey()
    {
        if (Test::TempStore::onServer()) {
            QSKIP("A desk's secret store: a shared store keeps its key in itself (keyIsMadeOnceOutsideTheStore, aMissingKeyIsNeverRemadeForALogWithEntries).");
        }
        Test::TempStore store;
        MemorySecretStore memory;
        const auto missing = memory.read(u"audit-key-x"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, SecretError::Kind::Missing);
        QCOMPARE(missing.error().key, u"audit-key-x"_s);
        RefusingSecretStore refusing;
        const auto key = AuditKey::load(store.open(), refusing);
        QVERIFY(!key);
        QVERIFY2(key.error().contains(u"cannot be read"_s) && key.error().contains(u"Unlock"_s), qPrintable(key.error()));
        QCOMPARE(refusing.writes, 0);
    }

    // Earlier versions kept the key in a file beside the store: it moves into the secret store.
    void aKeyFileBesideTheStoreMovesIntoTheSecretStore()
    {
        if (Test::TempStore::onServer()) {
            QSKIP("Only SQLite stores of earlier versions kept their key in a file beside them.");
        }
        Test::TempStore store;
        store.open();
        const QString legacy = AuditKey::legacyPathFor(store.path());
        const QByteArray hex = QByteArray(32, '\x5a').toHex();
        {
            QFile f(legacy);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(hex + '\n');
        }
        MemorySecretStore secrets;
        const auto key = AuditKey::load(store.open(), secrets);
        QVERIFY(key);
        QCOMPARE(*key, QByteArray(32, '\x5a'));
        QVERIFY(!QFile::exists(legacy));
        QCOMPARE(secrets.read(AuditKey::secretName(StoreIdentity::id(store.open()).value())).value(), QString::fromLatin1(hex));
    }

    void aDamagedKeyIsRefusedAndKept()
    {
        if (Test::TempStore::onServer()) {
            QSKIP("A desk's secret store: a shared store keeps its key in itself (keyIsMadeOnceOutsideTheStore, aMissingKeyIsNeverRemadeForALogWithEntries).");
        }
        Test::TempStore store;
        MemorySecretStore secrets;
        const QString name = AuditKey::secretName(StoreIdentity::id(store.open()).value());
        QVERIFY(secrets.write(name, u"not a key"_s));
        const auto key = AuditKey::load(store.open(), secrets);
        QVERIFY(!key);
        QVERIFY2(key.error().contains(u"damaged"_s), qPrintable(key.error()));
        QCOMPARE(secrets.read(name).value(), u"not a key"_s);
    }

    void aKeyThatCannotBeKeptIsAClearError()
    {
        if (Test::TempStore::onServer()) {
            QSKIP("A desk's secret store: a shared store keeps its key in itself (keyIsMadeOnceOutsideTheStore, aMissingKeyIsNeverRemadeForALogWithEntries).");
        }
        Test::TempStore store;
        QTemporaryDir home;
        QFile blocker(home.filePath(u"secrets"_s)); // a file where the folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        FileSecretStore secrets(blocker.fileName());
        const auto key = AuditKey::load(store.open(), secrets);
        QVERIFY(!key);
        QVERIFY2(key.error().contains(u"cannot be kept"_s), qPrintable(key.error()));
    }

    // The same text gives the same hash under one key, another under another key; never the text.
    void keyedHashes()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditService a(db, QByteArray(32, 'a'));
        AuditService b(db, QByteArray(32, 'b'));
        const QString number = u"85073003361"_s;
        QCOMPARE(a.keyedHash(number), a.keyedHash(number));
        QCOMPARE(a.keyedHash(number).size(), 32);
        QVERIFY(a.keyedHash(number) != b.keyedHash(number));
        QVERIFY(a.keyedHash(number) != a.keyedHash(u"85073003362"_s));
        QVERIFY(!a.keyedHash(number).contains(number));
    }
};

QTEST_GUILESS_MAIN(TestAuditService)
#include "tst_auditservice.moc"
