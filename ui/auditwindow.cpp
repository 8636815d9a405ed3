// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "auditwindow.h"

#include "audit/accesspolicy.h"
#include "auditlogmodel.h"
#include "case/caseservice.h"
#include "common/clock.h"
#include "common/messages.h"
#include "common/privatefile.h"
#include "privacy/privacyservice.h"
#include "purposes.h"

#include <KLocalizedString>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace C360
{

namespace
{
constexpr int DefaultDays = 7;

const QList<AuditAction> &allActions()
{
    static const QList<AuditAction> actions = {AuditAction::ProfileOpened,
                                               AuditAction::IdentifierRevealed,
                                               AuditAction::Search,
                                               AuditAction::SearchResultShown,
                                               AuditAction::Change,
                                               AuditAction::Print,
                                               AuditAction::Export,
                                               AuditAction::AccessReport,
                                               AuditAction::Purge,
                                               AuditAction::ContactEnded,
                                               AuditAction::Login,
                                               AuditAction::LoginFailed,
                                               AuditAction::SessionLocked,
                                               AuditAction::Logout,
                                               AuditAction::AccessDenied,
                                               AuditAction::AuditVerified};
    return actions;
}

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}
} // namespace

AuditWindow::AuditWindow(AuditQueryService &query, PrivacyService &privacy, CaseService &cases, const StaffMember &staff, Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_query(query)
    , m_privacy(privacy)
    , m_cases(cases)
    , m_staffMember(staff)
    , m_clock(clock)
    , m_model(new AuditLogModel(this))
    , m_flagFilter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("AuditWindow"));
    setWindowTitle(i18nc("@title:window", "Audit Log"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    auto *layout = new QVBoxLayout(this);
    setupFilters();

    m_model->setPurposeNames(purposeNames());
    m_flagFilter->setSourceModel(m_model);
    m_flagFilter->setFilterRole(AuditLogModel::FlaggedRole);
    m_flagFilter->setFilterKeyColumn(AuditLogModel::FlagsColumn);
    m_flagFilter->setRecursiveFilteringEnabled(true); // a search stays for a flagged citizen it showed
    m_flagFilter->setSortRole(AuditLogModel::SequenceRole);
    m_table = new QTreeView(this);
    m_table->setObjectName(QStringLiteral("AuditTable"));
    m_table->setAccessibleName(i18nc("@label accessible", "Audit entries"));
    m_table->setModel(m_flagFilter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditLogModel::SequenceColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(AuditLogModel::FlagsColumn, QHeaderView::Stretch);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setMinimumSectionSize(m_table->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 4);

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QTextBrowser(detailPane);
    m_details->setObjectName(QStringLiteral("AuditEntryDetails"));
    m_details->setAccessibleName(i18nc("@label accessible", "The selected entry"));
    m_details->setOpenLinks(false);
    detailLayout->addWidget(m_details, 1);
    m_reveal = new QPushButton(i18nc("@action:button", "Show the Citizen's &Number"), detailPane);
    m_reveal->setObjectName(QStringLiteral("RevealCitizenButton"));
    m_reveal->setToolTip(i18nc("@info:tooltip", "Show the whole number of this entry's citizen. This is recorded in the audit log."));
    m_reveal->setEnabled(false);
    auto *revealRow = new QHBoxLayout;
    revealRow->addWidget(m_reveal);
    revealRow->addStretch(1);
    detailLayout->addLayout(revealRow);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("AuditSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &AuditWindow::showSelected);
    connect(m_reveal, &QPushButton::clicked, this, &AuditWindow::revealSelected);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("AuditStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_chain = new QLabel(this);
    m_chain->setObjectName(QStringLiteral("AuditChain"));
    m_chain->setWordWrap(true);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chain->setText(i18nc("@info", "The hash chain has not been verified in this window yet."));
    layout->addWidget(m_chain);
    setupButtons();
    resize(1100, 640);

    // The role is the service's to decide: a refused first read says so and disables the rest.
    auto actors = m_query.actors(m_staffMember);
    if (!actors) {
        m_refused = true;
        showProblem(actors.error().message);
        for (QWidget *w : std::as_const(m_needsPermission)) {
            w->setEnabled(false);
        }
        return;
    }
    for (const QString &actor : std::as_const(*actors)) {
        m_staff->addItem(actor, actor);
    }
    refresh();
}

AuditWindow::~AuditWindow() = default;

void AuditWindow::setupFilters()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *row1 = new QHBoxLayout;
    auto *row2 = new QHBoxLayout;

    m_staff = new QComboBox(this);
    m_staff->setObjectName(QStringLiteral("StaffFilter"));
    m_staff->setEditable(true);
    m_staff->addItem(i18nc("@item:inlistbox staff filter", "Anyone"), QString());
    m_staff->setMinimumContentsLength(16);
    m_citizen = new QLineEdit(this);
    m_citizen->setObjectName(QStringLiteral("CitizenFilter"));
    m_citizen->setPlaceholderText(i18nc("@info:placeholder", "National number, BIS number or BSN"));
    m_citizen->setClearButtonEnabled(true);
    // Room for a formatted number ("85.07.30-033.61") and the placeholder, next to wide lists.
    m_citizen->setMinimumWidth(m_citizen->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 24);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("ActionFilter"));
    m_action->addItem(i18nc("@item:inlistbox action filter", "Any action"), QString());
    for (AuditAction action : allActions()) {
        m_action->addItem(auditActionName(action), toKey(action));
    }
    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(QStringLiteral("PurposeFilter"));
    m_purpose->setEditable(true);
    m_purpose->addItem(i18nc("@item:inlistbox purpose filter", "Any purpose"), QString());
    for (const auto &list : {standardPurposes(), systemPurposes()}) {
        for (const PurposeModel::Choice &choice : list) {
            m_purpose->addItem(choice.label, choice.code);
        }
    }

    const QDate today = m_clock.now().toLocalTime().date();
    m_from = new QDateEdit(today.addDays(-DefaultDays), this);
    m_from->setObjectName(QStringLiteral("FromFilter"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("ToFilter"));
    m_to->setCalendarPopup(true);
    m_flaggedOnly = new QCheckBox(i18nc("@option:check", "Only &flagged entries"), this);
    m_flaggedOnly->setObjectName(QStringLiteral("FlaggedOnly"));
    // The filters apply as they change; the log grows meanwhile, so it can be read again.
    auto *show = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:button", "R&efresh"), this);
    show->setObjectName(QStringLiteral("ShowButton"));
    show->setShortcut(QKeySequence::Refresh);
    show->setToolTip(i18nc("@info:tooltip", "Read the audit log again, with the entries written since."));

    auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    row1->addWidget(label(i18nc("@label:listbox", "S&taff member:"), m_staff));
    row1->addWidget(m_staff, 1);
    row1->addWidget(label(i18nc("@label:textbox", "&Citizen:"), m_citizen));
    row1->addWidget(m_citizen, 1);
    row1->addWidget(label(i18nc("@label:listbox", "&Action:"), m_action));
    row1->addWidget(m_action, 1);
    row1->addWidget(label(i18nc("@label:listbox", "&Purpose:"), m_purpose));
    row1->addWidget(m_purpose, 1);
    row2->addWidget(label(i18nc("@label period start", "F&rom:"), m_from));
    row2->addWidget(m_from);
    row2->addWidget(label(i18nc("@label period end", "T&o:"), m_to));
    row2->addWidget(m_to);
    row2->addWidget(m_flaggedOnly);
    row2->addStretch(1);
    row2->addWidget(show);
    form->addRow(row1);
    form->addRow(row2);
    static_cast<QVBoxLayout *>(layout())->addLayout(form);

    connect(show, &QPushButton::clicked, this, &AuditWindow::refresh);
    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &AuditWindow::refresh);
    auto later = [this] {
        if (!m_refused) {
            m_filterDelay->start();
        }
    };
    connect(m_staff, &QComboBox::currentTextChanged, this, later);
    connect(m_citizen, &QLineEdit::textChanged, this, later);
    connect(m_action, &QComboBox::currentIndexChanged, this, later);
    connect(m_purpose, &QComboBox::currentTextChanged, this, later);
    connect(m_from, &QDateEdit::dateChanged, this, later);
    connect(m_to, &QDateEdit::dateChanged, this, later);
    connect(m_citizen, &QLineEdit::returnPressed, this, &AuditWindow::refresh);
    connect(m_flaggedOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_flagFilter->setFilterFixedString(on ? QStringLiteral("true") : QString());
        showStatus(i18ncp("@info", "%1 entry shown", "%1 entries shown", m_flagFilter->rowCount()));
    });
    m_needsPermission = {m_staff, m_citizen, m_action, m_purpose, m_from, m_to, m_flaggedOnly, show};
}

void AuditWindow::setupButtons()
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *verify = buttons->addButton(i18nc("@action:button", "&Verify Audit Log"), QDialogButtonBox::ActionRole);
    verify->setObjectName(QStringLiteral("VerifyButton"));
    verify->setIcon(QIcon::fromTheme(QStringLiteral("security-high")));
    verify->setToolTip(i18nc("@info:tooltip", "Check that no entry of the audit log was changed, removed or inserted."));
    auto *csv = buttons->addButton(i18nc("@action:button", "Export &CSV…"), QDialogButtonBox::ActionRole);
    csv->setObjectName(QStringLiteral("ExportCsvButton"));
    auto *pdf = buttons->addButton(i18nc("@action:button", "Export P&DF…"), QDialogButtonBox::ActionRole);
    pdf->setObjectName(QStringLiteral("ExportPdfButton"));
    auto *report = buttons->addButton(i18nc("@action:button", "Citizen Access &Report…"), QDialogButtonBox::ActionRole);
    report->setObjectName(QStringLiteral("AccessReportButton"));
    report->setToolTip(i18nc("@info:tooltip", "Who opened a citizen's profile, when and why, as the citizen may ask under the GDPR (art. 15)."));
    static_cast<QVBoxLayout *>(layout())->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(verify, &QPushButton::clicked, this, &AuditWindow::verifyChain);
    connect(csv, &QPushButton::clicked, this, &AuditWindow::askExportCsv);
    connect(pdf, &QPushButton::clicked, this, &AuditWindow::askExportPdf);
    connect(report, &QPushButton::clicked, this, &AuditWindow::askAccessReport);
    m_needsPermission += {verify, csv, pdf, report};
}

