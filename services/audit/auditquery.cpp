// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/auditquery.h"

#include "audit/auditcheckpoint.h"
#include "store/storeidentity.h"

#include "audit/auditrepository.h"
#include "bsn.h"
#include "common/clock.h"
#include "common/messages.h"
#include "identifier.h"
#include "nationalnumber.h"
#include "searchtext.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"

#include <KLocalizedString>

#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace C360
{

namespace
{
bool isAccess(AuditAction action)
{
    return action == AuditAction::ProfileOpened || action == AuditAction::IdentifierRevealed || action == AuditAction::Export || action == AuditAction::Print;
}

bool outsideOfficeHours(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    const int minutes = local.time().hour() * 60 + local.time().minute();
    return local.date().dayOfWeek() > 5 || minutes < AuditQueryService::OfficeOpens || minutes >= AuditQueryService::OfficeCloses;
}

QString csvField(const QString &field)
{
    QString text = field;
    // A cell a spreadsheet would take for a formula (=HYPERLINK(…), +, -, @, and a tab or carriage
    // return before them) is made text with a leading apostrophe (OWASP "CSV injection"). Numbers
    // of our own (sequence, citizen id) never start so.
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front())) {
        text.prepend(QLatin1Char('\''));
    }
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r'))) {
        return text;
    }
    return QLatin1Char('"') + text.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString anomalyKey(AuditAnomaly::Kind kind)
{
    switch (kind) {
    case AuditAnomaly::Kind::NothingRegistered:
        return QStringLiteral("nothing_registered");
    case AuditAnomaly::Kind::ManyProfiles:
        return QStringLiteral("many_profiles");
    case AuditAnomaly::Kind::OutsideOfficeHours:
        return QStringLiteral("outside_office_hours");
    case AuditAnomaly::Kind::OwnFamilyName:
        return QStringLiteral("own_family_name");
    }
    return {};
}
} // namespace

AuditQueryService::AuditQueryService(AuditService &audit)
    : m_audit(audit)
    , m_db(audit.database())
{
}

