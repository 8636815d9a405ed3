// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Every error a person can meet has its own sentence, and store errors name the file.

#include "common/messages.h"
#include "store/storeerror.h"

#include <QSet>
#include <QSqlError>
#include <QTest>

using namespace C360;

Q_DECLARE_METATYPE(StoreError::Code)

class TestMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identifierErrorsAreDistinct()
    {
        for (IdentifierType type : allValues<IdentifierType>()) {
            QSet<QString> seen;
            for (IdentifierError error : allValues<IdentifierError>()) {
                const QString text = Messages::identifierError(error, type);
                QVERIFY2(!text.isEmpty(), qPrintable(toKey(error)));
                QVERIFY2(!seen.contains(text), qPrintable(toKey(error)));
                seen.insert(text);
            }
            QVERIFY(!Messages::identifierTypeName(type).isEmpty());
        }
        QVERIFY(Messages::identifierError(IdentifierError::UnknownType, IdentifierType::BelgianBisNumber).contains(QStringLiteral("BIS number")));
    }

    // An organisation's number: a sentence for each way it can be wrong (a date is never part of
    // one), each saying what the number of that type looks like.
    void organisationIdentifierErrorsSayWhatToDo()
    {
        QSet<QString> lengths;
        for (OrganisationIdentifierType type : allValues<OrganisationIdentifierType>()) {
            QSet<QString> seen;
            for (IdentifierError error : allValues<IdentifierError>()) {
                if (error == IdentifierError::InvalidDate) {
                    continue;
                }
                const QString text = Messages::organisationIdentifierError(error, type);
                QVERIFY2(!text.isEmpty(), qPrintable(toKey(error)));
                QVERIFY2(!seen.contains(text), qPrintable(toKey(type) + u' ' + toKey(error)));
                seen.insert(text);
            }
            QVERIFY(!Messages::organisationIdentifierTypeName(type).isEmpty());
            lengths.insert(Messages::organisationIdentifierError(IdentifierError::WrongLength, type));
        }
        QCOMPARE(lengths.size(), qsizetype(allValues<OrganisationIdentifierType>().size()));
        QVERIFY(Messages::organisationIdentifierError(IdentifierError::WrongLength, OrganisationIdentifierType::BelgianEnterpriseNumber)
                    .contains(QStringLiteral("0207.451.227")));
        QVERIFY(Messages::organisationIdentifierError(IdentifierError::UnknownType, OrganisationIdentifierType::DutchRsin).contains(QStringLiteral("RSIN")));
    }

    void storeErrorsNameTheFile_data()
    {
        QTest::addColumn<StoreError::Code>("code");
        using C = StoreError::Code;
        for (C code : {C::NotFound,
                       C::FolderNotFound,
                       C::NotAFile,
                       C::NotADatabase,
                       C::NotAStore,
                       C::NotInitialised,
                       C::ReadOnly,
                       C::DiskFull,
                       C::NewerSchema,
                       C::OutdatedSchema,
                       C::Corrupt,
                       C::Busy,
                       C::Io,
                       C::Constraint,
                       C::NoSuchRecord,
                       C::Query}) {
            QTest::addRow("code %d", int(code)) << code;
        }
    }

    void storeErrorsNameTheFile()
    {
        QFETCH(StoreError::Code, code);
        StoreError e;
        e.code = code;
        e.path = QStringLiteral("/srv/data/gemeente.sqlite");
        e.detail = QStringLiteral("disk I/O error");
        e.schemaVersion = 7;
        e.supportedVersion = 3;
        const QString text = e.message();
        QVERIFY2(text.contains(e.path), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("%1")));
        QVERIFY(!text.contains(QStringLiteral("%2")));
        if (code == StoreError::Code::NewerSchema || code == StoreError::Code::OutdatedSchema) {
            QVERIFY(text.contains(QStringLiteral("7")) && text.contains(QStringLiteral("3")));
        }
    }

    void noSuchRecordSaysWhatToDo()
    {
        StoreError e;
        e.code = StoreError::Code::NoSuchRecord;
        e.path = QStringLiteral("/srv/data/gemeente.sqlite");
        e.detail = QStringLiteral("no citizen with id 7");
        const QString text = e.message();
        QVERIFY2(text.contains(e.path), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Reload")), qPrintable(text));
        // The detail is for the log, not for the person reading the message.
        QVERIFY2(!text.contains(e.detail), qPrintable(text));
        StoreError query = e;
        query.code = StoreError::Code::Query;
        QVERIFY(query.message() != text);
    }

    void sqliteResultCodesAreClassified_data()
    {
        QTest::addColumn<QString>("native");
        QTest::addColumn<StoreError::Code>("code");
        QTest::newRow("busy") << QStringLiteral("5") << StoreError::Code::Busy;
        QTest::newRow("readonly") << QStringLiteral("8") << StoreError::Code::ReadOnly;
        QTest::newRow("ioerr write (extended)") << QStringLiteral("778") << StoreError::Code::Io;
        QTest::newRow("corrupt") << QStringLiteral("11") << StoreError::Code::Corrupt;
        QTest::newRow("full") << QStringLiteral("13") << StoreError::Code::DiskFull;
        QTest::newRow("constraint unique (extended)") << QStringLiteral("2067") << StoreError::Code::Constraint;
        QTest::newRow("notadb") << QStringLiteral("26") << StoreError::Code::NotADatabase;
        QTest::newRow("error") << QStringLiteral("1") << StoreError::Code::Query;
        QTest::newRow("no code") << QString() << StoreError::Code::Query;
    }

    void sqliteResultCodesAreClassified()
    {
        QFETCH(QString, native);
        QFETCH(StoreError::Code, code);
        const StoreError e = StoreError::fromSql(QSqlError(QStringLiteral("driver"), QStringLiteral("database text"), QSqlError::StatementError, native),
                                                 QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(e.code, code);
        QCOMPARE(e.detail, QStringLiteral("database text"));
        QCOMPARE(e.path, QStringLiteral("/tmp/x.sqlite"));
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
