// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// One language at a time: every window and dialog rendered in Dutch, French and German (with a
// case open, a worklist, the catalogue, the sync panel and the audit window filled) shows no text
// that is an English source string with a translation in that language, no English day or month
// name, and no raw code of the store or the back ends. The English strings come from the
// catalogues themselves (translations/<lang>.po), so a string added later is checked too.

#include "audit/auditquery.h"
#include "audit/auditservice.h"
#include "auditwindow.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "case/searchworker.h"
#include "casedialogs.h"
#include "casepresenter.h"
#include "citizenbuilder.h"
#include "common/settings.h"
#include "common/uilanguage.h"
#include "mainwindow.h"
#include "privacy/accountservice.h"
#include "privacy/privacyservice.h"
#include "purposemodel.h"
#include "purposes.h"
#include "signindialog.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/reportrepository.h"
#include "sync/syncmessages.h"
#include "syncstatusmodel.h"
#include "tempstore.h"

#include <KLocalizedString>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'l');

// What a person reads of a text: without the accelerator's & and the space around it.
QString readable(QString text)
{
    text.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
    return text.trimmed();
}

// The English source strings (without placeholders or markup) that have a translation other than
// themselves in the catalogue at path.
QSet<QString> translatedSources(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {};
    }
    QSet<QString> sources;
    QString msgid;
    QStringList msgstrs;
    QString *current = nullptr;
    QString scratch;
    bool fuzzy = false;
    auto flush = [&] {
        bool translated = !msgstrs.isEmpty() && !fuzzy;
        for (const QString &s : std::as_const(msgstrs)) {
            translated = translated && !s.isEmpty();
        }
        if (translated && !msgid.isEmpty() && !msgid.contains(u'%') && !msgid.contains(u'<') && readable(msgstrs.first()) != readable(msgid)) {
            sources.insert(readable(msgid));
        }
        msgid.clear();
        msgstrs.clear();
        fuzzy = false;
        current = nullptr;
    };
    static const QRegularExpression quoted(u"^\"(.*)\"$"_s);
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (line.startsWith(u"#,"_s) && line.contains(u"fuzzy"_s)) {
            fuzzy = true;
            continue;
        }
        if (line.startsWith(u'#')) {
            continue;
        }
        QString rest;
        if (line.startsWith(u"msgctxt "_s)) {
            current = &scratch;
            rest = line.mid(8);
        } else if (line.startsWith(u"msgid_plural "_s)) {
            current = &scratch;
            rest = line.mid(13);
        } else if (line.startsWith(u"msgid "_s)) {
            current = &msgid;
            rest = line.mid(6);
        } else if (line.startsWith(u"msgstr"_s)) {
            msgstrs.append(QString());
            current = &msgstrs.last();
            rest = line.mid(line.indexOf(u' ') + 1);
        } else {
            rest = line;
        }
        const auto m = quoted.match(rest);
        if (current && m.hasMatch()) {
            current->append(m.captured(1).replace(u"\\\""_s, u"\""_s).replace(u"\\n"_s, u"\n"_s));
        }
    }
    flush();
    return sources;
}

// The texts a person sees in window: titles, labels, buttons, placeholders, choices, menus,
// column headers and the rows of its views, the text of its text panes, line by line.
QStringList visibleTexts(QWidget *window)
{
    QStringList texts;
    auto add = [&texts](const QString &text) {
        for (const QString &line : text.split(u'\n')) {
            if (!readable(line).isEmpty()) {
                texts.append(readable(line));
            }
        }
    };
    add(window->windowTitle());
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(window)) {
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(w)) {
            add(label->textFormat() == Qt::PlainText ? label->text() : QTextDocumentFragment::fromHtml(label->text()).toPlainText());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            add(button->text());
        } else if (auto *edit = qobject_cast<QLineEdit *>(w); edit && edit->text().isEmpty()) {
            add(edit->placeholderText());
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            add(box->title());
        } else if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            add(dock->windowTitle());
        } else if (auto *browser = qobject_cast<QTextBrowser *>(w)) {
            add(browser->toPlainText());
        }
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i) {
                add(combo->itemText(i));
            }
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model() && !qobject_cast<QComboBox *>(w->parentWidget())) {
            const QAbstractItemModel *model = view->model();
            for (int column = 0; column < model->columnCount(); ++column) {
                add(model->headerData(column, Qt::Horizontal).toString());
            }
            std::function<void(const QModelIndex &)> rows = [&](const QModelIndex &parent) {
                for (int row = 0; row < std::min(model->rowCount(parent), 100); ++row) {
                    for (int column = 0; column < model->columnCount(parent); ++column) {
                        add(model->index(row, column, parent).data().toString());
                    }
                    rows(model->index(row, 0, parent));
                }
            };
            rows({});
        }
    }
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        std::function<void(const QList<QAction *> &)> actions = [&](const QList<QAction *> &list) {
            for (QAction *a : list) {
                if (a->isVisible()) {
                    add(a->text());
                    if (a->menu()) {
                        actions(a->menu()->actions());
                    }
                }
            }
        };
        actions(main->menuBar()->actions());
    }
    return texts;
}
} // namespace

