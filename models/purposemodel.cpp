// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "purposemodel.h"

namespace C360
{

QStringList PurposeModel::defaultCodes()
{
    return {QStringLiteral("counter_visit"),
            QStringLiteral("phone_call"),
            QStringLiteral("request_follow_up"),
            QStringLiteral("report_follow_up"),
            QStringLiteral("correspondence"),
            QStringLiteral("other")};
}

PurposeModel::PurposeModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PurposeModel::setChoices(const QList<Choice> &choices)
{
    beginResetModel();
    m_choices = choices;
    endResetModel();
}

int PurposeModel::rowOf(const QString &code) const
{
    for (int row = 0; row < m_choices.size(); ++row) {
        if (m_choices.at(row).code == code) {
            return row;
        }
    }
    return -1;
}

int PurposeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_choices.size());
}

QVariant PurposeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Choice &choice = m_choices.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return choice.label.isEmpty() ? choice.code : choice.label;
    case CodeRole:
        return choice.code;
    }
    return {};
}

} // namespace C360
