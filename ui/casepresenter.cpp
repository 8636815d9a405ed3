// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "casepresenter.h"

#include "audit/accesspolicy.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "case/searchservice.h"
#include "case/searchworker.h"
#include "casedialogs.h"
#include "caseview.h"
#include "caseworkspace.h"
#include "cataloguepanel.h"
#include "common/clock.h"
#include "purposemodel.h"
#include "purposes.h"
#include "searchresultmodel.h"
#include "worklistmodel.h"
#include "worklistpanel.h"

#include <KLocalizedString>

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QTextDocument>
#include <QTreeView>
#include <QtPrintSupport/QPrintDialog>
#include <QtPrintSupport/QPrinter>

namespace C360
{

CasePresenter::CasePresenter(CaseWorkspace &window,
                             CaseService &cases,
                             RequestService &requests,
                             CatalogueService &catalogue,
                             SearchWorker &searchWorker,
                             const StaffMember &staff,
                             Clock &clock,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_cases(cases)
    , m_requests(requests)
    , m_catalogue(catalogue)
    , m_search(searchWorker)
    , m_staff(staff)
    , m_clock(clock)
    , m_results(new SearchResultModel(this))
    , m_purposes(new PurposeModel(this))
    , m_caseView(new CaseView(window.dialogParent()))
{
    m_purposes->setChoices(standardPurposes());
    m_window.searchResults()->setModel(m_results);
    m_window.setCaseView(m_caseView);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(SearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, [this] {
        search(m_window.searchField()->text());
    });
    connect(m_window.searchField(), &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_window.searchField(), &QLineEdit::returnPressed, this, [this] {
        // Enter: search at once; with one result (or one chosen), open it.
        if (m_searchDelay.isActive()) {
            m_searchDelay.stop();
            search(m_window.searchField()->text());
        }
        QModelIndex chosen = m_window.searchResults()->currentIndex();
        if (!chosen.isValid() && m_results->rowCount() == 1) {
            chosen = m_results->index(0);
        }
        if (chosen.isValid()) {
            requestOpen(chosen.data(SearchResultModel::CitizenIdRole).toLongLong());
        } else if (m_results->rowCount() > 0) {
            m_window.searchResults()->setFocus(Qt::TabFocusReason);
            m_window.searchResults()->setCurrentIndex(m_results->index(0));
        }
    });
    connect(m_window.searchResults(), &QListView::activated, this, [this](const QModelIndex &index) {
        requestOpen(index.data(SearchResultModel::CitizenIdRole).toLongLong());
    });
    connect(&m_search, &SearchWorker::found, this, &CasePresenter::onFound);
    connect(&m_search, &SearchWorker::failed, this, [this](quint64 generation, const QString &message) {
        if (generation == m_generation) {
            showProblem(message);
        }
    });

    CataloguePanel *cataloguePanel = m_window.cataloguePanel();
    connect(cataloguePanel, &CataloguePanel::searchRequested, this, &CasePresenter::searchCatalogue);
    connect(cataloguePanel, &CataloguePanel::linkRequested, this, [this](qint64 entryId) {
        const QList<LinkedCatalogueEntry> &linked = m_caseView->caseFile().catalogue;
        if (std::any_of(linked.cbegin(), linked.cend(), [entryId](const LinkedCatalogueEntry &l) {
                return l.entry.id == entryId;
            })) {
            m_caseView->selectItem(ItemKind::CatalogueEntry, entryId);
            showProblem(i18nc("@info", "This product is already linked to the case."));
            return;
        }
        if (m_openCitizen && succeeded(m_catalogue.linkCatalogue(m_staff, m_purpose, m_openCitizen, entryId))) {
            reloadCase();
            m_caseView->selectItem(ItemKind::CatalogueEntry, entryId);
            Q_EMIT changed();
        }
    });
    connect(m_window.worklistPanel(), &WorklistPanel::scopeChanged, this, &CasePresenter::refreshWorklist);
    connect(m_window.worklistPanel(), &WorklistPanel::openRequested, this, [this](qint64 citizenId, qint64 requestId) {
        m_pendingRequest = requestId;
        QString name;
        for (const WorklistItem &item : m_window.worklistPanel()->model()->items()) {
            if (item.requestId == requestId) {
                name = item.citizenName;
            }
        }
        requestOpen(citizenId, OpenedFrom::Worklist, name);
    });
    connect(this, &CasePresenter::changed, this, &CasePresenter::refreshWorklist);
    connect(this, &CasePresenter::caseOpened, this, [this] {
        if (m_pendingRequest) {
            m_caseView->selectItem(ItemKind::Request, std::exchange(m_pendingRequest, 0));
        }
    });
    connect(m_window.newContactAction(), &QAction::triggered, this, &CasePresenter::newContact);
    connect(m_window.newRequestAction(), &QAction::triggered, this, &CasePresenter::newRequest);
    connect(m_window.printCaseAction(), &QAction::triggered, this, &CasePresenter::print);
    connect(m_caseView, &CaseView::revealRequested, this, &CasePresenter::reveal);
    connect(m_caseView, &CaseView::caseSystemLinkRequested, this, [this](const QUrl &url) {
        if (!QDesktopServices::openUrl(url)) {
            QMessageBox::warning(m_window.dialogParent(),
                                 i18nc("@title:window", "Case System"),
                                 i18nc("@info", "The web browser could not be started. The case is at: %1", url.toDisplayString()));
        }
    });
    connect(m_caseView, &CaseView::supplementRequested, this, [this](qint64 requestId) {
        supplement(requestId);
    });
    connect(m_caseView, &CaseView::answerRequested, this, [this](qint64 requestId) {
        answer(requestId);
    });
    connect(m_caseView, &CaseView::closeRequested, this, [this](qint64 requestId) {
        close(requestId);
    });
    connect(m_caseView, &CaseView::reopenRequested, this, &CasePresenter::reopen);
    connect(m_caseView, &CaseView::assignRequested, this, [this](qint64 requestId) {
        assign(requestId);
    });
    connect(m_caseView, &CaseView::matchDecided, this, &CasePresenter::decideMatch);
}

CasePresenter::~CasePresenter() = default;

void CasePresenter::search(const QString &text)
{
    m_search.search(++m_generation, m_staff, text);
}

void CasePresenter::onFound(quint64 generation, const SearchResult &result)
{
    if (m_results->setHits(generation, result.hits)) {
        const QString summary = searchSummary(result, m_window.searchField()->text());
        m_window.searchSummary()->setText(summary);
        m_window.searchSummary()->setVisible(!summary.isEmpty());
        Q_EMIT searchFinished(int(result.hits.size()));
    }
}

QString CasePresenter::searchSummary(const SearchResult &result, const QString &typed)
{
    if (typed.trimmed().isEmpty()) {
        return {};
    }
    if (result.tooShort) {
        return i18nc("@info", "Type at least two letters, or a number, a birth date or a postcode.");
    }
    if (result.matches == 0) {
        return i18nc("@info", "No citizen found. Check the spelling, or search by birth date, number or postcode.");
    }
    if (!result.isCut()) {
        return i18ncp("@info", "%1 citizen found", "%1 citizens found", result.hits.size());
    }
    QString narrow;
    switch (result.kind) {
    case SearchKind::Name:
        narrow = i18nc("@info how to narrow a name search", "add a first name or a birth year");
        break;
    case SearchKind::Address:
        narrow = i18nc("@info how to narrow an address search", "add the house number");
        break;
    default:
        narrow = i18nc("@info how to narrow a search", "type more of it");
        break;
    }
    const QLocale locale;
    if (result.isCountCapped()) {
        return i18nc("@info; %1 and %2 numbers, %3 how to narrow the search",
                     "Showing %1 of more than %2 — %3",
                     locale.toString(result.hits.size()),
                     locale.toString(SearchResult::CountCap),
                     narrow);
    }
    return i18nc("@info; %1 and %2 numbers, %3 how to narrow the search",
                 "Showing %1 of %2 — %3",
                 locale.toString(result.hits.size()),
                 locale.toString(result.matches),
                 narrow);
}

void CasePresenter::showProblem(const QString &message)
{
    m_window.showStatus(message, 15000);
    Q_EMIT problem(message);
}

template<typename Result>
bool CasePresenter::succeeded(const Result &result)
{
    if (result) {
        return true;
    }
    showProblem(result.error().message);
    return false;
}

QString CasePresenter::suggestedPurpose(OpenedFrom from) const
{
    if (from == OpenedFrom::Worklist) {
        return QStringLiteral("request_follow_up");
    }
    const auto query = SearchService::classify(m_window.searchField()->text());
    if ((query && query->kind == SearchKind::Phone) || m_staff.role == Role::CallCentreAgent) {
        return QStringLiteral("phone_call");
    }
    if (m_staff.role == Role::CounterClerk) {
        return QStringLiteral("counter_visit");
    }
    return {};
}

void CasePresenter::requestOpen(qint64 citizenId, OpenedFrom from, const QString &listedName)
{
    if (citizenId == 0) {
        return;
    }
    if (citizenId == m_runningCitizen && !m_purpose.isEmpty()) {
        openCase(citizenId, m_purpose);
        return;
    }
    QString name = listedName;
    for (const SearchHit &hit : m_results->hits()) {
        if (name.isEmpty() && hit.citizenId == citizenId) {
            name = hit.givenNames + QLatin1Char(' ') + hit.familyName;
        }
    }
    auto *dialog = new PurposeDialog(m_purposes, name.trimmed(), suggestedPurpose(from), m_window.dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, citizenId] {
        openCase(citizenId, dialog->purpose());
    });
    dialog->open();
}

bool CasePresenter::openCase(qint64 citizenId, const Purpose &purpose)
{
    auto file = m_cases.open(m_staff, citizenId, purpose);
    if (!succeeded(file)) {
        return false;
    }
    m_purpose = purpose;
    m_runningCitizen = citizenId;
    m_openCitizen = citizenId;
    m_caseView->setCase(*file, m_clock.now());
    m_window.showCase(true);
    m_window.cataloguePanel()->setCaseOpen(true);
    if (m_window.cataloguePanel()->searchField()->text().trimmed().isEmpty()) {
        searchCatalogue({});
    }
    m_caseView->timeline()->setFocus(Qt::OtherFocusReason);
    Q_EMIT caseOpened(citizenId);
    return true;
}

void CasePresenter::endContact()
{
    // The dialogs of the contact close first: what they hold is this contact's (a contact being
    // typed keeps its draft when its dialog closes).
    const QList<QDialog *> dialogs = m_window.dialogParent()->findChildren<QDialog *>(Qt::FindDirectChildrenOnly);
    for (QDialog *dialog : dialogs) {
        if (dialog->isVisible() && (qobject_cast<FormDialog *>(dialog) || qobject_cast<PurposeDialog *>(dialog) || qobject_cast<QInputDialog *>(dialog))) {
            dialog->reject();
        }
    }
    if (m_runningCitizen && !m_purpose.isEmpty()) {
        succeeded(m_cases.endContact(m_staff, m_runningCitizen, m_purpose)); // a failure is said; the screen clears all the same
    }
    m_purpose = {};
    m_runningCitizen = 0;
    m_openCitizen = 0;
    m_pendingRequest = 0;
    m_closedNow.clear();
    m_caseView->setReopenable({});
    m_caseView->setCase(CaseFile{}, m_clock.now());
    m_window.showCase(false);
    CataloguePanel *catalogue = m_window.cataloguePanel();
    catalogue->setCaseOpen(false);
    {
        const QSignalBlocker quiet(catalogue->searchField());
        catalogue->searchField()->clear();
    }
    catalogue->setEntries({});
    // The search starts empty, and an answer on its way is not shown.
    m_searchDelay.stop();
    {
        const QSignalBlocker quiet(m_window.searchField());
        m_window.searchField()->clear();
    }
    m_results->setHits(++m_generation, {});
    m_window.searchSummary()->clear();
    m_window.searchSummary()->hide();
    Q_EMIT contactEnded();
}

void CasePresenter::setStaff(const StaffMember &staff)
{
    endContact();
    m_staff = staff;
    m_window.worklistPanel()->model()->setItems({}, m_clock.now());
    if (AccessPolicy::allows(staff.role, Operation::ViewWorklist)) {
        refreshWorklist();
    }
}

void CasePresenter::searchCatalogue(const QString &text)
{
    const QString language = QLocale().name().left(2);
    if (text.trimmed().isEmpty()) {
        // Nothing typed: what relates to the open case.
        if (m_openCitizen == 0) {
            m_window.cataloguePanel()->setEntries({});
            return;
        }
        if (auto suggested = m_catalogue.suggestions(m_caseView->caseFile(), language); succeeded(suggested)) {
            QList<CatalogueEntry> entries;
            QHash<qint64, QString> reasons;
            for (const CatalogueSuggestion &s : std::as_const(*suggested)) {
                entries.append(s.entry);
                reasons.insert(s.entry.id, s.reason);
            }
            m_window.cataloguePanel()->setEntries(entries, reasons);
        }
        return;
    }
    if (auto found = m_catalogue.searchCatalogue(text, language); succeeded(found)) {
        m_window.cataloguePanel()->setEntries(*found);
    }
}

void CasePresenter::refreshWorklist()
{
    WorklistPanel *panel = m_window.worklistPanel();
    if (auto items = m_requests.worklist(m_staff, panel->includesTeam() ? m_staff.team : QString()); succeeded(items)) {
        panel->model()->setItems(*items, m_clock.now());
    }
}

void CasePresenter::reloadCase()
{
    if (m_openCitizen == 0) {
        return;
    }
    if (auto file = m_cases.open(m_staff, m_openCitizen, m_purpose); succeeded(file)) {
        m_caseView->setCase(*file, m_clock.now());
        // A close made in this contact can be undone while it has not reached the back end.
        QSet<qint64> reopenable;
        for (const qint64 id : std::as_const(m_closedNow)) {
            if (auto can = m_requests.canReopen(id); can && *can) {
                reopenable.insert(id);
            }
        }
        m_caseView->setReopenable(reopenable);
    }
}

void CasePresenter::dropPurged(const QList<qint64> &requestIds, const QList<qint64> &citizenIds)
{
    if (m_openCitizen != 0 && citizenIds.contains(m_openCitizen)) {
        // Without reading the case again: what went is taken out of what is shown.
        CaseFile file = m_caseView->caseFile();
        const auto gone = std::remove_if(file.requests.begin(), file.requests.end(), [&requestIds](const Request &r) {
            return requestIds.contains(r.id);
        });
        if (gone != file.requests.end()) {
            file.requests.erase(gone, file.requests.end());
            for (ContactMoment &c : file.contacts) {
                c.links.removeIf([&requestIds](const ItemLink &l) {
                    return l.kind == ItemKind::Request && requestIds.contains(l.id);
                });
            }
            m_caseView->setCase(file, m_clock.now());
        }
    }
    refreshWorklist();
}

void CasePresenter::newContact()
{
    if (m_openCitizen == 0) {
        return;
    }
    ContactMoment start;
    start.citizenId = m_openCitizen;
    start.channel = contactChannel();
    if (auto draft = m_cases.draft(m_staff, m_openCitizen); succeeded(draft) && *draft) {
        start = **draft; // what was typed before a crash or a closed window
        start.citizenId = m_openCitizen;
    }
    offerContact(start);
}

void CasePresenter::offerContact(const ContactMoment &start)
{
    auto *dialog = new ContactDialog(start, m_window.dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ContactDialog::draftChanged, this, [this](const ContactMoment &contact) {
        (void)succeeded(m_cases.saveDraft(m_staff, contact));
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ContactMoment typed = dialog->contact();
        const auto id = m_cases.registerContact(m_staff, m_purpose, typed);
        if (offeredAgain(id)) {
            offerContact(typed);
        } else if (succeeded(id)) {
            m_window.showStatus(i18nc("@info:status", "Contact registered."), 5000);
            reloadCase();
            m_caseView->selectItem(ItemKind::ContactMoment, *id); // the row it made
            Q_EMIT changed();
        }
    });
    dialog->open();
}

void CasePresenter::newRequest()
{
    offerRequest(std::nullopt);
}

void CasePresenter::offerRequest(const std::optional<Request> &typed)
{
    if (m_openCitizen == 0) {
        return;
    }
    auto known = m_requests.assignees(m_staff, m_staff.team);
    if (!succeeded(known)) {
        return;
    }
    QList<Assignee> assignees = *known;
    for (const Request &r : m_caseView->caseFile().requests) {
        const bool listed = std::any_of(assignees.cbegin(), assignees.cend(), [&r](const Assignee &a) {
            return a.name.compare(r.assignee.name, Qt::CaseInsensitive) == 0;
        });
        if (!r.assignee.isEmpty() && !listed) {
            assignees.append(r.assignee);
        }
    }
    auto *dialog = new RequestDialog(m_clock.now(), m_requests.retentionDays(), assignees, m_window.dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (typed) {
        dialog->setRequest(*typed);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Request request = dialog->request();
        request.citizenId = m_openCitizen;
        const auto id = m_requests.createRequest(m_staff, m_purpose, request, 0, contactChannel());
        if (offeredAgain(id)) {
            offerRequest(request);
        } else if (succeeded(id)) {
            m_window.showStatus(i18nc("@info:status", "Request created."), 5000);
            reloadCase();
            m_caseView->selectItem(ItemKind::Request, *id);
            Q_EMIT changed();
        }
    });
    dialog->open();
}

Channel CasePresenter::contactChannel() const
{
    return m_purpose.code == QLatin1String("phone_call") ? Channel::Phone : Channel::Counter;
}

namespace
{
// A dialog's label, after the reason it came back when it did.
QString labelAfter(const QString &refusal, const QString &label)
{
    return refusal.isEmpty() ? label : refusal + QStringLiteral("\n\n") + label;
}
} // namespace

void CasePresenter::supplement(qint64 requestId, const QString &typed, const QString &refusal)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        m_window.dialogParent(), i18nc("@title:window", "Supplement"), labelAfter(refusal, i18nc("@label:textbox", "What the citizen adds:")), typed, &ok);
    if (!ok) {
        return;
    }
    const auto added = m_requests.supplementRequest(m_staff, m_purpose, requestId, text, contactChannel());
    if (offeredAgain(added)) {
        supplement(requestId, text, added.error().message);
    } else if (succeeded(added)) {
        reloadCase();
        m_caseView->selectItem(ItemKind::Request, requestId);
        Q_EMIT changed();
    }
}