Expected<QList<AuditRow>, ServiceError> AuditQueryService::find(const StaffMember &staff, const AuditFilter &filter)
{
    if (auto permitted = m_audit.permit(staff, Operation::ViewAudit); !permitted) {
        return unexpected(permitted.error());
    }
    QStringList where;
    QVariantList values;
    if (!filter.staffMember.isEmpty()) {
        where.append(QStringLiteral("actor = ?"));
        values.append(filter.staffMember);
    }
    if (filter.citizenId) {
        where.append(QStringLiteral("subject_citizen_id = ?"));
        values.append(filter.citizenId);
    }
    if (filter.action) {
        where.append(QStringLiteral("action = ?"));
        values.append(toKey(*filter.action));
    }
    if (!filter.purposeCode.isEmpty()) {
        where.append(QStringLiteral("purpose_code = ?"));
        values.append(filter.purposeCode);
    }
    if (filter.from.isValid()) {
        where.append(QStringLiteral("occurred_at >= ?"));
        values.append(Sql::fromDateTime(filter.from));
    }
    if (filter.to.isValid()) {
        where.append(QStringLiteral("occurred_at < ?"));
        values.append(Sql::fromDateTime(filter.to));
    }
    values.append(std::max(1, filter.limit));
    AuditRepository repository(m_db, QByteArray());
    auto found = repository.matching(where.isEmpty() ? QString() : where.join(QLatin1String(" AND ")), values);
    if (!found) {
        return unexpected(asServiceError(found.error()));
    }
    QList<AuditRow> rows;
    rows.reserve(found->size());
    QHash<QString, QPair<QDateTime, QDateTime>> spans; // per actor: the times the rows cover
    for (const AuditEntry &e : std::as_const(*found)) {
        rows.append({e, {}, {}});
        auto &span = spans[e.actor];
        span.first = span.first.isValid() ? std::min(span.first, e.time) : e.time;
        span.second = span.second.isValid() ? std::max(span.second, e.time) : e.time;
    }

    // Each actor's entries around the rows: what the anomalies look at.
    QHash<QString, QList<AuditEntry>> context;
    for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
        auto around = repository.matching(
            QStringLiteral("actor = ? AND occurred_at >= ? AND occurred_at < ?"),
            {it.key(), Sql::fromDateTime(it->first.addSecs(-60 * 60)), Sql::fromDateTime(it->second.addSecs(SessionMinutes * 60 + 1)), 200000});
        if (!around) {
            return unexpected(asServiceError(around.error()));
        }
        std::reverse(around->begin(), around->end()); // oldest first
        context.insert(it.key(), *around);
    }
    // Family names: of the citizens whose profiles were opened, and of the staff (their accounts'
    // names, last word).
    QHash<qint64, QString> citizenNames;
    QHash<QString, QString> staffNames;
    QSet<std::pair<qint64, QString>> sharingFamilyName; // on a staff member's own login: what the store says
    if (m_audit.writesThroughServer()) {
        auto subjects = subjectsThroughServer(rows);
        if (!subjects) {
            return unexpected(asServiceError(subjects.error()));
        }
        sharingFamilyName = std::move(*subjects);
    } else {
        Statement citizen(m_db, QStringLiteral("SELECT family_name FROM citizens WHERE id = ?"));
        Statement account(m_db, QStringLiteral("SELECT display_name FROM staff_accounts WHERE username = ?"));
        for (const AuditRow &row : std::as_const(rows)) {
            const AuditEntry &e = row.entry;
            if (e.action != AuditAction::ProfileOpened) {
                continue;
            }
            if (e.subjectCitizenId && !citizenNames.contains(e.subjectCitizenId)) {
                if (auto r = citizen.exec({e.subjectCitizenId}); !r) {
                    return unexpected(asServiceError(r.error()));
                }
                citizenNames.insert(e.subjectCitizenId, citizen.next() ? SearchText::fold(citizen.value(0).toString()) : QString());
                citizen.finish();
            }
            if (!staffNames.contains(e.actor)) {
                if (auto r = account.exec({e.actor}); !r) {
                    return unexpected(asServiceError(r.error()));
                }
                const QString display = account.next() ? account.value(0).toString().simplified() : QString();
                account.finish();
                staffNames.insert(e.actor, SearchText::fold(display.section(QLatin1Char(' '), -1)));
            }
        }
    }
    const QDateTime now = m_db.clock().now();
    for (AuditRow &row : rows) {
        const AuditEntry &e = row.entry;
        if (e.outcome != AuditOutcome::Success || !isAccess(e.action)) {
            continue;
        }
        if (outsideOfficeHours(e.time)) {
            row.anomalies.append(
                {AuditAnomaly::Kind::OutsideOfficeHours,
                 i18nc("@info anomaly; %1 a date and time", "Outside office hours (%1).", QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat))});
        }
        if (e.action != AuditAction::ProfileOpened) {
            continue;
        }
        const QList<AuditEntry> &around = context.value(e.actor);
        // The session: until another citizen's profile is opened, or SessionMinutes.
        const QDateTime sessionEnd = e.time.addSecs(SessionMinutes * 60);
        bool ended = now >= sessionEnd;
        bool registered = false;
        for (const AuditEntry &later : around) {
            if (later.sequence <= e.sequence) {
                continue;
            }
            if (later.time >= sessionEnd) {
                ended = true;
                break;
            }
            if (later.action == AuditAction::ProfileOpened && later.subjectCitizenId != e.subjectCitizenId) {
                ended = true;
                break;
            }
            if (later.action == AuditAction::Change && later.subjectCitizenId == e.subjectCitizenId) {
                registered = true;
                break;
            }
        }
        if (ended && !registered) {
            row.anomalies.append(
                {AuditAnomaly::Kind::NothingRegistered, i18nc("@info anomaly", "Profile opened, but no contact or request was registered in that session.")});
        }
        // Distinct profiles this staff member opened in the hour up to this one.
        QSet<qint64> profiles;
        for (const AuditEntry &before : around) {
            if (before.sequence > e.sequence) {
                break;
            }
            if (before.action == AuditAction::ProfileOpened && before.outcome == AuditOutcome::Success && before.time > e.time.addSecs(-60 * 60)) {
                profiles.insert(before.subjectCitizenId);
            }
        }
        if (profiles.size() > ProfilesPerHour) {
            row.anomalies.append(
                {AuditAnomaly::Kind::ManyProfiles,
                 i18ncp("@info anomaly", "%1 different profile opened within an hour.", "%1 different profiles opened within an hour.", int(profiles.size()))});
        }
        const QString own = staffNames.value(e.actor);
        if ((!own.isEmpty() && own == citizenNames.value(e.subjectCitizenId)) || sharingFamilyName.contains({e.subjectCitizenId, e.actor})) {
            row.anomalies.append({AuditAnomaly::Kind::OwnFamilyName, i18nc("@info anomaly", "The staff member opened a profile with their own family name.")});
        }
    }
    if (auto r = addMaskedCitizens(rows); !r) {
        return unexpected(asServiceError(r.error()));
    }
    return rows;
}

