// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "helpdialogs.h"

#include <KLocalizedString>

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace C360
{

UserGuideDialog::UserGuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("UserGuideDialog"));
    setWindowTitle(i18nc("@title:window", "User Guide"));
    m_browser->setObjectName(QStringLiteral("UserGuide"));
    m_browser->setAccessibleName(i18nc("@label accessible", "User guide"));
    m_browser->setOpenLinks(false);
    m_browser->setSource(QUrl(QStringLiteral("qrc:/docs/user-guide.md")), QTextDocument::MarkdownResource);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
            QDesktopServices::openUrl(url);
        } else if (url.hasFragment() && (url.path().isEmpty() || url.path() == m_browser->source().path())) {
            m_browser->scrollToAnchor(url.fragment());
        }
        // The administration guide is not part of the program: it is for the administrator's desk.
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(900, 700);
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, const QList<std::pair<QString, QString>> &extra, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(i18nc("@title:window", "Keyboard Shortcuts"));
    m_table->setObjectName(QStringLiteral("ShortcutsTable"));
    m_table->setAccessibleName(i18nc("@label accessible", "Keyboard shortcuts"));
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({i18nc("@title:column", "Action"), i18nc("@title:column", "Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto addRow = [this](const QString &name, const QString &keys) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(keys));
    };
    for (const QAction *action : actions) {
        if (action->shortcut().isEmpty()) {
            continue;
        }
        QString name = action->text();
        name.remove(QLatin1Char('&'));
        name.remove(QChar(0x2026)); // "Find Citizen…" reads as "Find Citizen" in a list
        addRow(name.trimmed(), action->shortcut().toString(QKeySequence::NativeText));
    }
    for (const auto &[name, keys] : extra) {
        addRow(name, keys);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(520, 520);
}

} // namespace C360
