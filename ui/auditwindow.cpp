// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "auditwindow.h"

#include "auditlogmodel.h"
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
#include <QStandardPaths>
#include <QTableView>
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
                                               AuditAction::Login,
                                               AuditAction::LoginFailed,
                                               AuditAction::AccessDenied,
                                               AuditAction::AuditVerified};
    return actions;
}

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}
} // namespace

AuditWindow::AuditWindow(AuditQueryService &query, PrivacyService &privacy, const StaffMember &staff, Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_query(query)
    , m_privacy(privacy)
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

    m_flagFilter->setSourceModel(m_model);
    m_flagFilter->setFilterRole(AuditLogModel::FlaggedRole);
    m_flagFilter->setFilterKeyColumn(AuditLogModel::FlagsColumn);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("AuditTable"));
    m_table->setAccessibleName(i18nc("@label accessible", "Audit entries"));
    m_table->setModel(m_flagFilter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditLogModel::SequenceColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

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
    for (const PurposeModel::Choice &choice : standardPurposes()) {
        m_purpose->addItem(choice.label, choice.code);
    }
    m_purpose->addItem(i18nc("@item purpose", "Citizen's access request (GDPR)"), QStringLiteral("gdpr_access_request"));
    m_purpose->addItem(i18nc("@item purpose", "Citizen's data export (GDPR)"), QStringLiteral("gdpr_export"));
    m_purpose->addItem(i18nc("@item purpose", "Audit review"), QStringLiteral("audit_review"));
    QHash<QString, QString> purposeNames;
    for (int i = 1; i < m_purpose->count(); ++i) {
        purposeNames.insert(m_purpose->itemData(i).toString(), m_purpose->itemText(i));
    }
    m_model->setPurposeNames(purposeNames);

    const QDate today = m_clock.now().toLocalTime().date();
    m_from = new QDateEdit(today.addDays(-DefaultDays), this);
    m_from->setObjectName(QStringLiteral("FromFilter"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("ToFilter"));
    m_to->setCalendarPopup(true);
    m_flaggedOnly = new QCheckBox(i18nc("@option:check", "Only &flagged entries"), this);
    m_flaggedOnly->setObjectName(QStringLiteral("FlaggedOnly"));
    auto *show = new QPushButton(QIcon::fromTheme(QStringLiteral("view-filter")), i18nc("@action:button", "&Show"), this);
    show->setObjectName(QStringLiteral("ShowButton"));
    show->setDefault(true);

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
    auto f = filter();
    if (!f) {
        showProblem(f.error());
        return false;
    }
    auto rows = m_query.find(m_staffMember, *f);
    if (!rows) {
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
    return true;
}

namespace
{
QList<AuditRow> shownRows(const QSortFilterProxyModel &proxy, const AuditLogModel &model)
{
    QList<AuditRow> rows;
    rows.reserve(proxy.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row) {
        rows.append(model.rows().at(proxy.mapToSource(proxy.index(row, 0)).row()));
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
