// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "searchhit.h"

#include <QAbstractListModel>

namespace C360
{

// The citizens a search found, as the search list shows them: "Family, Given" with birth year
// and municipality to tell namesakes apart, and the masked identifier. Results of a search that
// was overtaken by a newer one (an older generation) are ignored.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        CitizenIdRole = Qt::UserRole + 1,
        FamilyNameRole,
        GivenNamesRole,
        BirthYearRole,
        MunicipalityRole,
        MaskedIdentifierRole,
    };

    explicit SearchResultModel(QObject *parent = nullptr);

    // Shows hits when generation is not older than the last one shown; returns whether it did.
    bool setHits(quint64 generation, const QList<SearchHit> &hits);
    void clear();
    const QList<SearchHit> &hits() const { return m_hits; }
    quint64 generation() const { return m_generation; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<SearchHit> m_hits;
    quint64 m_generation = 0;
};

} // namespace C360
