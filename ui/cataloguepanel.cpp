// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "cataloguepanel.h"

#include "richtext.h"

#include "cataloguemodel.h"

#include <KLocalizedString>

#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace C360
{

namespace
{
// text without the name line of its only item ("Kostprijs\n<p>…</p>" → "<p>…</p>"); a text of
// several items keeps their names, which tell them apart.
QString withoutOwnHeading(const QString &text)
{
    const QStringList blocks = text.split(QStringLiteral("\n\n"));
    int named = 0;
    for (const QString &block : blocks) {
        named += block.contains(QLatin1Char('\n')) && !block.startsWith(QLatin1Char('<')) ? 1 : 0;
    }
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    if (named != 1 || blocks.first().startsWith(QLatin1Char('<')) || lineEnd < 0 || lineEnd > 80) {
        return text;
    }
    return text.mid(lineEnd + 1);
}
} // namespace

CataloguePanel::CataloguePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new CatalogueModel(this))
    , m_field(new QLineEdit(this))
    , m_results(new QListView(this))
    , m_details(new QTextBrowser(this))
    , m_link(new QPushButton(i18nc("@action:button", "&Link to Case"), this))
{
    setObjectName(QStringLiteral("CataloguePanel"));
    m_model->setLanguage(QLocale().name().left(2));
    m_field->setObjectName(QStringLiteral("CatalogueField"));
    m_field->setPlaceholderText(i18nc("@info:placeholder", "Search products and services"));
    m_field->setAccessibleName(i18nc("@label accessible", "Catalogue search"));
    m_field->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("CatalogueResults"));
    m_results->setAccessibleName(i18nc("@label accessible", "Products and services"));
    m_results->setModel(m_model);
    m_details->setObjectName(QStringLiteral("CatalogueDetails"));
    m_details->setAccessibleName(i18nc("@label accessible", "Product details"));
    // Nothing in a feed's text is followed: no link opens, no resource loads.
    m_details->setOpenLinks(false);
    m_details->setOpenExternalLinks(false);
    m_link->setObjectName(QStringLiteral("LinkProductButton"));
    m_link->setAccessibleName(i18nc("@label accessible", "Link the product to the open case"));
    m_link->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_field);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_results);
    splitter->addWidget(m_details);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_link);

    m_delay.setSingleShot(true);
    m_delay.setInterval(200);
    connect(m_field, &QLineEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(&m_delay, &QTimer::timeout, this, [this] {
        Q_EMIT searchRequested(m_field->text());
    });
    connect(m_results->selectionModel(), &QItemSelectionModel::currentChanged, this, &CataloguePanel::showSelected);
    connect(m_link, &QPushButton::clicked, this, [this] {
        if (const QModelIndex current = m_results->currentIndex(); current.isValid()) {
            Q_EMIT linkRequested(current.data(CatalogueModel::EntryIdRole).toLongLong());
        }
    });
    showSelected();
}

void CataloguePanel::setEntries(const QList<CatalogueEntry> &entries, const QHash<qint64, QString> &suggested)
{
    m_model->setEntries(entries, suggested);
    if (m_model->rowCount() > 0) {
        m_results->setCurrentIndex(m_model->index(0));
    }
    showSelected();
}

void CataloguePanel::setCaseOpen(bool open)
{
    m_caseOpen = open;
    showSelected();
}

void CataloguePanel::showSelected()
{
    const QModelIndex current = m_results->currentIndex();
    m_link->setEnabled(m_caseOpen && current.isValid());
    if (!current.isValid()) {
        // Say why the list is empty and what to do.
        const QString text = m_field->text().trimmed();
        QString hint;
        if (!text.isEmpty()) {
            hint = i18nc("@info; %1 what was searched", "No product or service matches “%1”. Try another word, or part of one.", text);
        } else if (m_caseOpen) {
            hint = i18nc("@info", "Nothing is suggested for this case. Type to search the products and services.");
        } else {
            hint = i18nc("@info", "Type to search the municipality's products and services. With a case open, the ones that relate to it are suggested here.");
        }
        m_details->setHtml(QStringLiteral("<p>") + hint.toHtmlEscaped() + QStringLiteral("</p>"));
        return;
    }
    auto section = [&current](const QString &title, int role) -> QString {
        // The catalogue's texts are HTML fragments from the feed: shown as text with its structure,
        // nothing to click, load or run. A section of one item starts with that item's name in
        // the feed's language ("Kostprijs"): the heading in the UI language says it already.
        const QString text = RichText::safeFeedHtml(withoutOwnHeading(current.data(role).toString()));
        return text.isEmpty() ? QString() : QStringLiteral("<h4>") + title.toHtmlEscaped() + QStringLiteral("</h4>") + text;
    };
    QString html = QStringLiteral("<h3>") + current.data().toString().toHtmlEscaped() + QStringLiteral("</h3>");
    if (current.data(CatalogueModel::SuggestedRole).toBool()) {
        const QString reason = current.data(CatalogueModel::SuggestionReasonRole).toString();
        html += QStringLiteral("<p><i>") +
            (reason.isEmpty() ? i18nc("@info", "Suggested for the open case.") : i18nc("@info; %1 why", "Suggested for the open case: %1", reason))
                .toHtmlEscaped() +
            QStringLiteral("</i></p>");
    }
    html += RichText::safeFeedHtml(current.data(CatalogueModel::DescriptionRole).toString());
    html += section(i18nc("@title", "Conditions"), CatalogueModel::ConditionsRole);
    html += section(i18nc("@title", "Procedure"), CatalogueModel::ProcedureRole);
    html += section(i18nc("@title", "Cost"), CatalogueModel::CostRole);
    html += section(i18nc("@title", "Documents to bring"), CatalogueModel::DocumentsRole);
    m_details->setHtml(html);
}

} // namespace C360