SeenRequest CasePresenter::seenRequest(qint64 requestId) const
{
    for (const Request &r : m_caseView->caseFile().requests) {
        if (r.id == requestId) {
            return r;
        }
    }
    return requestId;
}

template<typename Result>
bool CasePresenter::offeredAgain(const Result &result, qint64 requestId)
{
    if (result || (result.error().kind != ServiceError::Kind::Changed && result.error().kind != ServiceError::Kind::Store)) {
        return false;
    }
    if (result.error().kind == ServiceError::Kind::Changed) {
        reloadCase();
        m_caseView->selectItem(ItemKind::Request, requestId);
    }
    showProblem(result.error().message);
    return true;
}

void CasePresenter::answer(qint64 requestId, const QString &typed, const QString &refusal)
{
    const SeenRequest seen = seenRequest(requestId);
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        m_window.dialogParent(), i18nc("@title:window", "Answer"), labelAfter(refusal, i18nc("@label:textbox", "The answer:")), typed, &ok);
    if (!ok) {
        return;
    }
    const auto answered = m_requests.answerRequest(m_staff, m_purpose, seen, text, contactChannel());
    if (offeredAgain(answered, requestId)) {
        answer(requestId, text, answered.error().message);
    } else if (succeeded(answered)) {
        reloadCase();
        m_caseView->selectItem(ItemKind::Request, requestId);
        Q_EMIT changed();
    }
}

