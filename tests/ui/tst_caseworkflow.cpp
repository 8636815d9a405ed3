// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The front-office workflow on the real main window and a real store, offscreen: search as you
// type → open the case with its purpose → register a contact (its draft survives a closed dialog)
// → create a request → supplement it; keyboard access to the actions and accessible names.

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "case/searchworker.h"
#include "casedialogs.h"
#include "casepresenter.h"
#include "caseview.h"
#include "cataloguemodel.h"
#include "cataloguepanel.h"
#include "citizenbuilder.h"
#include "common/settings.h"
#include "helpdialogs.h"
#include "mainwindow.h"
#include "privacy/retentionservice.h"
#include "purposemodel.h"
#include "searchresultmodel.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/reportrepository.h"
#include "store/requestrepository.h"
#include "storetesting.h"
#include "tempstore.h"
#include "timelinefiltermodel.h"
#include "timelinemodel.h"
#include "worklistmodel.h"
#include "worklistpanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'k');

// The dialog of type Dialog that window opened (waited for; nullptr when none came).
template<typename Dialog>
Dialog *openDialog(QWidget &window)
{
    Dialog *found = nullptr;
    const bool came = QTest::qWaitFor(
        [&] {
            found = window.findChild<Dialog *>();
            return found && found->isVisible();
        },
        5000);
    return came ? found : nullptr;
}
} // namespace

class TestCaseWorkflow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_backing;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<CaseService> m_cases;
    std::unique_ptr<RequestService> m_requests;
    std::unique_ptr<CatalogueService> m_catalogue;
    std::unique_ptr<SearchWorker> m_worker;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<CasePresenter> m_presenter;
    const StaffMember m_clerk{u"an.balie"_s, Role::CounterClerk, u"balie-3"_s};
    qint64 m_citizen = 0;

    qint64 audited(const QString &action) { return Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = '"_s + action + u"'"_s); }

    QList<ItemKind> timelineKinds()
    {
        QList<ItemKind> kinds;
        TimelineModel *model = m_presenter->caseView()->timelineModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            kinds.append(ItemKind(model->index(row, 0).data(TimelineModel::KindRole).toInt()));
        }
        return kinds;
    }

    // Searches text in the search field (debounced, on the worker) and waits for the results.
    bool typeSearch(const QString &text)
    {
        QSignalSpy finished(m_presenter.get(), &CasePresenter::searchFinished);
        m_window->focusSearch();
        QTest::keyClicks(m_window->searchField(), text);
        return finished.wait(10000);
    }

    // Presses action's shortcut on the main window, as a person at the keyboard would.
    bool press(QAction *action)
    {
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get())) {
            return false;
        }
        QTest::keySequence(m_window.get(), action->shortcut());
        return true;
    }

    // A request made for the open case through the service (as at another moment), shown and
    // selected in the case view; its id (0 when it could not be made).
    qint64 selectNewRequest(const QString &question)
    {
        Request request;
        request.citizenId = m_citizen;
        request.question = question;
        const qint64 id = m_requests->createRequest(m_clerk, m_presenter->runningPurpose(), request).value_or(0);
        m_presenter->reloadCase();
        m_presenter->caseView()->selectItem(ItemKind::Request, id);
        return id;
    }

    void openCitizenCase()
    {
        QVERIFY(typeSearch(u"claes lot"_s));
        QCOMPARE(m_presenter->results()->rowCount(), 1);
        QSignalSpy opened(m_presenter.get(), &CasePresenter::caseOpened);
        QTest::keyClick(m_window->searchField(), Qt::Key_Return);
        PurposeDialog *purpose = openDialog<PurposeDialog>(*m_window);
        QVERIFY(purpose);
        QVERIFY(!purpose->choices()->accessibleName().isEmpty());
        purpose->choices()->setCurrentIndex(purpose->choices()->findData(u"counter_visit"_s, PurposeModel::CodeRole));
        purpose->note()->setText(u"Vraag over de bewonerskaart"_s);
        purpose->accept();
        QVERIFY(opened.count() == 1 || opened.wait(5000));
        QTRY_VERIFY(!m_window->findChild<PurposeDialog *>()); // closed and gone
    }

