// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "casepresentation.h"

#include <KLocalizedString>

#include <QLocale>

#include <algorithm>
#include <limits>

namespace C360::CasePresentation
{

namespace
{
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString languageName(const QString &code)
{
    if (code.isEmpty()) {
        return i18nc("@info language not known", "unknown");
    }
    const QLocale locale(code);
    const QString native = locale.nativeLanguageName();
    return native.isEmpty() ? code : native;
}
} // namespace

QString channelName(Channel channel)
{
    switch (channel) {
    case Channel::Counter:
        return i18nc("@item channel", "Counter");
    case Channel::Phone:
        return i18nc("@item channel", "Phone");
    case Channel::Email:
        return i18nc("@item channel", "E-mail");
    case Channel::Chat:
        return i18nc("@item channel", "Chat");
    case Channel::Letter:
        return i18nc("@item channel", "Letter");
    case Channel::App:
        return i18nc("@item channel", "App");
    }
    return {};
}

QHash<QString, QString> statusNames()
{
    return {
        {QStringLiteral("open"), i18nc("@item status", "Open")},
        {QStringLiteral("in_progress"), i18nc("@item status", "In progress")},
        {QStringLiteral("answered"), i18nc("@item status", "Answered")},
        {QStringLiteral("closed"), i18nc("@item status", "Closed")},
        {QStringLiteral("referred"), i18nc("@item contact outcome", "Referred")},
        {QStringLiteral("callback_needed"), i18nc("@item contact outcome", "Callback needed")},
    };
}

QString facts(const Citizen &c)
{
    QStringList facts;
    if (c.birthDate.isValid()) {
        facts.append(i18nc("@info", "Born %1", QLocale().toString(c.birthDate, QLocale::ShortFormat)));
    }
    if (!c.address.isEmpty()) {
        facts.append(esc(c.address.singleLine()));
    }
    facts.append(i18nc("@info", "Speaks %1", esc(languageName(c.preferredLanguage))));
    QStringList addresses;
    for (const DigitalAddress &d : c.digitalAddresses) {
        if (d.isVerified()) {
            addresses.append(esc(d.value) + QStringLiteral(" ✔"));
        }
    }
    if (!addresses.isEmpty()) {
        facts.append(i18nc("@info verified e-mail addresses and phone numbers", "Verified: %1", addresses.join(QStringLiteral(", "))));
    }
    QStringList channels;
    for (const ChannelPreference &p : c.channelPreferences) {
        // "general" is the back end's word for no topic in particular: the channel alone.
        channels.append(p.topic.isEmpty() || p.topic == QLatin1String("general") ? channelName(p.channel)
                                                                                 : esc(p.topic) + QStringLiteral(": ") + channelName(p.channel));
    }
    if (!channels.isEmpty()) {
        facts.append(i18nc("@info", "Prefers %1", channels.join(QStringLiteral(", "))));
    }
    QStringList consents;
    for (const Consent &consent : c.consents) {
        consents.append((consent.granted ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + esc(consentName(consent.topic)));
    }
    if (!consents.isEmpty()) {
        facts.append(i18nc("@info", "Consents: %1", consents.join(QStringLiteral(", "))));
    }
    return facts.join(QStringLiteral(" · "));
}

QString timeText(const QTime &time)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss")).remove(QStringLiteral(".ss"));
    return locale.toString(time, format);
}

QString dateText(const QDateTime &time)
{
    if (!time.isValid()) {
        return {};
    }
    const QDateTime local = time.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + timeText(local.time());
}

QString consentName(ConsentTopic topic)
{
    switch (topic) {
    case ConsentTopic::DigitalCommunication:
        return i18nc("@item consent topic", "digital communication");
    case ConsentTopic::SatisfactionSurvey:
        return i18nc("@item consent topic", "satisfaction surveys");
    case ConsentTopic::Newsletter:
        return i18nc("@item consent topic", "newsletter");
    case ConsentTopic::DataSharing:
        return i18nc("@item consent topic", "sharing data with other services");
    }
    return {};
}

Badges badges(const CaseFile &file, const QDateTime &now)
{
    int openRequests = 0;
    qint64 fewestDaysLeft = std::numeric_limits<qint64>::max();
    for (const Request &r : file.requests) {
        if (r.isOpen()) {
            ++openRequests;
            if (r.due().isValid()) {
                fewestDaysLeft = std::min(fewestDaysLeft, r.daysLeft(now));
            }
        }
    }
    int openReports = 0;
    for (const Report &r : file.reports) {
        openReports += r.isOpen() && r.citizenId == file.citizen.id ? 1 : 0;
    }
    QStringList badges;
    if (openRequests > 0) {
        QString badge = i18ncp("@info badge", "%1 open request", "%1 open requests", openRequests);
        if (fewestDaysLeft != std::numeric_limits<qint64>::max()) {
            badge += fewestDaysLeft < 0 ? i18ncp("@info badge", " (%1 day overdue)", " (%1 days overdue)", -fewestDaysLeft)
                                        : i18ncp("@info badge", " (%1 day left)", " (%1 days left)", fewestDaysLeft);
        }
        badges.append(QStringLiteral("<b>") + esc(badge) + QStringLiteral("</b>"));
    }
    if (openReports > 0) {
        badges.append(esc(i18ncp("@info badge", "%1 open report", "%1 open reports", openReports)));
    }
    int openCases = 0;
    int casesPastDeadline = 0;
    for (const Zaak &z : file.zaken) {
        openCases += z.isOpen() ? 1 : 0;
        casesPastDeadline += z.daysLeft(now.toLocalTime().date()).value_or(0) < 0 ? 1 : 0;
    }
    if (openCases > 0) {
        QString badge = i18ncp("@info badge", "%1 open case", "%1 open cases", openCases);
        if (casesPastDeadline > 0) {
            badge += i18ncp("@info badge", " (%1 past its legal deadline)", " (%1 past their legal deadline)", casesPastDeadline);
        }
        badges.append(esc(badge));
    }
    Badges result{
        badges.join(QStringLiteral(" · ")), QString(badges.join(QStringLiteral(", "))).remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>")), {}};
    if (openRequests > 0 && fewestDaysLeft != std::numeric_limits<qint64>::max()) {
        result.fewestDaysLeft = fewestDaysLeft;
    }
    return result;
}

QString detailHtml(const CaseFile &file, const ItemLink &item, const QDateTime &now, bool supplement, qint64 supplementId)
{
    auto row = [](const QString &label, const QString &value) -> QString {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><th align=left>") + esc(label) + QStringLiteral("</th><td>") + esc(value) + QStringLiteral("</td></tr>");
    };
    auto paragraphs = [](const QString &text) -> QString {
        return QStringLiteral("<p>") + esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br>")) + QStringLiteral("</p>");
    };
    const QHash<QString, QString> statuses = statusNames();
    switch (item.kind) {
    case ItemKind::Report:
        for (const Report &r : file.reports) {
            if (r.id == item.id) {
                QString html = QStringLiteral("<h3>") + esc(r.serviceName.isEmpty() ? i18nc("@title", "Report") : r.serviceName) + QStringLiteral("</h3>");
                if (r.citizenId != file.citizen.id) {
                    html += QStringLiteral("<p><b>") +
                        esc(i18nc("@info",
                                  "Possible match: this report may have been made by this citizen (same verified e-mail address or phone number). "
                                  "Confirm or reject it.")) +
                        QStringLiteral("</b></p>");
                }
                html += paragraphs(r.description) + QStringLiteral("<table>") + row(i18nc("@label", "Status"), statuses.value(toKey(r.status))) +
                    row(i18nc("@label", "Notes"), r.statusNotes) + row(i18nc("@label", "Reported"), dateText(r.requested)) +
                    row(i18nc("@label", "Updated"), dateText(r.updated)) + row(i18nc("@label", "Expected"), dateText(r.expected)) +
                    row(i18nc("@label", "Where"), r.address.singleLine()) + row(i18nc("@label", "Number"), r.source.id) + QStringLiteral("</table>");
                return html;
            }
        }
        break;
    case ItemKind::ContactMoment:
        for (const ContactMoment &c : file.contacts) {
            if (c.id == item.id) {
                return QStringLiteral("<h3>") + esc(c.subject) + QStringLiteral("</h3>") + paragraphs(c.text) + QStringLiteral("<table>") +
                    row(i18nc("@label", "Channel"), channelName(c.channel)) +
                    row(i18nc("@label", "Outcome"), statuses.value(toKey(c.outcome), i18nc("@item contact outcome", "Answered"))) +
                    row(i18nc("@label", "Staff member"), c.staffMember) + row(i18nc("@label", "When"), dateText(c.time)) + QStringLiteral("</table>");
            }
        }
        break;
    case ItemKind::Request:
        for (const Request &r : file.requests) {
            if (r.id != item.id) {
                continue;
            }
            QString html = QStringLiteral("<h3>") + esc(i18nc("@title", "Request")) + QStringLiteral("</h3>") + paragraphs(r.question);
            if (!r.answer.isEmpty()) {
                html += QStringLiteral("<h4>") + esc(i18nc("@title", "Answer")) + QStringLiteral("</h4>") + paragraphs(r.answer);
            }
            QString deadline = dateText(r.deadline);
            if (r.deadline.isValid() && r.isOpen()) {
                const qint64 days = now.date().daysTo(r.deadline.date());
                deadline += QStringLiteral(" — ") +
                    (days < 0 ? i18ncp("@info", "%1 day overdue", "%1 days overdue", -days) : i18ncp("@info", "%1 day left", "%1 days left", days));
            }
            html += QStringLiteral("<table>") + row(i18nc("@label", "Status"), statuses.value(toKey(r.status))) +
                row(i18nc("@label", "Assigned to"), r.assignee.name) + row(i18nc("@label", "Created"), dateText(r.created)) +
                row(i18nc("@label", "Deadline"), deadline) +
                row(i18nc("@label", "Deleted on"), r.expires.isValid() ? QLocale().toString(r.expires.toLocalTime().date(), QLocale::ShortFormat) : QString()) +
                QStringLiteral("</table>");
            if (!r.supplements.isEmpty()) {
                html += QStringLiteral("<h4>") + esc(i18nc("@title", "Supplements")) + QStringLiteral("</h4>");
                for (const Supplement &s : r.supplements) {
                    const bool chosen = supplement && s.id == supplementId;
                    html += QStringLiteral("<p>") + (chosen ? QStringLiteral("<b>") : QString()) + esc(dateText(s.time)) + QStringLiteral(" · ") +
                        esc(s.author) + QStringLiteral("<br>") + esc(s.text).replace(QLatin1Char('\n'), QStringLiteral("<br>")) +
                        (chosen ? QStringLiteral("</b>") : QString()) + QStringLiteral("</p>");
                }
            }
            return html;
        }
        break;
    case ItemKind::Case:
        for (const Zaak &z : file.zaken) {
            if (z.id == item.id) {
                auto day = [](const QDate &d) {
                    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
                };
                QString html = QStringLiteral("<h3>") + esc(z.typeName.isEmpty() ? i18nc("@title", "Case") : z.typeName) + QStringLiteral("</h3>");
                if (!z.description.isEmpty() && z.description != z.typeName) {
                    html += paragraphs(z.description);
                }
                QString state;
                if (!z.isOpen()) {
                    state = i18nc("@info case state", "Closed on %1", day(z.ended));
                } else if (const auto left = z.daysLeft(now.toLocalTime().date())) {
                    state = *left < 0 ? i18ncp("@info case state", "Open, %1 day past the legal deadline", "Open, %1 days past the legal deadline", -*left)
                                      : i18ncp("@info case state", "Open, %1 day left", "Open, %1 days left", *left);
                } else {
                    state = i18nc("@info case state", "Open");
                }
                html += QStringLiteral("<table>") + row(i18nc("@label", "Case number"), z.identification) + row(i18nc("@label", "Status"), z.statusName) +
                    row(i18nc("@label", "Status since"), dateText(z.statusSet)) + row(i18nc("@label", "State"), state) +
                    row(i18nc("@label", "Started"), day(z.started)) + row(i18nc("@label", "Planned end"), day(z.plannedEnd)) +
                    row(i18nc("@label", "Legal deadline"), day(z.deadline)) + row(i18nc("@label", "In the case system"), z.url) + QStringLiteral("</table>");
                if (!z.statuses.isEmpty()) {
                    html += QStringLiteral("<h4>") + esc(i18nc("@title", "Status history")) + QStringLiteral("</h4><table>");
                    for (auto s = z.statuses.crbegin(); s != z.statuses.crend(); ++s) {
                        html += row(dateText(s->set), s->explanation.isEmpty() ? s->name : s->name + QStringLiteral(" — ") + s->explanation);
                    }
                    html += QStringLiteral("</table>");
                }
                return html;
            }
        }
        break;
    case ItemKind::CatalogueEntry:
        for (const LinkedCatalogueEntry &l : file.catalogue) {
            if (l.entry.id == item.id) {
                const QString language = QLocale().name().left(2);
                return QStringLiteral("<h3>") + esc(l.entry.name.text(language)) + QStringLiteral("</h3>") + l.entry.description.text(language) +
                    QStringLiteral("<table>") + row(i18nc("@label", "Linked by"), l.staffMember) + row(i18nc("@label", "Linked on"), dateText(l.linked)) +
                    QStringLiteral("</table>");
            }
        }
        break;
    }
    return {};
}

} // namespace C360::CasePresentation