void CasePresenter::close(qint64 requestId, const QString &typed, const QString &refusal)
{
    const SeenRequest seen = seenRequest(requestId);
    auto *dialog = new QInputDialog(m_window.dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("CloseReasonDialog"));
    dialog->setWindowTitle(i18nc("@title:window", "Close Request"));
    dialog->setLabelText(labelAfter(refusal, i18nc("@label:textbox", "Why is it closed? (kept with the request)")));
    dialog->setOkButtonText(i18nc("@action:button", "C&lose Request"));
    dialog->setTextValue(typed);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, seen, requestId](const QString &reason) {
        if (reason.trimmed().isEmpty()) {
            showProblem(i18nc("@info", "The request was not closed: say why it is closed."));
            return;
        }
        const auto closed = m_requests.closeRequest(m_staff, m_purpose, seen, reason);
        if (offeredAgain(closed, requestId)) {
            close(requestId, reason, closed.error().message);
        } else if (succeeded(closed)) {
            m_closedNow.insert(requestId);
            reloadCase();
            m_caseView->selectItem(ItemKind::Request, requestId);
            m_window.showStatus(i18nc("@info:status", "Request closed. “Undo Close” opens it again until the close has been sent."), 10000);
            Q_EMIT changed();
        }
    });
    dialog->open();
}

