// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "privacy/privacyservice.h"

#include "audit/auditrepository.h"
#include "common/messages.h"
#include "store/casesnapshot.h"
#include "store/citizenrepository.h"
#include "store/database.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QLocale>

namespace C360
{

namespace
{
QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QJsonObject staffJson(const StaffMember &staff)
{
    return {{QStringLiteral("name"), staff.name}, {QStringLiteral("role"), toKey(staff.role)}, {QStringLiteral("workstation"), staff.workstation}};
}

QJsonObject addressJson(const Address &a)
{
    return {{QStringLiteral("street"), a.street},
            {QStringLiteral("number"), a.number},
            {QStringLiteral("box"), a.box},
            {QStringLiteral("postcode"), a.postcode},
            {QStringLiteral("municipality"), a.municipality},
            {QStringLiteral("country"), a.countryCode}};
}

QJsonObject sourceJson(const SourceRef &source)
{
    return {{QStringLiteral("system"), source.system}, {QStringLiteral("id"), source.id}};
}

QJsonArray linksJson(const QList<ItemLink> &links)
{
    QJsonArray out;
    for (const ItemLink &l : links) {
        out.append(QJsonObject{{QStringLiteral("kind"), toKey(l.kind)}, {QStringLiteral("id"), double(l.id)}});
    }
    return out;
}

QJsonObject citizenJson(const Citizen &c)
{
    QJsonArray identifiers;
    for (const Identifier &i : c.identifiers) {
        identifiers.append(QJsonObject{{QStringLiteral("type"), toKey(i.type)}, {QStringLiteral("value"), i.formatted()}});
    }
    QJsonArray digital;
    for (const DigitalAddress &d : c.digitalAddresses) {
        digital.append(
            QJsonObject{{QStringLiteral("kind"), toKey(d.kind)}, {QStringLiteral("value"), d.value}, {QStringLiteral("verified_on"), isoDate(d.verifiedOn)}});
    }
    QJsonArray preferences;
    for (const ChannelPreference &p : c.channelPreferences) {
        preferences.append(QJsonObject{{QStringLiteral("topic"), p.topic}, {QStringLiteral("channel"), toKey(p.channel)}});
    }
    QJsonArray consents;
    for (const Consent &k : c.consents) {
        consents.append(QJsonObject{
            {QStringLiteral("topic"), toKey(k.topic)}, {QStringLiteral("granted"), k.granted}, {QStringLiteral("recorded_on"), isoDate(k.recordedOn)}});
    }
    return {{QStringLiteral("given_names"), c.givenNames},
            {QStringLiteral("family_name"), c.familyName},
            {QStringLiteral("birth_date"), isoDate(c.birthDate)},
            {QStringLiteral("identifiers"), identifiers},
            {QStringLiteral("address"), addressJson(c.address)},
            {QStringLiteral("digital_addresses"), digital},
            {QStringLiteral("preferred_language"), c.preferredLanguage},
            {QStringLiteral("channel_preferences"), preferences},
            {QStringLiteral("consents"), consents},
            {QStringLiteral("source"), sourceJson(c.source)},
            {QStringLiteral("updated"), isoTime(c.updated)}};
}

QJsonArray accessesJson(const QList<AuditEntry> &entries)
{
    QJsonArray out;
    for (const AuditEntry &e : entries) {
        out.append(QJsonObject{{QStringLiteral("time"), isoTime(e.time)},
                               {QStringLiteral("staff_member"), e.actor},
                               {QStringLiteral("role"), toKey(e.role)},
                               {QStringLiteral("workstation"), e.workstation},
                               {QStringLiteral("action"), toKey(e.action)},
                               {QStringLiteral("purpose_code"), e.purposeCode},
                               {QStringLiteral("purpose"), e.purposeText},
                               {QStringLiteral("outcome"), toKey(e.outcome)}});
    }
    return out;
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// A time as the reader reads it (not escaped).
QString whenText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString when(const QDateTime &time)
{
    return esc(whenText(time));
}

QString capitalised(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

QString accessTable(const QList<AuditEntry> &entries)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr><th>") + esc(i18nc("@title:column", "When")) +
        QStringLiteral("</th><th>") + esc(i18nc("@title:column", "Who")) + QStringLiteral("</th><th>") + esc(i18nc("@title:column", "What")) +
        QStringLiteral("</th><th>") + esc(i18nc("@title:column", "Why")) + QStringLiteral("</th></tr>");
    for (const AuditEntry &e : entries) {
        const QString why = e.purposeText.isEmpty() ? e.purposeCode : e.purposeText;
        html += QStringLiteral("<tr><td>") + when(e.time) + QStringLiteral("</td><td>") + esc(e.actor) + QStringLiteral(" (") + esc(e.workstation) +
            QStringLiteral(")</td><td>") + esc(auditActionName(e.action)) + QStringLiteral("</td><td>") + esc(why) + QStringLiteral("</td></tr>");
    }
    if (entries.isEmpty()) {
        html += QStringLiteral("<tr><td colspan=\"4\">") + esc(i18nc("@info", "Nobody accessed this profile.")) + QStringLiteral("</td></tr>");
    }
    return html + QStringLiteral("</table>");
}

QString citizenHeader(const Citizen &c)
{
    QString html = QStringLiteral("<p><b>") + esc(c.displayName()) + QStringLiteral("</b>");
    if (const auto id = c.primaryIdentifier()) {
        html += QStringLiteral(" — ") + esc(Messages::identifierTypeName(id->type)) + QStringLiteral(" ") + esc(id->formatted());
    }
    if (c.birthDate.isValid()) {
        html += QStringLiteral("<br>") + esc(i18nc("@info; %1 a date", "Born %1", QLocale().toString(c.birthDate, QLocale::LongFormat)));
    }
    if (!c.address.isEmpty()) {
        html += QStringLiteral("<br>") + esc(c.address.singleLine());
    }
    return html + QStringLiteral("</p>");
}

QString generatedLine(const QDateTime &generated, const StaffMember &by)
{
    return QStringLiteral("<p><i>") +
        esc(i18nc(
            "@info; %1 a date and time, %2 a staff member", "Made on %1 by %2.", QLocale().toString(generated.toLocalTime(), QLocale::LongFormat), by.name)) +
        QStringLiteral("</i></p>");
}
} // namespace

PrivacyService::PrivacyService(AuditService &audit)
    : m_audit(audit)
    , m_db(audit.database())
{
}

Expected<qint64, ServiceError> PrivacyService::citizenByNumber(const QString &number)
{
    auto identifier = Identifier::detect(number);
    if (!identifier) {
        return unexpected(ServiceError::invalid(Messages::identifierError(identifier.error(), IdentifierType::BelgianNationalNumber)));
    }
    auto id = CitizenRepository(m_db).findIdByIdentifier(*identifier);
    if (!id) {
        return unexpected(asServiceError(id.error()));
    }
    if (!*id) {
        return unexpected(ServiceError::notFound());
    }
    return **id;
}

Expected<PrivacyService::AccessReport, ServiceError> PrivacyService::accessReport(const StaffMember &staff, qint64 citizenId, const Purpose &purpose)
{
    auto entry = m_audit.beforeReading(staff, Operation::AccessReport, AuditAction::AccessReport, citizenId, purpose);
    if (!entry) {
        return unexpected(entry.error());
    }
    auto citizen = CitizenRepository(m_db).find(citizenId);
    if (!citizen) {
        return unexpected(asServiceError(citizen.error()));
    }
    if (!*citizen) {
        return unexpected(ServiceError::notFound());
    }
    AccessReport report;
    report.citizen = std::move(**citizen);
    report.generated = entry->time;
    report.generatedBy = staff;
    auto entries = AuditRepository(m_db, QByteArray()).aboutCitizen(citizenId);
    if (!entries) {
        return unexpected(asServiceError(entries.error()));
    }
    report.entries = std::move(*entries);
    return report;
}

Expected<PrivacyService::Export, ServiceError> PrivacyService::exportCitizen(const StaffMember &staff, qint64 citizenId, const Purpose &purpose)
{
    auto entry = m_audit.beforeReading(staff, Operation::ExportCitizen, AuditAction::Export, citizenId, purpose);
    if (!entry) {
        return unexpected(entry.error());
    }
    auto file = readCaseFile(m_db, citizenId);
    if (!file) {
        return unexpected(file.error());
    }
    auto accesses = AuditRepository(m_db, QByteArray()).aboutCitizen(citizenId);
    if (!accesses) {
        return unexpected(asServiceError(accesses.error()));
    }
    return Export{std::move(*file), std::move(*accesses), entry->time, staff, purpose};
}

QJsonObject PrivacyService::toJson(const AccessReport &report)
{
    QJsonObject citizen{{QStringLiteral("name"), report.citizen.displayName()}};
    if (const auto id = report.citizen.primaryIdentifier()) {
        citizen.insert(QStringLiteral("identifier"), QJsonObject{{QStringLiteral("type"), toKey(id->type)}, {QStringLiteral("value"), id->formatted()}});
    }
    return {{QStringLiteral("document"), QStringLiteral("access_report")},
            {QStringLiteral("generated_at"), isoTime(report.generated)},
            {QStringLiteral("generated_by"), staffJson(report.generatedBy)},
            {QStringLiteral("citizen"), citizen},
            {QStringLiteral("accesses"), accessesJson(report.entries)}};
}

QJsonObject PrivacyService::toJson(const Export &data)
{
    const CaseFile &f = data.file;
    QJsonArray reports;
    for (const Report &r : f.reports) {
        if (r.citizenId != f.citizen.id) {
            continue; // a possible match is not (yet) theirs
        }
        reports.append(QJsonObject{{QStringLiteral("category"), r.serviceName},
                                   {QStringLiteral("description"), r.description},
                                   {QStringLiteral("status"), toKey(r.status)},
                                   {QStringLiteral("status_notes"), r.statusNotes},
                                   {QStringLiteral("address"), addressJson(r.address)},
                                   {QStringLiteral("requested"), isoTime(r.requested)},
                                   {QStringLiteral("updated"), isoTime(r.updated)},
                                   {QStringLiteral("source"), sourceJson(r.source)}});
    }
    QJsonArray contacts;
    for (const ContactMoment &c : f.contacts) {
        contacts.append(QJsonObject{{QStringLiteral("id"), double(c.id)},
                                    {QStringLiteral("time"), isoTime(c.time)},
                                    {QStringLiteral("channel"), toKey(c.channel)},
                                    {QStringLiteral("subject"), c.subject},
                                    {QStringLiteral("text"), c.text},
                                    {QStringLiteral("outcome"), toKey(c.outcome)},
                                    {QStringLiteral("staff_member"), c.staffMember},
                                    {QStringLiteral("links"), linksJson(c.links)}});
    }
    QJsonArray requests;
    for (const Request &r : f.requests) {
        QJsonArray supplements;
        for (const Supplement &s : r.supplements) {
            supplements.append(QJsonObject{{QStringLiteral("time"), isoTime(s.time)}, {QStringLiteral("author"), s.author}, {QStringLiteral("text"), s.text}});
        }
        requests.append(QJsonObject{{QStringLiteral("id"), double(r.id)},
                                    {QStringLiteral("question"), r.question},
                                    {QStringLiteral("answer"), r.answer},
                                    {QStringLiteral("status"), toKey(r.status)},
                                    {QStringLiteral("assignee"), r.assignee.name},
                                    {QStringLiteral("created"), isoTime(r.created)},
                                    {QStringLiteral("deadline"), isoTime(r.deadline)},
                                    {QStringLiteral("deleted_on"), isoTime(r.expires)},
                                    {QStringLiteral("supplements"), supplements}});
    }
    QJsonArray catalogue;
    for (const LinkedCatalogueEntry &l : f.catalogue) {
        catalogue.append(QJsonObject{{QStringLiteral("product"), l.entry.name.text(f.citizen.preferredLanguage)},
                                     {QStringLiteral("product_id"), l.entry.productId},
                                     {QStringLiteral("linked"), isoTime(l.linked)},
                                     {QStringLiteral("staff_member"), l.staffMember}});
    }
    return {{QStringLiteral("document"), QStringLiteral("citizen_export")},
            {QStringLiteral("generated_at"), isoTime(data.generated)},
            {QStringLiteral("generated_by"), staffJson(data.generatedBy)},
            {QStringLiteral("purpose"), QJsonObject{{QStringLiteral("code"), data.purpose.code}, {QStringLiteral("text"), data.purpose.text}}},
            {QStringLiteral("citizen"), citizenJson(f.citizen)},
            {QStringLiteral("reports"), reports},
            {QStringLiteral("contact_moments"), contacts},
            {QStringLiteral("requests"), requests},
            {QStringLiteral("catalogue_links"), catalogue},
            {QStringLiteral("accesses"), accessesJson(data.accesses)}};
}

QString PrivacyService::toHtml(const AccessReport &report)
{
    return QStringLiteral("<h1>") + esc(i18nc("@title", "Who accessed your data")) + QStringLiteral("</h1>") + citizenHeader(report.citizen) +
        QStringLiteral("<p>") +
        esc(i18nc("@info",
                  "Every time a staff member of the municipality looked at your profile, found it in a search or changed it is listed below, with "
                  "the reason they gave.")) +
        QStringLiteral("</p>") + accessTable(report.entries) + generatedLine(report.generated, report.generatedBy);
}

QString PrivacyService::toHtml(const Export &data)
{
    const CaseFile &f = data.file;
    const Citizen &c = f.citizen;
    QString html = QStringLiteral("<h1>") + esc(i18nc("@title", "What the municipality holds about you")) + QStringLiteral("</h1>") + citizenHeader(c);
    auto section = [&html](const QString &title) {
        html += QStringLiteral("<h2>") + esc(title) + QStringLiteral("</h2>");
    };
    auto line = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty()) {
            html += QStringLiteral("<p><b>") + esc(label) + QStringLiteral("</b> ") + esc(value) + QStringLiteral("</p>");
        }
    };
    section(i18nc("@title", "Your details"));
    for (const Identifier &i : c.identifiers) {
        line(capitalised(Messages::identifierTypeName(i.type)) + QLatin1Char(':'), i.formatted());
    }
    for (const DigitalAddress &d : c.digitalAddresses) {
        line(d.kind == DigitalAddressKind::Email ? i18nc("@label", "E-mail:") : i18nc("@label", "Phone:"),
             d.isVerified() ? i18nc("@info; %1 an address, %2 a date", "%1 (verified on %2)", d.value, QLocale().toString(d.verifiedOn, QLocale::ShortFormat))
                            : d.value);
    }
    line(i18nc("@label", "Language:"), c.preferredLanguage);
    for (const Consent &k : c.consents) {
        line(i18nc("@label", "Consent:"),
             QStringLiteral("%1 — %2").arg(toKey(k.topic), k.granted ? i18nc("@info consent", "given") : i18nc("@info consent", "refused")));
    }
    section(i18nc("@title", "Your reports"));
    for (const Report &r : f.reports) {
        if (r.citizenId == c.id) {
            line(whenText(r.requested), r.serviceName + QStringLiteral(": ") + r.description);
        }
    }
    section(i18nc("@title", "Your contacts with us"));
    for (const ContactMoment &m : f.contacts) {
        line(whenText(m.time), m.subject + (m.text.isEmpty() ? QString() : QString(QStringLiteral(" — ") + m.text)));
    }
    section(i18nc("@title", "Your questions"));
    for (const Request &r : f.requests) {
        line(whenText(r.created), r.question);
        for (const Supplement &s : r.supplements) {
            line(i18nc("@label; %1 a date and time", "Added on %1:", whenText(s.time)), s.text);
        }
        line(i18nc("@label", "Answer:"), r.answer);
    }
    section(i18nc("@title", "Products and services noted for you"));
    for (const LinkedCatalogueEntry &l : f.catalogue) {
        line(whenText(l.linked), l.entry.name.text(c.preferredLanguage));
    }
    section(i18nc("@title", "Who accessed your data"));
    html += accessTable(data.accesses);
    html += generatedLine(data.generated, data.generatedBy);
    return html;
}

} // namespace C360
