// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"
#include "common/serviceerror.h"
#include "expected.h"
#include "searchhit.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

class QPagedPaintDevice;

namespace C360
{
class CaseService;
class CatalogueService;
class RequestService;
class CaseView;
class Clock;
class CaseWorkspace;
class PurposeModel;
class SearchResultModel;
class SearchWorker;

// The front-office workflow on the case workspace (the main window): search as you type (debounced, on the search
// worker's thread), open a case with its purpose (asked once per running contact), and the case
// actions through CaseService, RequestService and CatalogueService. Dialogs open window-modal without blocking the event loop.
class CasePresenter : public QObject
{
    Q_OBJECT
public:
    static constexpr int SearchDelayMs = 180;
    enum class OpenedFrom { Search, Worklist };

    CasePresenter(CaseWorkspace &window,
                  CaseService &cases,
                  RequestService &requests,
                  CatalogueService &catalogue,
                  SearchWorker &searchWorker,
                  const StaffMember &staff,
                  Clock &clock,
                  QObject *parent = nullptr);
    ~CasePresenter() override;

    SearchResultModel *results() const { return m_results; }
    PurposeModel *purposes() const { return m_purposes; }
    CaseView *caseView() const { return m_caseView; }
    // The purpose of the running contact, and whose case it is for (0: none).
    Purpose runningPurpose() const { return m_purpose; }
    qint64 runningCitizen() const { return m_runningCitizen; }
    // The citizen whose case is open (0: none).
    qint64 openCitizen() const { return m_openCitizen; }

    // The purpose a case opened from there most likely has: the follow-up of the request from the
    // worklist; a phone call after a search by phone number or for a call-centre agent; a counter
    // visit for a counter clerk; none (the person chooses) otherwise.
    QString suggestedPurpose(OpenedFrom from) const;
    // The line under the search field: how many were found, and how to narrow a list cut short.
    static QString searchSummary(const SearchResult &result, const QString &typed);
    // Searches text at once (as the debounced search field does).
    void search(const QString &text);
    // Opens the case of citizenId for purpose (no dialog); false with a message shown when refused.
    bool openCase(qint64 citizenId, const Purpose &purpose);
    // Ends the running contact (audited as contact_ended when there was one): the case closes, its
    // purpose is forgotten, the search and the catalogue are cleared, open case dialogs close
    // (a contact being typed keeps its draft). The next citizen is a new contact.
    void endContact();
    // Works for staff from now on (another person signed in): the running contact ends first.
    void setStaff(const StaffMember &staff);
    const StaffMember &staff() const { return m_staff; }
    // Reads the open case again (after a change), audited like any opening.
    void reloadCase();
    // Reads the worklist again (mine, or my team's as the worklist pane says).
    void refreshWorklist();
    // Requests purged at the end of their retention period: gone from the open case (not read
    // again) and from the worklist.
    void dropPurged(const QList<qint64> &requestIds, const QList<qint64> &citizenIds);
    // Prints the open case on device (a printer, or a PDF writer) once its print entry is written;
    // false, with the reason shown, when there is no case or the service refuses.
    bool printCase(QPagedPaintDevice &device);
    // Shows the products matching text in the catalogue pane (the open case's suggestions when empty).
    void searchCatalogue(const QString &text);

public Q_SLOTS:
    // Asks for the purpose unless the running contact is with this citizen, then opens the case.
    // The purpose offered first follows from where the case is opened from and the role (see
    // suggestedPurpose); name is the citizen's as the list showed it (looked up in the search
    // results when empty).
    void requestOpen(qint64 citizenId, C360::CasePresenter::OpenedFrom from = OpenedFrom::Search, const QString &name = {});
    void newContact();
    void newRequest();
    // Asks which printer (the print dialog), then printCase.
    void print();

Q_SIGNALS:
    void searchFinished(int hits);
    void caseOpened(qint64 citizenId);
    void contactEnded();
    void changed(); // a change went through (and the case was read again)
    void problem(const QString &message);

private:
    void onFound(quint64 generation, const SearchResult &result);
    void showProblem(const QString &message);
    // The channel of the running contact: the phone for a call, else the counter.
    Channel contactChannel() const;
    // What is typed is never lost: when it cannot be saved — someone changed the request meanwhile
    // (each change of a request is made on the version the case view shows; the case is then read
    // again), or the store failed (a lost connection to a shared store, a full disk) — the dialog
    // comes back with what was typed and why (refusal: the service's message).
    void offerContact(const ContactMoment &start);
    void offerRequest(const std::optional<Request> &typed);
    void supplement(qint64 requestId, const QString &typed = {}, const QString &refusal = {});
    void answer(qint64 requestId, const QString &typed = {}, const QString &refusal = {});
    void close(qint64 requestId, const QString &typed = {}, const QString &refusal = {});
    void reopen(qint64 requestId);
    void assign(qint64 requestId, const QString &typed = {}, const QString &refusal = {});
    // The request as the case view shows it: its id and version.
    SeenRequest seenRequest(qint64 requestId) const;
    // Whether what was typed for result's save should be offered again: it failed because the
    // request (requestId, when not 0) was changed meanwhile — then the case is read again with it
    // selected — or because the store failed. The refusal is shown.
    template<typename Result>
    bool offeredAgain(const Result &result, qint64 requestId = 0);
    void decideMatch(qint64 reportId, bool confirm);
    void reveal();
    template<typename Result>
    bool succeeded(const Result &result);

    CaseWorkspace &m_window;
    CaseService &m_cases;
    RequestService &m_requests;
    CatalogueService &m_catalogue;
    SearchWorker &m_search;
    StaffMember m_staff;
    Clock &m_clock;
    SearchResultModel *m_results;
    PurposeModel *m_purposes;
    CaseView *m_caseView;
    QTimer m_searchDelay;
    quint64 m_generation = 0;
    Purpose m_purpose;
    qint64 m_runningCitizen = 0;
    qint64 m_openCitizen = 0;
    qint64 m_pendingRequest = 0; // to select once its case is open
    QSet<qint64> m_closedNow; // requests closed in this contact (their close may be undone)
};

} // namespace C360