void CasePresenter::reopen(qint64 requestId)
{
    const auto reopened = m_requests.reopenRequest(m_staff, m_purpose, seenRequest(requestId));
    if (offeredAgain(reopened, requestId)) {
        return; // nothing typed: the refusal says what happened
    }
    if (succeeded(reopened)) {
        m_closedNow.remove(requestId);
        reloadCase();
        m_caseView->selectItem(ItemKind::Request, requestId);
        m_window.showStatus(i18nc("@info:status", "Request opened again."), 5000);
        Q_EMIT changed();
    }
}

void CasePresenter::assign(qint64 requestId, const QString &typed, const QString &refusal)
{
    const SeenRequest seen = seenRequest(requestId);
    auto known = m_requests.assignees(m_staff, m_staff.team);
    if (!succeeded(known)) {
        return;
    }
    // Teams first, then people, each in name order, apart; the request's own assignee chosen.
    QList<Assignee> teams;
    QList<Assignee> people;
    for (const Assignee &a : std::as_const(*known)) {
        (a.kind == AssigneeKind::Team ? teams : people).append(a);
    }
    auto byName = [](const Assignee &a, const Assignee &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    };
    std::sort(teams.begin(), teams.end(), byName);
    std::sort(people.begin(), people.end(), byName);
    QStringList names;
    for (const Assignee &a : std::as_const(teams)) {
        names.append(a.name);
    }
    for (const Assignee &a : std::as_const(people)) {
        names.append(a.name);
    }
    QString current = typed;
    for (const Request &r : m_caseView->caseFile().requests) {
        current = r.id == requestId && typed.isEmpty() ? r.assignee.name : current;
    }
    auto *dialog = new QInputDialog(m_window.dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("AssignDialog"));
    dialog->setWindowTitle(i18nc("@title:window", "Assign"));
    dialog->setLabelText(labelAfter(refusal, i18nc("@label:listbox", "Team or staff member (a new name is taken as a team):")));
    dialog->setComboBoxItems(names);
    dialog->setComboBoxEditable(true);
    dialog->setMinimumWidth(dialog->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 50);
    if (auto *list = dialog->findChild<QComboBox *>()) {
        for (int i = 0; i < list->count(); ++i) {
            const bool team = i < teams.size();
            list->setItemData(i, team ? i18nc("@info:tooltip", "A team") : i18nc("@info:tooltip", "A staff member"), Qt::ToolTipRole);
            list->setItemIcon(i, QIcon::fromTheme(team ? QStringLiteral("system-users") : QStringLiteral("user-identity")));
        }
        if (!teams.isEmpty() && !people.isEmpty()) {
            list->insertSeparator(int(teams.size()));
        }
    }
    // After the list is made: inserting the separator moves the choice.
    dialog->setTextValue(current.isEmpty() ? (teams.isEmpty() ? QString() : teams.first().name) : current);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, seen, requestId, known = *known](const QString &chosen) {
        const QString name = chosen.trimmed();
        if (name.isEmpty()) {
            showProblem(i18nc("@info", "The request was not assigned: choose a team or a staff member."));
            return;
        }
        // A name the back end knows keeps its kind; another one is taken as a team.
        Assignee assignee{AssigneeKind::Team, name};
        for (const Assignee &a : known) {
            if (a.name.compare(name, Qt::CaseInsensitive) == 0) {
                assignee = a;
            }
        }
        const auto assigned = m_requests.assignRequest(m_staff, m_purpose, seen, assignee);
        if (offeredAgain(assigned, requestId)) {
            assign(requestId, name, assigned.error().message);
        } else if (succeeded(assigned)) {
            reloadCase();
            m_caseView->selectItem(ItemKind::Request, requestId);
            Q_EMIT changed();
        }
    });
    dialog->open();
}

