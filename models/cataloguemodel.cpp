// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "cataloguemodel.h"

namespace C360
{

CatalogueModel::CatalogueModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CatalogueModel::setLanguage(const QString &language)
{
    m_language = language;
    if (!m_entries.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1));
    }
}

void CatalogueModel::setEntries(const QList<CatalogueEntry> &entries, const QHash<qint64, QString> &suggested)
{
    beginResetModel();
    m_entries = entries;
    m_suggested = suggested;
    endResetModel();
}

int CatalogueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CatalogueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const CatalogueEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.name.text(m_language);
    case EntryIdRole:
        return e.id;
    case DescriptionRole:
        return e.description.text(m_language);
    case ConditionsRole:
        return e.conditions.text(m_language);
    case ProcedureRole:
        return e.procedure.text(m_language);
    case CostRole:
        return e.cost.text(m_language);
    case DocumentsRole:
        return e.requiredDocuments.text(m_language);
    case SuggestedRole:
        return m_suggested.contains(e.id);
    case SuggestionReasonRole:
    case Qt::ToolTipRole:
        return m_suggested.value(e.id);
    }
    return {};
}

} // namespace C360
