// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "server/adminapi.h"

#include "population/dataset.h"
#include "server/refserver.h"

#include <QJsonArray>
#include <QJsonObject>

namespace C360::Ref
{

namespace
{
QJsonArray toArray(const QList<quint64> &values)
{
    QJsonArray a;
    for (quint64 v : values) {
        a.append(qint64(v));
    }
    return a;
}

HttpReply badRequest(const QString &detail)
{
    return HttpReply::json(QJsonObject{{QStringLiteral("detail"), detail}}, 400);
}
} // namespace

void installAdminApi(RefServer &server, DataSet &data, const CatalogueHooks &catalogue, const CreatedHooks &created)
{
    server.route("GET", QStringLiteral("/admin/stats"), [&data, catalogue, created](const HttpRequest &) {
        return HttpReply::json(QJsonObject{
            {QStringLiteral("citizens"), qint64(data.liveCitizenCount())},
            {QStringLiteral("reports"), qint64(data.reportCount())},
            {QStringLiteral("contact_moments"), qint64(data.liveContactCount()) + (created.contacts ? created.contacts() : 0)},
            {QStringLiteral("requests"), qint64(data.liveTaskCount())},
            {QStringLiteral("cases"), qint64(data.liveCaseCount())},
            {QStringLiteral("case_statuses"), qint64(data.liveCaseStatusCount())},
            {QStringLiteral("catalogue_entries"), catalogue.count ? catalogue.count() : 0},
            {QStringLiteral("seed"), QString::number(data.seed())},
            {QStringLiteral("profile"), data.profile() == Profile::Flanders ? QStringLiteral("flanders") : QStringLiteral("nl")},
            {QStringLiteral("reference_date"), data.referenceDate().toString(Qt::ISODate)},
        });
    });

    // {"new_reports": n, "status_changes": n, "new_contacts": n, "deleted_parties": n, "restored_parties": n,
    //  "changed_products": n}
    server.route("POST", QStringLiteral("/admin/mutate"), [&data, catalogue](const HttpRequest &request) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return badRequest(QStringLiteral("expected a JSON object: %1").arg(error.errorString()));
        }
        const QJsonObject o = document.object();
        auto count = [&o](const char *key) {
            return std::clamp(o.value(QLatin1String(key)).toInt(0), 0, 100000);
        };
        const MutationResult result = data.mutate(count("new_reports"), count("status_changes"), count("new_contacts"), count("deleted_parties"));
        QJsonArray deleted;
        for (quint32 citizen : result.deletedParties) {
            deleted.append(data.uuid(UuidKind::Party, citizen).toString(QUuid::WithoutBraces));
        }
        QJsonArray restored;
        for (quint32 citizen : data.restoreParties(count("restored_parties"))) {
            restored.append(data.uuid(UuidKind::Party, citizen).toString(QUuid::WithoutBraces));
        }
        QJsonArray contacts;
        for (quint64 contact : result.newContacts) {
            contacts.append(data.uuid(UuidKind::Contact, contact).toString(QUuid::WithoutBraces));
        }
        QJsonArray products;
        if (catalogue.change) {
            for (const QString &id : catalogue.change(count("changed_products"))) {
                products.append(id);
            }
        }
        return HttpReply::json(QJsonObject{
            {QStringLiteral("new_reports"), toArray(result.newReports)},
            {QStringLiteral("changed_reports"), toArray(result.changedReports)},
            {QStringLiteral("new_contacts"), contacts},
            {QStringLiteral("deleted_parties"), deleted},
            {QStringLiteral("restored_parties"), restored},
            {QStringLiteral("changed_products"), products},
        });
    });

    server.route("GET", QStringLiteral("/admin/faults"), [&server](const HttpRequest &) {
        QJsonArray rules;
        for (const FaultRule &rule : server.faults().rules()) {
            rules.append(rule.toString());
        }
        return HttpReply::json(QJsonObject{{QStringLiteral("faults"), rules}});
    });
    // Body: {"fault": "PATTERN=KIND[@P]"}, as on the command line.
    server.route("POST", QStringLiteral("/admin/faults"), [&server](const HttpRequest &request) {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        QString error;
        const auto rule = FaultRule::parse(o.value(QStringLiteral("fault")).toString(), &error);
        if (!rule) {
            return badRequest(error);
        }
        server.faults().add(*rule);
        return HttpReply::json(QJsonObject{{QStringLiteral("fault"), rule->toString()}}, 201);
    });
    server.route("DELETE", QStringLiteral("/admin/faults"), [&server](const HttpRequest &) {
        server.faults().clear();
        return HttpReply::empty(204);
    });
}

} // namespace C360::Ref