void CasePresenter::decideMatch(qint64 reportId, bool confirm)
{
    if (succeeded(m_cases.decideMatch(m_staff, m_purpose, reportId, m_openCitizen, confirm))) {
        reloadCase();
        Q_EMIT changed();
    }
}

bool CasePresenter::printCase(QPagedPaintDevice &device)
{
    if (m_openCitizen == 0 || !m_caseView->hasCase()) {
        showProblem(i18nc("@info", "Open a case to print it."));
        return false;
    }
    if (!succeeded(m_cases.beforePrinting(m_staff, m_openCitizen, m_purpose))) {
        return false;
    }
    QTextDocument document;
    document.setHtml(m_caseView->printHtml(m_staff.name, m_clock.now()));
    document.print(&device);
    m_window.showStatus(i18nc("@info:status", "The case of %1 was sent to the printer.", m_caseView->caseFile().citizen.displayName()), 5000);
    return true;
}

void CasePresenter::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(i18nc("@title printed document", "Case of %1", m_caseView->caseFile().citizen.displayName()));
    QPrintDialog dialog(&printer, m_window.dialogParent());
    dialog.setWindowTitle(i18nc("@title:window", "Print Case"));
    if (dialog.exec() == QDialog::Accepted) {
        printCase(printer);
    }
}

void CasePresenter::reveal()
{
    if (auto identifier = m_cases.revealIdentifier(m_staff, m_openCitizen, m_purpose); succeeded(identifier)) {
        m_caseView->showRevealedIdentifier(identifier->formatted());
    }
}

} // namespace C360