namespace
{
// An array literal of PostgreSQL's text form, each element quoted.
QString textArray(const QStringList &values)
{
    QStringList quoted;
    quoted.reserve(values.size());
    for (QString v : values) {
        v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        quoted.append(QLatin1Char('"') + v + QLatin1Char('"'));
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}
} // namespace

Expected<QSet<std::pair<qint64, QString>>, StoreError> AuditQueryService::subjectsThroughServer(QList<AuditRow> &rows)
{
    // A supervisor's own login reads no citizen unaudited: the store gives each subject's masked
    // number, and whether its family name is the staff member's, never the name (schema 10).
    QStringList ids;
    QStringList actors;
    for (const AuditRow &row : std::as_const(rows)) {
        if (row.entry.subjectCitizenId) {
            ids.append(QString::number(row.entry.subjectCitizenId));
            actors.append(row.entry.actor);
        }
    }
    QSet<std::pair<qint64, QString>> sharing;
    if (ids.isEmpty()) {
        return sharing;
    }
    Statement subjects(m_db,
                       QStringLiteral("SELECT citizen_id, actor, identifier_type, identifier_tail, known, shares_family_name FROM "
                                      "c360_audit_subjects(CAST(? AS bigint[]), CAST(? AS text[]))"));
    const QString idArray = QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}');
    if (auto r = subjects.exec({idArray, textArray(actors)}); !r) {
        return unexpected(std::move(r).error());
    }
    QHash<qint64, QString> masked;
    while (subjects.next()) {
        const qint64 id = subjects.value(0).toLongLong();
        if (subjects.value(5).toBool()) {
            sharing.insert({id, subjects.value(1).toString()});
        }
        const auto type = fromKey<IdentifierType>(subjects.value(2).toString());
        const QString tail = subjects.value(3).toString();
        masked.insert(id,
                      type == IdentifierType::DutchBsn ? Bsn::maskedWith(tail)
                          : type                       ? NationalNumber::maskedWith(tail)
                          : subjects.value(4).toBool() ? i18nc("@item a citizen without a number", "(no number)")
                                                       : QString());
    }
    for (AuditRow &row : rows) {
        row.maskedCitizen = masked.value(row.entry.subjectCitizenId);
    }
    return sharing;
}

Expected<void, StoreError> AuditQueryService::addMaskedCitizens(QList<AuditRow> &rows)
{
    if (m_audit.writesThroughServer()) {
        return {}; // subjectsThroughServer did
    }
    // The number a supervisor knows a citizen by, masked as everywhere (the first identifier in
    // the order of IdentifierType, as the case header shows it).
    QHash<qint64, QString> masked;
    Statement identifiers(m_db, QStringLiteral("SELECT i.type, i.value FROM citizens c LEFT JOIN citizen_identifiers i ON i.citizen_id = c.id WHERE c.id = ?"));
    for (AuditRow &row : rows) {
        const qint64 id = row.entry.subjectCitizenId;
        if (!id) {
            continue;
        }
        if (!masked.contains(id)) {
            if (auto r = identifiers.exec({id}); !r) {
                return unexpected(std::move(r).error());
            }
            bool stored = false;
            std::optional<Identifier> first;
            while (identifiers.next()) {
                stored = true;
                const auto type = fromKey<IdentifierType>(identifiers.value(0).toString());
                if (type && (!first || int(*type) < int(first->type))) {
                    first = Identifier{*type, identifiers.value(1).toString()};
                }
            }
            identifiers.finish();
            masked.insert(id, first ? first->masked() : stored ? i18nc("@item a citizen without a number", "(no number)") : QString());
        }
        row.maskedCitizen = masked.value(id);
    }
    return {};
}

