// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "caseview.h"

#include "casepresentation.h"
#include "timelinefiltermodel.h"
#include "timelinemodel.h"
#include "urgency.h"

#include <KLocalizedString>

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace C360
{

namespace
{
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}
} // namespace

CaseView::CaseView(QWidget *parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_filter(new TimelineFilterModel(this))
{
    setObjectName(QStringLiteral("CaseView"));
    m_model->setKindNames({{ItemKind::Report, i18nc("@item timeline kind", "Report")},
                           {ItemKind::ContactMoment, i18nc("@item timeline kind", "Contact")},
                           {ItemKind::Request, i18nc("@item timeline kind", "Request")},
                           {ItemKind::CatalogueEntry, i18nc("@item timeline kind", "Product")},
                           {ItemKind::Case, i18nc("@item timeline kind", "Case")}});
    m_model->setStatusNames(CasePresentation::statusNames());
    QHash<QString, QString> channels;
    for (Channel channel : allValues<Channel>()) {
        channels.insert(toKey(channel), CasePresentation::channelName(channel));
    }
    m_model->setChannelNames(channels);
    m_model->setHeaderTitles({i18nc("@title:column", "When"),
                              i18nc("@title:column", "What"),
                              i18nc("@title:column", "Subject"),
                              i18nc("@title:column", "Channel"),
                              i18nc("@title:column the staff member who registered or handles it", "By"),
                              i18nc("@title:column", "Status")});
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    setupHeader();
    auto *header = new QWidget(this);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name);
    nameRow->addWidget(m_identifier);
    nameRow->addWidget(m_reveal);
    nameRow->addStretch(1);
    nameRow->addWidget(m_badges);
    headerLayout->addLayout(nameRow);
    headerLayout->addWidget(m_facts);
    layout->addWidget(header);

    setupFilters();
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_kindFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_periodFilter);
    filters->addWidget(m_textFilter, 1);
    layout->addLayout(filters);
    layout->addWidget(m_filterSummary);

    m_timeline = new QTreeView(this);
    m_timeline->setObjectName(QStringLiteral("Timeline"));
    m_timeline->setAccessibleName(i18nc("@label accessible", "Timeline"));
    m_timeline->setModel(m_filter);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setAllColumnsShowFocus(true);
    m_timeline->setRootIsDecorated(true);
    m_timeline->setExpandsOnDoubleClick(true);
    m_timeline->header()->setAccessibleName(i18nc("@label accessible", "Timeline columns"));
    m_timeline->header()->setStretchLastSection(false);
    m_timeline->header()->setSectionResizeMode(TimelineModel::TitleColumn, QHeaderView::Stretch);
    m_timeline->header()->setSectionResizeMode(TimelineModel::TimeColumn, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(TimelineModel::KindColumn, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(TimelineModel::StatusColumn, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(TimelineModel::ChannelColumn, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(TimelineModel::StaffColumn, QHeaderView::ResizeToContents);
    m_timeline->setTextElideMode(Qt::ElideRight);

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QTextBrowser(detailPane);
    m_details->setObjectName(QStringLiteral("ItemDetails"));
    m_details->setAccessibleName(i18nc("@label accessible", "Item details"));
    m_details->setOpenLinks(false);
    detailLayout->addWidget(m_details, 1);
    auto *actions = new QHBoxLayout;
    auto button = [detailPane, actions](const QString &name, const QString &text, const QString &accessible) {
        auto *b = new QPushButton(text, detailPane);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        actions->addWidget(b);
        return b;
    };
    m_supplement = button(QStringLiteral("SupplementButton"), i18nc("@action:button", "Su&pplement…"), i18nc("@label accessible", "Supplement the request"));
    m_answer = button(QStringLiteral("AnswerButton"), i18nc("@action:button", "A&nswer…"), i18nc("@label accessible", "Answer the request"));
    m_assign = button(QStringLiteral("AssignButton"), i18nc("@action:button", "Assi&gn…"), i18nc("@label accessible", "Assign the request"));
    m_close = button(QStringLiteral("CloseRequestButton"), i18nc("@action:button", "C&lose Request…"), i18nc("@label accessible", "Close the request"));
    m_reopen = button(QStringLiteral("ReopenRequestButton"), i18nc("@action:button", "Und&o Close"), i18nc("@label accessible", "Reopen the request"));
    m_reopen->setToolTip(i18nc("@info:tooltip", "Open the request again. Possible until the close has been sent to the contact server."));
    m_confirm =
        button(QStringLiteral("ConfirmMatchButton"), i18nc("@action:button", "This Is the &Reporter"), i18nc("@label accessible", "Confirm the reporter"));
    m_reject = button(QStringLiteral("RejectMatchButton"), i18nc("@action:button", "&Not the Reporter"), i18nc("@label accessible", "Reject the reporter"));
    m_openCase = button(
        QStringLiteral("OpenCaseButton"), i18nc("@action:button", "Open in &Case System"), i18nc("@label accessible", "Open the case in the case system"));
    m_openCase->setToolTip(i18nc("@info:tooltip", "Open this case in the case system, in the web browser."));
    actions->addStretch(1);
    detailLayout->addLayout(actions);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("CaseSplitter"));
    splitter->addWidget(m_timeline);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_timeline->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    auto selectedRequest = [this] {
        const ItemLink item = selectedItem();
        return item.kind == ItemKind::Request ? item.id : qint64(0);
    };
    connect(m_openCase, &QPushButton::clicked, this, [this] {
        const ItemLink item = selectedItem();
        for (const Zaak &z : std::as_const(m_file.zaken)) {
            const QUrl url(z.url, QUrl::StrictMode);
            // Only a web address: a case system's URL that is anything else is not followed.
            if (item.kind == ItemKind::Case && z.id == item.id && url.isValid() &&
                (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))) {
                Q_EMIT caseSystemLinkRequested(url);
            }
        }
    });
    connect(m_supplement, &QPushButton::clicked, this, [this, selectedRequest] {
        Q_EMIT supplementRequested(selectedRequest());
    });
    connect(m_answer, &QPushButton::clicked, this, [this, selectedRequest] {
        Q_EMIT answerRequested(selectedRequest());
    });
    connect(m_assign, &QPushButton::clicked, this, [this, selectedRequest] {
        Q_EMIT assignRequested(selectedRequest());
    });
    connect(m_close, &QPushButton::clicked, this, [this, selectedRequest] {
        Q_EMIT closeRequested(selectedRequest());
    });
    connect(m_reopen, &QPushButton::clicked, this, [this, selectedRequest] {
        Q_EMIT reopenRequested(selectedRequest());
    });
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        Q_EMIT matchDecided(selectedItem().id, true);
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        Q_EMIT matchDecided(selectedItem().id, false);
    });

    m_next = new QAction(i18nc("@action", "Next Item"), this);
    m_next->setObjectName(QStringLiteral("NextItemAction"));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_next, &QAction::triggered, this, [this] {
        step(1);
    });
    m_previous = new QAction(i18nc("@action", "Previous Item"), this);
    m_previous->setObjectName(QStringLiteral("PreviousItemAction"));
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_previous->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_previous, &QAction::triggered, this, [this] {
        step(-1);
    });
    addAction(m_next);
    addAction(m_previous);
    updateActions();
}

