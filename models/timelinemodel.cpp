// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "timelinemodel.h"

#include "casepresentation.h"

#include <KLocalizedString>

#include <QIcon>
#include <QLocale>

#include <algorithm>

namespace C360
{

namespace
{
QString firstLine(const QString &text, int max = 120)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > max) {
        line = line.left(max - 1) + QChar(0x2026);
    }
    return line;
}

bool newerFirst(const TimelineItem &a, const TimelineItem &b)
{
    if (a.time != b.time) {
        return a.time > b.time;
    }
    if (a.kind != b.kind) {
        return int(a.kind) < int(b.kind);
    }
    return a.id > b.id;
}
} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QList<TimelineItem> TimelineModel::build(const CaseFile &file, const QString &language, QHash<qsizetype, QList<TimelineItem>> *children)
{
    QList<TimelineItem> items;
    items.reserve(file.reports.size() + file.contacts.size() + file.requests.size() + file.catalogue.size() + file.zaken.size());
    QHash<qint64, QList<TimelineItem>> supplements; // by request id
    for (const Report &r : file.reports) {
        TimelineItem item;
        item.kind = ItemKind::Report;
        item.id = r.id;
        item.time = r.requested.isValid() ? r.requested : r.updated;
        const QString category = r.serviceName.isEmpty() ? r.serviceCode : r.serviceName;
        item.title = category.isEmpty() ? firstLine(r.description) : category + QStringLiteral(": ") + firstLine(r.description);
        item.text = r.statusNotes.isEmpty() ? r.description : r.description + QStringLiteral("\n\n") + r.statusNotes;
        item.statusKey = toKey(r.status);
        item.open = r.isOpen();
        item.possibleMatch = r.citizenId != file.citizen.id;
        items.append(item);
    }
    for (const ContactMoment &c : file.contacts) {
        TimelineItem item;
        item.kind = ItemKind::ContactMoment;
        item.id = c.id;
        item.time = c.time;
        item.title = c.subject.isEmpty() ? firstLine(c.text) : firstLine(c.subject);
        item.text = c.text;
        item.statusKey = toKey(c.outcome);
        item.channelKey = toKey(c.channel);
        item.staff = c.staffMember;
        items.append(item);
    }
    for (const Request &r : file.requests) {
        TimelineItem item;
        item.kind = ItemKind::Request;
        item.id = r.id;
        item.time = r.created;
        item.title = firstLine(r.question);
        item.text = r.answer.isEmpty() ? r.question : r.question + QStringLiteral("\n\n") + r.answer;
        item.statusKey = toKey(r.status);
        item.open = r.isOpen();
        item.deadline = r.deadline;
        item.expires = r.expires;
        item.staff = r.assignee.name;
        QList<TimelineItem> &mine = supplements[r.id];
        for (const Supplement &s : r.supplements) {
            TimelineItem child;
            child.kind = ItemKind::Request;
            child.id = s.id;
            child.isSupplement = true;
            child.time = s.time;
            child.title = firstLine(s.text);
            child.text = s.text;
            child.staff = s.author;
            mine.append(child);
        }
        std::sort(mine.begin(), mine.end(), [](const TimelineItem &a, const TimelineItem &b) {
            return a.time != b.time ? a.time < b.time : a.id < b.id;
        });
        items.append(item);
    }
    for (const Zaak &z : file.zaken) {
        TimelineItem item;
        item.kind = ItemKind::Case;
        item.id = z.id;
        // Where it stands now: its latest status (or its start, without one).
        item.time = z.statusSet.isValid() ? z.statusSet : z.started.startOfDay(Qt::UTC);
        const QString what = z.description.isEmpty() ? z.typeName : z.description;
        item.title = z.typeName.isEmpty() || what.startsWith(z.typeName) ? what : z.typeName + QStringLiteral(": ") + what;
        QStringList text{z.identification, z.typeName, z.description};
        for (const ZaakStatus &s : z.statuses) {
            text.append(s.explanation.isEmpty() ? s.name : s.name + QStringLiteral(": ") + s.explanation);
        }
        text.removeAll(QString());
        item.text = text.join(QLatin1Char('\n'));
        item.statusKey = z.isOpen() ? QStringLiteral("open") : QStringLiteral("closed");
        item.statusText = z.statusName;
        item.open = z.isOpen();
        if (z.isOpen() && z.deadline.isValid()) {
            item.deadline = z.deadline.endOfDay().toUTC(); // the legal deadline's last moment, local time
        }
        items.append(item);
    }
    for (const LinkedCatalogueEntry &l : file.catalogue) {
        TimelineItem item;
        item.kind = ItemKind::CatalogueEntry;
        item.id = l.entry.id;
        item.time = l.linked;
        item.title = l.entry.name.text(language);
        item.text = l.entry.description.text(language);
        items.append(item);
    }
    std::sort(items.begin(), items.end(), newerFirst);
    if (children) {
        children->clear();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).kind == ItemKind::Request) {
                if (const auto it = supplements.constFind(items.at(i).id); it != supplements.cend() && !it->isEmpty()) {
                    children->insert(i, *it);
                }
            }
        }
    }
    return items;
}

void TimelineModel::setCase(const CaseFile &file, const QString &language)
{
    m_fetching = true; // until the reset is announced: views fetch more after it, not during
    beginResetModel();
    m_items = build(file, language, &m_children);
    m_fetched = int(std::min<qsizetype>(m_items.size(), BatchSize));
    endResetModel();
    m_fetching = false;
}

void TimelineModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_children.clear();
    m_fetched = 0;
    endResetModel();
}