class TestLanguageScan : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Fails on each text of window that is English, naming the window and the text.
    static QStringList englishIn(QWidget *window, const QSet<QString> &sources, const QString &language)
    {
        // English day and month names that the language does not write the same way.
        const QLocale english(QLocale::English, QLocale::UnitedKingdom);
        const QLocale local = UiLanguage::locale(language);
        QSet<QString> names;
        for (int i = 1; i <= 12; ++i) {
            if (english.monthName(i) != local.monthName(i)) {
                names.insert(english.monthName(i));
            }
        }
        for (int i = 1; i <= 7; ++i) {
            names.insert(english.dayName(i));
            names.insert(english.dayName(i, QLocale::ShortFormat));
        }
        // Abbreviated months ("Nov") where the language abbreviates otherwise (German "Nov." is the same).
        for (int i = 1; i <= 12; ++i) {
            const QString shortName = english.monthName(i, QLocale::ShortFormat);
            if (QString(local.monthName(i, QLocale::ShortFormat)).remove(u'.') != shortName) {
                names.insert(shortName);
            }
        }
        // Codes of the store and the back ends, as they would show unnamed.
        static const QSet<QString> codes = {u"partijen"_s,
                                            u"klantcontacten"_s,
                                            u"internetaken"_s,
                                            u"ldes"_s,
                                            u"counter_visit"_s,
                                            u"phone_call"_s,
                                            u"sign_in"_s,
                                            u"audit_review"_s,
                                            u"account_management"_s,
                                            u"profile_opened"_s,
                                            u"general"_s,
                                            u"newsletter"_s,
                                            u"digital_communication"_s};
        QStringList found;
        static const QRegularExpression word(u"\\b[\\w_]+\\b"_s);
        for (const QString &text : visibleTexts(window)) {
            if (sources.contains(text)) {
                found.append(u"“%1” (an English source string)"_s.arg(text));
                continue;
            }
            for (auto it = word.globalMatch(text); it.hasNext();) {
                const QString w = it.next().captured();
                if (names.contains(w) || codes.contains(w)) {
                    found.append(u"“%1” in “%2”"_s.arg(w, text));
                }
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase() { KLocalizedString::setApplicationDomain("citizen360"); }
    void cleanupTestCase() { UiLanguage::apply({u"en_US"_s}); }

    void everyWindowInOneLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("nl") << u"nl"_s;
        QTest::newRow("fr") << u"fr"_s;
        QTest::newRow("de") << u"de"_s;
    }

    void everyWindowInOneLanguage()
    {
        QFETCH(QString, language);
        const UiLanguage::Choice choice = UiLanguage::apply({language});
        QCOMPARE(choice.language, language);
        QVERIFY(choice.missing.isEmpty());
        const QSet<QString> sources = translatedSources(qEnvironmentVariable("C360_SOURCE_DIR") + u"/translations/"_s + language + u".po"_s);
        QVERIFY2(sources.size() > 300, qPrintable(QString::number(sources.size())));
        QVERIFY(sources.contains(u"Register Contact…"_s)); // a string of the window, for a start
        QCOMPARE(QLocale().language(), QLocale(language).language()); // formats follow the language

        // A store with a citizen who has a report, a request and a product, and a day of audit entries.
        Test::TempStore store;
        Database &db = store.open();
        AuditService audit(db, key);
        AccountService accounts(audit, PasswordHash::Cost::Light);
        QVERIFY(accounts.createFirstAdministrator(u"beheer"_s, u"Dana Eeckhout"_s, u"beheerder-wachtwoord"_s, u"balie-3"_s));
        const StaffMember clerk{u"an.balie"_s, Role::CounterClerk, u"balie-3"_s};
        const StaffMember supervisor{u"els.toezicht"_s, Role::Supervisor, u"toezicht-1"_s};
        Citizen lotte = Test::CitizenBuilder()
                            .withName(u"Lotte"_s, u"Claes"_s)
                            .bornOn(QDate(1979, 4, 2))
                            .withNationalNumber(45)
                            .livingAt(u"Veldstraat"_s, u"8"_s, u"9000"_s, u"Gent"_s)
                            .withConsent(ConsentTopic::Newsletter, true, QDate(2025, 1, 1))
                            .build();
        lotte.channelPreferences.append({u"general"_s, Channel::Email}); // the back end's "no topic in particular"
        const qint64 citizen = CitizenRepository(db).insert(lotte).value_or(0);
        QVERIFY(citizen);
        Report report;
        report.source = {u"open311"_s, u"r-1"_s};
        report.citizenId = citizen;
        report.serviceName = u"Straatverlichting"_s;
        report.description = u"Lamp stuk"_s;
        report.requested = store.clock().now().addDays(-3);
        QVERIFY(ReportRepository(db).upsertBySource(report));
        CatalogueEntry entry;
        entry.productId = u"p-1"_s;
        entry.name = {{u"nl"_s, u"Bewonerskaart"_s}, {u"fr"_s, u"Carte de riverain"_s}, {u"de"_s, u"Anwohnerausweis"_s}};
        entry.conditions = {{u"nl"_s, u"U woont in de zone."_s}, {u"fr"_s, u"Vous habitez la zone."_s}, {u"de"_s, u"Sie wohnen in der Zone."_s}};
        QVERIFY(CatalogueRepository(db).upsertByProductId(entry));
        CaseService cases(audit);
        RequestService requests(audit);
        CatalogueService catalogue(audit);
        Request request;
        request.citizenId = citizen;
        request.question = u"Is mijn attest klaar?"_s;
        request.assignee = {AssigneeKind::Person, clerk.name};
        request.deadline = store.clock().now().addDays(2);
        QVERIFY(requests.createRequest(clerk, Purpose{u"counter_visit"_s, QString()}, request));
        SearchWorker worker(store.path(), key, store.clock());

        QSettings backing(m_dir.filePath(u"scan.ini"_s), QSettings::IniFormat);
        Settings settings(&backing);
        QStringList problems;
        auto scan = [&](QWidget *window, const QString &name) {
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            for (const QString &p : englishIn(window, sources, language)) {
                problems.append(name + u": "_s + p);
            }
        };
        {
            MainWindow window(settings);
            CasePresenter presenter(window, cases, requests, catalogue, worker, clerk, store.clock());
            window.setSignedIn(clerk);
            SyncStatusModel status;
            ResourceStats stats;
            stats.inserted = 12;
            for (const auto &[source, resource] : {std::pair{u"openklant"_s, u"partijen"_s}, {u"ipdc"_s, u"ldes"_s}, {u"open311"_s, u"requests"_s}}) {
                SyncStatusRow row; // as the sync presenter makes it
                row.source = source;
                row.resource = resource;
                row.sourceName = SyncMessages::sourceName(source);
                row.resourceName = SyncMessages::resourceName(resource);
                row.state = SyncStatusRow::State::Succeeded;
                row.lastSuccess = store.clock().now();
                row.message = SyncMessages::summary(source, resource, stats);
                row.inserted = stats.inserted;
                status.upsert(row);
            }
            window.setSyncStatusModel(&status);
            window.syncDock()->show();
            QVERIFY(presenter.openCase(citizen, Purpose{u"counter_visit"_s, QString()}));
            presenter.refreshWorklist();
            window.worklistDock()->show();
            scan(&window, u"main window"_s);
            window.worklistDock()->raise();
            scan(&window, u"main window (worklist)"_s);

            PurposeModel purposes;
            purposes.setChoices(standardPurposes());
            PurposeDialog purpose(&purposes, u"Lotte Claes"_s, u"counter_visit"_s, &window);
            scan(&purpose, u"purpose dialog"_s);
            ContactDialog contact(ContactMoment{}, &window);
            scan(&contact, u"contact dialog"_s);
            RequestDialog newRequest(store.clock().now(), 30, {{AssigneeKind::Team, u"Burgerzaken"_s}}, &window);
            scan(&newRequest, u"request dialog"_s);
        }
        {
            SignInDialog signIn(accounts, u"balie-3"_s);
            scan(&signIn, u"sign-in dialog"_s);
            FirstRunDialog firstRun(accounts, u"balie-3"_s);
            scan(&firstRun, u"first-run dialog"_s);
            LockDialog lock(accounts, clerk, 5, nullptr);
            scan(&lock, u"lock dialog"_s);
        }
        {
            QVERIFY(cases.open(clerk, citizen, Purpose{u"phone_call"_s, QString()}));
            AuditQueryService query(audit);
            PrivacyService privacy(audit);
            AuditWindow window(query, privacy, cases, supervisor, store.clock());
            QVERIFY(window.refresh());
            scan(&window, u"audit window"_s);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    }
};

QTEST_MAIN(TestLanguageScan)
#include "tst_languagescan.moc"