CaseView::~CaseView() = default;

void CaseView::setupHeader()
{
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("CitizenName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setTextFormat(Qt::PlainText); // a synced name is text, whatever it looks like
    m_identifier = new QLabel(this);
    m_identifier->setObjectName(QStringLiteral("CitizenIdentifier"));
    m_identifier->setTextFormat(Qt::PlainText);
    m_identifier->setAccessibleName(i18nc("@label accessible", "National register number"));
    m_reveal = new QToolButton(this);
    m_reveal->setObjectName(QStringLiteral("RevealButton"));
    m_reveal->setText(i18nc("@action:button", "Show"));
    m_reveal->setToolTip(i18nc("@info:tooltip", "Show the whole number. This is recorded in the audit log."));
    m_reveal->setAccessibleName(i18nc("@label accessible", "Show the national register number"));
    connect(m_reveal, &QToolButton::clicked, this, &CaseView::revealRequested);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("CitizenFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badges = new QLabel(this);
    m_badges->setObjectName(QStringLiteral("CaseBadges"));
    m_badges->setTextFormat(Qt::RichText);
}

void CaseView::setupFilters()
{
    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("KindFilter"));
    m_kindFilter->setAccessibleName(i18nc("@label accessible", "Show kind"));
    m_kindFilter->addItem(i18nc("@item:inlistbox", "All kinds"), -1);
    m_kindFilter->addItem(i18nc("@item:inlistbox", "Reports"), int(ItemKind::Report));
    m_kindFilter->addItem(i18nc("@item:inlistbox", "Contacts"), int(ItemKind::ContactMoment));
    m_kindFilter->addItem(i18nc("@item:inlistbox", "Requests"), int(ItemKind::Request));
    m_kindFilter->addItem(i18nc("@item:inlistbox", "Products"), int(ItemKind::CatalogueEntry));
    m_kindFilter->addItem(i18nc("@item:inlistbox", "Cases"), int(ItemKind::Case));
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_kindFilter->currentData().toInt();
        m_filter->setKinds(kind < 0 ? QSet<ItemKind>() : QSet<ItemKind>{ItemKind(kind)});
    });
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("StatusFilter"));
    m_statusFilter->setAccessibleName(i18nc("@label accessible", "Show status"));
    m_statusFilter->addItem(i18nc("@item:inlistbox", "Any status"), int(TimelineFilterModel::Status::Any));
    m_statusFilter->addItem(i18nc("@item:inlistbox", "Open"), int(TimelineFilterModel::Status::Open));
    m_statusFilter->addItem(i18nc("@item:inlistbox", "Closed"), int(TimelineFilterModel::Status::Closed));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatus(TimelineFilterModel::Status(m_statusFilter->currentData().toInt()));
    });
    m_periodFilter = new QComboBox(this);
    m_periodFilter->setObjectName(QStringLiteral("PeriodFilter"));
    m_periodFilter->setAccessibleName(i18nc("@label accessible", "Show period"));
    m_periodFilter->addItem(i18nc("@item:inlistbox", "Any time"), 0);
    m_periodFilter->addItem(i18nc("@item:inlistbox", "Last 30 days"), 30);
    m_periodFilter->addItem(i18nc("@item:inlistbox", "Last 12 months"), 365);
    connect(m_periodFilter, &QComboBox::currentIndexChanged, this, &CaseView::applyPeriod);
    m_textFilter = new QLineEdit(this);
    m_textFilter->setObjectName(QStringLiteral("TimelineTextFilter"));
    m_textFilter->setPlaceholderText(i18nc("@info:placeholder", "Filter the timeline"));
    m_textFilter->setAccessibleName(i18nc("@label accessible", "Filter the timeline by text"));
    m_textFilter->setClearButtonEnabled(true);
    connect(m_textFilter, &QLineEdit::textChanged, m_filter, &TimelineFilterModel::setText);
    m_filterSummary = new QLabel(this);
    m_filterSummary->setObjectName(QStringLiteral("FilterSummary"));
    m_filterSummary->setTextFormat(Qt::RichText);
    m_filterSummary->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_filterSummary->hide();
    connect(m_filterSummary, &QLabel::linkActivated, this, &CaseView::clearFilters);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &CaseView::updateFilterSummary);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &CaseView::updateFilterSummary);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &CaseView::updateFilterSummary);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &CaseView::updateFilterSummary);
}

