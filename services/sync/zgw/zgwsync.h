// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/commongroundcrawl.h"

namespace C360
{

// The ZGW APIs' lists, each a full crawl with content hashes and deletion on proof (the lists
// have no change timestamps; Open Zaak pages them by 100 and ignores pageSize). A record whose
// reference is not here yet (a zaak of an unknown zaaktype, a status of an unknown zaak) is
// skipped with that reason and tried again next run; in a run, the order below brings each
// reference before what refers to it.
class ZgwCrawl : public CommonGroundCrawl
{
public:
    using CommonGroundCrawl::CommonGroundCrawl;

protected:
    const char *contentVersion() const override;
    // A list of the Catalogi API (at the source's catalogi URL) rather than the Zaken API.
    QString catalogiPath(const QString &list) const;
    // The Catalogi API's records have no uuid member: the one their url ends in.
    QJsonObject identified(const QJsonObject &record) const override;
};

// zaaktypen (Catalogi): the case types, which name the cases.
class ZgwCaseTypesSync final : public ZgwCrawl
{
public:
    using ZgwCrawl::ZgwCrawl;
    QString resource() const override { return QStringLiteral("zaaktypen"); }

protected:
    QString path() const override { return catalogiPath(QStringLiteral("zaaktypen")); }
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;
};

// statustypen (Catalogi): the steps of each type, which name the statuses.
class ZgwStatusTypesSync final : public ZgwCrawl
{
public:
    using ZgwCrawl::ZgwCrawl;
    QString resource() const override { return QStringLiteral("statustypen"); }

protected:
    QString path() const override { return catalogiPath(QStringLiteral("statustypen")); }
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;
};

// zaken: the cases, with their type's name and their dates.
class ZgwCasesSync final : public ZgwCrawl
{
public:
    using ZgwCrawl::ZgwCrawl;
    QString resource() const override { return QStringLiteral("zaken"); }

protected:
    QString path() const override { return QStringLiteral("zaken"); }
    // What changes when other records come (a status set, a role added), not the case itself.
    QStringList volatileKeys() const override;
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;
};

// statussen: each case's status history; its latest is the case's current status.
class ZgwStatusesSync final : public ZgwCrawl
{
public:
    using ZgwCrawl::ZgwCrawl;
    QString resource() const override { return QStringLiteral("statussen"); }

protected:
    QString path() const override { return QStringLiteral("statussen"); }
    QStringList volatileKeys() const override;
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;
};

// rollen of initiators who are natural persons (filtered by the server): whose case it is. The
// case keeps the identifier; it belongs to the citizen here who has it, now or when they come
// (each run links the cases whose citizen has come since).
class ZgwRolesSync final : public ZgwCrawl
{
public:
    using ZgwCrawl::ZgwCrawl;
    QString resource() const override { return QStringLiteral("rollen"); }
    Expected<Page, SyncProblem> apply(Database &db, const RestJob &job, const SyncState &state) override;

protected:
    QString path() const override { return QStringLiteral("rollen"); }
    QList<std::pair<QString, QString>> filters() const override;
    QStringList volatileKeys() const override;
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;
};

} // namespace C360
