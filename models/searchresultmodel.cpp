// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "searchresultmodel.h"

namespace C360
{

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

bool SearchResultModel::setHits(quint64 generation, const QList<SearchHit> &hits)
{
    if (generation < m_generation) {
        return false;
    }
    beginResetModel();
    m_generation = generation;
    m_hits = hits;
    endResetModel();
    return true;
}

void SearchResultModel::clear()
{
    beginResetModel();
    m_hits.clear();
    endResetModel();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString name = hit.familyName;
        if (!hit.givenNames.isEmpty()) {
            name += QStringLiteral(", ") + hit.givenNames;
        }
        QStringList distinguish;
        if (hit.birthYear > 0) {
            distinguish.append(QString::number(hit.birthYear));
        }
        if (!hit.municipality.isEmpty()) {
            distinguish.append(hit.municipality);
        }
        return distinguish.isEmpty() ? name : name + QStringLiteral(" (") + distinguish.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    case Qt::ToolTipRole:
        return hit.maskedIdentifier;
    case CitizenIdRole:
        return hit.citizenId;
    case FamilyNameRole:
        return hit.familyName;
    case GivenNamesRole:
        return hit.givenNames;
    case BirthYearRole:
        return hit.birthYear;
    case MunicipalityRole:
        return hit.municipality;
    case MaskedIdentifierRole:
        return hit.maskedIdentifier;
    }
    return {};
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CitizenIdRole, "citizenId");
    names.insert(FamilyNameRole, "familyName");
    names.insert(GivenNamesRole, "givenNames");
    names.insert(BirthYearRole, "birthYear");
    names.insert(MunicipalityRole, "municipality");
    names.insert(MaskedIdentifierRole, "maskedIdentifier");
    return names;
}

} // namespace C360