void CaseView::clearFilters()
{
    m_kindFilter->setCurrentIndex(0);
    m_statusFilter->setCurrentIndex(0);
    m_periodFilter->setCurrentIndex(0);
    m_textFilter->clear();
}

void CaseView::updateFilterSummary()
{
    const int all = m_model->rowCount();
    const int shown = m_filter->rowCount();
    QString text;
    if (hasCase() && all == 0) {
        text = i18nc("@info", "No reports, contacts, requests or products for this citizen yet.").toHtmlEscaped();
    } else if (shown < all) {
        text = i18ncp("@info; %2 items shown of %1", "%2 of %1 item shown", "%2 of %1 items shown", all, shown).toHtmlEscaped() +
            QStringLiteral(" · <a href=\"clear\">") + i18nc("@action:button", "Clear filters").toHtmlEscaped() + QStringLiteral("</a>");
    }
    m_filterSummary->setText(text);
    m_filterSummary->setVisible(!text.isEmpty());
}

void CaseView::applyPeriod()
{
    const int days = m_periodFilter->currentData().toInt();
    // "Now" is the one the case was shown with (the injected clock's); before a case there is
    // nothing to filter.
    const QDate today = m_now.toLocalTime().date();
    m_filter->setPeriod(days > 0 && today.isValid() ? today.addDays(-days) : QDate(), QDate());
}

