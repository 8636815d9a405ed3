// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The case view with cases (zaken) from the case system: their rows, the *Cases* filter, the
// badge, the details, and the link to the case system, offered for a case only and followed only
// to a web address.

#include "caseview.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime now(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);

Zaak zaak(qint64 id, const QString &url, const QDate &deadline)
{
    Zaak z;
    z.id = id;
    z.identification = u"ZAAK-2026-%1"_s.arg(id, 7, 10, QLatin1Char('0'));
    z.typeName = u"Evenementenvergunning"_s;
    z.description = u"buurtfeest"_s;
    z.started = QDate(2026, 2, 1);
    z.deadline = deadline;
    z.statusName = u"Advies politie en brandweer"_s;
    z.statusSet = now.addDays(-2);
    z.statuses = {{u"Aanvraag ontvangen"_s, now.addDays(-37), {}, false}, {z.statusName, z.statusSet, {}, false}};
    z.url = url;
    return z;
}
} // namespace

class TestCaseView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void casesAreShownAndLinkToTheCaseSystem()
    {
        CaseFile file;
        file.citizen.id = 3;
        file.citizen.givenNames = u"Lotte"_s;
        file.citizen.familyName = u"Maes"_s;
        Report report;
        report.id = 5;
        report.citizenId = 3;
        report.serviceName = u"Zwerfvuil"_s;
        report.requested = now.addDays(-1);
        file.reports = {report};
        const QString web = u"https://zaken.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef"_s;
        file.zaken = {zaak(1, web, QDate(2026, 3, 1)), zaak(2, u"javascript:alert(1)"_s, QDate(2026, 4, 1)), zaak(3, QString(), QDate(2026, 4, 2))};

        CaseView view;
        view.resize(1000, 700);
        view.setCase(file, now);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto *badges = view.findChild<QLabel *>(u"CaseBadges"_s);
        QVERIFY(badges);
        QVERIFY2(badges->text().contains(u"3 open cases (1 past its legal deadline)"_s), qPrintable(badges->text()));
        const QList<QComboBox *> kinds = view.findChildren<QComboBox *>();
        bool hasCasesFilter = false;
        for (QComboBox *box : kinds) {
            hasCasesFilter = hasCasesFilter || box->findData(int(ItemKind::Case)) >= 0;
        }
        QVERIFY(hasCasesFilter);

        auto *open = view.findChild<QPushButton *>(u"OpenCaseButton"_s);
        QVERIFY(open);
        QSignalSpy links(&view, &CaseView::caseSystemLinkRequested);

        view.selectItem(ItemKind::Report, 5);
        QVERIFY(!open->isVisible()); // a report has no case system

        view.selectItem(ItemKind::Case, 1);
        QVERIFY(open->isVisible());
        QVERIFY(open->isEnabled());
        auto *details = view.findChild<QTextBrowser *>(u"ItemDetails"_s);
        QVERIFY(details->toPlainText().contains(u"ZAAK-2026-0000001"_s));
        QVERIFY(details->toPlainText().contains(u"past the legal deadline"_s));
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().first().toUrl(), QUrl(web));

        // An address that is not a web page is not followed; without one there is nothing to open.
        view.selectItem(ItemKind::Case, 2);
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(links.size(), 1);
        view.selectItem(ItemKind::Case, 3);
        QVERIFY(open->isVisible());
        QVERIFY(!open->isEnabled());
    }
};

QTEST_MAIN(TestCaseView)
#include "tst_caseview.moc"
