// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

namespace C360
{

// A text in several languages, keyed by BCP 47 tag: nl, fr, de, en, and the formal and informal
// Dutch variants IPDC publishes (nl-BE-x-formal, nl-BE-x-informal).
class LocalizedText
{
public:
    LocalizedText() = default;
    LocalizedText(std::initializer_list<std::pair<QString, QString>> texts);

    void set(const QString &language, const QString &text);
    QString exact(const QString &language) const { return m_texts.value(language); }
    // The text in language, else in its base language (nl for nl-BE-x-formal), else Dutch, else any.
    QString text(const QString &language) const;
    QStringList languages() const { return m_texts.keys(); }
    bool isEmpty() const { return m_texts.isEmpty(); }
    const QMap<QString, QString> &all() const { return m_texts; }

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;

private:
    QMap<QString, QString> m_texts;
};

// A product or service of the municipality (an ID card, a parking permit, bulky waste pickup).
struct CatalogueEntry
{
    qint64 id = 0;
    SourceRef source;
    QString productId;
    LocalizedText name;
    LocalizedText description;
    LocalizedText conditions;
    LocalizedText procedure;
    LocalizedText cost;
    LocalizedText requiredDocuments;
    QStringList targetAudiences; // keys: citizen, company, organisation
    QStringList themes;
    LocalizedText keywords; // comma-separated per language
    QDateTime lastModified; // UTC

    friend bool operator==(const CatalogueEntry &, const CatalogueEntry &) = default;
};

} // namespace C360