Expected<AuditFilter, QString> AuditWindow::filter()
{
    AuditFilter f;
    const QString staffText = m_staff->currentText().trimmed();
    const int staffIndex = m_staff->findText(staffText);
    f.staffMember = staffIndex >= 0 ? m_staff->itemData(staffIndex).toString() : staffText;
    if (const QString number = m_citizen->text().trimmed(); !number.isEmpty()) {
        auto id = m_privacy.citizenByNumber(number);
        if (!id) {
            return unexpected(id.error().kind == ServiceError::Kind::NotFound ? i18nc("@info", "Nobody in this store has the number %1.", number)
                                                                              : id.error().message);
        }
        f.citizenId = *id;
    }
    if (const QString action = m_action->currentData().toString(); !action.isEmpty()) {
        f.action = fromKey<AuditAction>(action);
    }
    const QString purposeText = m_purpose->currentText().trimmed();
    const int purposeIndex = m_purpose->findText(purposeText);
    f.purposeCode = purposeIndex >= 0 ? m_purpose->itemData(purposeIndex).toString() : purposeText;
    if (m_from->date() > m_to->date()) {
        return unexpected(i18nc("@info", "The period ends before it starts; choose a “To” date on or after the “From” date."));
    }
    // Whole local days: from the start of the first to the start of the day after the last.
    f.from = m_from->date().startOfDay().toUTC();
    f.to = m_to->date().addDays(1).startOfDay().toUTC();
    return f;
}