QByteArray AuditQueryService::toCsv(const QList<AuditRow> &rows)
{
    QString csv = QStringLiteral("sequence,time,staff_member,role,workstation,action,citizen_id,purpose_code,purpose,outcome,anomalies\r\n");
    for (const AuditRow &row : rows) {
        const AuditEntry &e = row.entry;
        QStringList anomalies;
        for (const AuditAnomaly &a : row.anomalies) {
            anomalies.append(anomalyKey(a.kind));
        }
        const QStringList fields = {QString::number(e.sequence),
                                    e.time.toUTC().toString(Qt::ISODateWithMs),
                                    e.actor,
                                    toKey(e.role),
                                    e.workstation,
                                    toKey(e.action),
                                    e.subjectCitizenId ? QString::number(e.subjectCitizenId) : QString(),
                                    e.purposeCode,
                                    e.purposeText,
                                    toKey(e.outcome),
                                    anomalies.join(QLatin1Char(';'))};
        QStringList quoted;
        for (const QString &f : fields) {
            quoted.append(csvField(f));
        }
        csv += quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return csv.toUtf8();
}

Expected<QStringList, ServiceError> AuditQueryService::actors(const StaffMember &staff)
{
    if (auto permitted = m_audit.permit(staff, Operation::ViewAudit); !permitted) {
        return unexpected(permitted.error());
    }
    Statement q(m_db, QStringLiteral("SELECT DISTINCT actor FROM audit_log ORDER BY actor"));
    if (auto r = q.exec({}); !r) {
        return unexpected(asServiceError(r.error()));
    }
    QStringList names;
    while (q.next()) {
        names.append(q.value(0).toString());
    }
    return names;
}

Expected<AuditRepository::Verification, ServiceError> AuditQueryService::verifyChain(const StaffMember &staff)
{
    if (auto permitted = m_audit.permit(staff, Operation::ViewAudit); !permitted) {
        return unexpected(permitted.error());
    }
    auto verification = m_audit.verifyChain();
    if (!verification) {
        return unexpected(asServiceError(verification.error()));
    }
    auto &v = *verification;
    // A chain that verifies may still have been rewritten with the key, or cut short: what was
    // witnessed outside the store says.
    if (v.intact() && !m_checkpointFile.isEmpty()) {
        auto storeId = StoreIdentity::id(m_audit.database());
        if (!storeId) {
            return unexpected(asServiceError(storeId.error()));
        }
        auto checkpoints = AuditCheckpoints::read(m_checkpointFile, *storeId);
        if (!checkpoints) {
            return unexpected(ServiceError::invalid(checkpoints.error()));
        }
        auto comparison = AuditCheckpoints::compare(m_audit.database(), *checkpoints);
        if (!comparison) {
            return unexpected(asServiceError(comparison.error()));
        }
        v.checkpointsCompared = comparison->compared;
        if (comparison->problem != AuditCheckpoints::Comparison::Problem::None) {
            v.problem = comparison->problem == AuditCheckpoints::Comparison::Problem::Truncated ? AuditRepository::Verification::Problem::Truncated
                                                                                                : AuditRepository::Verification::Problem::Rewritten;
            v.checkpointSequence = comparison->checkpoint.sequence;
            v.checkpointAt = comparison->checkpoint.at;
            v.firstBad = std::min(comparison->checkpoint.sequence, comparison->logEnd + 1);
        }
    }
    QJsonObject details{{QStringLiteral("checked_through"), double(v.checkedThrough)}, {QStringLiteral("first_bad"), double(v.firstBad)}};
    if (!m_checkpointFile.isEmpty()) {
        details.insert(QStringLiteral("checkpoints"), v.checkpointsCompared);
    }
    auto recorded = m_audit.record(staff,
                                   AuditAction::AuditVerified,
                                   0,
                                   Purpose{QStringLiteral("audit_verification"), QString()},
                                   v.intact() ? AuditOutcome::Success : AuditOutcome::Failed,
                                   details);
    if (!recorded) {
        return unexpected(asServiceError(recorded.error()));
    }
    return *verification;
}

QString AuditQueryService::describe(const AuditRepository::Verification &v)
{
    using Problem = AuditRepository::Verification::Problem;
    switch (v.problem) {
    case Problem::None:
        if (v.checkpointsCompared > 0) {
            return i18ncp("@info; %2 an entry number",
                          "The audit log is intact through entry %2 and matches its checkpoint.",
                          "The audit log is intact through entry %2 and matches its %1 checkpoints.",
                          v.checkpointsCompared,
                          v.checkedThrough);
        }
        return v.checkedThrough ? i18nc("@info", "The audit log is intact through entry %1.", v.checkedThrough) : i18nc("@info", "The audit log is empty.");
    case Problem::Changed:
        return i18nc("@info",
                     "Entry %1 of the audit log was changed or inserted; the log is intact through entry %2. Keep this store as it is and tell the data "
                     "protection officer.",
                     v.firstBad,
                     v.checkedThrough);
    case Problem::Missing:
        return i18nc("@info",
                     "Entry %1 was removed from the audit log; the log is intact through entry %2. Keep this store as it is and tell the data protection "
                     "officer.",
                     v.firstBad,
                     v.checkedThrough);
    case Problem::Truncated:
        return i18nc("@info; %1 a time, %2 and %3 entry numbers",
                     "The checkpoint of %1 saw entry %2, but the audit log now ends at entry %3: entries were removed. Keep this store as it is and "
                     "tell the data protection officer.",
                     QLocale().toString(v.checkpointAt.toLocalTime(), QLocale::ShortFormat),
                     v.checkpointSequence,
                     v.firstBad - 1);
    case Problem::Rewritten:
        return i18nc("@info; %1 an entry number, %2 a time",
                     "Entry %1 of the audit log is not the one the checkpoint of %2 saw: the log was rewritten. Keep this store as it is and tell the "
                     "data protection officer.",
                     v.checkpointSequence,
                     QLocale().toString(v.checkpointAt.toLocalTime(), QLocale::ShortFormat));
    case Problem::BrokenLink:
        return i18nc("@info",
                     "An entry was inserted into or removed from the audit log before entry %1; the log is intact through entry %2. Keep this store as it is "
                     "and tell the data protection officer.",
                     v.firstBad,
                     v.checkedThrough);
    }
    return {};
}

Expected<void, ServiceError> AuditQueryService::beforeExport(const StaffMember &staff, const QString &format, qsizetype rows)
{
    if (auto permitted = m_audit.permit(staff, Operation::ViewAudit); !permitted) {
        return unexpected(permitted.error());
    }
    auto recorded = m_audit.record(
        staff,
        AuditAction::Export,
        0,
        Purpose{QStringLiteral("audit_review"), QString()},
        AuditOutcome::Success,
        QJsonObject{{QStringLiteral("what"), QStringLiteral("audit_log")}, {QStringLiteral("format"), format}, {QStringLiteral("rows"), double(rows)}});
    if (!recorded) {
        return unexpected(asServiceError(recorded.error()));
    }
    return {};
}

QString AuditQueryService::toHtml(const QList<AuditRow> &rows, const QString &criteria, const QDateTime &generated, const StaffMember &by)
{
    auto esc = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    auto cell = [&esc](const QString &text) {
        return QString(QStringLiteral("<td>") + esc(text) + QStringLiteral("</td>"));
    };
    QString html = QStringLiteral("<h1>") + esc(i18nc("@title", "Audit log")) + QStringLiteral("</h1><p>") + esc(criteria) + QStringLiteral("</p>") +
        QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\" width=\"100%\"><tr>");
    for (const QString &title : {i18nc("@title:column", "Entry"),
                                 i18nc("@title:column", "When"),
                                 i18nc("@title:column", "Staff member"),
                                 i18nc("@title:column", "Workstation"),
                                 i18nc("@title:column", "Action"),
                                 i18nc("@title:column", "Citizen"),
                                 i18nc("@title:column", "Purpose"),
                                 i18nc("@title:column", "Outcome"),
                                 i18nc("@title:column", "Flags")}) {
        html += QStringLiteral("<th>") + esc(title) + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr>");
    for (const AuditRow &row : rows) {
        const AuditEntry &e = row.entry;
        QStringList reasons;
        for (const AuditAnomaly &a : row.anomalies) {
            reasons.append(a.reason);
        }
        html += QStringLiteral("<tr>") + cell(QString::number(e.sequence)) + cell(QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat)) +
            cell(QStringLiteral("%1 (%2)").arg(e.actor, roleName(e.role))) + cell(e.workstation) + cell(auditActionName(e.action)) +
            cell(e.subjectCitizenId ? QString::number(e.subjectCitizenId) : QString()) + cell(e.purposeText.isEmpty() ? e.purposeCode : e.purposeText) +
            cell(auditOutcomeName(e.outcome)) + cell(reasons.join(QLatin1Char(' '))) + QStringLiteral("</tr>");
    }
    if (rows.isEmpty()) {
        html += QStringLiteral("<tr><td colspan=\"9\">") + esc(i18nc("@info", "No entries match.")) + QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table><p><i>") +
        esc(i18nc(
            "@info; %1 a date and time, %2 a staff member", "Made on %1 by %2.", QLocale().toString(generated.toLocalTime(), QLocale::LongFormat), by.name)) +
        QStringLiteral("</i></p>");
    return html;
}

} // namespace C360
