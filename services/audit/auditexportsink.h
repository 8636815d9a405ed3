// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "auditentry.h"
#include "expected.h"
#include "store/storeerror.h"

namespace C360
{

// Where AuditService hands the entries it writes that leave the workstation as well, for
// instance a municipality's processing log (sync/verwerkingenlogging/verwerkingenloggingexport.h). The audit
// layer knows only this interface, never a back end.
class AuditExportSink
{
public:
    virtual ~AuditExportSink() = default;
    // Whether entry goes out (cheap, no store access): AuditService asks before it opens a
    // transaction for the pair.
    virtual bool wants(const AuditEntry &entry) const = 0;
    // Takes entry, already appended to the log (with its sequence and hash), inside the
    // transaction that appended it: a failure here rolls the entry back too.
    virtual Expected<void, StoreError> take(const AuditEntry &entry) = 0;
};

} // namespace C360