int TimelineModel::rowOf(ItemKind kind, qint64 id) const
{
    for (int row = 0; row < m_fetched; ++row) {
        if (m_items.at(row).kind == kind && m_items.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

void TimelineModel::setKindNames(const QHash<ItemKind, QString> &names)
{
    m_kindNames = names;
    if (m_fetched > 0) {
        Q_EMIT dataChanged(index(0, KindColumn), index(m_fetched - 1, KindColumn), {Qt::DisplayRole});
    }
}

void TimelineModel::setStatusNames(const QHash<QString, QString> &names)
{
    m_statusNames = names;
    if (m_fetched > 0) {
        Q_EMIT dataChanged(index(0, StatusColumn), index(m_fetched - 1, StatusColumn), {Qt::DisplayRole});
    }
}

void TimelineModel::setChannelNames(const QHash<QString, QString> &names)
{
    m_channelNames = names;
    if (m_fetched > 0) {
        Q_EMIT dataChanged(index(0, ChannelColumn), index(m_fetched - 1, ChannelColumn), {Qt::DisplayRole});
    }
}

void TimelineModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (m_fetched > 0) {
        Q_EMIT dataChanged(index(0, TimeColumn), index(m_fetched - 1, TimeColumn), {Qt::DisplayRole});
    }
}

QString TimelineModel::whenText(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid()) {
        return {};
    }
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    const QString clock = CasePresentation::timeText(local.time());
    const qint64 days = now.isValid() ? local.date().daysTo(now.toLocalTime().date()) : -1;
    if (days == 0) {
        return i18nc("@item:intable %1 a time", "Today %1", clock);
    }
    if (days == 1) {
        return i18nc("@item:intable %1 a time", "Yesterday %1", clock);
    }
    if (days > 1 && days < 7) {
        return i18nc("@item:intable %1 a day of the week, %2 a time", "%1 %2", locale.dayName(local.date().dayOfWeek()), clock);
    }
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + clock;
}

void TimelineModel::setHeaderTitles(const QStringList &titles)
{
    m_headers = titles;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_fetched ? createIndex(row, column, quintptr(0)) : QModelIndex();
    }
    if (parent.internalId() != 0 || parent.column() != 0) {
        return {}; // supplements have no children; only the first column has children
    }
    const auto it = m_children.constFind(parent.row());
    if (it == m_children.cend() || row >= it->size()) {
        return {};
    }
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex TimelineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return m_fetched;
    }
    if (parent.internalId() != 0 || parent.column() != 0) {
        return 0;
    }
    return int(m_children.value(parent.row()).size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool TimelineModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    // Not while rows are being inserted or the model reset: a view (or a model tester) asking
    // from its slot would insert rows in the middle of that change.
    return !parent.isValid() && !m_fetching && m_fetched < m_items.size();
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const int more = int(std::min<qsizetype>(BatchSize, m_items.size() - m_fetched));
    m_fetching = true;
    beginInsertRows({}, m_fetched, m_fetched + more - 1);
    m_fetched += more;
    endInsertRows();
    m_fetching = false;
}

const TimelineItem *TimelineModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    if (index.internalId() == 0) {
        return index.row() < m_fetched ? &m_items.at(index.row()) : nullptr;
    }
    const auto it = m_children.constFind(qsizetype(index.internalId() - 1));
    return it != m_children.cend() && index.row() < it->size() ? &it->at(index.row()) : nullptr;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    const TimelineItem *item = itemAt(index);
    if (!item) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return whenText(item->time, m_now);
        case KindColumn:
            return item->isSupplement ? QString() : m_kindNames.value(item->kind);
        case TitleColumn:
            return item->title;
        case ChannelColumn:
            return item->channelKey.isEmpty() ? QString() : m_channelNames.value(item->channelKey);
        case StaffColumn:
            return item->staff;
        case StatusColumn:
            if (!item->statusText.isEmpty()) {
                return item->statusText;
            }
            return item->statusKey.isEmpty() ? QString() : m_statusNames.value(item->statusKey);
        }
        return {};
    case Qt::ToolTipRole:
        // What a column cuts, whole.
        switch (index.column()) {
        case TitleColumn:
            return item->text.left(500);
        case TimeColumn:
            return QLocale().toString(item->time.toLocalTime(), QLocale::LongFormat);
        case StaffColumn:
        case ChannelColumn:
            return index.data(Qt::DisplayRole);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == KindColumn && !item->isSupplement) {
            static const QHash<ItemKind, QString> icons = {{ItemKind::Report, QStringLiteral("kind-report")},
                                                           {ItemKind::ContactMoment, QStringLiteral("kind-contact")},
                                                           {ItemKind::Request, QStringLiteral("kind-request")},
                                                           {ItemKind::CatalogueEntry, QStringLiteral("kind-product")},
                                                           {ItemKind::Case, QStringLiteral("kind-case")}};
            const QString name = icons.value(item->kind);
            return QIcon(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
        }
        return {};
    case KindRole:
        return int(item->kind);
    case ItemIdRole:
        return item->id;
    case TimeRole:
        return item->time;
    case StatusKeyRole:
        return item->statusKey;
    case OpenRole:
        return item->open;
    case TextRole:
        return item->text;
    case SupplementRole:
        return item->isSupplement;
    case PossibleMatchRole:
        return item->possibleMatch;
    case DeadlineRole:
        return item->deadline;
    case ExpiresRole:
        return item->expires;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) {
        return {};
    }
    return m_headers.value(section);
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(ItemIdRole, "itemId");
    names.insert(TimeRole, "time");
    names.insert(StatusKeyRole, "statusKey");
    names.insert(OpenRole, "open");
    names.insert(TextRole, "text");
    names.insert(SupplementRole, "supplement");
    names.insert(PossibleMatchRole, "possibleMatch");
    names.insert(DeadlineRole, "deadline");
    names.insert(ExpiresRole, "expires");
    return names;
}

} // namespace C360
