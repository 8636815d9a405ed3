// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common/serviceerror.h"

#include <KLocalizedString>

namespace C360
{

ServiceError ServiceError::denied()
{
    return {Kind::Denied, i18nc("@info", "Your role does not allow this. The attempt has been recorded in the audit log.")};
}

ServiceError ServiceError::noPurpose()
{
    return {Kind::NoPurpose, i18nc("@info", "Choose the purpose for which you open this profile.")};
}

ServiceError ServiceError::notFound()
{
    return {Kind::NotFound, i18nc("@info", "This citizen is no longer in the local store. Search again.")};
}

ServiceError ServiceError::invalid(const QString &message)
{
    return {Kind::Invalid, message};
}

} // namespace C360
