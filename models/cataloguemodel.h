// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "catalogueentry.h"

#include <QAbstractListModel>
#include <QHash>

namespace C360
{

// Products and services as the catalogue pane lists them, in the UI language with Dutch (then
// any language) as fallback; suggested entries (for the open case) are marked.
class CatalogueModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        DescriptionRole,
        ConditionsRole,
        ProcedureRole,
        CostRole,
        DocumentsRole,
        SuggestedRole,
        SuggestionReasonRole, // why it is suggested (empty: not suggested)
    };

    explicit CatalogueModel(QObject *parent = nullptr);

    void setLanguage(const QString &language);
    // entries, suggested ones (by id) marked with their reason.
    void setEntries(const QList<CatalogueEntry> &entries, const QHash<qint64, QString> &suggested = {});
    const QList<CatalogueEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<CatalogueEntry> m_entries;
    QHash<qint64, QString> m_suggested;
    QString m_language = QStringLiteral("nl");
};

} // namespace C360