bool AuditWindow::refresh()
{
    m_filterDelay->stop();
    auto f = filter();
    if (!f) {
        m_model->setRows({});
        showSelected();
        showProblem(f.error());
        return false;
    }
    auto rows = m_query.find(m_staffMember, *f);
    if (!rows) {
        m_model->setRows({});
        showSelected();
        showProblem(rows.error().message);
        return false;
    }
    m_model->setRows(*rows);
    QString text = i18ncp("@info", "%1 entry", "%1 entries", int(rows->size())) + QStringLiteral(" · ") +
        i18ncp("@info", "%1 flagged", "%1 flagged", m_model->flaggedCount());
    if (rows->size() >= f->limit) {
        text += QStringLiteral(" · ") + i18nc("@info", "Only the newest %1 are shown; narrow the filter to see the others.", f->limit);
    }
    showStatus(text);
    showSelected();
    return true;
}

void AuditWindow::showSelected()
{
    const QModelIndex current = m_flagFilter->mapToSource(m_table->currentIndex());
    const AuditRow *row = m_model->rowAt(current.siblingAtColumn(0));
    m_reveal->setEnabled(row && row->entry.subjectCitizenId && !row->maskedCitizen.isEmpty() &&
                         AccessPolicy::allows(m_staffMember.role, Operation::RevealIdentifier));
    if (!row) {
        m_details->setHtml(QStringLiteral("<p>") + i18nc("@info", "Select an entry to see it in full here.").toHtmlEscaped() + QStringLiteral("</p>"));
        return;
    }
    const AuditEntry &e = row->entry;
    auto line = [](const QString &label, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><th align=\"left\">") + label.toHtmlEscaped() + QStringLiteral("</th><td>") + value.toHtmlEscaped() +
                QStringLiteral("</td></tr>");
    };
    auto cell = [&current](int column) {
        return current.siblingAtColumn(column).data().toString();
    };
    QString html = QStringLiteral("<table cellspacing=\"2\" cellpadding=\"2\">");
    html += line(i18nc("@label", "Entry"), QLocale().toString(e.sequence));
    html += line(i18nc("@label", "When"), QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat));
    html += line(i18nc("@label", "Who"), i18nc("@info; %1 staff member, %2 role, %3 workstation", "%1 (%2) on %3", e.actor, roleName(e.role), e.workstation));
    html += line(i18nc("@label", "Action"), cell(AuditLogModel::ActionColumn));
    html += line(i18nc("@label", "Citizen"), cell(AuditLogModel::CitizenColumn));
    html += line(i18nc("@label", "Purpose"), m_model->purposeName(e));
    if (!e.purposeText.isEmpty() && e.purposeCode != QLatin1String("other")) {
        html += line(i18nc("@label the staff member's own words for the purpose", "In their words"), e.purposeText);
    }
    html += line(i18nc("@label", "Outcome"), auditOutcomeName(e.outcome));
    html += QStringLiteral("</table>");
    if (!row->anomalies.isEmpty()) {
        html += QStringLiteral("<p><b>") + i18nc("@info", "Flagged:").toHtmlEscaped() + QStringLiteral("</b></p><ul>");
        for (const AuditAnomaly &a : row->anomalies) {
            html += QStringLiteral("<li>") + a.reason.toHtmlEscaped() + QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul>");
    }
    m_details->setHtml(html);
}

