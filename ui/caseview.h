// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"

#include <QSet>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QToolButton;
class QTreeView;

namespace C360
{
class TimelineFilterModel;
class TimelineModel;

// The 360° view of one open case: an identity header (masked identifier with a reveal button,
// address, language, channels, verified digital addresses, consents, badges for open requests and
// reports), the merged timeline with its filters, and a detail pane for the selected item. It
// shows what it is given and forwards intent; the presenter calls the services.
class CaseView : public QWidget
{
    Q_OBJECT
public:
    explicit CaseView(QWidget *parent = nullptr);
    ~CaseView() override;

    void setCase(const CaseFile &file, const QDateTime &now);
    const CaseFile &caseFile() const { return m_file; }
    bool hasCase() const { return m_file.citizen.id != 0; }
    void showRevealedIdentifier(const QString &formatted);
    // The case as printed: the header as shown (the identifier masked unless revealed) and the
    // timeline rows the filters show, with a line saying who printed it when.
    QString printHtml(const QString &printedBy, const QDateTime &printed) const;
    // Shows every item again: all kinds, any status, any time, no text.
    void clearFilters();
    // The line over the timeline when its filters hide items ("0 of 27 items shown · Clear
    // filters") or when there is nothing on it; hidden otherwise.
    QLabel *filterSummary() const { return m_filterSummary; }
    // The closed requests whose close can still be undone (it has not reached the back end).
    void setReopenable(const QSet<qint64> &requestIds);
    // Selects the item (kind, id) in the timeline, when it is shown.
    void selectItem(ItemKind kind, qint64 id);

    QTreeView *timeline() const { return m_timeline; }
    TimelineModel *timelineModel() const { return m_model; }
    TimelineFilterModel *filterModel() const { return m_filter; }
    QTextBrowser *details() const { return m_details; }
    // The selected item (kind, id; a supplement gives its request), or an invalid kind id 0.
    ItemLink selectedItem() const;

    QAction *nextItemAction() const { return m_next; }
    QAction *previousItemAction() const { return m_previous; }

Q_SIGNALS:
    void revealRequested();
    void newContactRequested();
    void newRequestRequested();
    // The case (zaak) at url is to be opened in its case system (the browser).
    void caseSystemLinkRequested(const QUrl &url);
    void supplementRequested(qint64 requestId);
    void answerRequested(qint64 requestId);
    void closeRequested(qint64 requestId);
    void reopenRequested(qint64 requestId);
    void assignRequested(qint64 requestId);
    void matchDecided(qint64 reportId, bool confirm);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupHeader();
    void setupFilters();
    void applyPeriod();
    void updateHeader();
    void updateFilterSummary();
    void updateDetails();
    void updateActions();
    void step(int delta);

    CaseFile m_file;
    QDateTime m_now;
    QString m_revealed;
    TimelineModel *m_model;
    TimelineFilterModel *m_filter;
    QLabel *m_name = nullptr;
    QLabel *m_identifier = nullptr;
    QToolButton *m_reveal = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_badges = nullptr;
    QComboBox *m_kindFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_periodFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QLabel *m_filterSummary = nullptr;
    QTreeView *m_timeline = nullptr;
    QTextBrowser *m_details = nullptr;
    QPushButton *m_supplement = nullptr;
    QPushButton *m_answer = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_reopen = nullptr;
    QSet<qint64> m_reopenable;
    QPushButton *m_assign = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_openCase = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
};

} // namespace C360
