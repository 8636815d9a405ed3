// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "richtext.h"

#include <QRegularExpression>
#include <QSet>

namespace C360::RichText
{

QString safeFeedHtml(const QString &html)
{
    static const QSet<QString> kept = {QStringLiteral("p"),
                                       QStringLiteral("br"),
                                       QStringLiteral("ul"),
                                       QStringLiteral("ol"),
                                       QStringLiteral("li"),
                                       QStringLiteral("b"),
                                       QStringLiteral("strong"),
                                       QStringLiteral("i"),
                                       QStringLiteral("em"),
                                       QStringLiteral("u"),
                                       QStringLiteral("h1"),
                                       QStringLiteral("h2"),
                                       QStringLiteral("h3"),
                                       QStringLiteral("h4"),
                                       QStringLiteral("h5"),
                                       QStringLiteral("h6"),
                                       QStringLiteral("div"),
                                       QStringLiteral("span"),
                                       QStringLiteral("blockquote")};
    static const QSet<QString> dropWithContent = {QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("title"), QStringLiteral("head")};
    // A tag (with any attributes, quoted values may hold ">"), a comment, or a declaration.
    static const QRegularExpression tag(QStringLiteral("<!--.*?-->|<![^>]*>|<\\s*(/?)\\s*([A-Za-z][A-Za-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"),
                                        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression href(QStringLiteral("\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"), QRegularExpression::CaseInsensitiveOption);

    QString out;
    out.reserve(html.size());
    qsizetype last = 0;
    QString skipping; // the element whose content is dropped (script, style)
    QStringList linkTargets; // of the open <a> elements
    auto text = [&](QStringView piece) {
        if (skipping.isEmpty()) {
            out += piece.toString().replace(QLatin1Char('<'), QLatin1String("&lt;"));
        }
    };
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        text(QStringView(html).mid(last, m.capturedStart() - last));
        last = m.capturedEnd();
        const QString name = m.captured(2).toLower();
        const bool closing = !m.captured(1).isEmpty();
        if (name.isEmpty()) {
            continue; // a comment or a declaration
        }
        if (!skipping.isEmpty()) {
            if (closing && name == skipping) {
                skipping.clear();
            }
            continue;
        }
        if (dropWithContent.contains(name)) {
            if (!closing && !m.captured(3).trimmed().endsWith(QLatin1Char('/'))) {
                skipping = name;
            }
            continue;
        }
        if (name == QLatin1String("a")) {
            // The text of a link stays, its address after it as text: nothing to click.
            if (!closing) {
                const QRegularExpressionMatch h = href.match(m.captured(3));
                linkTargets.append(h.hasMatch() ? h.captured(1) + h.captured(2) + h.captured(3) : QString());
            } else if (!linkTargets.isEmpty()) {
                const QString target = linkTargets.takeLast().trimmed();
                if (target.startsWith(QLatin1String("http://")) || target.startsWith(QLatin1String("https://"))) {
                    out += QStringLiteral(" (") + target.toHtmlEscaped() + QLatin1Char(')');
                }
            }
            continue;
        }
        if (kept.contains(name)) {
            out += QLatin1Char('<') + (closing ? QStringLiteral("/") : QString()) + name + QLatin1Char('>');
        }
    }
    text(QStringView(html).mid(last));
    return out;
}

} // namespace C360::RichText
