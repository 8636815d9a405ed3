// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QString;
class QWidget;

namespace C360
{
class CataloguePanel;
class WorklistPanel;

// The views the case presenter drives: the search field and its results, the case area, the
// catalogue and worklist panes, the case actions, the status line, and the parent its dialogs open
// over. The main window is one; the presenter knows nothing else of it.
class CaseWorkspace
{
public:
    virtual ~CaseWorkspace() = default;

    virtual QLineEdit *searchField() const = 0;
    virtual QListView *searchResults() const = 0;
    // The line between the field and its results: how many were found, or why none.
    virtual QLabel *searchSummary() const = 0;
    virtual CataloguePanel *cataloguePanel() const = 0;
    virtual WorklistPanel *worklistPanel() const = 0;
    virtual QAction *newContactAction() const = 0;
    virtual QAction *newRequestAction() const = 0;
    virtual QAction *printCaseAction() const = 0;
    // Puts view in the case region, shown by showCase(true) (a hint otherwise).
    virtual void setCaseView(QWidget *view) = 0;
    // Shows the case (or the hint), and offers the case actions only with a case open.
    virtual void showCase(bool open) = 0;
    virtual void showStatus(const QString &message, int timeoutMs) = 0;
    virtual QWidget *dialogParent() = 0;
};

} // namespace C360
