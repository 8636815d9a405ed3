// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// GET requests: which reports a query selects, and one page of them, without walking the data set.
//
// Choices where the spec leaves room (GeoReport v2 "GET Service Requests", Chicago's extensions):
// - Neither start_date nor end_date: the most recent 90 days by the data set's clock (its reference
//   time, or its last run-time change), never the wall clock. Only one of them: a 90-day span from
//   or up to it. Both are inclusive. A span over 90 days is refused (400) unless the query pages
//   with page or page_size (our extension: such a span is then paged like any other).
// - updated_after / updated_before (Chicago: "experimental, TBD") select on updated_datetime, in
//   report (service_request_id) order, instead of the default window; start_date/end_date still
//   narrow them. updated_before alone means the 90 days before it; the two may span at most 90 days.
// - page (from 1) and page_size (default 50, at most 500: larger is cut to 500, as Chicago's "maximum
//   value") always apply, so a query without them gives its first 50 reports.
// - service_request_id (comma delimited, at most 500) overrides every other filter and paging, as the
//   spec says; unknown ids are left out. An unknown service_code or status value is a 400.
// Cost of a page: a date window is an index range (reportLowerBound); status and service_code are
// answered from Open311ReportIndex's per-block counts, so no page tests the reports before it one by
// one; only updated_before is tested report by report, over at most its 90 days of reports.

#include "open311/open311requests.h"

