// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace C360
{

// How synchronisation of one resource of one back end stands, as the sync panel shows it.
struct SyncStatusRow
{
    // Attention: the run went through, but left something for an administrator to decide
    // (deletions withheld).
    enum class State { Idle, Running, Succeeded, Failed, Attention };
    QString source;
    QString resource;
    QString sourceName; // translated, e.g. "the reports server"
    QString resourceName; // translated, e.g. "people"
    State state = State::Idle;
    QDateTime lastSuccess; // UTC
    QString message; // translated: the last summary or problem
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 deleted = 0;
    qint64 skipped = 0;
    qint64 pages = 0;
    bool confirmable = false; // an administrator may confirm the deletions its last run withheld

    friend bool operator==(const SyncStatusRow &, const SyncStatusRow &) = default;
};

// The sync status of every resource of every back end, one row each, for the sync panel and the
// status bar. Filled by the application from the sync service's signals and the stored state.
class SyncStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SourceColumn, ResourceColumn, StateColumn, LastSuccessColumn, ChangesColumn, MessageColumn, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, SourceIdRole, ResourceIdRole, LastSuccessRole, ConfirmableRole };

    explicit SyncStatusModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the row of (row.source, row.resource), or appends it.
    void upsert(const SyncStatusRow &row);
    std::optional<SyncStatusRow> find(const QString &source, const QString &resource) const;
    const QList<SyncStatusRow> &rows() const { return m_rows; }
    bool anyRunning() const;
    // A row that failed or needs attention.
    bool anyFailed() const;

    // Column titles and state names are set by the UI layer (translated there).
    void setHeaderTitles(const QStringList &titles) { m_headers = titles; }
    void setStateNames(const QStringList &names) { m_stateNames = names; }

private:
    QList<SyncStatusRow> m_rows;
    QStringList m_headers;
    QStringList m_stateNames;
};

} // namespace C360
