// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QObject>

#include <memory>

namespace C360::Test
{

// The base of a test of the case services and what builds on them (privacy, retention): each test
// function gets a fresh store (openServices() in init()) with the audit service under key and the
// case, request and catalogue services on it. contactSource is the back end that contact moments
// and requests made here go to (none when empty).
class ServicesTest : public QObject
{
protected:
    Database &openServices(const QByteArray &key, const QString &contactSource = {})
    {
        m_catalogue.reset();
        m_requests.reset();
        m_cases.reset();
        m_audit.reset();
        m_store = std::make_unique<TempStore>();
        Database &db = m_store->open();
        m_audit = std::make_unique<AuditService>(db, key);
        m_cases = std::make_unique<CaseService>(*m_audit, contactSource);
        m_requests = std::make_unique<RequestService>(*m_audit, contactSource);
        m_catalogue = std::make_unique<CatalogueService>(*m_audit);
        return db;
    }
    qint64 auditCount() { return scalar(m_store->db(), QStringLiteral("SELECT COUNT(*) FROM audit_log")); }

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<CaseService> m_cases;
    std::unique_ptr<RequestService> m_requests;
    std::unique_ptr<CatalogueService> m_catalogue;
};

} // namespace C360::Test
