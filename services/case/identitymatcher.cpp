// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/identitymatcher.h"

#include "identifier.h"
#include "searchtext.h"
#include "store/citizenrepository.h"

namespace C360
{

QByteArray IdentityMatcher::Match::fingerprint() const
{
    QByteArray f = "c=" + QByteArray::number(citizenId) + ':' + toKey(basis).toLatin1();
    for (const ReportCandidate &c : candidates) {
        f += ";p=" + QByteArray::number(c.citizenId) + ':' + toKey(c.basis).toLatin1();
    }
    return f;
}

IdentityMatcher::IdentityMatcher(Database &db)
    : m_db(db)
{
}

Expected<IdentityMatcher::Match, StoreError> IdentityMatcher::match(const ReporterIdentity &reporter)
{
    Match m;
    CitizenRepository citizens(m_db);
    if (reporter.nationalIdMalformed) {
        m.invalidNationalId = true;
    } else if (!reporter.nationalId.isEmpty()) {
        // Identifier::detect knows the Belgian register and BIS numbers (11 digits) and the Dutch
        // BSN (9), each with its check.
        const auto identifier = Identifier::detect(reporter.nationalId);
        if (!identifier) {
            m.invalidNationalId = true;
        } else {
            auto found = citizens.findIdByIdentifier(*identifier);
            if (!found) {
                return unexpected(std::move(found).error());
            }
            if (found->has_value()) {
                m.citizenId = **found;
                m.basis = MatchBasis::NationalNumber;
                return m;
            }
        }
    }
    // No certain link: citizens with this verified e-mail address or phone number may be the reporter.
    const std::pair<DigitalAddressKind, const QString *> addresses[] = {
        {DigitalAddressKind::Email, &reporter.email},
        {DigitalAddressKind::Phone, &reporter.phone},
    };
    for (const auto &[kind, value] : addresses) {
        // Nothing to compare: an empty value, an e-mail address without '@', a phone without digits.
        const bool usable = kind == DigitalAddressKind::Email ? value->contains(QLatin1Char('@')) : !SearchText::normalizePhone(*value).isEmpty();
        if (!usable) {
            continue;
        }
        auto ids = citizens.findIdsByDigitalAddress(kind, *value, true);
        if (!ids) {
            return unexpected(std::move(ids).error());
        }
        if (ids->size() > MaxCandidates) {
            continue;
        }
        for (const qint64 id : std::as_const(*ids)) {
            const bool known = std::any_of(m.candidates.cbegin(), m.candidates.cend(), [id](const ReportCandidate &c) {
                return c.citizenId == id;
            });
            if (!known) {
                m.candidates.append({id, kind == DigitalAddressKind::Email ? MatchBasis::Email : MatchBasis::Phone, CandidateState::Possible});
            }
        }
    }
    return m;
}

} // namespace C360