bool AuditWindow::revealSelected()
{
    const QModelIndex current = m_flagFilter->mapToSource(m_table->currentIndex());
    const AuditRow *row = m_model->rowAt(current.siblingAtColumn(0));
    if (!row || !row->entry.subjectCitizenId) {
        return false;
    }
    const Purpose purpose{QStringLiteral("audit_review"), QString()};
    auto identifier = m_cases.revealIdentifier(m_staffMember, row->entry.subjectCitizenId, purpose);
    if (!identifier) {
        showProblem(identifier.error().message);
        return false;
    }
    m_model->setRevealed(row->entry.subjectCitizenId, identifier->formatted());
    showSelected();
    showStatus(i18nc("@info", "The number was shown; this is recorded in the audit log."));
    return true;
}

namespace
{
QList<AuditRow> shownRows(const QSortFilterProxyModel &proxy, const AuditLogModel &model)
{
    // In the order shown, a search followed by the citizens it showed (folded or not).
    QList<AuditRow> rows;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex top = proxy.index(row, 0);
        if (const AuditRow *r = model.rowAt(proxy.mapToSource(top))) {
            rows.append(*r);
        }
        for (int child = 0; child < proxy.rowCount(top); ++child) {
            if (const AuditRow *r = model.rowAt(proxy.mapToSource(proxy.index(child, 0, top)))) {
                rows.append(*r);
            }
        }
    }
    return rows;
}
} // namespace

