// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The supervisor's audit window on a real store: filters, anomaly flags with their reasons, CSV
// and PDF export (audited, mode 0600), the hash chain verified from the window (and a changed row
// found), a citizen's access report as JSON and PDF; a counter clerk gets nothing but the refusal.

#include "audit/auditquery.h"
#include "auditlogmodel.h"
#include "auditwindow.h"
#include "case/caseservice.h"
#include "case/searchservice.h"
#include "citizenbuilder.h"
#include "privacy/privacyservice.h"
#include "store/citizenrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'w');
const Purpose visit{u"counter_visit"_s, u"Vraag over de bewonerskaart"_s};
const StaffMember clerk{u"an.peeters"_s, Role::CounterClerk, u"balie-1"_s};
const StaffMember agent{u"bram.claes"_s, Role::CallCentreAgent, u"kcc-2"_s};
const StaffMember supervisor{u"els.toezicht"_s, Role::Supervisor, u"toezicht-1"_s};
const QDate birth(1979, 4, 2);

// Monday 2 March 2026, local time.
QDateTime at(int hour, int minute)
{
    return QDateTime(QDate(2026, 3, 2), QTime(hour, minute)).toUTC();
}
} // namespace

class TestAuditWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AuditQueryService> m_query;
    std::unique_ptr<PrivacyService> m_privacy;
    std::unique_ptr<CaseService> m_cases;
    QTemporaryDir m_dir;
    qint64 m_lotte = 0;
    QString m_lotteNumber;

    qint64 audited(const QString &action) { return Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = '"_s + action + u"'"_s); }

    std::unique_ptr<AuditWindow> window(const StaffMember &staff)
    {
        auto w = std::make_unique<AuditWindow>(*m_query, *m_privacy, *m_cases, staff, m_store->clock());
        // The day of the entries (the window opens on the last week of the clock's today).
        w->fromFilter()->setDate(QDate(2026, 3, 1));
        w->toFilter()->setDate(QDate(2026, 3, 2));
        return w;
    }

    static QFileDevice::Permissions ownerOnly() { return QFileDevice::ReadOwner | QFileDevice::WriteOwner; }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Test::TempStore>(at(9, 0));
        Database &db = m_store->open();
        m_audit = std::make_unique<AuditService>(db, key);
        m_query = std::make_unique<AuditQueryService>(*m_audit);
        m_privacy = std::make_unique<PrivacyService>(*m_audit);
        m_cases = std::make_unique<CaseService>(*m_audit);
        CitizenRepository citizens(db);
        m_lotteNumber = Test::CitizenBuilder::nationalNumberFor(birth, 45);
        m_lotte = citizens.insert(Test::CitizenBuilder().withName(u"Lotte"_s, u"Claes"_s).bornOn(birth).withNationalNumber(45).build()).value_or(0);
        const qint64 jan = citizens.insert(Test::CitizenBuilder().withName(u"Jan"_s, u"Peeters"_s).bornOn(QDate(1960, 1, 1)).build()).value_or(0);
        QVERIFY(m_lotte && jan);
        // The clerk opens Lotte's case at 09:00 and registers a contact; opens Jan's at 11:30 and
        // registers nothing; the agent opens Jan's at 21:15, outside office hours.
        QVERIFY(m_cases->open(clerk, m_lotte, visit));
        m_store->clock().set(at(9, 5));
        QVERIFY(m_audit->record(clerk, AuditAction::Change, m_lotte, visit));
        m_store->clock().set(at(11, 30));
        QVERIFY(m_cases->open(clerk, jan, visit));
        m_store->clock().set(at(21, 15));
        QVERIFY(m_cases->open(agent, jan, Purpose{u"phone_call"_s, {}}));
        m_store->clock().set(at(23, 50)); // sessions over: nothing registered in them
    }

    void cleanup()
    {
        m_cases.reset();
        m_privacy.reset();
        m_query.reset();
        m_audit.reset();
        m_store.reset();
    }

    void filtersAndFlags()
    {
        auto w = window(supervisor);
        // The staff filter offers those the log names.
        QVERIFY(w->staffFilter()->findText(clerk.name) >= 0);
        QVERIFY(w->staffFilter()->findText(agent.name) >= 0);
        QVERIFY(w->refresh());
        AuditLogModel *model = w->model();
        QCOMPARE(model->rowCount(), 4); // three openings and a change; reading the log is not an entry
        w->staffFilter()->setEditText(agent.name);
        QVERIFY(w->refresh());
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex flags = model->index(0, AuditLogModel::FlagsColumn);
        QVERIFY2(flags.data(Qt::ToolTipRole).toString().contains(u"office hours"_s), qPrintable(flags.data(Qt::ToolTipRole).toString()));
        QVERIFY(!flags.data(Qt::DecorationRole).isNull());
        QCOMPARE(model->index(0, AuditLogModel::ActionColumn).data().toString(), u"Profile opened"_s);
        QCOMPARE(model->index(0, AuditLogModel::PurposeColumn).data().toString(), u"Phone call"_s); // the code, named
        QCOMPARE(model->index(0, AuditLogModel::CitizenColumn).data(AuditLogModel::CitizenIdRole).toLongLong(),
                 Test::scalar(m_store->db(), u"SELECT id FROM citizens WHERE family_name = 'Peeters'"_s));

        // By citizen, typed as a national number with separators.
        w->staffFilter()->setCurrentIndex(0);
        const Identifier number{IdentifierType::BelgianNationalNumber, m_lotteNumber};
        w->citizenFilter()->setText(number.formatted());
        QVERIFY(w->refresh());
        QCOMPARE(model->rowCount(), 2); // newest first: the change, then the opening
        QCOMPARE(model->index(1, AuditLogModel::CitizenColumn).data(AuditLogModel::CitizenIdRole).toLongLong(), m_lotte);
        // Shown by the masked number the filter asks for, never the store's internal id.
        QCOMPARE(model->index(1, AuditLogModel::CitizenColumn).data().toString(), number.masked());
        QCOMPARE(model->rows().at(1).entry.action, AuditAction::ProfileOpened);
        QVERIFY(model->index(1, AuditLogModel::FlagsColumn).data().toString().isEmpty()); // a contact was registered
        QVERIFY(!model->data(model->index(1, 0), AuditLogModel::FlaggedRole).toBool());

        // A number that is not one says why, and shows no rows that do not match it.
        w->citizenFilter()->setText(u"79.04.02-045.00"_s);
        QVERIFY(!w->refresh());
        QVERIFY(w->statusLabel()->property("problem").toBool());
        QVERIFY(!w->statusLabel()->text().isEmpty());
        QCOMPARE(model->rowCount(), 0);
        w->citizenFilter()->clear();

        // By action and purpose; only the flagged.
        w->actionFilter()->setCurrentIndex(w->actionFilter()->findData(u"profile_opened"_s));
        w->purposeFilter()->setCurrentIndex(w->purposeFilter()->findData(u"phone_call"_s));
        QVERIFY(w->refresh());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rows().first().entry.actor, agent.name);
        w->purposeFilter()->setCurrentIndex(0);
        QVERIFY(w->refresh());
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->flaggedCount(), 2);
        // The clerk's opening of Jan: nothing registered in that session.
        QVERIFY(model->index(1, AuditLogModel::FlagsColumn).data().toString().contains(u"no contact or request"_s));
        QCOMPARE(model->rows().at(1).entry.actor, clerk.name);
        // A period without them.
        w->fromFilter()->setDate(QDate(2026, 3, 3));
        w->toFilter()->setDate(QDate(2026, 3, 9));
        QVERIFY(w->refresh());
        QCOMPARE(model->rowCount(), 0);
        // A period that ends before it starts.
        w->fromFilter()->setDate(QDate(2026, 3, 9));
        w->toFilter()->setDate(QDate(2026, 3, 3));
        QVERIFY(!w->refresh());
        QVERIFY(w->statusLabel()->text().contains(u"ends before it starts"_s));
    }

    // What a supervisor reads: a search is one row with the citizens it showed folded under it;
    // the citizen is a masked number, revealed only as an audited act; purposes in words; the
    // filters apply as they change.
    void anAuditWindowForPeople()
    {
        SearchService search(*m_audit);
        QVERIFY(search.search(clerk, u"claes"_s));
        QVERIFY(search.search(clerk, u"peeters"_s)); // a new typing: its own search
        auto w = window(supervisor);
        QVERIFY(w->refresh());
        AuditLogModel *model = w->model();
        QCOMPARE(model->rows().size(), 4 + 2 + 2); // the day's entries, two searches, two appearances
        QCOMPARE(model->rowCount(), 4 + 2);
        QTreeView *table = w->table();
        int folded = 0;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, 0);
            if (table->model()->rowCount(index) > 0) {
                ++folded;
                QVERIFY(!table->isExpanded(index));
                QVERIFY(index.siblingAtColumn(AuditLogModel::ActionColumn).data().toString().startsWith(u"Search (1 citizen shown)"_s));
            }
        }
        QCOMPARE(folded, 2);

        // Filters apply as they change (no button), and purposes read as words.
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        w->actionFilter()->setCurrentIndex(w->actionFilter()->findData(u"profile_opened"_s));
        QVERIFY(reset.wait(5000));
        QCOMPARE(model->rowCount(), 3);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString purpose = model->index(row, AuditLogModel::PurposeColumn).data().toString();
            QVERIFY2(!purpose.contains(u'_'), qPrintable(purpose));
        }

        // The citizen is masked; the details say it all; revealing it is audited as a review.
        table->setCurrentIndex(table->model()->index(2, 0)); // oldest first at the bottom: Lotte's opening
        const Identifier lotte{IdentifierType::BelgianNationalNumber, m_lotteNumber};
        QCOMPARE(table->currentIndex().siblingAtColumn(AuditLogModel::CitizenColumn).data().toString(), lotte.masked());
        QVERIFY(w->details()->toPlainText().contains(u"Vraag over de bewonerskaart"_s));
        QVERIFY(w->details()->toPlainText().contains(u"Counter visit"_s));
        QVERIFY(w->revealButton()->isEnabled());
        QTest::mouseClick(w->revealButton(), Qt::LeftButton);
        QCOMPARE(table->currentIndex().siblingAtColumn(AuditLogModel::CitizenColumn).data().toString(), lotte.formatted());
        QCOMPARE(Test::scalar(m_store->db(),
                              u"SELECT COUNT(*) FROM audit_log WHERE action = 'identifier_revealed' AND purpose_code = 'audit_review' AND actor = '%1' "
                              u"AND subject_citizen_id = %2"_s.arg(supervisor.name)
                                  .arg(m_lotte)),
                 1);
        // A flagged entry's reasons are in the details, whole.
        table->setCurrentIndex(table->model()->index(0, 0)); // the agent's late opening
        QVERIFY2(w->details()->toPlainText().contains(u"Outside office hours"_s), qPrintable(w->details()->toPlainText()));

        // Input that cannot be used clears the rows at once and says why.
        w->citizenFilter()->setText(u"79.04.02-045.00"_s);
        QVERIFY(reset.wait(5000));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(w->statusLabel()->property("problem").toBool());
    }

    void flaggedOnlyAndExports()
    {
        auto w = window(supervisor);
        w->actionFilter()->setCurrentIndex(w->actionFilter()->findData(u"profile_opened"_s));
        QVERIFY(w->refresh());
        QCOMPARE(w->table()->model()->rowCount(), 3);
        w->flaggedOnly()->setChecked(true);
        QCOMPARE(w->table()->model()->rowCount(), 2);
        w->flaggedOnly()->setChecked(false);
        QCOMPARE(w->table()->model()->rowCount(), 3);
        w->flaggedOnly()->setChecked(true); // what is shown is what goes out

        const qint64 before = audited(u"export"_s);
        const QString csv = m_dir.filePath(u"audit.csv"_s);
        QVERIFY(w->exportCsv(csv));
        QCOMPARE(audited(u"export"_s), before + 1);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.first().startsWith("sequence,time,staff_member"));
        QCOMPARE(lines.size(), 1 + 2 + 1); // header, rows, the empty piece after the last CRLF
        QVERIFY(lines.at(1).contains("bram.claes")); // newest first, as shown
        QVERIFY(lines.at(1).contains("outside_office_hours"));
        QVERIFY(lines.at(2).contains("an.peeters"));
        QVERIFY(lines.at(2).contains("nothing_registered"));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        // The export's own entry says what went out, never a citizen.
        QCOMPARE(Test::scalar(m_store->db(),
                              u"SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND subject_citizen_id IS NULL AND details LIKE '%\"format\":\"csv\"%' "
                              u"AND details LIKE '%\"rows\":2%'"_s),
                 1);

        const QString pdf = m_dir.filePath(u"audit.pdf"_s);
        QVERIFY(w->exportPdf(pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QCOMPARE(pdfFile.read(5), QByteArray("%PDF-"));
        QCOMPARE(pdfFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(audited(u"export"_s), before + 2);
        const QString html = AuditQueryService::toHtml(w->model()->rows(), u"criteria"_s, m_store->clock().now(), supervisor);
        QVERIFY(html.contains(u"Outside office hours"_s));
        QVERIFY(html.contains(agent.name));

        // A folder that cannot be written: the reason, and no file.
        QVERIFY(!w->exportCsv(m_dir.filePath(u"missing/audit.csv"_s)));
        QVERIFY(w->statusLabel()->property("problem").toBool());
        QVERIFY(!QFile::exists(m_dir.filePath(u"missing/audit.csv"_s)));
    }

    void verifiesTheChain()
    {
        auto w = window(supervisor);
        const qint64 last = Test::scalar(m_store->db(), u"SELECT MAX(sequence) FROM audit_log"_s);
        QVERIFY(w->verifyChain());
        QVERIFY(w->chainLabel()->text().contains(QString::number(last)));
        QVERIFY(w->chainLabel()->property("intact").toBool());
        QCOMPARE(audited(u"audit_verified"_s), 1);

        // Someone with the file (or the owner's role) lifts the guard and changes entry 2.
        QVERIFY(Test::tamperWithAuditLog(m_store->db(), {u"UPDATE audit_log SET actor = 'iemand' WHERE sequence = 2"_s}));
        QVERIFY(!w->verifyChain());
        QVERIFY2(w->chainLabel()->text().contains(u"Entry 2"_s), qPrintable(w->chainLabel()->text()));
        QVERIFY(w->chainLabel()->text().contains(u"intact through entry 1"_s));
        QVERIFY(!w->chainLabel()->property("intact").toBool());
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'audit_verified' AND outcome = 'failed'"_s), 1);
    }

    void accessReportFromTheWindow()
    {
        auto w = window(supervisor);
        const QStringList files = w->saveAccessReport(Identifier{IdentifierType::BelgianNationalNumber, m_lotteNumber}.formatted(), m_dir.path());
        QCOMPARE(files.size(), 2);
        QFile json(files.at(0));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(json.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
        const QJsonArray entries = report.value(u"accesses"_s).toArray();
        QVERIFY2(entries.size() >= 2, qPrintable(QString::number(entries.size()))); // the opening, and the report itself
        QCOMPARE(entries.last().toObject().value(u"action"_s).toString(), u"access_report"_s);
        QFile pdf(files.at(1));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_report' AND subject_citizen_id = %1"_s.arg(m_lotte)), 1);

        // A number with wrong check digits, and one nobody has: said, nothing written, no entry.
        QVERIFY(w->saveAccessReport(u"79.04.02-045.00"_s, m_dir.path()).isEmpty());
        QVERIFY(w->statusLabel()->text().contains(u"check"_s, Qt::CaseInsensitive));
        QVERIFY(w->saveAccessReport(Test::CitizenBuilder::nationalNumberFor(QDate(1990, 5, 5), 12), m_dir.path()).isEmpty());
        QVERIFY(w->statusLabel()->text().contains(u"Nobody"_s));
        QCOMPARE(audited(u"access_report"_s), 1);
    }

    // A counter clerk who gets to the window sees the refusal and nothing else; the refusal is
    // audited, and each button stays off.
    void counterClerkIsRefused()
    {
        const qint64 denied = audited(u"access_denied"_s);
        auto w = window(clerk);
        QVERIFY(w->statusLabel()->property("problem").toBool());
        QVERIFY(!w->statusLabel()->text().isEmpty());
        QCOMPARE(w->model()->rowCount(), 0);
        QCOMPARE(audited(u"access_denied"_s), denied + 1);
        for (const char *name : {"VerifyButton", "ExportCsvButton", "ExportPdfButton", "AccessReportButton", "ShowButton"}) {
            auto *button = w->findChild<QPushButton *>(QLatin1String(name));
            QVERIFY2(button && !button->isEnabled(), name);
        }
        // Calling the window's actions anyway goes to the services, which refuse again.
        QVERIFY(!w->refresh());
        QVERIFY(!w->verifyChain());
        QVERIFY(w->saveAccessReport(m_lotteNumber, m_dir.path()).isEmpty());
        QCOMPARE(audited(u"access_denied"_s), denied + 4);
        QCOMPARE(audited(u"audit_verified"_s), 0);
        QCOMPARE(audited(u"access_report"_s), 0);
    }
};

QTEST_MAIN(TestAuditWindow)
#include "tst_auditwindow.moc"