private Q_SLOTS:
    void init()
    {
        m_backing = std::make_unique<QSettings>(m_dir.filePath(u"window.ini"_s), QSettings::IniFormat);
        m_backing->clear();
        m_settings = std::make_unique<Settings>(m_backing.get());
        m_store = std::make_unique<Test::TempStore>();
        Database &db = m_store->open();
        CitizenRepository citizens(db);
        m_citizen = citizens
                        .insert(Test::CitizenBuilder()
                                    .withName(u"Lotte"_s, u"Claes"_s)
                                    .bornOn(QDate(1979, 4, 2))
                                    .withNationalNumber(45)
                                    .withPhone(u"+32475123456"_s)
                                    .livingAt(u"Veldstraat"_s, u"8"_s, u"9000"_s, u"Gent"_s)
                                    .build())
                        .value_or(0);
        QVERIFY(citizens.insert(Test::CitizenBuilder().withName(u"Louis"_s, u"Claes"_s).bornOn(QDate(2001, 1, 1)).build()));
        Report report;
        report.source = {u"open311"_s, u"r-9"_s};
        report.citizenId = m_citizen;
        report.serviceName = u"Straatverlichting"_s;
        report.description = u"Lamp stuk"_s;
        report.requested = m_store->clock().now().addDays(-3);
        QVERIFY(ReportRepository(db).upsertBySource(report));
        CatalogueEntry entry;
        entry.productId = u"p-parkeren"_s;
        entry.name = {{u"nl"_s, u"Bewonerskaart parkeren"_s}, {u"en"_s, u"Resident parking permit"_s}};
        entry.conditions = {{u"nl"_s, u"U woont in de zone."_s}};
        entry.cost = {{u"nl"_s, u"Kostprijs\n<p>De kaart is gratis.</p>"_s}}; // one item, with its name as the feed gives it
        QVERIFY(CatalogueRepository(db).upsertByProductId(entry));
        m_audit = std::make_unique<AuditService>(db, key);
        m_cases = std::make_unique<CaseService>(*m_audit);
        m_requests = std::make_unique<RequestService>(*m_audit);
        m_catalogue = std::make_unique<CatalogueService>(*m_audit);
        m_worker = std::make_unique<SearchWorker>(m_store->path(), key, m_store->clock());
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_presenter = std::make_unique<CasePresenter>(*m_window, *m_cases, *m_requests, *m_catalogue, *m_worker, m_clerk, m_store->clock());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_presenter.reset();
        m_window.reset();
        m_worker.reset();
        m_cases.reset();
        m_audit.reset();
        m_store.reset();
    }

    void searchOpenContactRequestSupplement()
    {
        // Search as you type: the results tell the two Claeses apart; each search is audited.
        QVERIFY(typeSearch(u"claes"_s));
        QCOMPARE(m_presenter->results()->rowCount(), 2);
        QVERIFY(m_presenter->results()->index(0).data().toString().contains(u"("_s));
        QVERIFY(audited(u"search"_s) >= 1);
        QVERIFY(audited(u"search_result_shown"_s) >= 2);
        m_window->searchField()->clear();

        // Open the case: the purpose is asked and audited before the case shows.
        openCitizenCase();
        QCOMPARE(audited(u"profile_opened"_s), 1);
        QCOMPARE(m_presenter->runningPurpose().code, u"counter_visit"_s);
        QVERIFY(m_presenter->caseView()->isVisible());
        QVERIFY(m_presenter->caseView()->findChild<QLabel *>(u"CitizenName"_s)->text().contains(u"Claes"_s));
        QVERIFY(m_window->newContactAction()->isEnabled());

        // Register a contact from the keyboard; a dialog closed half-way keeps its draft.
        QVERIFY(press(m_window->newContactAction()));
        ContactDialog *contact = openDialog<ContactDialog>(*m_window);
        QVERIFY(contact);
        QTest::keyClicks(contact->subject(), u"Bewonerskaart"_s);
        contact->text()->setPlainText(u"Vraagt hoe een bewonerskaart aan te vragen"_s);
        contact->reject();
        QTRY_VERIFY(!m_window->findChild<ContactDialog *>());
        m_window->newContactAction()->trigger();
        contact = openDialog<ContactDialog>(*m_window);
        QCOMPARE(contact->subject()->text(), u"Bewonerskaart"_s);
        QCOMPARE(contact->text()->toPlainText(), u"Vraagt hoe een bewonerskaart aan te vragen"_s);
        QSignalSpy changed(m_presenter.get(), &CasePresenter::changed);
        contact->accept();
        QVERIFY(changed.count() == 1 || changed.wait(5000));
        QTRY_VERIFY(!m_window->findChild<ContactDialog *>());
        QVERIFY(timelineKinds().contains(ItemKind::ContactMoment));

        // Create a request: its expiry is shown before it is made.
        QVERIFY(press(m_window->newRequestAction()));
        RequestDialog *request = openDialog<RequestDialog>(*m_window);
        QVERIFY(request);
        QVERIFY(request->expiry()->text().contains(u"30"_s));
        request->question()->setPlainText(u"Kan de bewonerskaart ook voor een tweede wagen?"_s);
        // Known names are offered, and bring whether they are a team or a person.
        QVERIFY(request->assignee()->findText(m_clerk.name) >= 0);
        request->assignee()->setEditText(m_clerk.name);
        QCOMPARE(AssigneeKind(request->assigneeKind()->currentData().toInt()), AssigneeKind::Person);
        request->assigneeKind()->setCurrentIndex(request->assigneeKind()->findData(int(AssigneeKind::Team)));
        request->assignee()->setEditText(u"Mobiliteit"_s);
        request->accept();
        QVERIFY(changed.count() == 2 || changed.wait(5000));
        QVERIFY(timelineKinds().contains(ItemKind::Request));
        const ItemLink selected = m_presenter->caseView()->selectedItem();
        QCOMPARE(selected.kind, ItemKind::Request);

        // Supplement it from the detail pane.
        QTimer::singleShot(0, this, [this] {
            QInputDialog *input = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((input = m_window->findChild<QInputDialog *>()) != nullptr, 5000);
            input->setTextValue(u"Nummerplaat 1-ABC-123"_s);
            input->accept();
        });
        auto *supplement = m_presenter->caseView()->findChild<QPushButton *>(u"SupplementButton"_s);
        QVERIFY(supplement && supplement->isVisible() && supplement->isEnabled());
        QTest::mouseClick(supplement, Qt::LeftButton);
        QVERIFY(changed.count() == 3 || changed.wait(5000));
        const auto requests = m_presenter->caseView()->caseFile().requests;
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().supplements.size(), 1);
        QCOMPARE(requests.first().supplements.first().text, u"Nummerplaat 1-ABC-123"_s);
        QVERIFY(m_presenter->caseView()->details()->toPlainText().contains(u"Nummerplaat"_s));

        // Assign it to a name on offer: it keeps that name's kind.
        QTimer::singleShot(0, this, [this] {
            QInputDialog *input = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((input = m_window->findChild<QInputDialog *>()) != nullptr, 5000);
            QVERIFY(input->comboBoxItems().contains(m_clerk.name));
            // Room for the names, and the request's own assignee chosen, not the desk's team.
            QVERIFY(input->minimumWidth() >= 300);
            QCOMPARE(input->textValue(), u"Mobiliteit"_s);
            input->setTextValue(m_clerk.name);
            input->accept();
        });
        QTest::mouseClick(m_presenter->caseView()->findChild<QPushButton *>(u"AssignButton"_s), Qt::LeftButton);
        QVERIFY(changed.count() == 4 || changed.wait(5000));
        const Request assigned = m_presenter->caseView()->caseFile().requests.first();
        QCOMPARE(assigned.assignee.name, m_clerk.name);
        QCOMPARE(assigned.assignee.kind, AssigneeKind::Person);

        // Everything through the audited service, and the chain holds.
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s), 4);
        QVERIFY(AuditRepository(m_store->db(), key).verify().value().intact());
        QCOMPARE(timelineKinds().count(ItemKind::Report), 1);
    }

    // Someone else changes a request while it is on this screen: this clerk's change, made on
    // what the screen showed, is refused with who and when; the case shows their change, and the
    // dialog comes back with what was typed, which then goes through.
    void aChangeMadeMeanwhileKeepsWhatWasTyped()
    {
        openCitizenCase();
        CaseView *view = m_presenter->caseView();
        const qint64 requestId = selectNewRequest(u"Mag ik een tweede bewonerskaart?"_s);
        QVERIFY(requestId);

        // Meanwhile, at another desk.
        const StaffMember other{u"kcc.agent1"_s, Role::CallCentreAgent, u"kcc-7"_s};
        m_store->clock().advance(2 * 60 * 1000);
        QVERIFY(m_requests->answerRequest(other, {u"phone_call"_s, {}}, requestId, u"Nee, één per adres."_s, Channel::Phone));

        QSignalSpy changed(m_presenter.get(), &CasePresenter::changed);
        QSignalSpy problem(m_presenter.get(), &CasePresenter::problem);
        const QString typed = u"Ja, voor een tweede wagen op het adres."_s;
        QString secondLabel;
        QString secondText;
        QTimer::singleShot(0, this, [&] {
            QInputDialog *first = openDialog<QInputDialog>(*m_window);
            QVERIFY(first);
            first->setTextValue(typed);
            // The refusal brings the dialog back (a new one) with the text and why.
            QTimer::singleShot(0, this, [&] {
                QInputDialog *again = nullptr;
                QTRY_VERIFY_WITH_TIMEOUT((again = m_window->findChild<QInputDialog *>()) && again->isVisible() && again->textValue() == typed, 5000);
                secondLabel = again->labelText();
                secondText = again->textValue();
                // Meanwhile the case shows the other answer.
                QVERIFY(view->details()->toPlainText().contains(u"één per adres"_s));
                again->accept();
            });
            first->accept();
        });
        QTest::mouseClick(view->findChild<QPushButton *>(u"AnswerButton"_s), Qt::LeftButton);
        QVERIFY(changed.count() == 1 || changed.wait(5000));
        QCOMPARE(problem.count(), 1);
        QVERIFY2(problem.first().first().toString().contains(other.name), qPrintable(problem.first().first().toString()));
        QVERIFY(secondLabel.contains(other.name));
        QCOMPARE(secondText, typed);
        const Request stored = RequestRepository(m_store->db()).find(requestId).value().value();
        QCOMPARE(stored.answer, typed);
        QCOMPARE(stored.changedBy, m_clerk.name);
        QCOMPARE(stored.version, 3);

        // Closing on a stale screen: the reason comes back too, and nothing was closed meanwhile.
        const qint64 secondId = selectNewRequest(u"Kan de kaart op een ander adres?"_s);
        QVERIFY(secondId);
        QVERIFY(m_requests->assignRequest(other, {u"phone_call"_s, {}}, secondId, {AssigneeKind::Team, u"Mobiliteit"_s}));
        auto *close = view->findChild<QPushButton *>(u"CloseRequestButton"_s);
        QTest::mouseClick(close, Qt::LeftButton);
        QInputDialog *reason = openDialog<QInputDialog>(*m_window);
        QVERIFY(reason);
        reason->setTextValue(u"Beantwoord aan de balie"_s);
        reason->accept();
        QTRY_COMPARE(problem.count(), 2);
        QCOMPARE(RequestRepository(m_store->db()).find(secondId).value()->status, RequestStatus::Open);
        QInputDialog *back = nullptr;
        QTRY_VERIFY((back = m_window->findChild<QInputDialog *>()) && back->isVisible() && back->textValue() == u"Beantwoord aan de balie"_s);
        QVERIFY(back->labelText().contains(other.name));
        back->accept();
        QVERIFY(changed.count() == 2 || changed.wait(5000));
        const Request closed = RequestRepository(m_store->db()).find(secondId).value().value();
        QCOMPARE(closed.status, RequestStatus::Closed);
        QCOMPARE(closed.assignee.name, u"Mobiliteit"_s);
        QCOMPARE(closed.supplements.size(), 1); // the reason, once
    }

    // The store refuses a save (as a lost connection to a shared store or a full disk would): the
    // dialog comes back with what was typed and why, and once the store takes it again the same
    // text is saved. Nothing typed is lost.
    void aFailedSaveComesBackWithWhatWasTyped()
    {
        openCitizenCase();
        Database &db = m_store->db();
        QVERIFY(db.exec(u"INSERT INTO store_settings (key, value) VALUES ('test_refuse', '1')"_s));
        QVERIFY(Test::refuseInserts(db, u"requests"_s, u"EXISTS (SELECT 1 FROM store_settings WHERE key = 'test_refuse')"_s));
        const qint64 before = Test::scalar(db, u"SELECT COUNT(*) FROM requests"_s);
        QSignalSpy problem(m_presenter.get(), &CasePresenter::problem);
        QSignalSpy changed(m_presenter.get(), &CasePresenter::changed);
        const QString typed = u"Kan ik de afvalkalender op papier krijgen?"_s;

        m_presenter->newRequest();
        RequestDialog *first = openDialog<RequestDialog>(*m_window);
        QVERIFY(first);
        first->question()->setPlainText(typed);
        first->assignee()->setEditText(u"Afvalbeleid"_s);
        first->accept();
        QTRY_COMPARE(problem.count(), 1);
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM requests"_s), before);
        RequestDialog *again = nullptr;
        QTRY_VERIFY((again = m_window->findChild<RequestDialog *>()) && again->isVisible() && again->question()->toPlainText() == typed);
        QCOMPARE(again->assignee()->currentText(), u"Afvalbeleid"_s);

        QVERIFY(db.exec(u"DELETE FROM store_settings WHERE key = 'test_refuse'"_s));
        again->accept();
        QVERIFY(changed.count() == 1 || changed.wait(5000));
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM requests WHERE question = '"_s + typed + u"'"_s), 1);
        QCOMPARE(problem.count(), 1);
    }

    // The same citizen again in the running contact: no second question for the purpose.
    void purposeIsRememberedForTheRunningContact()
    {
        openCitizenCase();
        QSignalSpy opened(m_presenter.get(), &CasePresenter::caseOpened);
        m_presenter->requestOpen(m_citizen);
        QCOMPARE(opened.count(), 1);
        QVERIFY(!m_window->findChild<PurposeDialog *>());
        QCOMPARE(audited(u"profile_opened"_s), 2);
    }

    // Reveal the masked number (audited), step through the timeline with Alt+Down, link a product.
    void revealStepAndLink()
    {
        openCitizenCase();
        CaseView *view = m_presenter->caseView();
        auto *identifier = view->findChild<QLabel *>(u"CitizenIdentifier"_s);
        QVERIFY(identifier->text().contains(QChar(0x2022)));
        QTest::mouseClick(view->findChild<QToolButton *>(u"RevealButton"_s), Qt::LeftButton);
        QVERIFY(!identifier->text().contains(QChar(0x2022)));
        QCOMPARE(audited(u"identifier_revealed"_s), 1);

        m_window->showCatalogue(u"bewonerskaart"_s);
        CataloguePanel *catalogue = m_window->cataloguePanel();
        QTRY_COMPARE(catalogue->model()->rowCount(), 1);
        QVERIFY(catalogue->details()->toPlainText().contains(u"U woont in de zone."_s));
        // The cost under the heading in the UI language, without the feed's own heading.
        QVERIFY(catalogue->details()->toPlainText().contains(u"Cost\nDe kaart is gratis."_s));
        QVERIFY2(!catalogue->details()->toPlainText().contains(u"Kostprijs"_s), qPrintable(catalogue->details()->toPlainText()));
        QSignalSpy changed(m_presenter.get(), &CasePresenter::changed);
        QTest::mouseClick(catalogue->linkButton(), Qt::LeftButton);
        QVERIFY(changed.count() == 1 || changed.wait(5000));
        QVERIFY(timelineKinds().contains(ItemKind::CatalogueEntry));

        view->timeline()->setFocus();
        view->timeline()->setCurrentIndex(view->filterModel()->index(0, 0));
        view->nextItemAction()->trigger();
        QCOMPARE(view->timeline()->currentIndex().row(), 1);
        view->previousItemAction()->trigger();
        QCOMPARE(view->timeline()->currentIndex().row(), 0);
    }

    // Printing: only an open case, and its print entry (citizen, purpose) is on disk before the
    // page is made; the page shows the case as the view does, the number still masked.
    void printingIsAudited()
    {
        const QString pdf = m_dir.filePath(u"case.pdf"_s);
        {
            QPdfWriter nothing(pdf);
            QVERIFY(!m_presenter->printCase(nothing)); // no case open
        }
        QCOMPARE(audited(u"print"_s), 0);
        QVERIFY(!m_window->printCaseAction()->isEnabled());

        openCitizenCase();
        QVERIFY(m_window->printCaseAction()->isEnabled());
        QCOMPARE(m_window->printCaseAction()->shortcut(), QKeySequence(QKeySequence::Print));
        const QString html = m_presenter->caseView()->printHtml(m_clerk.name, m_store->clock().now());
        QVERIFY(html.contains(u"Claes"_s));
        QVERIFY(html.contains(u"Straatverlichting"_s)); // the timeline's report
        QVERIFY(html.contains(QChar(0x2022))); // the number masked, as on screen
        const Identifier number{IdentifierType::BelgianNationalNumber, Test::CitizenBuilder::nationalNumberFor(QDate(1979, 4, 2), 45)};
        QVERIFY(!html.contains(number.formatted()));
        QVERIFY(html.contains(number.masked()));
        QVERIFY(html.contains(m_clerk.name));
        {
            QPdfWriter writer(pdf);
            QVERIFY(m_presenter->printCase(writer));
        }
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(file.size() > 1000);
        QCOMPARE(Test::scalar(m_store->db(),
                              u"SELECT COUNT(*) FROM audit_log WHERE action = 'print' AND subject_citizen_id = %1 AND purpose_code = 'counter_visit' "
                              u"AND actor = 'an.balie'"_s.arg(m_citizen)),
                 1);
    }

    // With a dark palette the case is drawn dark with light text: no colour is hard-coded.
    void followsADarkPalette()
    {
        const QPalette original = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(32, 32, 32));
        dark.setColor(QPalette::WindowText, QColor(235, 235, 235));
        dark.setColor(QPalette::Base, QColor(24, 24, 24));
        dark.setColor(QPalette::AlternateBase, QColor(40, 40, 40));
        dark.setColor(QPalette::Text, QColor(235, 235, 235));
        dark.setColor(QPalette::Button, QColor(45, 45, 45));
        dark.setColor(QPalette::ButtonText, QColor(235, 235, 235));
        QApplication::setPalette(dark);
        openCitizenCase();
        const QImage image = m_presenter->caseView()->grab().toImage();
        QApplication::setPalette(original);
        QVERIFY(!image.isNull());
        qint64 sum = 0;
        qint64 light = 0;
        qint64 pixels = 0;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) {
                const int grey = qGray(image.pixel(x, y));
                sum += grey;
                light += grey > 180 ? 1 : 0;
                ++pixels;
            }
        }
        QVERIFY2(sum / pixels < 80, qPrintable(QString::number(sum / pixels))); // mostly dark
        QVERIFY(light > 0); // with light text on it
    }

    // The retention period ends while the case is open: on day 29 the request is still there, on
    // The purpose offered first tells the truth: a counter clerk's name search, a counter visit; a
    // search by phone number, a phone call; from the worklist, the follow-up of that request, with
    // the citizen named. The list keeps its configured order whatever was chosen last.
    void thePurposeOfferedFollowsWhereTheCaseComesFrom()
    {
        QVERIFY(typeSearch(u"claes lot"_s));
        QTest::keyClick(m_window->searchField(), Qt::Key_Return);
        PurposeDialog *purpose = openDialog<PurposeDialog>(*m_window);
        QVERIFY(purpose);
        QCOMPARE(purpose->purpose().code, u"counter_visit"_s);
        purpose->reject();
        QTRY_VERIFY(!m_window->findChild<PurposeDialog *>());

        m_window->searchField()->clear();
        QVERIFY(typeSearch(u"0475 12 34 56"_s));
        QCOMPARE(m_presenter->results()->rowCount(), 1);
        QTest::keyClick(m_window->searchField(), Qt::Key_Return);
        purpose = openDialog<PurposeDialog>(*m_window);
        QVERIFY(purpose);
        QCOMPARE(purpose->purpose().code, u"phone_call"_s);
        QSignalSpy opened(m_presenter.get(), &CasePresenter::caseOpened);
        purpose->accept();
        QVERIFY(opened.count() == 1 || opened.wait(5000));
        QTRY_VERIFY(!m_window->findChild<PurposeDialog *>());
        QCOMPARE(m_presenter->runningPurpose().code, u"phone_call"_s);

        const qint64 marie =
            CitizenRepository(m_store->db()).insert(Test::CitizenBuilder().withName(u"Marie"_s, u"Peeters"_s).withNationalNumber(61).build()).value_or(0);
        QVERIFY(marie);
        Request request;
        request.citizenId = marie;
        request.question = u"Is mijn attest klaar?"_s;
        request.assignee = {AssigneeKind::Person, m_clerk.name};
        QVERIFY(m_requests->createRequest(m_clerk, Purpose{u"counter_visit"_s, QString()}, request));
        m_presenter->refreshWorklist();
        QTableView *worklist = m_window->worklistPanel()->view();
        QCOMPARE(worklist->model()->rowCount(), 1);
        Q_EMIT worklist->activated(worklist->model()->index(0, 0));
        purpose = openDialog<PurposeDialog>(*m_window);
        QVERIFY(purpose);
        QCOMPARE(purpose->purpose().code, u"request_follow_up"_s);
        const QList<QLabel *> labels = purpose->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *l) {
            return l->text().contains(u"Marie Peeters"_s);
        }));
        QCOMPARE(purpose->choices()->itemData(0, PurposeModel::CodeRole).toString(), u"counter_visit"_s);
        purpose->reject();
    }

    // Nothing is hidden without a word: a list cut short says how many there are and how to
    // narrow it; a search too short or without result says so; filters start anew for another
    // citizen and say what they hide; empty panes say why.
    void nothingIsHiddenWithoutAWord()
    {
        CitizenRepository citizens(m_store->db());
        for (int i = 0; i < 112; ++i) {
            const QString given = u"Jan"_s + QChar(u'a' + i / 26) + QChar(u'a' + i % 26);
            QVERIFY(citizens.insert(Test::CitizenBuilder().withName(given, u"Peeters"_s).bornOn(QDate(1950 + i % 40, 3, 1)).build()));
        }
        QLabel *summary = m_window->searchSummary();
        QVERIFY(!summary->isVisible());
        QVERIFY(typeSearch(u"peeters"_s));
        QCOMPARE(m_presenter->results()->rowCount(), 50);
        QVERIFY(summary->isVisible());
        QVERIFY2(summary->text().contains(u"50 of 112"_s) && summary->text().contains(u"birth year"_s), qPrintable(summary->text()));
        QSignalSpy finished(m_presenter.get(), &CasePresenter::searchFinished);
        m_window->searchField()->end(false);
        QTest::keyClicks(m_window->searchField(), u" 1955"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_presenter->results()->rowCount(), 3);
        QCOMPARE(summary->text(), u"3 citizens found"_s);
        m_window->searchField()->clear();
        QVERIFY(typeSearch(u"p"_s));
        QVERIFY2(summary->text().startsWith(u"Type at least two letters"_s), qPrintable(summary->text()));
        QVERIFY(typeSearch(u"zzyzx"_s));
        QVERIFY2(summary->text().startsWith(u"No citizen found"_s), qPrintable(summary->text()));

        // The worklist and the catalogue say why they are empty.
        m_presenter->refreshWorklist();
        QVERIFY(m_window->worklistPanel()->emptyHint()->text().contains(u"No open requests for you"_s));
        QVERIFY(!m_window->worklistPanel()->view()->isVisibleTo(m_window->worklistPanel()));
        m_window->showCatalogue(u"zzyzx"_s);
        QTRY_VERIFY(m_window->cataloguePanel()->details()->toPlainText().contains(u"No product or service matches “zzyzx”"_s));

        // A filter that hides everything says so, and offers to clear it.
        m_window->searchField()->clear();
        openCitizenCase();
        CaseView *view = m_presenter->caseView();
        QLabel *filtered = view->filterSummary();
        QVERIFY(!filtered->isVisible());
        auto *kinds = view->findChild<QComboBox *>(u"KindFilter"_s);
        kinds->setCurrentIndex(kinds->findData(int(ItemKind::CatalogueEntry)));
        QCOMPARE(view->filterModel()->rowCount(), 0);
        QVERIFY(filtered->isVisible());
        QVERIFY2(filtered->text().contains(u"0 of 1 item shown"_s) && filtered->text().contains(u"Clear filters"_s), qPrintable(filtered->text()));
        Q_EMIT filtered->linkActivated(u"clear"_s);
        QCOMPARE(kinds->currentIndex(), 0);
        QCOMPARE(view->filterModel()->rowCount(), 1);
        QVERIFY(!filtered->isVisible());
        // Another citizen: the filters start anew; an empty timeline says it is empty.
        kinds->setCurrentIndex(kinds->findData(int(ItemKind::CatalogueEntry)));
        view->findChild<QLineEdit *>(u"TimelineTextFilter"_s)->setText(u"lamp"_s);
        const qint64 louis = Test::scalar(m_store->db(), u"SELECT id FROM citizens WHERE given_names = 'Louis'"_s);
        QVERIFY(m_presenter->openCase(louis, Purpose{u"counter_visit"_s, QString()}));
        QCOMPARE(kinds->currentIndex(), 0);
        QVERIFY(view->findChild<QLineEdit *>(u"TimelineTextFilter"_s)->text().isEmpty());
        QVERIFY2(filtered->isVisible() && filtered->text().startsWith(u"No reports, contacts"_s), qPrintable(filtered->text()));
    }

    // The timeline and its actions: kind icons, channel and staff columns, times without seconds
    // (relative in the last week); the row an action made is selected; Close Request asks why and
    // can be undone; a second link says why nothing happened; Help has the guide and the shortcuts.
    void timelineAndActions()
    {
        openCitizenCase();
        CaseView *view = m_presenter->caseView();
        QAbstractItemModel *timeline = view->timeline()->model();
        QCOMPARE(timeline->columnCount(), int(TimelineModel::ColumnCount));
        QCOMPARE(timeline->headerData(TimelineModel::ChannelColumn, Qt::Horizontal).toString(), u"Channel"_s);
        QCOMPARE(timeline->headerData(TimelineModel::StaffColumn, Qt::Horizontal).toString(), u"By"_s);
        const QModelIndex report = timeline->index(0, TimelineModel::KindColumn);
        QVERIFY(!report.data(Qt::DecorationRole).value<QIcon>().isNull());
        const QString when = timeline->index(0, TimelineModel::TimeColumn).data().toString();
        QVERIFY2(!QRegularExpression(u"\\d:\\d\\d:\\d\\d"_s).match(when).hasMatch(), qPrintable(when)); // no seconds
        QVERIFY2(when.startsWith(QLocale().dayName(m_store->clock().now().addDays(-3).toLocalTime().date().dayOfWeek())), qPrintable(when));

        // A contact registered: its row is selected, with the channel and who registered it.
        QSignalSpy changed(m_presenter.get(), &CasePresenter::changed);
        m_window->newContactAction()->trigger();
        ContactDialog *contact = openDialog<ContactDialog>(*m_window);
        QVERIFY(contact);
        contact->subject()->setText(u"Vraag over afval"_s);
        contact->accept();
        QVERIFY(changed.count() == 1 || changed.wait(5000));
        QCOMPARE(view->selectedItem().kind, ItemKind::ContactMoment);
        const QModelIndex selected = view->timeline()->currentIndex();
        QCOMPARE(selected.siblingAtColumn(TimelineModel::StaffColumn).data().toString(), m_clerk.name);
        QVERIFY(!selected.siblingAtColumn(TimelineModel::ChannelColumn).data().toString().isEmpty());
        QVERIFY(selected.siblingAtColumn(TimelineModel::TimeColumn).data().toString().startsWith(u"Today"_s));

        // Close Request asks why; the reason stays with the request; Undo Close opens it again.
        const qint64 requestId = selectNewRequest(u"Wanneer wordt het grofvuil opgehaald?"_s);
        QVERIFY(requestId);
        auto *close = view->findChild<QPushButton *>(u"CloseRequestButton"_s);
        QVERIFY(close->isVisible() && close->isEnabled());
        // Without a reason nothing is closed, and it says why.
        QSignalSpy refused(m_presenter.get(), &CasePresenter::problem);
        QTest::mouseClick(close, Qt::LeftButton);
        QInputDialog *empty = openDialog<QInputDialog>(*m_window);
        QVERIFY(empty);
        empty->setTextValue(u"  "_s);
        empty->accept();
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains(u"say why"_s));
        QCOMPARE(RequestRepository(m_store->db()).find(requestId).value()->status, RequestStatus::Open);
        QTRY_VERIFY(!m_window->findChild<QInputDialog *>());
        QTest::mouseClick(close, Qt::LeftButton);
        QInputDialog *reason = openDialog<QInputDialog>(*m_window);
        QVERIFY(reason);
        reason->setTextValue(u"Dubbel met een melding"_s);
        reason->accept();
        QVERIFY(changed.count() == 2 || changed.wait(5000));
        const auto closed = m_presenter->caseView()->caseFile().requests;
        const auto it = std::find_if(closed.cbegin(), closed.cend(), [requestId](const Request &r) {
            return r.id == requestId;
        });
        QVERIFY(it != closed.cend());
        QCOMPARE(it->status, RequestStatus::Closed);
        QCOMPARE(it->supplements.last().text, u"Dubbel met een melding"_s);
        QCOMPARE(view->selectedItem().id, requestId);
        auto *undo = view->findChild<QPushButton *>(u"ReopenRequestButton"_s);
        QVERIFY(undo->isVisible());
        QVERIFY(!close->isVisible());
        QTest::mouseClick(undo, Qt::LeftButton);
        QVERIFY(changed.count() == 3 || changed.wait(5000));
        QCOMPARE(RequestRepository(m_store->db()).find(requestId).value()->status, RequestStatus::Open);
        QVERIFY(close->isVisible() && close->isEnabled());
        QCOMPARE(audited(u"change"_s) >= 3, true);

        // A product linked twice: the second time says why nothing happened.
        m_window->showCatalogue(u"bewonerskaart"_s);
        CataloguePanel *catalogue = m_window->cataloguePanel();
        QTRY_COMPARE(catalogue->model()->rowCount(), 1);
        QTest::mouseClick(catalogue->linkButton(), Qt::LeftButton);
        QVERIFY(changed.count() == 4 || changed.wait(5000));
        QSignalSpy problem(m_presenter.get(), &CasePresenter::problem);
        QTest::mouseClick(catalogue->linkButton(), Qt::LeftButton);
        QCOMPARE(problem.count(), 1);
        QVERIFY(problem.first().first().toString().contains(u"already linked"_s));
        QCOMPARE(view->selectedItem().kind, ItemKind::CatalogueEntry);

        // Help: the user guide inside the program, and the keyboard shortcuts.
        m_window->findChild<QAction *>(u"UserGuideAction"_s)->trigger();
        auto *guide = m_window->findChild<UserGuideDialog *>();
        QVERIFY(guide && guide->isVisible());
        QVERIFY(guide->browser()->toPlainText().contains(u"Searching"_s));
        guide->close();
        m_window->findChild<QAction *>(u"ShortcutsAction"_s)->trigger();
        auto *shortcuts = openDialog<ShortcutsDialog>(*m_window);
        QVERIFY(shortcuts);
        QStringList rows;
        for (int row = 0; row < shortcuts->table()->rowCount(); ++row) {
            rows.append(shortcuts->table()->item(row, 0)->text() + u" = "_s + shortcuts->table()->item(row, 1)->text());
        }
        QVERIFY2(rows.contains(u"Register Contact = "_s + m_window->newContactAction()->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(rows.join(u'\n')));
        QVERIFY(rows.contains(u"Next Item = "_s + QKeySequence(Qt::ALT | Qt::Key_Down).toString(QKeySequence::NativeText)));
        shortcuts->close();
    }

    // day 30 it leaves the timeline and the worklist, without the case being read (and audited)
    // again.
    void purgedRequestsLeaveTheCase()
    {
        Request request;
        request.citizenId = m_citizen;
        request.question = u"Kan ik een bewonerskaart voor een deelwagen krijgen?"_s;
        request.assignee = {AssigneeKind::Person, m_clerk.name};
        const QDateTime made = m_store->clock().now();
        const qint64 id = m_requests->createRequest(m_clerk, Purpose{u"counter_visit"_s, QString()}, request).value_or(0);
        QVERIFY(id);
        QVERIFY(m_requests->supplementRequest(m_clerk, Purpose{u"counter_visit"_s, QString()}, id, u"Het is een gedeelde wagen."_s));
        openCitizenCase();
        m_presenter->refreshWorklist();
        QCOMPARE(m_window->worklistPanel()->model()->rowCount(), 1);
        QCOMPARE(timelineKinds().count(ItemKind::Request), 1);

        RetentionService retention(*m_audit);
        RetentionScheduler scheduler(retention, RetentionService::systemActor(u"balie-3"_s), m_store->clock());
        connect(&scheduler, &RetentionScheduler::purged, m_presenter.get(), &CasePresenter::dropPurged);
        const qint64 opened = audited(u"profile_opened"_s);
        m_store->clock().set(made.addDays(29));
        QVERIFY(scheduler.runNow());
        QCOMPARE(timelineKinds().count(ItemKind::Request), 1);
        QCOMPARE(m_window->worklistPanel()->model()->rowCount(), 1);
        m_store->clock().set(made.addDays(30));
        QVERIFY(scheduler.runNow());
        QCOMPARE(timelineKinds().count(ItemKind::Request), 0);
        QVERIFY(m_presenter->caseView()->caseFile().requests.isEmpty());
        QCOMPARE(timelineKinds().count(ItemKind::Report), 1); // the rest stays
        QCOMPARE(m_window->worklistPanel()->model()->rowCount(), 0);
        QCOMPARE(audited(u"profile_opened"_s), opened);
        QCOMPARE(audited(u"purge"_s), 1);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM request_supplements"_s), 0);
    }

    // At the screen's scale (twice the scale in ctest's tst_caseworkflow_hidpi): the case renders
    // at the device pixel ratio, and every icon is drawn for it rather than scaled up.
    void scalesToTheScreen()
    {
        openCitizenCase();
        const qreal expected = qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble() : 1.0;
        CaseView *view = m_presenter->caseView();
        QCOMPARE(view->devicePixelRatioF(), expected);
        const QPixmap shot = view->grab();
        QCOMPARE(shot.devicePixelRatio(), expected);
        QCOMPARE(shot.width(), qRound(view->width() * expected));
        // The icons are on the actions (menus, the search field, the sync status).
        int icons = 0;
        const QList<QAction *> actions = m_window->findChildren<QAction *>();
        for (const QAction *a : actions) {
            if (a->icon().isNull() || a->objectName().startsWith(u"qt_"_s) || a->objectName().startsWith(u"_q_"_s)) {
                continue; // Qt's own (a line edit's clear action) draw the style's pixmaps
            }
            for (const qreal ratio : {1.0, 2.0, 3.0}) {
                const QPixmap p = a->icon().pixmap(QSize(16, 16), ratio);
                QVERIFY2(p.size() == QSize(16, 16) * ratio, qPrintable(a->icon().name() + u" at "_s + QString::number(ratio)));
            }
            ++icons;
        }
        QVERIFY(icons >= 5);
    }

    void everyControlHasAnAccessibleName()
    {
        openCitizenCase();
        const QList<QWidget *> controls = m_presenter->caseView()->findChildren<QWidget *>() + m_window->cataloguePanel()->findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *w : controls) {
            if (qobject_cast<QLineEdit *>(w->parentWidget())) {
                continue; // a line edit's own clear button
            }
            if (qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QTextBrowser *>(w) ||
                (qobject_cast<QLineEdit *>(w) && !qobject_cast<QComboBox *>(w->parentWidget()))) {
                ++checked;
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName() + u' ' + QString::fromLatin1(w->metaObject()->className())));
            }
        }
        QVERIFY(checked >= 15);
    }
};

QTEST_MAIN(TestCaseWorkflow)
#include "tst_caseworkflow.moc"
