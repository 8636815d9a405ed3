// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "synctypes.h"

namespace c360
{

ResourceStats &ResourceStats::operator+=(const ResourceStats &o)
{
    inserted += o.inserted;
    updated += o.updated;
    deleted += o.deleted;
    skipped += o.skipped;
    pages += o.pages;
    bytes += o.bytes;
    return *this;
}

QJsonObject ResourceStats::toJson() const
{
    return {
        {QStringLiteral("inserted"), inserted},
        {QStringLiteral("updated"), updated},
        {QStringLiteral("deleted"), deleted},
        {QStringLiteral("skipped"), skipped},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("bytes"), bytes},
    };
}

} // namespace c360
