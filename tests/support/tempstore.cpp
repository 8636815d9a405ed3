// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "tempstore.h"

#include <QTest>

namespace C360::Test
{

TempStore::TempStore(const QDateTime &start)
    : m_clock(start)
{
}

Database &TempStore::open()
{
    auto db = Database::open(path(), Database::OpenMode::Create, m_clock);
    if (!db) {
        QTest::qFail(qPrintable(QStringLiteral("cannot open the test store: ") + db.error().message()), __FILE__, __LINE__);
        qFatal("test store unavailable");
    }
    m_db = std::move(db).value();
    return *m_db;
}

} // namespace C360::Test
