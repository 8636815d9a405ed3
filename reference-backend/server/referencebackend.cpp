// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "server/referencebackend.h"

#include "ipdc/ipdcapi.h"
#include "ipdc/productcatalogue.h"
#include "klantinteracties/klantinteractiesapi.h"
#include "open311/open311api.h"
#include "population/dataset.h"
#include "server/adminapi.h"
#include "server/refserver.h"
#include "verwerkingenlogging/verwerkingenloggingapi.h"
#include "zgw/zgwapi.h"

#include <QTimeZone>

namespace C360::Ref
{

namespace
{
QDate referenceDateOf(const ReferenceBackend::Options &options)
{
    return options.referenceDate.isValid() ? options.referenceDate : QDateTime::currentDateTimeUtc().date();
}
} // namespace

ReferenceBackend::ReferenceBackend(const Options &options, QObject *parent)
    : QObject(parent)
    , m_data(std::make_unique<DataSet>(options.seed, options.citizens, options.profile, referenceDateOf(options)))
    , m_catalogue(std::make_unique<ProductCatalogue>(options.seed, options.profile, m_data->referenceTime()))
    , m_server(std::make_unique<RefServer>(options.seed))
{
    for (const QString &spec : options.faults) {
        QString error;
        const auto rule = FaultRule::parse(spec, &error);
        if (!rule) {
            m_error = error;
            return;
        }
        m_server->faults().add(*rule);
    }
    // Where the municipality keeps its wall clock (the "zoneless" fault answers in it).
    const QTimeZone zone(options.profile == Profile::Netherlands ? QByteArrayLiteral("Europe/Amsterdam") : QByteArrayLiteral("Europe/Brussels"));
    m_server->setLocalZone(zone.isValid() ? zone : QTimeZone::utc());
    installOpen311Api(*m_server, *m_data, options.token);
    const auto createdContacts = installKlantinteractiesApi(*m_server, *m_data, options.token);
    installIpdcApi(*m_server, *m_catalogue);
    installVerwerkingenloggingApi(*m_server, options.token);
    // The case system knows this application as the client "citizen360", with the token as its secret.
    installZgwApi(*m_server, *m_data, QStringLiteral("citizen360"), options.token);
    ProductCatalogue *catalogue = m_catalogue.get();
    installAdminApi(*m_server,
                    *m_data,
                    {[catalogue]() {
                         return catalogue->count();
                     },
                     [catalogue](int n) {
                         return catalogue->change(n);
                     }},
                    {createdContacts});
}

ReferenceBackend::~ReferenceBackend() = default;

quint16 ReferenceBackend::listen(quint16 port)
{
    const quint16 bound = m_server->listenOnLoopback(port);
    if (bound == 0) {
        m_error = QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port);
    }
    return bound;
}

QUrl ReferenceBackend::baseUrl() const
{
    return m_server->baseUrl();
}

} // namespace C360::Ref