bool AuditWindow::exportCsv(const QString &path)
{
    const QList<AuditRow> rows = shownRows(*m_flagFilter, *m_model);
    if (auto audited = m_query.beforeExport(m_staffMember, QStringLiteral("csv"), rows.size()); !audited) {
        showProblem(audited.error().message);
        return false;
    }
    if (auto written = writePrivateFile(path, AuditQueryService::toCsv(rows)); !written) {
        showProblem(i18nc("@info", "The export could not be written to %1: %2", QDir::toNativeSeparators(path), written.error()));
        return false;
    }
    showStatus(i18ncp("@info", "%1 entry exported to %2.", "%1 entries exported to %2.", int(rows.size()), QDir::toNativeSeparators(path)));
    return true;
}

bool AuditWindow::exportPdf(const QString &path)
{
    const QList<AuditRow> rows = shownRows(*m_flagFilter, *m_model);
    if (auto audited = m_query.beforeExport(m_staffMember, QStringLiteral("pdf"), rows.size()); !audited) {
        showProblem(audited.error().message);
        return false;
    }
    const QString html = AuditQueryService::toHtml(rows, criteriaText(), m_clock.now(), m_staffMember);
    if (auto written = writePrivatePdf(path, i18nc("@title", "Audit log"), html); !written) {
        showProblem(i18nc("@info", "The export could not be written to %1: %2", QDir::toNativeSeparators(path), written.error()));
        return false;
    }
    showStatus(i18ncp("@info", "%1 entry exported to %2.", "%1 entries exported to %2.", int(rows.size()), QDir::toNativeSeparators(path)));
    return true;
}

bool AuditWindow::verifyChain()
{
    auto verification = m_query.verifyChain(m_staffMember);
    if (!verification) {
        showProblem(verification.error().message);
        return false;
    }
    const QString text = AuditQueryService::describe(*verification);
    m_chain->setText(text);
    QPalette palette = m_chain->palette();
    palette.setColor(QPalette::WindowText, verification->intact() ? palette.color(QPalette::WindowText) : QColor(0xc0, 0x1c, 0x28));
    m_chain->setPalette(palette);
    m_chain->setProperty("intact", verification->intact());
    refresh(); // the check's own entry
    return verification->intact();
}

