// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "statement.h"

namespace c360
{

Statement::Statement(Database &db, const QString &sql)
    : m_db(db)
{
    auto prepared = db.prepared(sql);
    if (prepared) {
        m_query = *prepared;
    } else {
        m_prepareError = std::move(prepared).error();
    }
}

Statement::~Statement()
{
    finish();
}

Expected<void, StoreError> Statement::exec(const QVariantList &values)
{
    if (!m_query) {
        return unexpected(*m_prepareError);
    }
    m_query->finish();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // Qt SQL binds a null QString as NULL; our NOT NULL text columns want ''. NULL is asked
        // for explicitly with an invalid QVariant (sql::null()).
        if (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull()) {
            m_query->bindValue(static_cast<int>(i), QStringLiteral(""));
        } else if (value.metaType() == QMetaType::fromType<QByteArray>() && value.toByteArray().isNull()) {
            m_query->bindValue(static_cast<int>(i), QByteArray(""));
        } else {
            m_query->bindValue(static_cast<int>(i), value);
        }
    }
    if (!m_query->exec()) {
        return unexpected(m_db.error(*m_query));
    }
    return {};
}

} // namespace c360
