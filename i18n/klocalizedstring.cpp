// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "klocalizedstring.h"

#include "c360version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <clocale>
#include <cstdlib>
#include <libintl.h>

// glibc's catalogue cache counter: bumping it makes gettext notice a changed LANGUAGE (GNU gettext
// manual, "Being a gettext grok").
extern "C" int _nl_msg_cat_cntr;

namespace
{
struct State
{
    QMutex mutex;
    QByteArray domain;
    QString localeDir;
};

State &state()
{
    static State s;
    return s;
}

QString findLocaleDirectory()
{
    const QByteArray fromEnv = qgetenv("C360_LOCALE_DIR");
    if (!fromEnv.isEmpty()) {
        return QString::fromLocal8Bit(fromEnv);
    }
    // Build tree and relocatable installs: <prefix>/bin/program and <prefix>/share/locale; a copied
    // program with its catalogues beside it: <folder>/program and <folder>/locale or share/locale.
    if (QCoreApplication::instance()) {
        const QDir binary(QCoreApplication::applicationDirPath());
        for (const QString &relative : {QStringLiteral("../share/locale"), QStringLiteral("share/locale"), QStringLiteral("locale")}) {
            const QString candidate = binary.absoluteFilePath(relative);
            if (QFileInfo(candidate).isDir()) {
                return QDir::cleanPath(candidate);
            }
        }
    }
    return QStringLiteral(C360_LOCALE_INSTALL_DIR);
}
} // namespace

void KLocalizedString::setApplicationDomain(const QByteArray &domain)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.domain = domain;
    s.localeDir = findLocaleDirectory();
    bindtextdomain(domain.constData(), QFile::encodeName(s.localeDir).constData());
    bind_textdomain_codeset(domain.constData(), "UTF-8");
    textdomain(domain.constData());
}

QByteArray KLocalizedString::applicationDomain()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    return s.domain;
}

QString KLocalizedString::localeDirectory()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    return s.localeDir;
}

QSet<QString> KLocalizedString::availableApplicationTranslations()
{
    const QByteArray domain = applicationDomain();
    const QString directory = localeDirectory();
    QSet<QString> languages;
    if (domain.isEmpty() || directory.isEmpty()) {
        return languages;
    }
    const QString catalogue = QString::fromUtf8(domain) + QStringLiteral(".mo");
    const QDir dir(directory);
    for (const QString &language : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFileInfo::exists(dir.filePath(language + QStringLiteral("/LC_MESSAGES/") + catalogue))) {
            languages.insert(language);
        }
    }
    return languages;
}

bool KLocalizedString::isApplicationTranslatedInto(const QString &language)
{
    const QSet<QString> available = availableApplicationTranslations();
    return available.contains(language) || available.contains(language.section(QLatin1Char('_'), 0, 0));
}

void KLocalizedString::setLanguages(const QStringList &languages)
{
    // gettext ignores LANGUAGE while the messages locale is "C"; C.UTF-8 exists on every glibc system.
    const char *current = std::setlocale(LC_MESSAGES, nullptr);
    if (current && (qstrcmp(current, "C") == 0 || qstrcmp(current, "POSIX") == 0)) {
        std::setlocale(LC_MESSAGES, "C.UTF-8");
    }
    qputenv("LANGUAGE", languages.join(QLatin1Char(':')).toUtf8());
    ++_nl_msg_cat_cntr;
}

void KLocalizedString::clearLanguages()
{
    qunsetenv("LANGUAGE");
    ++_nl_msg_cat_cntr;
}

QStringList KLocalizedString::languages()
{
    QStringList result;
    const QString language = QString::fromLocal8Bit(qgetenv("LANGUAGE"));
    if (!language.isEmpty()) {
        result = language.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    } else {
        for (const char *var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            QString value = QString::fromLocal8Bit(qgetenv(var));
            if (!value.isEmpty()) {
                value = value.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);
                if (value != QLatin1String("C") && value != QLatin1String("POSIX")) {
                    result.append(value);
                }
                break;
            }
        }
    }
    if (!result.contains(QLatin1String("en_US"))) {
        result.append(QStringLiteral("en_US"));
    }
    return result;
}

QString KLocalizedString::translateRaw(const char *context, const char *text, const char *plural, std::optional<qulonglong> count)
{
    if (!text) {
        return {};
    }
    const QByteArray domain = applicationDomain();
    const bool isPlural = plural && count.has_value();
    const unsigned long n = isPlural ? static_cast<unsigned long>(*count) : 1;
    if (domain.isEmpty()) {
        return QString::fromUtf8(isPlural && n != 1 ? plural : text);
    }

    QByteArray key;
    if (context) {
        key = QByteArray(context) + '\004' + text;
    } else {
        key = QByteArray::fromRawData(text, static_cast<qsizetype>(qstrlen(text)));
    }
    const char *result = isPlural ? dngettext(domain.constData(), key.constData(), plural, n) : dgettext(domain.constData(), key.constData());
    // Untranslated: gettext hands back the very msgid (or msgid_plural) pointer it was given.
    if (result == key.constData()) {
        return QString::fromUtf8(text);
    }
    return QString::fromUtf8(result);
}

QString KLocalizedString::substitute(const QString &pattern, const QStringList &arguments)
{
    // One pass over the pattern, so that an argument that contains "%2" is never substituted again.
    QString out;
    out.reserve(pattern.size() + 16 * arguments.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1).isDigit() && pattern.at(i + 1) != QLatin1Char('0')) {
            qsizetype j = i + 1;
            int index = 0;
            while (j < pattern.size() && pattern.at(j).isDigit() && index < 100) {
                index = index * 10 + pattern.at(j).digitValue();
                ++j;
            }
            if (index >= 1 && index <= arguments.size()) {
                out += arguments.at(index - 1);
                i = j - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}