void CaseView::setCase(const CaseFile &file, const QDateTime &now)
{
    const bool sameCitizen = file.citizen.id == m_file.citizen.id;
    const ItemLink selected = selectedItem();
    m_file = file;
    const bool newDay = now.toLocalTime().date() != m_now.toLocalTime().date();
    m_now = now;
    m_model->setNow(now);
    if (newDay) {
        applyPeriod(); // "the last 30 days" count from the new now
    }
    if (!sameCitizen) {
        m_revealed.clear();
        clearFilters(); // another citizen's timeline starts whole
    }
    m_model->setCase(file, QLocale().name().left(2));
    m_timeline->expandAll();
    updateHeader();
    updateFilterSummary();
    if (sameCitizen && selected.id) {
        selectItem(selected.kind, selected.id);
    } else if (m_filter->rowCount() > 0) {
        m_timeline->setCurrentIndex(m_filter->index(0, 0));
    }
    updateDetails();
    updateActions();
}

void CaseView::setReopenable(const QSet<qint64> &requestIds)
{
    m_reopenable = requestIds;
    updateActions();
}

void CaseView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_badges) {
        updateHeader(); // the urgency colours follow the new palette
    }
}

void CaseView::showRevealedIdentifier(const QString &formatted)
{
    m_revealed = formatted;
    updateHeader();
}

void CaseView::selectItem(ItemKind kind, qint64 id)
{
    const int row = m_model->rowOf(kind, id);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        m_timeline->setCurrentIndex(index);
        m_timeline->scrollTo(index);
    }
}

ItemLink CaseView::selectedItem() const
{
    QModelIndex index = m_timeline->currentIndex();
    if (!index.isValid()) {
        return {ItemKind::Report, 0};
    }
    if (index.parent().isValid()) {
        index = index.parent(); // a supplement: its request
    }
    index = index.siblingAtColumn(0);
    return {ItemKind(index.data(TimelineModel::KindRole).toInt()), index.data(TimelineModel::ItemIdRole).toLongLong()};
}

