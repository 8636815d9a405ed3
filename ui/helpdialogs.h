// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDialog>

class QAction;
class QTableWidget;
class QTextBrowser;

namespace C360
{

// Help → User Guide: the user guide that ships inside the application (so a copied program has
// it too), with its pictures; links out of it open in the browser.
class UserGuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget *parent = nullptr);
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

// Help → Keyboard Shortcuts: every action of the window that has a shortcut, by menu, as the
// keyboard writes it on this system.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // actions: the window's menus' and views' actions; extra: more (name, keys) rows.
    ShortcutsDialog(const QList<QAction *> &actions, const QList<std::pair<QString, QString>> &extra, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace C360
