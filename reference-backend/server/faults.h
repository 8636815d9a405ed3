// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace C360::Ref
{

// A way for the back end to misbehave, as real municipal servers do.
struct Fault
{
    enum class Kind {
        Delay, // delay:MS — answer after MS milliseconds
        Status, // status:CODE — answer CODE with an error body
        TooManyRequests, // status:429:SECONDS — 429 with Retry-After
        Hang, // hang — never answer
        Reset, // reset — send half the body, then reset the connection
        Truncate, // truncate — announce the full length, send half, close
        ContentType, // content-type:TYPE — the right body with the wrong type
        Duplicate, // duplicate — pages repeat records of the page before
        Oversize, // oversize — a body far beyond any sane size (valid JSON, padded)
        // Hostile lists, well-formed but lying, as servers no one here wrote send them:
        EmptyList, // empty-list — a list that claims its records (count, or a full feed page) but carries none
        Endless, // endless — every page names a next one; past the end, the last page again
        BadNext, // bad-next — the link to the next page is not a URL
        AbsurdCount, // absurd-count — a count no list can have (99,999,999,999)
        Zoneless, // zoneless — date-times in the server's local time, without an offset
        Html, // html — 200 with an HTML page instead of the data (a proxy's or portal's error page)
    };
    Kind kind = Kind::Status;
    int milliseconds = 0;
    int status = 500;
    int retryAfter = 0;
    QByteArray contentType;

    // "delay:200", "status:503", "status:429:5", "hang", "content-type:text/html", …
    static std::optional<Fault> parse(const QString &spec, QString *error);
    QString toString() const;
};

// A fault with where and how often it strikes: PATTERN=KIND[@PROBABILITY], the pattern a glob on
// the path ("/open311/*", "*/partijen").
struct FaultRule
{
    QString pattern;
    Fault fault;
    double probability = 1.0;

    static std::optional<FaultRule> parse(const QString &spec, QString *error);
    bool matches(const QString &path) const;
    QString toString() const;

private:
    QRegularExpression m_regex;
};

// The rules in force, in order; the first that matches and strikes applies. Whether a rule strikes
// is drawn from the seed, the rule's place and the number of requests it has matched so far: the
// requests of other paths (another dialect's) never shift a rule's decisions.
class FaultInjector
{
public:
    explicit FaultInjector(quint64 seed)
        : m_seed(seed)
    {
    }
    void add(const FaultRule &rule)
    {
        m_rules.append(rule);
        m_matched.append(0);
    }
    void clear()
    {
        m_rules.clear();
        m_matched.clear();
    }
    const QList<FaultRule> &rules() const { return m_rules; }
    std::optional<Fault> decide(const QString &path);

private:
    quint64 m_seed;
    QList<FaultRule> m_rules;
    QList<quint64> m_matched; // per rule: the requests it matched
};

} // namespace C360::Ref
