// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A minimal resource and outbox target for the sync engine's own tests: items 0..19 in pages of
// five become rows of store_settings ("item:N"); outbox entries of resource "notes" go to POST
// /notes.

#include "store/database.h"
#include "sync/resourcesync.h"
#include "sync/restjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace C360::Test
{
constexpr int Pages = 4;
constexpr int PerPage = 5;

// Items 0..19 in pages of five; each becomes a row of store_settings ("item:N").
class ItemsSync final : public ResourceSync
{
public:
    // What lookahead() predicts: nothing, the page that follows (as a real connector does), or
    // the one after it (a wrong guess the engine must drop).
    enum class Lookahead { None, NextPage, WrongPage };

    explicit ItemsSync(const SyncContext &context, const QString &name = QStringLiteral("items"), Lookahead lookahead = Lookahead::None)
        : ResourceSync(context)
        , m_name(name)
        , m_lookahead(lookahead)
    {
    }
    QString resource() const override { return m_name; }
    QNetworkRequest nextRequest(const SyncState &state) override { return pageRequest(state.cursor.isEmpty() ? 1 : state.cursor.toInt()); }
    QNetworkRequest lookahead(const RestJob &job, const SyncState &state) override
    {
        const bool more = QJsonDocument::fromJson(job.body()).object().value(QStringLiteral("more")).toBool();
        if (m_lookahead == Lookahead::None || !more) {
            return {};
        }
        const int current = state.cursor.isEmpty() ? 1 : state.cursor.toInt();
        return pageRequest(current + (m_lookahead == Lookahead::NextPage ? 1 : 2));
    }
    Expected<Page, SyncProblem> apply(Database &db, const RestJob &job, const SyncState &state) override
    {
        const QJsonDocument document = QJsonDocument::fromJson(job.body());
        if (!document.isObject()) {
            SyncProblem p;
            p.kind = SyncProblem::Kind::Malformed;
            p.detail = QStringLiteral("not a JSON object");
            return unexpected(p);
        }
        Page page;
        for (const QJsonValue &v : document.object().value(QStringLiteral("items")).toArray()) {
            if (!v.isDouble()) {
                page.skipped.append({source(), resource(), QStringLiteral("?"), QStringLiteral("not a number")});
                continue;
            }
            QSqlQuery q(db.connection());
            q.prepare(QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, 'x') ON CONFLICT (key) DO NOTHING"));
            q.addBindValue(QStringLiteral("item:%1").arg(v.toInt()));
            if (!q.exec()) {
                SyncProblem p;
                p.kind = SyncProblem::Kind::Store;
                return unexpected(p);
            }
            page.stats.inserted += q.numRowsAffected();
        }
        const int current = state.cursor.isEmpty() ? 1 : state.cursor.toInt();
        page.finished = !document.object().value(QStringLiteral("more")).toBool();
        page.cursor = page.finished ? QString() : QString::number(current + 1);
        return page;
    }

private:
    QNetworkRequest pageRequest(int page) const
    {
        QUrl url = context().source.baseUrl.resolved(QUrl(QStringLiteral("items")));
        url.setQuery(QStringLiteral("page=%1").arg(page));
        return authorizedRequest(url);
    }

    QString m_name;
    Lookahead m_lookahead;
};

// Pushes outbox entries of resource "notes" to POST /notes.
class NotesTarget final : public OutboxTarget
{
public:
    // recordable: when given and false, accepted() fails as if the answer could not be recorded.
    explicit NotesTarget(const SyncContext &context, const bool *recordable = nullptr)
        : OutboxTarget(context)
        , m_recordable(recordable)
    {
    }
    bool handles(const OutboxEntry &entry) const override { return entry.resource == QLatin1String("notes"); }
    QNetworkRequest request(const OutboxEntry &entry, QByteArray *method, QByteArray *body) override
    {
        *method = "POST";
        *body = entry.payload;
        return authorizedRequest(context().source.baseUrl.resolved(QUrl(QStringLiteral("notes"))), entry);
    }
    Expected<Pushed, SyncProblem> accepted(Database &, const OutboxEntry &, const RestJob &job) override
    {
        if (m_recordable && !*m_recordable) {
            SyncProblem p;
            p.kind = SyncProblem::Kind::Malformed;
            p.detail = QStringLiteral("no id in the answer");
            return unexpected(p);
        }
        return Pushed{QJsonDocument::fromJson(job.body()).object().value(QStringLiteral("id")).toString()};
    }

private:
    const bool *m_recordable;
};

// Pushes outbox entries of resource "threads" in two steps to POST /notes: the topic (the
// payload's text), then a reply to the note the first step made. prepare() holds an entry back
// while *hold says so (permanently when *refuse).
class ThreadTarget final : public OutboxTarget
{
public:
    ThreadTarget(const SyncContext &context, const bool *hold, const bool *refuse)
        : OutboxTarget(context)
        , m_hold(hold)
        , m_refuse(refuse)
    {
    }
    bool handles(const OutboxEntry &entry) const override { return entry.resource == QLatin1String("threads"); }
    std::optional<Hold> prepare(Database &, const OutboxEntry &) override
    {
        if (*m_hold) {
            return Hold{*m_refuse, *m_refuse ? QStringLiteral("refused here") : QStringLiteral("waits for something")};
        }
        return std::nullopt;
    }
    QNetworkRequest request(const OutboxEntry &entry, QByteArray *method, QByteArray *body) override
    {
        *method = "POST";
        const QUrl url = context().source.baseUrl.resolved(QUrl(QStringLiteral("notes")));
        if (entry.remoteId.isEmpty()) {
            *body = entry.payload;
            return authorizedRequest(url, entry);
        }
        *body = QJsonDocument(QJsonObject{{QStringLiteral("text"), QString(QStringLiteral("reply to ") + entry.remoteId)}}).toJson();
        return authorizedRequest(url, entry, stepKey(entry, QStringLiteral("reply")));
    }
    Expected<Pushed, SyncProblem> accepted(Database &, const OutboxEntry &entry, const RestJob &job) override
    {
        return Pushed{QJsonDocument::fromJson(job.body()).object().value(QStringLiteral("id")).toString(), !entry.remoteId.isEmpty()};
    }

private:
    const bool *m_hold;
    const bool *m_refuse;
};

} // namespace C360::Test
