// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "open311/open311reportindex.h"
#include "population/dataset.h"

#include <QHash>
#include <QString>
#include <QTimeZone>

namespace C360::Ref::Open311
{

// Who a POST said they were (first_name, last_name, email, phone, account_id).
struct SubmittedReporter
{
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QString accountId;
};

// What the Open311 routes share: the data set, the key that unlocks reporters' identities and POST,
// the report index for filtered pages, and the identities given in POSTs (the data set holds the
// reports themselves).
struct State
{
    State(DataSet &d, const QString &key)
        : data(d)
        , apiKey(key)
        , index(d)
        , zone(QByteArrayLiteral("Europe/Brussels"))
    {
        if (d.profile() == Profile::Netherlands) {
            zone = QTimeZone(QByteArrayLiteral("Europe/Amsterdam"));
        }
        if (!zone.isValid()) {
            zone = QTimeZone::utc(); // no time zone data here: UTC is still an offset the spec allows
        }
    }

    bool keyIsValid(const QString &given) const { return !apiKey.isEmpty() && given == apiKey; }
    // The server's "now": the data set's clock, never the wall clock (same seed, same answers).
    QDateTime now() const
    {
        const QDateTime last = data.lastMutationTime();
        return last.isValid() ? last : data.referenceTime();
    }
    // A w3 date-time with the municipality's offset, as the spec's examples give them.
    QString w3(const QDateTime &time) const { return time.toTimeZone(zone).toString(Qt::ISODate); }

    DataSet &data;
    QString apiKey;
    Open311ReportIndex index;
    QTimeZone zone;
    QHash<quint64, SubmittedReporter> reporters; // by report index
};

} // namespace C360::Ref::Open311
