// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditquery.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTextBrowser;
class QTimer;
class QTreeView;

namespace C360
{
class AuditLogModel;
class CaseService;
class Clock;
class PrivacyService;

// The supervisor's audit window: the audit log filtered by staff member, citizen, action, purpose
// and period (applied as they change), each entry with its anomaly flags and why, the citizens a
// search showed folded under it, the citizen by masked number (revealed through CaseService, audited
// with the purpose "audit review"); exports to CSV and PDF (audited), the hash chain verified on
// request, and a citizen's access report (GDPR art. 15) as JSON and PDF.
// Everything goes through AuditQueryService and PrivacyService, which refuse other roles (and
// audit the refusal): a counter clerk who gets here sees only that refusal.
class AuditWindow : public QDialog
{
    Q_OBJECT
public:
    static constexpr int FilterDelayMs = 300;

    AuditWindow(AuditQueryService &query, PrivacyService &privacy, CaseService &cases, const StaffMember &staff, Clock &clock, QWidget *parent = nullptr);
    ~AuditWindow() override;

    AuditLogModel *model() const { return m_model; }
    QTreeView *table() const { return m_table; }
    // The selected entry in full: its flags' reasons, the purpose in the staff member's words.
    QTextBrowser *details() const { return m_details; }
    QPushButton *revealButton() const { return m_reveal; }
    QComboBox *staffFilter() const { return m_staff; }
    QLineEdit *citizenFilter() const { return m_citizen; }
    QComboBox *actionFilter() const { return m_action; }
    QComboBox *purposeFilter() const { return m_purpose; }
    QDateEdit *fromFilter() const { return m_from; }
    QDateEdit *toFilter() const { return m_to; }
    QCheckBox *flaggedOnly() const { return m_flaggedOnly; }
    // What the last action said: the number of rows, a verification, an export, a problem.
    QLabel *statusLabel() const { return m_status; }
    QLabel *chainLabel() const { return m_chain; }

    // The filter as the widgets say, or why it cannot be used (a citizen number that is not one).
    Expected<AuditFilter, QString> filter();
    // Reads the log with the filter; false when refused or the filter is wrong (said in the window,
    // and no rows shown: rows that do not match what the filter says would mislead).
    bool refresh();
    // Shows the whole number of the selected entry's citizen, audited; false with the reason shown.
    bool revealSelected();
    // Writes the rows shown to path (no dialog); false with the reason shown.
    bool exportCsv(const QString &path);
    bool exportPdf(const QString &path);
    // Verifies the hash chain and shows the outcome; true when intact.
    bool verifyChain();
    // The access report of the citizen with number as citizen-ID-access-report-TIME.json and .pdf
    // in directory; the paths written, or none with the reason shown.
    QStringList saveAccessReport(const QString &number, const QString &directory);

private:
    void setupFilters();
    void setupButtons();
    void showProblem(const QString &message);
    void showStatus(const QString &message);
    QString criteriaText() const;
    void askExportCsv();
    void askExportPdf();
    void askAccessReport();
    void showSelected();

    AuditQueryService &m_query;
    PrivacyService &m_privacy;
    CaseService &m_cases;
    StaffMember m_staffMember;
    Clock &m_clock;
    AuditLogModel *m_model;
    QSortFilterProxyModel *m_flagFilter;
    QComboBox *m_staff = nullptr;
    QLineEdit *m_citizen = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_purpose = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QCheckBox *m_flaggedOnly = nullptr;
    QTreeView *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    QPushButton *m_reveal = nullptr;
    QTimer *m_filterDelay = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_chain = nullptr;
    QList<QWidget *> m_needsPermission;
    bool m_refused = false; // the role may not read the log: nothing is read as filters change
};

} // namespace C360
