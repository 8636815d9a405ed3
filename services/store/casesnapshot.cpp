// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/casesnapshot.h"

#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/contactmomentrepository.h"
#include "store/reportrepository.h"
#include "store/requestrepository.h"
#include "store/servicetransaction.h"
#include "store/zaakrepository.h"

namespace C360
{

Expected<CaseFile, ServiceError> readCaseFile(Database &db, qint64 citizenId)
{
    return inTransaction<CaseFile>(db, [&]() -> Expected<CaseFile, ServiceError> {
        CaseFile file;
        auto citizen = CitizenRepository(db).find(citizenId);
        if (!citizen) {
            return unexpected(asServiceError(citizen.error()));
        }
        if (!*citizen) {
            return unexpected(ServiceError::notFound());
        }
        file.citizen = std::move(**citizen);
        auto reports = ReportRepository(db).forCitizen(citizenId);
        auto contacts = ContactMomentRepository(db).forCitizen(citizenId);
        auto requests = RequestRepository(db).forCitizen(citizenId);
        auto catalogue = CatalogueRepository(db).linkedToCitizen(citizenId);
        auto zaken = ZaakRepository(db).forCitizen(citizenId);
        for (const StoreError *e : {zaken ? nullptr : &zaken.error(),
                                    reports ? nullptr : &reports.error(),
                                    contacts ? nullptr : &contacts.error(),
                                    requests ? nullptr : &requests.error(),
                                    catalogue ? nullptr : &catalogue.error()}) {
            if (e) {
                return unexpected(asServiceError(*e));
            }
        }
        file.reports = std::move(*reports);
        file.contacts = std::move(*contacts);
        file.requests = std::move(*requests);
        file.catalogue = std::move(*catalogue);
        file.zaken = std::move(*zaken);
        return file;
    });
}

} // namespace C360
