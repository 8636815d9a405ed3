// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "server/faults.h"

#include "population/rng.h"

namespace C360::Ref
{

std::optional<Fault> Fault::parse(const QString &spec, QString *error)
{
    Fault f;
    const QString kind = spec.section(QLatin1Char(':'), 0, 0).trimmed();
    const QString rest = spec.section(QLatin1Char(':'), 1);
    bool ok = true;
    if (kind == QLatin1String("delay")) {
        f.kind = Kind::Delay;
        f.milliseconds = rest.toInt(&ok);
        ok = ok && f.milliseconds >= 0;
    } else if (kind == QLatin1String("status")) {
        const QStringList parts = rest.split(QLatin1Char(':'));
        f.status = parts.value(0).toInt(&ok);
        ok = ok && f.status >= 100 && f.status <= 599;
        if (ok && parts.size() > 1) {
            f.kind = Kind::TooManyRequests;
            f.retryAfter = parts.at(1).toInt(&ok);
            ok = ok && f.status == 429 && f.retryAfter >= 0;
        } else {
            f.kind = f.status == 429 ? Kind::TooManyRequests : Kind::Status;
        }
    } else if (kind == QLatin1String("hang")) {
        f.kind = Kind::Hang;
    } else if (kind == QLatin1String("reset")) {
        f.kind = Kind::Reset;
    } else if (kind == QLatin1String("truncate")) {
        f.kind = Kind::Truncate;
    } else if (kind == QLatin1String("content-type")) {
        f.kind = Kind::ContentType;
        f.contentType = rest.trimmed().toUtf8();
        ok = !f.contentType.isEmpty();
    } else if (kind == QLatin1String("duplicate")) {
        f.kind = Kind::Duplicate;
    } else if (kind == QLatin1String("oversize")) {
        f.kind = Kind::Oversize;
    } else if (kind == QLatin1String("empty-list")) {
        f.kind = Kind::EmptyList;
    } else if (kind == QLatin1String("endless")) {
        f.kind = Kind::Endless;
    } else if (kind == QLatin1String("bad-next")) {
        f.kind = Kind::BadNext;
    } else if (kind == QLatin1String("absurd-count")) {
        f.kind = Kind::AbsurdCount;
    } else if (kind == QLatin1String("zoneless")) {
        f.kind = Kind::Zoneless;
    } else if (kind == QLatin1String("html")) {
        f.kind = Kind::Html;
    } else {
        ok = false;
    }
    if (!ok) {
        if (error) {
            *error = QStringLiteral("unknown fault \"%1\" (delay:MS, status:CODE, status:429:SECONDS, hang, reset, truncate, content-type:TYPE, "
                                    "duplicate, oversize, empty-list, endless, bad-next, absurd-count, zoneless, html)")
                         .arg(spec);
        }
        return std::nullopt;
    }
    return f;
}

QString Fault::toString() const
{
    switch (kind) {
    case Kind::Delay:
        return QStringLiteral("delay:%1").arg(milliseconds);
    case Kind::Status:
        return QStringLiteral("status:%1").arg(status);
    case Kind::TooManyRequests:
        return QStringLiteral("status:429:%1").arg(retryAfter);
    case Kind::Hang:
        return QStringLiteral("hang");
    case Kind::Reset:
        return QStringLiteral("reset");
    case Kind::Truncate:
        return QStringLiteral("truncate");
    case Kind::ContentType:
        return QStringLiteral("content-type:") + QString::fromUtf8(contentType);
    case Kind::Duplicate:
        return QStringLiteral("duplicate");
    case Kind::Oversize:
        return QStringLiteral("oversize");
    case Kind::EmptyList:
        return QStringLiteral("empty-list");
    case Kind::Endless:
        return QStringLiteral("endless");
    case Kind::BadNext:
        return QStringLiteral("bad-next");
    case Kind::AbsurdCount:
        return QStringLiteral("absurd-count");
    case Kind::Zoneless:
        return QStringLiteral("zoneless");
    case Kind::Html:
        return QStringLiteral("html");
    }
    return {};
}

std::optional<FaultRule> FaultRule::parse(const QString &spec, QString *error)
{
    const qsizetype equals = spec.indexOf(QLatin1Char('='));
    if (equals <= 0) {
        if (error) {
            *error = QStringLiteral("a fault is PATTERN=KIND[@PROBABILITY], not \"%1\"").arg(spec);
        }
        return std::nullopt;
    }
    FaultRule rule;
    rule.pattern = spec.left(equals).trimmed();
    QString kind = spec.mid(equals + 1).trimmed();
    const qsizetype at = kind.lastIndexOf(QLatin1Char('@'));
    if (at > 0) {
        bool ok = false;
        rule.probability = kind.mid(at + 1).toDouble(&ok);
        if (!ok || rule.probability < 0 || rule.probability > 1) {
            if (error) {
                *error = QStringLiteral("the probability in \"%1\" must be between 0 and 1").arg(spec);
            }
            return std::nullopt;
        }
        kind = kind.left(at);
    }
    const auto fault = Fault::parse(kind, error);
    if (!fault) {
        return std::nullopt;
    }
    rule.fault = *fault;
    // A glob where * also spans slashes: "/open311/*" covers every Open311 route.
    QString regex = QRegularExpression::escape(rule.pattern);
    regex.replace(QLatin1String("\\*"), QLatin1String(".*")).replace(QLatin1String("\\?"), QLatin1String("."));
    rule.m_regex = QRegularExpression(QRegularExpression::anchoredPattern(regex));
    return rule;
}

bool FaultRule::matches(const QString &path) const
{
    return m_regex.match(path).hasMatch();
}

QString FaultRule::toString() const
{
    return pattern + QLatin1Char('=') + fault.toString() + (probability < 1.0 ? QStringLiteral("@%1").arg(probability) : QString());
}

std::optional<Fault> FaultInjector::decide(const QString &path)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const FaultRule &rule = m_rules.at(i);
        if (!rule.matches(path)) {
            continue;
        }
        Rng rng(m_seed, 0xFA017 + quint64(i), m_matched[i]++);
        if (rule.probability >= 1.0 || rng.chance(rule.probability)) {
            return rule.fault;
        }
    }
    return std::nullopt;
}

} // namespace C360::Ref
