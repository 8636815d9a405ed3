// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "adminsession.h"

#include "auditrepository.h"
#include "clock.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace c360
{

std::optional<AdminSession> openSession(const QString &path, QTextStream &err)
{
    const QString program = QCoreApplication::applicationName() + QLatin1String(": ");
    auto database = Database::open(path, Database::OpenMode::ReadWrite, SystemClock::instance());
    if (!database) {
        err << program << database.error().message() << Qt::endl;
        return std::nullopt;
    }
    auto key = AuditKey::loadOrCreate(AuditKey::pathFor(path));
    if (!key) {
        err << program << key.error() << Qt::endl;
        return std::nullopt;
    }
    AdminSession session;
    session.db = std::move(*database);
    session.key = *key;
    session.audit = std::make_unique<AuditService>(*session.db, session.key);
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    session.staff = StaffMember{user.isEmpty() ? QStringLiteral("administrator") : user, Role::Administrator, QSysInfo::machineHostName()};
    return session;
}

} // namespace c360