QString CaseView::printHtml(const QString &printedBy, const QDateTime &printed) const
{
    QString html = QStringLiteral("<h1>") + esc(m_file.citizen.displayName()) + QStringLiteral("</h1><p>") + esc(m_identifier->text()) +
        QStringLiteral("</p><p>") + m_facts->text() + QStringLiteral("</p>");
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>");
    for (int column = 0; column < TimelineModel::ColumnCount; ++column) {
        html += QStringLiteral("<th>") + esc(m_filter->headerData(column, Qt::Horizontal).toString()) + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr>");
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < TimelineModel::ColumnCount; ++column) {
            html += QStringLiteral("<td>") + esc(m_filter->index(row, column).data().toString()) + QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>");
    }
    if (m_filter->rowCount() == 0) {
        html += QStringLiteral("<tr><td colspan=\"%1\">").arg(TimelineModel::ColumnCount) + esc(i18nc("@info", "Nothing on the timeline.")) +
            QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table><p><i>") +
        esc(i18nc("@info; %1 a date and time, %2 a staff member",
                  "Printed on %1 by %2.",
                  QLocale().toString(printed.toLocalTime(), QLocale::LongFormat),
                  printedBy)) +
        QStringLiteral("</i></p>");
    return html;
}

void CaseView::updateHeader()
{
    const Citizen &c = m_file.citizen;
    m_name->setText(c.displayName());
    m_name->setAccessibleName(c.displayName());
    const auto identifier = c.primaryIdentifier();
    m_identifier->setText(!m_revealed.isEmpty() ? m_revealed : identifier ? identifier->masked() : QString());
    m_reveal->setVisible(identifier.has_value() && m_revealed.isEmpty());
    m_facts->setText(CasePresentation::facts(c));
    const CasePresentation::Badges badges = CasePresentation::badges(m_file, m_now);
    m_badges->setText(badges.html);
    m_badges->setAccessibleName(badges.accessible);
    // Overdue and due today in the urgency colours of the palette in use.
    QPalette palette = this->palette();
    if (badges.fewestDaysLeft && *badges.fewestDaysLeft <= 0) {
        palette.setColor(QPalette::WindowText, *badges.fewestDaysLeft < 0 ? Urgency::overdueText(palette) : Urgency::dueTodayText(palette));
    }
    m_badges->setPalette(palette);
}

void CaseView::updateDetails()
{
    const QModelIndex current = m_timeline->currentIndex();
    if (!current.isValid()) {
        m_details->setHtml(QStringLiteral("<p>") + esc(i18nc("@info", "Select an item of the timeline to see it here.")) + QStringLiteral("</p>"));
        return;
    }
    const bool supplement = current.parent().isValid();
    const qint64 supplementId = supplement ? current.siblingAtColumn(0).data(TimelineModel::ItemIdRole).toLongLong() : 0;
    m_details->setHtml(CasePresentation::detailHtml(m_file, selectedItem(), m_now, supplement, supplementId));
}

void CaseView::updateActions()
{
    const ItemLink item = selectedItem();
    const QModelIndex current = m_timeline->currentIndex();
    const bool request = item.id && item.kind == ItemKind::Request;
    bool open = false;
    for (const Request &r : m_file.requests) {
        open = open || (request && r.id == item.id && r.isOpen());
    }
    m_supplement->setVisible(request);
    m_supplement->setEnabled(open);
    m_answer->setVisible(request);
    m_answer->setEnabled(open);
    m_assign->setVisible(request);
    m_assign->setEnabled(open);
    m_close->setVisible(request && (open || !m_reopenable.contains(item.id)));
    m_close->setEnabled(open);
    m_reopen->setVisible(request && !open && m_reopenable.contains(item.id));
    const bool possible = item.id && item.kind == ItemKind::Report && current.siblingAtColumn(0).data(TimelineModel::PossibleMatchRole).toBool();
    m_confirm->setVisible(possible);
    m_reject->setVisible(possible);
    const bool zaak = item.id && item.kind == ItemKind::Case;
    bool linked = false;
    for (const Zaak &z : std::as_const(m_file.zaken)) {
        linked = linked || (zaak && z.id == item.id && !z.url.isEmpty());
    }
    m_openCase->setVisible(zaak);
    m_openCase->setEnabled(linked);
}

void CaseView::step(int delta)
{
    const QModelIndex current = m_timeline->currentIndex();
    const QModelIndex top = current.parent().isValid() ? current.parent() : current;
    const int row = top.isValid() ? top.row() + delta : 0;
    if (row >= 0 && row < m_filter->rowCount()) {
        m_timeline->setCurrentIndex(m_filter->index(row, 0));
        m_timeline->scrollTo(m_timeline->currentIndex());
    }
}

} // namespace C360
