// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "screenshottour.h"

#include "case/catalogueservice.h"
#include "casepresenter.h"
#include "caseview.h"
#include "cataloguemodel.h"
#include "cataloguepanel.h"
#include "mainwindow.h"
#include "store/database.h"
#include "store/statement.h"
#include "worklistmodel.h"
#include "worklistpanel.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QLineEdit>
#include <QTextStream>
#include <QTimer>

namespace C360
{

bool saveScreenshot(QWidget &window, const QString &directory, const QString &name)
{
    QCoreApplication::processEvents();
    const QString file = QDir(directory).absoluteFilePath(name);
    if (!window.grab().save(file)) {
        QTextStream(stderr) << i18nc("@info:shell", "Cannot write the screenshot %1.", QDir::toNativeSeparators(file)) << Qt::endl;
        return false;
    }
    QTextStream(stdout) << file << Qt::endl;
    return true;
}

namespace
{
// Waits for presenter's next search result (at most 30 s).
bool waitForSearch(CasePresenter &presenter)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&presenter, &CasePresenter::searchFinished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(std::chrono::seconds(30), &loop, &QEventLoop::quit);
    loop.exec();
    return done;
}

QString firstString(Database &db, const QString &sql)
{
    Statement q(db, sql);
    if (!q.exec({}) || !q.next()) {
        return {};
    }
    return q.value(0).toString();
}
} // namespace

int runScreenshotTour(
    MainWindow &window, CasePresenter &presenter, CatalogueService &catalogue, Database &db, const StaffMember &staff, const QString &directory, bool ownLogin)
{
    if (!QDir().mkpath(directory)) {
        QTextStream(stderr) << i18nc("@info:shell", "Cannot create the screenshot folder %1.", QDir::toNativeSeparators(directory)) << Qt::endl;
        return 1;
    }
    QObject::connect(&presenter, &CasePresenter::problem, &window, [](const QString &message) {
        QTextStream(stderr) << message << Qt::endl;
    });
    window.show();
    if (!saveScreenshot(window, directory, QStringLiteral("main.png"))) {
        return 1;
    }
    if (!staff.isValid()) {
        return 0; // nobody signed in: nothing else may be shown
    }

    // On a staff member's own login (scripts/start --shared), the worklist's first citizen.
    qint64 listed = 0;
    QString listedFamily;
    if (ownLogin) {
        for (const WorklistItem &item : window.worklistPanel()->model()->items()) {
            if (item.citizenId) {
                listed = item.citizenId;
                listedFamily = item.citizenName.section(QLatin1Char(' '), -1);
                break;
            }
        }
    }
    // A common family name, typed as a clerk would.
    const QString family = ownLogin
        ? listedFamily
        : firstString(db, QStringLiteral("SELECT family_name FROM citizens GROUP BY family_name ORDER BY COUNT(*) DESC, family_name LIMIT 1"));
    if (family.size() < 2) {
        return 0; // an empty store: the window is all there is to show
    }
    window.searchField()->setText(family);
    presenter.search(family);
    waitForSearch(presenter);
    if (!saveScreenshot(window, directory, QStringLiteral("search.png"))) {
        return 1;
    }

    // A citizen with reports, contacts and requests, and an open case (zaak) where there is one; the
    // clerk links a product to the case, and the case's details are shown.
    const qint64 citizen = ownLogin
        ? listed
        : firstString(db,
                      QStringLiteral("SELECT c.id FROM citizens c WHERE EXISTS (SELECT 1 FROM reports r WHERE r.citizen_id = c.id) AND EXISTS (SELECT 1 FROM "
                                     "contact_moments m WHERE m.citizen_id = c.id) AND EXISTS (SELECT 1 FROM requests q WHERE q.citizen_id = c.id) "
                                     "ORDER BY EXISTS (SELECT 1 FROM cases k WHERE k.citizen_id = c.id AND k.ended_on IS NULL) DESC, "
                                     "(SELECT COUNT(*) FROM requests q WHERE q.citizen_id = c.id) DESC, c.id LIMIT 1"))
              .toLongLong();
    const qint64 product = firstString(db, QStringLiteral("SELECT id FROM catalogue_entries ORDER BY id LIMIT 1")).toLongLong();
    const Purpose purpose{QStringLiteral("counter_visit"), QString()};
    if (citizen == 0) {
        // A store of real or partial data: the pictures it can give.
        QTextStream(stderr) << i18nc("@info:shell", "No citizen in this store has reports, contacts and requests: no case.png and catalogue.png.") << Qt::endl;
        return 0;
    }
    if (!presenter.openCase(citizen, purpose)) {
        return 1; // the presenter's problem() said why
    }
    if (product != 0 && catalogue.linkCatalogue(staff, purpose, citizen, product)) {
        presenter.reloadCase();
    }
    for (const Zaak &z : presenter.caseView()->caseFile().zaken) {
        if (z.isOpen()) {
            presenter.caseView()->selectItem(ItemKind::Case, z.id);
            break;
        }
    }
    QCoreApplication::processEvents();
    if (!saveScreenshot(window, directory, QStringLiteral("case.png"))) {
        return 1;
    }

    // The suggestions for the case with their reasons; a search when the case has none.
    window.showCatalogue(QString());
    QCoreApplication::processEvents();
    if (window.cataloguePanel()->model()->rowCount() == 0) {
        window.showCatalogue(QStringLiteral("identiteitskaart"));
        QCoreApplication::processEvents();
    }
    return saveScreenshot(window, directory, QStringLiteral("catalogue.png")) ? 0 : 1;
}

} // namespace C360
