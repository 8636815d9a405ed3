// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/storelocation.h"

#include <KLocalizedString>

#include <QUrl>

namespace C360
{

namespace
{
QString decoded(QStringView text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

QString encoded(const QString &text, const QByteArray &keep = {})
{
    return QString::fromUtf8(QUrl::toPercentEncoding(text, keep));
}

bool isDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.isDigit();
    });
}
} // namespace

bool StoreLocation::isServerName(const QString &name)
{
    return name.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) || name.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

StoreLocation StoreLocation::parse(const QString &name)
{
    StoreLocation location;
    if (!isServerName(name)) {
        location.m_filePath = name;
        return location;
    }
    location.m_engine = Engine::PostgreSQL;
    QStringView rest = QStringView(name).mid(name.indexOf(QLatin1String("://")) + 3);
    QStringView query;
    if (const qsizetype mark = rest.indexOf(QLatin1Char('?')); mark >= 0) {
        query = rest.mid(mark + 1);
        rest = rest.left(mark);
    }
    QStringView authority = rest;
    if (const qsizetype slash = rest.indexOf(QLatin1Char('/')); slash >= 0) {
        authority = rest.left(slash);
        location.m_databaseName = decoded(rest.mid(slash + 1));
        if (location.m_databaseName.contains(QLatin1Char('/'))) {
            location.m_problem = Problem::MalformedUri;
        }
    }
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QStringView user = authority.left(at);
        authority = authority.mid(at + 1);
        if (user.contains(QLatin1Char(':'))) {
            location.m_problem = Problem::PasswordInUri;
            return location;
        }
        location.m_userName = decoded(user);
    }
    // host[:port], or several of them separated by commas; an IPv6 address in brackets.
    QStringList hosts;
    QStringList ports;
    bool anyPort = false;
    for (QStringView spec : authority.split(QLatin1Char(','))) {
        QString host;
        QString port;
        if (spec.startsWith(QLatin1Char('['))) {
            const qsizetype close = spec.indexOf(QLatin1Char(']'));
            if (close < 0) {
                location.m_problem = Problem::MalformedUri;
                return location;
            }
            host = spec.mid(1, close - 1).toString();
            spec = spec.mid(close + 1);
            if (spec.startsWith(QLatin1Char(':'))) {
                port = spec.mid(1).toString();
            } else if (!spec.isEmpty()) {
                location.m_problem = Problem::MalformedUri;
                return location;
            }
        } else if (const qsizetype colon = spec.lastIndexOf(QLatin1Char(':')); colon >= 0) {
            host = decoded(spec.left(colon));
            port = spec.mid(colon + 1).toString();
        } else {
            host = decoded(spec);
        }
        if (!port.isEmpty() && !isDigits(port)) {
            location.m_problem = Problem::MalformedUri;
            return location;
        }
        anyPort = anyPort || !port.isEmpty();
        hosts.append(host);
        ports.append(port);
    }
    location.m_host = hosts.size() == 1 && hosts.constFirst().isEmpty() ? QString() : hosts.join(QLatin1Char(','));
    location.m_port = anyPort ? ports.join(QLatin1Char(',')) : QString();
    if (!query.isEmpty()) {
        for (QStringView pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(QLatin1Char('='));
            if (equals <= 0) {
                location.m_problem = Problem::MalformedUri;
                return location;
            }
            const QString key = decoded(pair.left(equals));
            const QString value = decoded(pair.mid(equals + 1));
            if (key == QLatin1String("password")) {
                location.m_problem = Problem::PasswordInUri;
                return location;
            }
            // Values reach libpq's keyword=value string; a quote or a backslash in them, or a key
            // that is not a word, would change what it reads.
            const bool wordKey = std::all_of(key.begin(), key.end(), [](QChar c) {
                return c.isLetterOrNumber() || c == QLatin1Char('_');
            });
            if (!wordKey || value.contains(QLatin1Char('\'')) || value.contains(QLatin1Char('\\')) || value.contains(QLatin1Char(';'))) {
                location.m_problem = Problem::MalformedUri;
                return location;
            }
            if (key == QLatin1String("host")) {
                location.m_host = value;
            } else if (key == QLatin1String("port")) {
                location.m_port = value;
            } else if (key == QLatin1String("dbname")) {
                location.m_databaseName = value;
            } else if (key == QLatin1String("user")) {
                location.m_userName = value;
            } else {
                location.m_options.append({key, value});
            }
        }
    }
    if (location.m_databaseName.isEmpty() && location.m_problem == Problem::None) {
        // libpq would take the user's name as the database's: name it, so that no one works in a
        // database they did not mean.
        location.m_problem = Problem::MalformedUri;
    }
    return location;
}

std::optional<QString> StoreLocation::option(const QString &key) const
{
    for (const auto &[k, v] : m_options) {
        if (k == key) {
            return v;
        }
    }
    return std::nullopt;
}

QString StoreLocation::problemMessage() const
{
    switch (m_problem) {
    case Problem::None:
        return {};
    case Problem::PasswordInUri:
        return i18nc("@info",
                     "The database address contains a password, which every user of this computer could read. Remove it from the address: "
                     "Citizen 360 asks for it, or takes it from PGPASSWORD or the password file ~/.pgpass.");
    case Problem::MalformedUri:
        break;
    }
    return i18nc("@info",
                 "The database address is not valid. Write it as postgresql://user@server:port/database, for example "
                 "postgresql://clerk@db.town.example:5432/citizen360?sslmode=verify-full.");
}

QString StoreLocation::displayName() const
{
    if (!isServer()) {
        return m_filePath;
    }
    QString uri = QStringLiteral("postgresql://");
    if (!m_userName.isEmpty()) {
        uri += encoded(m_userName) + QLatin1Char('@');
    }
    QStringList hosts;
    const QStringList hostList = m_host.startsWith(QLatin1Char('/')) ? QStringList{m_host} : m_host.split(QLatin1Char(','));
    const QStringList portList = m_port.split(QLatin1Char(','));
    for (qsizetype i = 0; i < hostList.size(); ++i) {
        QString h = hostList.at(i);
        if (h.contains(QLatin1Char(':'))) {
            h = QLatin1Char('[') + h + QLatin1Char(']');
        } else {
            h = encoded(h, QByteArray("."));
        }
        const QString p = portList.size() == hostList.size() ? portList.at(i) : (i == 0 ? m_port : QString());
        hosts.append(p.isEmpty() ? h : h + QLatin1Char(':') + p);
    }
    uri += hosts.join(QLatin1Char(',')) + QLatin1Char('/') + encoded(m_databaseName);
    QStringList query;
    for (const auto &[key, value] : m_options) {
        query.append(encoded(key) + QLatin1Char('=') + encoded(value, QByteArray("/.-_")));
    }
    if (!query.isEmpty()) {
        uri += QLatin1Char('?') + query.join(QLatin1Char('&'));
    }
    return uri;
}

QString StoreLocation::credentialKey() const
{
    return QStringLiteral("postgresql:") + m_userName + QLatin1Char('@') + m_host + QLatin1Char(':') + m_port + QLatin1Char('/') + m_databaseName;
}

} // namespace C360
