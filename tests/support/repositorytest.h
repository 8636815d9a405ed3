// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "storetesting.h"
#include "tempstore.h"

#include <QObject>

#include <memory>

namespace C360::Test
{

// The base of a repository's test: each test function gets a fresh store (openStore() in init())
// with the repository under test on it, gone again in cleanup() (closeStore()).
template<typename Repository>
class RepositoryTest : public QObject
{
protected:
    Database &openStore()
    {
        m_store = std::make_unique<TempStore>();
        Database &db = m_store->open();
        m_repository = std::make_unique<Repository>(db);
        return db;
    }
    // openStore(), with a citizen, a report of theirs and a catalogue entry to link items to.
    Database &openStoreWithLinkTargets()
    {
        Database &db = openStore();
        const LinkTargets targets = addLinkTargets(db);
        m_citizen = targets.citizen;
        m_report = targets.report;
        m_entry = targets.entry;
        return db;
    }
    void closeStore()
    {
        m_repository.reset();
        m_store.reset();
    }

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<Repository> m_repository;
    qint64 m_citizen = 0;
    qint64 m_report = 0;
    qint64 m_entry = 0;
};

} // namespace C360::Test
