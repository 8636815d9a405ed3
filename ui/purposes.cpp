// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "purposes.h"

#include <KLocalizedString>

namespace C360
{

QList<PurposeModel::Choice> standardPurposes()
{
    return {{QStringLiteral("counter_visit"), i18nc("@item purpose", "Counter visit")},
            {QStringLiteral("phone_call"), i18nc("@item purpose", "Phone call")},
            {QStringLiteral("request_follow_up"), i18nc("@item purpose", "Follow-up of a request")},
            {QStringLiteral("report_follow_up"), i18nc("@item purpose", "Follow-up of a report")},
            {QStringLiteral("correspondence"), i18nc("@item purpose", "Answering mail or e-mail")},
            {QStringLiteral("other"), i18nc("@item purpose", "Other (say which)")}};
}

QList<PurposeModel::Choice> systemPurposes()
{
    return {{QStringLiteral("sign_in"), i18nc("@item purpose", "Signing in")},
            {QStringLiteral("account_management"), i18nc("@item purpose", "Managing staff accounts")},
            {QStringLiteral("synchronisation"), i18nc("@item purpose", "Synchronisation with the municipal servers")},
            {QStringLiteral("retention"), i18nc("@item purpose", "Deleting data at the end of its retention period")},
            {QStringLiteral("retention_policy"), i18nc("@item purpose", "Setting the retention period")},
            {QStringLiteral("gdpr_access_request"), i18nc("@item purpose", "Citizen's access request (GDPR)")},
            {QStringLiteral("gdpr_export"), i18nc("@item purpose", "Citizen's data export (GDPR)")},
            {QStringLiteral("audit_review"), i18nc("@item purpose", "Audit review")},
            {QStringLiteral("audit_verification"), i18nc("@item purpose", "Verifying the audit log")},
            {QStringLiteral("store_copy"), i18nc("@item purpose", "Moving the store to another database")}};
}

QHash<QString, QString> purposeNames()
{
    QHash<QString, QString> names;
    for (const auto &list : {standardPurposes(), systemPurposes()}) {
        for (const PurposeModel::Choice &choice : list) {
            names.insert(choice.code, choice.label);
        }
    }
    return names;
}

} // namespace C360