QStringList AuditWindow::saveAccessReport(const QString &number, const QString &directory)
{
    auto id = m_privacy.citizenByNumber(number);
    if (!id) {
        showProblem(id.error().kind == ServiceError::Kind::NotFound ? i18nc("@info", "Nobody in this store has the number %1.", number.trimmed())
                                                                    : id.error().message);
        return {};
    }
    const Purpose purpose{QStringLiteral("gdpr_access_request"), i18nc("@info audit purpose", "The citizen asked who accessed their data (GDPR art. 15)")};
    auto report = m_privacy.accessReport(m_staffMember, *id, purpose);
    if (!report) {
        showProblem(report.error().message);
        return {};
    }
    const QString base = QDir(directory).filePath(
        QStringLiteral("citizen-%1-access-report-%2").arg(*id).arg(report->generated.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))));
    const QString json = base + QStringLiteral(".json");
    const QString pdf = base + QStringLiteral(".pdf");
    if (auto written = writePrivateFile(json, QJsonDocument(PrivacyService::toJson(*report)).toJson()); !written) {
        showProblem(i18nc("@info", "The access report could not be written to %1: %2", QDir::toNativeSeparators(json), written.error()));
        return {};
    }
    if (auto written = writePrivatePdf(pdf, i18nc("@title", "Who accessed your data"), PrivacyService::toHtml(*report)); !written) {
        showProblem(i18nc("@info", "The access report could not be written to %1: %2", QDir::toNativeSeparators(pdf), written.error()));
        return {};
    }
    showStatus(i18nc("@info", "The access report was saved as %1 and %2.", QDir::toNativeSeparators(json), QDir::toNativeSeparators(pdf)));
    refresh(); // its own entry
    return {json, pdf};
}

void AuditWindow::showProblem(const QString &message)
{
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_status->setPalette(palette);
    m_status->setText(message);
    m_status->setProperty("problem", true);
}

void AuditWindow::showStatus(const QString &message)
{
    m_status->setPalette(QPalette());
    m_status->setText(message);
    m_status->setProperty("problem", false);
}

QString AuditWindow::criteriaText() const
{
    QStringList parts;
    parts.append(i18nc("@info; %1 and %2 dates",
                       "From %1 to %2",
                       QLocale().toString(m_from->date(), QLocale::ShortFormat),
                       QLocale().toString(m_to->date(), QLocale::ShortFormat)));
    if (m_staff->currentIndex() > 0 || (!m_staff->currentText().isEmpty() && m_staff->currentText() != m_staff->itemText(0))) {
        parts.append(i18nc("@info", "staff member %1", m_staff->currentText()));
    }
    if (!m_citizen->text().trimmed().isEmpty()) {
        parts.append(i18nc("@info", "one citizen"));
    }
    if (m_action->currentIndex() > 0) {
        parts.append(m_action->currentText());
    }
    if (m_purpose->currentIndex() > 0) {
        parts.append(m_purpose->currentText());
    }
    if (m_flaggedOnly->isChecked()) {
        parts.append(i18nc("@info", "flagged entries only"));
    }
    return parts.join(QStringLiteral(", "));
}

void AuditWindow::askExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this,
                                                      i18nc("@title:window", "Export Audit Log"),
                                                      QDir(documentsFolder()).filePath(QStringLiteral("audit-log.csv")),
                                                      i18nc("@item:inlistbox file type", "CSV files (*.csv)"));
    if (!path.isEmpty()) {
        exportCsv(path);
    }
}

void AuditWindow::askExportPdf()
{
    const QString path = QFileDialog::getSaveFileName(this,
                                                      i18nc("@title:window", "Export Audit Log"),
                                                      QDir(documentsFolder()).filePath(QStringLiteral("audit-log.pdf")),
                                                      i18nc("@item:inlistbox file type", "PDF files (*.pdf)"));
    if (!path.isEmpty()) {
        exportPdf(path);
    }
}

void AuditWindow::askAccessReport()
{
    bool ok = false;
    const QString number = QInputDialog::getText(this,
                                                 i18nc("@title:window", "Citizen Access Report"),
                                                 i18nc("@label:textbox", "The citizen's national number, BIS number or BSN:"),
                                                 QLineEdit::Normal,
                                                 m_citizen->text(),
                                                 &ok);
    if (!ok || number.trimmed().isEmpty()) {
        return;
    }
    const QString directory = QFileDialog::getExistingDirectory(this, i18nc("@title:window", "Save the Access Report In"), documentsFolder());
    if (!directory.isEmpty()) {
        saveAccessReport(number, directory);
    }
}

} // namespace C360
