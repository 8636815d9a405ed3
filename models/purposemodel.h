// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QAbstractListModel>

namespace C360
{

// The purposes staff choose from when they open a profile: a short configurable list of codes
// with their labels (translated by whoever fills it), the one last used first.
class PurposeModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { CodeRole = Qt::UserRole + 1 };
    struct Choice
    {
        QString code;
        QString label;
        friend bool operator==(const Choice &, const Choice &) = default;
    };
    // The codes of the list an installation starts with.
    static QStringList defaultCodes();

    explicit PurposeModel(QObject *parent = nullptr);

    void setChoices(const QList<Choice> &choices);
    const QList<Choice> &choices() const { return m_choices; }
    int rowOf(const QString &code) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Choice> m_choices;
};

} // namespace C360
