// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"

#include <QAbstractItemModel>
#include <QHash>

namespace C360
{

// One line of a case's timeline: a report, a contact moment, a request, a linked catalogue entry
// or a case (zaak), or (as a child of its request) a supplement.
struct TimelineItem
{
    ItemKind kind = ItemKind::Report;
    qint64 id = 0;
    bool isSupplement = false;
    QDateTime time; // UTC: requested, occurred, created, linked, supplemented
    QString title;
    QString text; // the whole text, for the detail pane and the text filter
    QString statusKey; // "open", "in_progress", "answered", "closed", "answered"/"referred"/… for contacts; empty for entries
    bool open = false; // an open report or request
    bool possibleMatch = false; // a report that may be the citizen's, awaiting a decision
    QDateTime deadline; // requests
    QDateTime expires; // requests
    QString channelKey; // contacts: the channel it came in by
    QString staff; // contacts: who registered it; requests: who handles it
    QString statusText; // cases: the status its case system gives it, shown as it is
};

// The case's one merged timeline, newest first: the five kinds of item (a case of a case system by
// its latest status), each request with its
// supplements as children (oldest first). Top-level rows come in batches (canFetchMore /
// fetchMore) so that a case with thousands of items shows at once.
//
// The model holds no translated text: the view gives it the names of kinds and statuses
// (setKindNames, setStatusNames) and its header titles.
class TimelineModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, TitleColumn, ChannelColumn, StaffColumn, StatusColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(ItemKind)
        ItemIdRole,
        TimeRole, // QDateTime, UTC
        StatusKeyRole,
        OpenRole,
        TextRole,
        SupplementRole, // bool
        PossibleMatchRole,
        DeadlineRole,
        ExpiresRole,
    };
    static constexpr int BatchSize = 200;

    explicit TimelineModel(QObject *parent = nullptr);

    void setCase(const CaseFile &file, const QString &language = QStringLiteral("nl"));
    void clear();
    const QList<TimelineItem> &items() const { return m_items; }
    // The top-level row of the item (kind, id), or -1 when it is not fetched or not there.
    int rowOf(ItemKind kind, qint64 id) const;

    void setKindNames(const QHash<ItemKind, QString> &names);
    void setStatusNames(const QHash<QString, QString> &names);
    void setChannelNames(const QHash<QString, QString> &names);
    void setHeaderTitles(const QStringList &titles);
    // What "today" is for the times shown (the injected clock's now): the last week's are relative.
    void setNow(const QDateTime &now);
    // A time as the timeline shows it: "Today 14:05", "Yesterday 09:10", "Monday 10:12" within the
    // last week, else the short date and the time; never seconds.
    static QString whenText(const QDateTime &time, const QDateTime &now);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

    // The items of file, merged and sorted newest first (supplements in children).
    static QList<TimelineItem> build(const CaseFile &file, const QString &language, QHash<qsizetype, QList<TimelineItem>> *children);

private:
    const TimelineItem *itemAt(const QModelIndex &index) const;

    QList<TimelineItem> m_items; // top level, newest first
    QHash<qsizetype, QList<TimelineItem>> m_children; // by top-level position in m_items
    int m_fetched = 0;
    bool m_fetching = false;
    QHash<ItemKind, QString> m_kindNames;
    QHash<QString, QString> m_statusNames;
    QHash<QString, QString> m_channelNames;
    QDateTime m_now;
    QStringList m_headers;
};

} // namespace C360
