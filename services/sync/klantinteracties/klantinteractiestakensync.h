// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "case/assigneedirectory.h"
#include "request.h"
#include "sync/commongroundcrawl.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

#include <QHash>

namespace C360
{

// The internetaken of a Klantinteracties back end as local requests.
//
// An InterneTaak is the follow-up a klantcontact asked for: what has to be done
// (gevraagdeHandeling) with an explanation (toelichting), a status and the actors it is assigned
// to. That is what a local Request holds: question = gevraagdeHandeling, then the toelichting
// after a blank line; status te_verwerken → open, verwerkt → closed; created = toegewezenOp;
// assignee = the first assigned actor (a medewerker is a person, other actors a team), by name;
// the citizen = the citizen of the aanleidinggevend klantcontact, which also gets a link to the
// request. No deadline (the specification has none); the expiry is the local retention's. A task
// whose contact is not stored yet is skipped with that reason and tried again next run. A task
// that is past the retention period when it first comes (created longer ago than it) is not stored
// at all: it would be purged within the hour. Its sync record remembers it, so that it costs
// nothing the next run; should it change, it is looked at again.
// Each run first reads the actoren (a short list) for the assignees' names; they are kept in the
// cursor, so that a resumed run needs not read them again, and from one run to the next, for the
// requests pushed from here (knownActors).
class KlantinteractiesTakenSync final : public CommonGroundCrawl
{
public:
    using CommonGroundCrawl::CommonGroundCrawl;

    QString resource() const override { return QStringLiteral("internetaken"); }
    QNetworkRequest nextRequest(const SyncState &state) override;
    Expected<Page, SyncProblem> apply(Database &db, const RestJob &job, const SyncState &state) override;

    // The actors the last run read, by uuid.
    static Expected<QHash<QString, Assignee>, StoreError> knownActors(Database &db, const QString &source);

protected:
    QStringList lastingExtra() const override;
    QString path() const override { return QStringLiteral("internetaken"); }
    const char *contentVersion() const override { return KlantinteractiesParser::ContentVersion; }
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;

private:
    static constexpr int MaxActors = 2000; // kept in the cursor: a bound on its size
    bool m_readingActors = false;
    QHash<QString, Assignee> m_actors;
    int m_retentionDays = 0; // read at each page
};

} // namespace C360
