// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/searchservice.h"

#include "common/clock.h"
#include "identifier.h"
#include "searchtext.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace C360
{

namespace
{
int digitCount(QStringView text)
{
    return int(std::count_if(text.begin(), text.end(), [](QChar c) {
        return c.isDigit();
    }));
}

QString digitsOf(QStringView text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit()) {
            digits.append(c);
        }
    }
    return digits;
}

// A result line: id, family name, given names, birth date, municipality, "type:value" of the
// first identifier (shown masked).
SearchHit readHit(const Statement &row)
{
    SearchHit hit;
    hit.citizenId = row.value(0).toLongLong();
    hit.familyName = row.value(1).toString();
    hit.givenNames = row.value(2).toString();
    hit.birthYear = Sql::toDate(row.value(3)).year();
    hit.municipality = row.value(4).toString();
    const QString identifier = row.value(5).toString();
    if (const qsizetype colon = identifier.indexOf(QLatin1Char(':')); colon > 0) {
        if (const auto type = fromKey<IdentifierType>(QStringView(identifier).left(colon))) {
            hit.maskedIdentifier = Identifier{*type, identifier.mid(colon + 1)}.masked();
        }
    }
    return hit;
}

// The smallest string greater than every string that starts with prefix (prefix is not empty).
QString prefixEnd(const QString &prefix)
{
    QString end = prefix;
    end.back() = QChar(end.back().unicode() + 1);
    return end;
}
} // namespace

SearchService::SearchService(AuditService &audit)
    : m_audit(audit)
    , m_db(audit.database())
{
}

