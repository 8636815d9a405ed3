// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "auditservice.h"
#include "database.h"

#include <QTextStream>

#include <memory>
#include <optional>

namespace c360
{

// The store, its audit service and the administrator at this workstation, for the commands of
// citizen360-admin that act as the administrator role (audited under the operating system's user
// name at this workstation).
struct AdminSession
{
    std::unique_ptr<Database> db;
    std::unique_ptr<AuditService> audit;
    QByteArray key;
    StaffMember staff;
};

// Opens the store at path for writing (made and migrated when missing); the problem, translated,
// on err when it cannot be.
std::optional<AdminSession> openSession(const QString &path, QTextStream &err);

} // namespace c360
