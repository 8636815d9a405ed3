// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "catalogueentry.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QListView;
class QPushButton;
class QTextBrowser;

namespace C360
{
class CatalogueModel;

// The catalogue pane: search the municipality's products and services (in the UI language, Dutch
// as fallback), read one's conditions, procedure, cost and required documents, and link it to the
// open case. Suggestions for the open case are listed when the search is empty.
class CataloguePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CataloguePanel(QWidget *parent = nullptr);

    CatalogueModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_field; }
    QListView *results() const { return m_results; }
    QTextBrowser *details() const { return m_details; }
    QPushButton *linkButton() const { return m_link; }
    void setEntries(const QList<CatalogueEntry> &entries, const QHash<qint64, QString> &suggested = {});
    void setCaseOpen(bool open);

Q_SIGNALS:
    void searchRequested(const QString &text);
    void linkRequested(qint64 entryId);

private:
    void showSelected();
    CatalogueModel *m_model;
    QLineEdit *m_field;
    QListView *m_results;
    QTextBrowser *m_details;
    QPushButton *m_link;
    QTimer m_delay;
    bool m_caseOpen = false;
};

} // namespace C360