#include "open311/open311services.h"
#include "open311/open311state.h"
#include "population/dataset.h"
#include "server/refserver.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace C360::Ref::Open311
{

namespace
{
constexpr qint64 WindowSeconds = 90LL * 86400; // the spec's default span, and its largest
constexpr quint64 DefaultPageSize = 50; // Chicago
constexpr quint64 MaxPageSize = 500; // Chicago
constexpr qsizetype MaxIds = 500;

// An optional argument: passed empty is the same as not passed (the spec's "Optional Arguments").
QString argument(const HttpRequest &request, const char *name)
{
    return request.queryValue(QString::fromLatin1(name)).trimmed();
}

// A list argument ("can be declared multiple times, comma delimited"): every value of every
// occurrence, so that status=open,closed and status=open&status=closed mean the same.
QStringList listArgument(const HttpRequest &request, const char *name)
{
    QStringList values;
    for (const QString &occurrence : request.query.allQueryItemValues(QString::fromLatin1(name), QUrl::FullyDecoded)) {
        for (const QString &part : occurrence.split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty()) {
                values.append(part.trimmed());
            }
        }
    }
    return values;
}

// Reads a w3 date-time with its offset (the spec: time zone information must be included).
bool readTime(const HttpRequest &request, const char *name, std::optional<QDateTime> *out, QList<Problem> *problems)
{
    QString text = argument(request, name);
    if (text.isEmpty()) {
        return true;
    }
    static const QRegularExpression w3(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$"));
    text.replace(QLatin1Char(' '), QLatin1Char('+')); // "+01:00" sent unencoded and read as form data
    const QDateTime time = w3.match(text).hasMatch() ? QDateTime::fromString(text, Qt::ISODateWithMs) : QDateTime();
    if (!time.isValid()) {
        problems->append({400, QStringLiteral("%1 must be a w3 date-time with a time zone, e.g. 2010-01-01T00:00:00Z.").arg(QLatin1String(name))});
        return false;
    }
    *out = time;
    return true;
}

// Whole seconds (report times have no fractions): the first second at or after time, and the last
// second at or before it.
qint64 ceilSeconds(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    return ms >= 0 ? (ms + 999) / 1000 : ms / 1000;
}

qint64 floorSeconds(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

QDateTime atSecond(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

// Which reports a query selects, in order: a few listed ones, then every admitted report of a range.
struct Selection
{
    QList<quint64> listed; // ascending, all below from, already tested
    quint64 from = 0;
    quint64 to = 0;
    quint64 mask = 0; // Open311ReportIndex keys: (category, status)
    std::optional<qint64> updatedBefore; // when set, the range's reports are tested one by one

    bool admits(const ReportHead &head) const
    {
        return ((mask >> Open311ReportIndex::keyOf(head)) & 1) != 0 && (!updatedBefore || head.updated <= *updatedBefore);
    }
};

quint64 keyMask(const State &state, const HttpRequest &request, QList<Problem> *problems)
{
    quint64 statuses = 0b11; // bit 0 open, bit 1 closed
    if (const QStringList status = listArgument(request, "status"); !status.isEmpty()) {
        statuses = 0;
        for (const QString &value : status) {
            if (value == QLatin1String("open")) {
                statuses |= 1;
            } else if (value == QLatin1String("closed")) {
                statuses |= 2;
            } else {
                problems->append({400, QStringLiteral("status must be open or closed (or both, comma delimited), not \"%1\".").arg(value)});
            }
        }
    }
    const QList<ServiceType> &services = state.data.services();
    QList<int> chosen;
    if (const QStringList codes = listArgument(request, "service_code"); !codes.isEmpty()) {
        for (const QString &code : codes) {
            const auto it = std::find_if(services.cbegin(), services.cend(), [&code](const ServiceType &s) {
                return s.code == code;
            });
            if (it == services.cend()) {
                problems->append({400, QStringLiteral("service_code %1 not found.").arg(code)});
            } else {
                chosen.append(int(it - services.cbegin()));
            }
        }
    } else {
        for (int i = 0; i < services.size(); ++i) {
            chosen.append(i);
        }
    }
    quint64 mask = 0;
    for (const int service : std::as_const(chosen)) {
        mask |= (statuses & 1) ? quint64(1) << (service * 2) : 0;
        mask |= (statuses & 2) ? quint64(1) << (service * 2 + 1) : 0;
    }
    return mask;
}

std::optional<Selection> select(State &state, const HttpRequest &request, bool paged, QList<Problem> *problems)
{
    const DataSet &data = state.data;
    Selection s;
    s.mask = keyMask(state, request, problems);
    std::optional<QDateTime> start;
    std::optional<QDateTime> end;
    std::optional<QDateTime> after;
    std::optional<QDateTime> before;
    readTime(request, "start_date", &start, problems);
    readTime(request, "end_date", &end, problems);
    readTime(request, "updated_after", &after, problems);
    readTime(request, "updated_before", &before, problems);
    if (!problems->isEmpty()) {
        return std::nullopt;
    }

    // Requested time rises with the index: a date window is an index range.
    quint64 from = 0;
    quint64 to = data.reportCount();
    const bool byUpdate = after || before;
    if (start || end) {
        if (!end) {
            end = start->addSecs(WindowSeconds);
        }
        if (!start) {
            start = end->addSecs(-WindowSeconds);
        }
        if (*end < *start) {
            problems->append({400, QStringLiteral("end_date lies before start_date.")});
        } else if (start->secsTo(*end) > WindowSeconds && !paged) {
            problems->append(
                {400, QStringLiteral("start_date and end_date may not span more than 90 days; page through a longer span with page and page_size.")});
        }
        from = data.reportLowerBound(atSecond(ceilSeconds(*start)));
        to = data.reportLowerBound(atSecond(floorSeconds(*end) + 1));
    } else if (!byUpdate) {
        const QDateTime now = state.now();
        from = data.reportLowerBound(now.addSecs(-WindowSeconds));
        to = data.reportLowerBound(now.addSecs(1));
    }

    if (!byUpdate) {
        s.from = from;
        s.to = to;
        return problems->isEmpty() ? std::optional<Selection>(s) : std::nullopt;
    }
    if (!after) {
        after = before->addSecs(-WindowSeconds);
    }
    if (before) {
        if (*before < *after) {
            problems->append({400, QStringLiteral("updated_before lies before updated_after.")});
        } else if (after->secsTo(*before) > WindowSeconds) {
            problems->append({400, QStringLiteral("updated_after and updated_before may not span more than 90 days.")});
        }
        // Only reports requested by then can have been updated by then; this bounds the range,
        // whose reports are then tested one by one: at most 90 days of reports.
        s.updatedBefore = floorSeconds(*before);
        to = std::min(to, data.reportLowerBound(atSecond(*s.updatedBefore + 1)));
    }
    if (!problems->isEmpty()) {
        return std::nullopt;
    }
    // reportsUpdatedAfter lists, in index order, a few reports (changed at run time, or requested
    // shortly before `after`) and then every report requested after `after`, which all qualify.
    // The few are taken as they are; the rest is a range.
    const quint64 tailStart = data.reportLowerBound(after->addSecs(1));
    quint64 total = 0;
    data.reportsUpdatedAfter(*after, 0, 0, &total);
    const quint64 tailLength = data.reportCount() - tailStart;
    for (const quint64 i : data.reportsUpdatedAfter(*after, 0, total - tailLength, &total)) {
        if (i >= from && i < to && s.admits(data.reportHead(i))) {
            s.listed.append(i);
        }
    }
    s.from = std::max(tailStart, from);
    s.to = to;
    return s;
}

QList<quint64> page(State &state, const Selection &s, quint64 skip, quint64 limit)
{
    QList<quint64> out;
    const quint64 listed = quint64(s.listed.size());
    for (quint64 n = skip; n < listed && quint64(out.size()) < limit; ++n) {
        out.append(s.listed.at(qsizetype(n)));
    }
    skip = skip > listed ? skip - listed : 0;
    limit -= quint64(out.size());
    if (limit == 0 || s.from >= s.to) {
        return out;
    }
    if (s.updatedBefore) {
        for (quint64 i = s.from; i < s.to && limit > 0; ++i) {
            if (s.admits(state.data.reportHead(i))) {
                if (skip > 0) {
                    --skip;
                } else {
                    out.append(i);
                    --limit;
                }
            }
        }
    } else if (s.mask == state.index.allKeys()) {
        for (quint64 i = s.from + skip; i < s.to && limit > 0; ++i, --limit) {
            out.append(i);
        }
    } else {
        out.append(state.index.select(s.from, s.to, s.mask, skip, limit));
    }
    return out;
}

// The reporter as the back end knows them: only with a valid api_key, never for anonymous reports
// or for parties deleted since. E-mail or phone as the reporter left it (the other when they have
// only that one), and the national number only when it came with the report (eID).
void appendIdentity(const State &state, const ReportRecord &r, QList<Node> *fields)
{
    auto add = [fields](const char *name, const QString &value) {
        if (!value.isEmpty()) {
            fields->append(Node::text(QString::fromLatin1(name), value));
        }
    };
    if (const auto submitted = state.reporters.constFind(r.index); submitted != state.reporters.cend()) {
        add("first_name", submitted->firstName);
        add("last_name", submitted->lastName);
        add("email", submitted->email);
        add("phone", submitted->phone);
        add("account_id", submitted->accountId);
        return;
    }
    if (r.anonymous || r.reporter >= state.data.citizenCount() || state.data.isDeleted(r.reporter)) {
        return;
    }
    const Person p = state.data.person(r.reporter);
    add("first_name", p.givenNames);
    add("last_name", p.fullFamilyName());
    const bool email = r.reporterByEmail ? !p.email.isEmpty() : p.phone.isEmpty();
    add(email ? "email" : "phone", email ? p.email : p.phone);
    if (r.reporterNationalNumber) {
        add("national_id", p.identifier);
    }
}

// WGS84 degrees to seven decimals (about a centimetre), as a real server stores them.
double degrees(double value)
{
    return std::isnan(value) ? value : std::round(value * 1e7) / 1e7;
}

Node requestNode(const State &state, quint64 index, bool extensions, bool identity)
{
    const ReportRecord r = state.data.report(index);
    const ServiceType &service = state.data.services().at(r.service);
    QString address = QString(r.street + QLatin1Char(' ') + r.houseNumber).trimmed();
    const QString place = QString(r.postcode + QLatin1Char(' ') + r.municipality).trimmed();
    if (!place.isEmpty()) {
        address += (address.isEmpty() ? QString() : QStringLiteral(", ")) + place;
    }
    const QString agency = agencyFor(service) + (r.municipality.isEmpty() ? QString() : QStringLiteral(", gemeente ") + r.municipality);
    QList<Node> fields{
        Node::text(QStringLiteral("service_request_id"), requestId(index)),
        Node::text(QStringLiteral("status"), r.closed ? QStringLiteral("closed") : QStringLiteral("open")),
        Node::optionalText(QStringLiteral("status_notes"), r.statusNotes),
        Node::text(QStringLiteral("service_name"), service.name),
        Node::text(QStringLiteral("service_code"), service.code),
        Node::optionalText(QStringLiteral("description"), r.description),
        Node::text(QStringLiteral("agency_responsible"), agency),
        Node::text(QStringLiteral("service_notice"), serviceNoticeFor(service)),
        Node::text(QStringLiteral("requested_datetime"), state.w3(r.requested)),
        Node::text(QStringLiteral("updated_datetime"), state.w3(r.updated)),
        r.expected.isValid() ? Node::text(QStringLiteral("expected_datetime"), state.w3(r.expected)) : Node::null(QStringLiteral("expected_datetime")),
        Node::optionalText(QStringLiteral("address"), address),
        Node::null(QStringLiteral("address_id")), // no master address repository behind this server
        Node::optionalText(QStringLiteral("zipcode"), r.postcode),
        Node::number(QStringLiteral("lat"), degrees(r.latitude)),
        Node::number(QStringLiteral("long"), degrees(r.longitude)),
        Node::null(QStringLiteral("media_url")),
    };
    if (extensions) {
        // How the report came in: through this API (a POST), else as the reporter left it.
        const QString channel = state.reporters.contains(index) ? QStringLiteral("api") : r.reporterByEmail ? QStringLiteral("web") : QStringLiteral("phone");
        QList<Node> extended{Node::text(QStringLiteral("channel"), channel)};
        if (identity) {
            appendIdentity(state, r, &extended);
        }
        fields.append(Node::object(QStringLiteral("extended_attributes"), extended));
    }
    return Node::object(QStringLiteral("request"), fields);
}

HttpReply render(const State &state, const QList<quint64> &indices, const HttpRequest &request, Format format)
{
    const bool extensions = argument(request, "extensions") == QLatin1String("true");
    const bool identity = extensions && state.keyIsValid(argument(request, "api_key"));
    Node root = Node::list(QStringLiteral("service_requests"));
    for (const quint64 index : indices) {
        root.append(requestNode(state, index, extensions, identity));
    }
    return documentReply(format, root);
}
} // namespace

QString requestId(quint64 index)
{
    return QString::number(index + RequestIdOffset);
}

std::optional<quint64> requestIndex(const State &state, const QString &id)
{
    bool ok = false;
    const quint64 number = id.toULongLong(&ok);
    if (!ok || id.isEmpty() || !id.at(0).isDigit() || number < RequestIdOffset || number - RequestIdOffset >= state.data.reportCount()) {
        return std::nullopt;
    }
    return number - RequestIdOffset;
}

HttpReply listRequests(State &state, const HttpRequest &request, Format format)
{
    if (const QStringList parts = listArgument(request, "service_request_id"); !parts.isEmpty()) {
        if (parts.size() > MaxIds) {
            return errorReply(format, 400, QStringLiteral("At most %1 service_request_id at once.").arg(MaxIds));
        }
        QList<quint64> indices;
        QSet<quint64> seen;
        for (const QString &part : parts) {
            const auto index = requestIndex(state, part);
            if (index && !seen.contains(*index)) {
                seen.insert(*index);
                indices.append(*index);
            }
        }
        return render(state, indices, request, format);
    }

    QList<Problem> problems;
    quint64 pageNumber = 1;
    quint64 pageSize = DefaultPageSize;
    const QString pageText = argument(request, "page");
    const QString sizeText = argument(request, "page_size");
    bool ok = true;
    if (!pageText.isEmpty() && ((pageNumber = pageText.toULongLong(&ok)), !ok || pageNumber == 0)) {
        problems.append({400, QStringLiteral("page must be a whole number from 1.")});
    }
    if (!sizeText.isEmpty() && ((pageSize = sizeText.toULongLong(&ok)), !ok || pageSize == 0)) {
        problems.append({400, QStringLiteral("page_size must be a whole number from 1.")});
    }
    pageSize = std::min(pageSize, MaxPageSize);
    const std::optional<Selection> selection = select(state, request, !pageText.isEmpty() || !sizeText.isEmpty(), &problems);
    if (!selection || !problems.isEmpty()) {
        return errorReply(format, 400, problems);
    }
    // The "duplicate" fault: start early and end where the page ends, so that the end of the page
    // before comes again and nothing is lost.
    const quint64 start = pageNumber - 1 > ~quint64(0) / pageSize ? ~quint64(0) : (pageNumber - 1) * pageSize;
    const quint64 early = std::min(start, quint64(std::max(request.duplicateOverlap, 0)));
    if (request.listFault == Fault::Kind::EmptyList) {
        return render(state, {}, request, format);
    }
    QList<quint64> records = page(state, *selection, start - early, pageSize + early);
    if (quint64(records.size()) < pageSize && pageNumber > 1 && request.listFault == Fault::Kind::Endless) {
        // Past the last full page, that page again: full pages for ever (a test fault: counting
        // the selection is fine here).
        const quint64 total = quint64(page(state, *selection, 0, ~quint64(0)).size());
        if (total >= pageSize) {
            records = page(state, *selection, (total / pageSize - 1) * pageSize, pageSize);
        }
    }
    return render(state, records, request, format);
}

HttpReply oneRequest(State &state, const HttpRequest &request, Format format, const QString &id)
{
    const auto index = requestIndex(state, id);
    if (!index) {
        return errorReply(format, 404, QStringLiteral("Service request not found with id %1.").arg(id));
    }
    return render(state, {*index}, request, format);
}

} // namespace C360::Ref::Open311