std::optional<SearchService::Query> SearchService::classify(const QString &input)
{
    const QString text = input.trimmed();
    if (text.size() < 2) {
        return std::nullopt;
    }
    Query q;
    if (text.contains(QLatin1Char('@'))) {
        q.kind = SearchKind::Email;
        q.text = SearchText::normalizeEmail(text);
        return q;
    }
    static const QRegularExpression dayFirst(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$"));
    static const QRegularExpression isoDate(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    if (const auto m = dayFirst.match(text); m.hasMatch()) {
        q.kind = SearchKind::BirthDate;
        q.date = QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
        return q.date.isValid() ? std::optional<Query>(q) : std::nullopt;
    }
    if (const auto m = isoDate.match(text); m.hasMatch()) {
        q.kind = SearchKind::BirthDate;
        q.date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        return q.date.isValid() ? std::optional<Query>(q) : std::nullopt;
    }
    static const QRegularExpression address(QStringLiteral("^(\\d{4})(?:\\s+(\\d+\\s*[A-Za-z]?))?$"));
    if (const auto m = address.match(text); m.hasMatch()) {
        q.kind = SearchKind::Address;
        q.postcode = m.captured(1);
        q.houseNumber = m.captured(2).remove(QLatin1Char(' ')).toUpper();
        q.text = QString(q.postcode + QLatin1Char(' ') + q.houseNumber).trimmed();
        return q;
    }
    static const QRegularExpression numberish(QStringLiteral("^[+]?[0-9 ./()-]+$"));
    if (numberish.match(text).hasMatch()) {
        const int digits = digitCount(text);
        static const QRegularExpression registerShape(QStringLiteral("^\\d{2}[. ]\\d{2}[. ]\\d{2}"));
        const bool phoneShape = text.startsWith(QLatin1Char('+')) || (text.startsWith(QLatin1Char('0')) && !registerShape.match(text).hasMatch());
        const bool wholeRegisterNumber = digits == 11 && Identifier::detect(digitsOf(text)).has_value();
        if (phoneShape && !(wholeRegisterNumber && !text.startsWith(QLatin1Char('+')) && !text.startsWith(QStringLiteral("00")))) {
            if (digits < 6) {
                return std::nullopt;
            }
            q.kind = SearchKind::Phone;
            q.text = SearchText::normalizePhone(text);
            return q;
        }
        if (digits < 6 || digits > 11) {
            return std::nullopt;
        }
        q.kind = SearchKind::NationalNumber;
        q.text = digitsOf(text);
        return q;
    }
    q.kind = SearchKind::Name;
    // A year typed with the name narrows it to those born that year ("peeters 1985").
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = words.size() - 1; i >= 0 && q.birthYear == 0; --i) {
        const int year = words.at(i).size() == 4 && digitCount(words.at(i)) == 4 ? words.at(i).toInt() : 0;
        if (year >= 1880 && year < 2200 && words.size() > 1) {
            q.birthYear = year;
            words.removeAt(i);
        }
    }
    q.text = SearchText::fold(words.join(QLatin1Char(' ')));
    if (q.text.size() < 2) {
        return std::nullopt;
    }
    return q;
}

std::optional<SearchService::IdQuery> SearchService::idQuery(const Query &q) const
{
    switch (q.kind) {
    case SearchKind::Name: {
        const QString match = m_db.dialect().prefixMatch(q.text);
        if (match.isEmpty()) {
            return std::nullopt;
        }
        if (q.birthYear > 0) {
            return IdQuery{m_db.dialect().citizenIdsByName(true),
                           {match, Sql::fromDate(QDate(q.birthYear, 1, 1)), Sql::fromDate(QDate(q.birthYear + 1, 1, 1))}};
        }
        return IdQuery{m_db.dialect().citizenIdsByName(false), {match}};
    }
    case SearchKind::NationalNumber:
        if (q.text.size() == 11) {
            return IdQuery{QStringLiteral("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value = ? LIMIT ?"), {q.text}};
        }
        return IdQuery{QStringLiteral("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value >= ? AND value < ? LIMIT ?"),
                       {q.text, prefixEnd(q.text)}};
    case SearchKind::Phone:
    case SearchKind::Email:
        if (q.text.isEmpty()) {
            return std::nullopt;
        }
        return IdQuery{QStringLiteral("SELECT DISTINCT citizen_id FROM digital_addresses WHERE kind = ? AND normalized >= ? AND normalized < ? LIMIT ?"),
                       {toKey(q.kind == SearchKind::Phone ? DigitalAddressKind::Phone : DigitalAddressKind::Email), q.text, prefixEnd(q.text)}};
    case SearchKind::BirthDate:
        return IdQuery{QStringLiteral("SELECT id FROM citizens WHERE birth_date = ? LIMIT ?"), {Sql::fromDate(q.date)}};
    case SearchKind::Address:
        if (q.houseNumber.isEmpty()) {
            return IdQuery{QStringLiteral("SELECT id FROM citizens WHERE postcode = ? LIMIT ?"), {q.postcode}};
        }
        return IdQuery{QStringLiteral("SELECT id FROM citizens WHERE postcode = ? AND upper(replace(house_number, ' ', '')) = ? LIMIT ?"),
                       {q.postcode, q.houseNumber}};
    }
    return std::nullopt;
}

Expected<QList<qint64>, StoreError> SearchService::findIds(const Query &q, int limit)
{
    const auto ids = idQuery(q);
    if (!ids) {
        return QList<qint64>();
    }
    return selectIds(m_db, ids->sql, ids->values + QVariantList{limit});
}

Expected<QList<SearchHit>, StoreError> SearchService::hits(const Query &q, int limit, int *matches)
{
    QList<SearchHit> result;
    *matches = 0;
    const auto ids = idQuery(q);
    if (!ids) {
        return result;
    }
    if (const QString plan = m_db.dialect().planEachSearch(); !plan.isEmpty()) {
        if (auto r = m_db.run(plan); !r) {
            return unexpected(std::move(r).error());
        }
    }
    // One statement: the ids found (up to the cap, one beyond it), how many in all (the window
    // function counts before the LIMIT), the first limit in name order, and only for those the
    // identifier.
    Statement rows(m_db,
                   QStringLiteral("SELECT h.id, h.family_name, h.given_names, h.birth_date, h.municipality, "
                                  "(SELECT i.type || ':' || i.value FROM citizen_identifiers i WHERE i.citizen_id = h.id ORDER BY i.type LIMIT 1), h.total "
                                  "FROM (SELECT c.id, c.family_name, c.given_names, c.birth_date, c.municipality, COUNT(*) OVER () AS total "
                                  "FROM citizens c WHERE c.id IN (") +
                       ids->sql +
                       QStringLiteral(") ORDER BY c.family_name, c.given_names, c.birth_date, c.id LIMIT ?) h "
                                      "ORDER BY h.family_name, h.given_names, h.birth_date, h.id"));
    if (auto r = rows.exec(ids->values + QVariantList{SearchResult::CountCap + 1, limit}); !r) {
        return unexpected(std::move(r).error());
    }
    while (rows.next()) {
        *matches = rows.value(6).toInt();
        result.append(readHit(rows));
    }
    return result;
}

Expected<SearchResult, ServiceError> SearchService::search(const StaffMember &staff, const QString &text, int limit)
{
    if (auto permitted = m_audit.permit(staff, Operation::Search); !permitted) {
        return unexpected(permitted.error());
    }
    const auto query = classify(text);
    if (!query) {
        SearchResult tooShort;
        tooShort.tooShort = !text.trimmed().isEmpty();
        return tooShort;
    }
    // Search as you type commits once a keystroke: its entries reach the write-ahead log before the
    // results are returned (a killed application loses none), without waiting for the disk's
    // flush, which only a power failure in the next moments could undo. The next durable commit
    // (the profile opened from the results, any other audit entry) flushes them with it.
    if (m_db.transactionDepth() == 0) {
        if (auto r = m_db.setDurableCommits(false); !r) {
            return unexpected(asServiceError(r.error()));
        }
        auto result = searchAndAudit(staff, *query, text.trimmed(), limit);
        if (auto r = m_db.setDurableCommits(true); !r) {
            return unexpected(asServiceError(r.error()));
        }
        return result;
    }
    return searchAndAudit(staff, *query, text.trimmed(), limit);
}

QSet<qint64> SearchService::shownInThisTyping(const QString &staffKey, const QString &typed, const QDateTime &now) const
{
    const qint64 gap = m_session.at.isValid() ? m_session.at.secsTo(now) : -1;
    const bool sameTyping = m_session.staff == staffKey && gap >= 0 && gap <= SessionGapSeconds &&
        (typed.startsWith(m_session.text, Qt::CaseInsensitive) || m_session.text.startsWith(typed, Qt::CaseInsensitive));
    return sameTyping ? m_session.shown : QSet<qint64>();
}

QJsonObject SearchService::searchDetails(const Query &query, const QString &typed) const
{
    QJsonObject details{{QStringLiteral("kind"), toKey(query.kind)}};
    // A name is kept as typed (folded), for the supervisor; anything that may be an identifier is
    // kept as a keyed hash: a number typed with letters around it ("BE 85.07.30-033.61", "tel
    // 0470 …") is searched as a name, but with six digits or more it is not one to keep in clear.
    if (query.birthYear > 0) {
        details.insert(QStringLiteral("birth_year"), query.birthYear);
    }
    if (query.kind == SearchKind::Name && digitCount(typed) < 6) {
        details.insert(QStringLiteral("text"), query.text);
    } else if (query.kind == SearchKind::Name) {
        details.insert(QStringLiteral("hash"), m_audit.keyedHash(query.text));
    } else {
        details.insert(QStringLiteral("hash"), m_audit.keyedHash(query.kind == SearchKind::BirthDate ? query.date.toString(Qt::ISODate) : query.text));
    }
    return details;
}

Expected<SearchResult, ServiceError> SearchService::searchThroughServer(const StaffMember &staff, const Query &query, const QString &typed, int limit)
{
    QString kind;
    QVariant a;
    QVariant b;
    QVariant c;
    switch (query.kind) {
    case SearchKind::Name:
        kind = QStringLiteral("name");
        a = m_db.dialect().prefixMatch(query.text);
        if (query.birthYear > 0) {
            b = Sql::fromDate(QDate(query.birthYear, 1, 1));
            c = Sql::fromDate(QDate(query.birthYear + 1, 1, 1));
        }
        break;
    case SearchKind::NationalNumber:
        kind = QStringLiteral("national_number");
        a = query.text;
        if (query.text.size() != 11) {
            b = prefixEnd(query.text);
        }
        break;
    case SearchKind::Phone:
    case SearchKind::Email:
        kind = QStringLiteral("digital");
        a = toKey(query.kind == SearchKind::Phone ? DigitalAddressKind::Phone : DigitalAddressKind::Email);
        b = query.text;
        c = query.text.isEmpty() ? QString() : prefixEnd(query.text);
        break;
    case SearchKind::BirthDate:
        kind = QStringLiteral("birth_date");
        a = Sql::fromDate(query.date);
        break;
    case SearchKind::Address:
        kind = QStringLiteral("address");
        a = query.postcode;
        if (!query.houseNumber.isEmpty()) {
            b = query.houseNumber;
        }
        break;
    }
    if (a.toString().isEmpty() || ((query.kind == SearchKind::Phone || query.kind == SearchKind::Email) && query.text.isEmpty())) {
        return SearchResult();
    }
    const QString staffKey = staff.name + QLatin1Char('@') + staff.workstation;
    const QDateTime now = m_db.clock().now();
    QSet<qint64> recorded = shownInThisTyping(staffKey, typed, now);
    QStringList shown;
    for (qint64 id : std::as_const(recorded)) {
        shown.append(QString::number(id));
    }
    Statement call(m_db,
                   QStringLiteral("SELECT citizen_id, family_name, given_names, birth_date, municipality, identifier, total "
                                  "FROM c360_search(?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS bigint[]), ?)"));
    const QByteArray details = QJsonDocument(searchDetails(query, typed)).toJson(QJsonDocument::Compact);
    if (auto r = call.exec({kind,
                            a,
                            b,
                            c,
                            SearchResult::CountCap + 1,
                            limit,
                            QString::fromUtf8(details),
                            QString(QLatin1Char('{') + shown.join(QLatin1Char(',')) + QLatin1Char('}')),
                            staff.workstation});
        !r) {
        return unexpected(asServiceError(r.error()));
    }
    SearchResult result;
    result.kind = query.kind;
    while (call.next()) {
        result.matches = call.value(6).toInt();
        if (call.value(0).isNull()) {
            continue; // nothing found: the line that carries the search's entry
        }
        const SearchHit hit = readHit(call);
        recorded.insert(hit.citizenId);
        result.hits.append(hit);
    }
    call.finish();
    m_session = {staffKey, typed, now, std::move(recorded)};
    return result;
}

Expected<SearchResult, ServiceError> SearchService::searchAndAudit(const StaffMember &staff, const Query &query, const QString &typed, int limit)
{
    if (m_audit.writesThroughServer()) {
        return searchThroughServer(staff, query, typed, limit);
    }
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(asServiceError(transaction.error()));
    }
    // Counted up to the cap, one beyond it to know there are more; the first limit in name order shown.
    int matches = 0;
    auto found = hits(query, limit, &matches);
    if (!found) {
        return unexpected(asServiceError(found.error()));
    }
    // A keystroke of the same typing shows anew only the citizens it did not show yet.
    const QString staffKey = staff.name + QLatin1Char('@') + staff.workstation;
    const QDateTime now = m_db.clock().now();
    QSet<qint64> recorded = shownInThisTyping(staffKey, typed, now);
    QList<qint64> shown;
    for (const SearchHit &hit : std::as_const(*found)) {
        if (!recorded.contains(hit.citizenId)) {
            shown.append(hit.citizenId);
            recorded.insert(hit.citizenId);
        }
    }
    QJsonObject details = searchDetails(query, typed);
    details.insert(QStringLiteral("results"), found->size());
    details.insert(QStringLiteral("matches"), matches);
    details.insert(QStringLiteral("new_results"), shown.size());
    auto searched = m_audit.record(staff, AuditAction::Search, 0, {}, AuditOutcome::Success, details);
    if (!searched) {
        return unexpected(asServiceError(searched.error()));
    }
    if (auto r = m_audit.recordEach(staff, AuditAction::SearchResultShown, shown, {}, QJsonObject{{QStringLiteral("search"), double(searched->sequence)}});
        !r) {
        return unexpected(asServiceError(r.error()));
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(asServiceError(r.error()));
    }
    // Only what was committed counts as shown.
    m_session = {staffKey, typed, now, std::move(recorded)};
    SearchResult result;
    result.hits = std::move(*found);
    result.matches = matches;
    result.kind = query.kind;
    return result;
}

} // namespace C360
