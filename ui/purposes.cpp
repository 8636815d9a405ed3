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

} // namespace C360
