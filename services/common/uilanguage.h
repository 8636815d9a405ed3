// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QLocale>
#include <QStringList>

namespace C360::UiLanguage
{

// The language the interface is shown in, and the requested ones that could not be loaded.
struct Choice
{
    QString language; // "nl", "fr_BE", or "en" (the source language)
    QStringList missing; // asked for (before the chosen one), without a catalogue
    QString directory; // where the catalogues were looked for
};

// The first of requested (in the order of LANGUAGE, else LC_ALL, LC_MESSAGES, LANG) with a catalogue
// of the application's domain, else English.
Choice resolve(const QStringList &requested);
// Dates, times and numbers as they are written in language: the system's when they are of that
// language, else Belgian ones for a language without a territory ("nl" → nl_BE, "fr" → fr_BE,
// "de" → de_BE).
QLocale locale(const QString &language);
// Resolves requested and makes it the one language of the interface: its catalogue for the
// messages, its formats as QLocale's default (what every date and number shown uses); English
// keeps the system's formats.
Choice apply(const QStringList &requested);
// For the status bar and the log when a requested language is missing (necessarily in English:
// its catalogue is what is missing); empty when nothing is.
QString missingMessage(const Choice &choice);

} // namespace C360::UiLanguage
