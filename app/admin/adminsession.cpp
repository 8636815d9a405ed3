// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "adminsession.h"

#include "store/storelocation.h"

#include "common/clock.h"
#include "privacy/accountservice.h"
#include "privacy/auditkey.h"
#include "privacy/secretstore.h"
#include "store/storeidentity.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#endif

namespace C360
{

namespace
{
QString program()
{
    return QCoreApplication::applicationName() + QLatin1String(": ");
}

// Echo off on the terminal while a password is typed; restored when it goes out of scope.
class NoEcho
{
public:
    NoEcho()
    {
#ifdef Q_OS_WIN
        m_input = GetStdHandle(STD_INPUT_HANDLE);
        m_active = GetConsoleMode(m_input, &m_mode) && SetConsoleMode(m_input, m_mode & ~ENABLE_ECHO_INPUT);
#else
        m_active = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
#endif
    }
    ~NoEcho()
    {
        if (!m_active) {
            return;
        }
#ifdef Q_OS_WIN
        SetConsoleMode(m_input, m_mode);
#else
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
        std::cerr << std::endl; // the newline the typist's Enter did not echo
    }
    NoEcho(const NoEcho &) = delete;
    NoEcho &operator=(const NoEcho &) = delete;
    bool isTerminal() const
    {
        return m_active;
    }

private:
    bool m_active = false;
#ifdef Q_OS_WIN
    HANDLE m_input = nullptr;
    DWORD m_mode = 0;
#else
    termios m_saved{};
#endif
};

// The credentials file's two lines, if its permissions keep it to its owner.
std::optional<std::pair<QString, QString>> readCredentialsFile(const QString &path, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << program() << i18nc("@info:shell", "Cannot read the credentials file %1: %2", QDir::toNativeSeparators(path), file.errorString()) << Qt::endl;
        return std::nullopt;
    }
#ifndef Q_OS_WIN
    struct stat info
    {
    };
    if (fstat(file.handle(), &info) != 0 || (info.st_mode & 077) != 0 || info.st_uid != geteuid()) {
        err << program()
            << i18nc("@info:shell",
                     "The credentials file %1 must belong to you and be readable by you only (chmod 600): a password in a file others can "
                     "read is no secret.",
                     QDir::toNativeSeparators(path))
            << Qt::endl;
        return std::nullopt;
    }
#endif
    const QList<QByteArray> lines = file.read(64 * 1024).split('\n');
    const QString name = lines.size() > 0 ? QString::fromUtf8(lines.at(0)).trimmed() : QString();
    QString password = lines.size() > 1 ? QString::fromUtf8(lines.at(1)) : QString();
    if (password.endsWith(QLatin1Char('\r'))) {
        password.chop(1);
    }
    if (name.isEmpty() || password.isEmpty()) {
        err << program() << i18nc("@info:shell", "The credentials file %1 needs two lines: the user name, then the password.", QDir::toNativeSeparators(path))
            << Qt::endl;
        return std::nullopt;
    }
    return std::make_pair(name, password);
}
} // namespace

AdminCredentials AdminCredentials::from(const QString &user, const QString &file)
{
    AdminCredentials who{user, file};
    if (who.isEmpty()) {
        who.file = qEnvironmentVariable("C360_CREDENTIALS");
    }
    return who;
}

QString readSecretLine(const QString &prompt)
{
    const NoEcho noEcho;
    if (noEcho.isTerminal() && !prompt.isEmpty()) {
        std::cerr << prompt.toStdString() << std::flush;
    }
    std::string line;
    if (!std::getline(std::cin, line)) {
        return {};
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return QString::fromStdString(line);
}

QString adminWorkstation()
{
#ifdef Q_OS_WIN
    wchar_t name[256];
    DWORD size = 256;
    const QString user = GetUserNameW(name, &size) ? QString::fromWCharArray(name) : QStringLiteral("?");
    return i18nc("@info audit workstation; %1 a host, %2 an OS account", "%1 (citizen360-admin, OS user %2)", QSysInfo::machineHostName(), user);
#else
    return i18nc("@info audit workstation; %1 a host, %2 a number", "%1 (citizen360-admin, OS uid %2)", QSysInfo::machineHostName(), QString::number(getuid()));
#endif
}

std::optional<AdminSession> openStore(const QString &path, Database::OpenMode mode, QTextStream &err)
{
    auto database = Database::open(path, mode, SystemClock::instance());
    if (!database) {
        err << program() << database.error().message() << Qt::endl;
        return std::nullopt;
    }
    if (auto training = StoreIdentity::isTraining(**database); !training || *training) {
        err << program() << (training ? StoreIdentity::trainingStoreRefused(path) : training.error().message()) << Qt::endl;
        return std::nullopt;
    }
    auto server = AccountService::signedInByServer(**database, adminWorkstation());
    if (!server) {
        err << program() << server.error().message << Qt::endl;
        return std::nullopt;
    }
    AdminSession session;
    if (*server && !(*server)->installation) {
        // A staff member's own login: the server writes the chain with a key this session cannot read.
        session.db = std::move(*database);
        session.audit = std::make_unique<AuditService>(*session.db, QByteArray());
        session.staff = (*server)->staff;
        session.byServer = true;
        return session;
    }
    auto key = AuditKey::load(**database, *SecretStore::personal());
    if (!key) {
        err << program() << key.error() << Qt::endl;
        return std::nullopt;
    }
    session.db = std::move(*database);
    session.key = *key;
    session.audit = std::make_unique<AuditService>(*session.db, session.key);
    if (*server) {
        session.serverInstallation = (*server)->staff;
    }
    return session;
}

Expected<AdminSession, int> openSession(const QString &path, const AdminCredentials &who, Operation operation, QTextStream &err)
{
    if (StoreLocation::isServerName(path)) {
        // The server signs people in: first see whom it signed in.
        auto session = openStore(path, Database::OpenMode::ReadWrite, err);
        if (!session) {
            return unexpected(1);
        }
        if (session->byServer || (session->serverInstallation && who.isEmpty())) {
            if (!session->byServer) {
                session->staff = *session->serverInstallation;
                session->byServer = true;
            }
            // Signed in by the server; the command's session is audited as a sign-in is.
            if (auto login = session->audit->record(session->staff, AuditAction::Login, 0, {}, AuditOutcome::Success); !login) {
                err << program() << login.error().message() << Qt::endl;
                return unexpected(1);
            }
            if (auto permitted = session->audit->permit(session->staff, operation); !permitted) {
                err << program() << permitted.error().message << Qt::endl;
                return unexpected(1);
            }
            return std::move(*session);
        }
    }
    if (who.isEmpty()) {
        err << program()
            << i18nc("@info:shell",
                     "This command acts as a staff account: give --user NAME (the password on standard input) or --credentials FILE, or set "
                     "C360_CREDENTIALS.")
            << Qt::endl;
        return unexpected(2);
    }
    if (!StoreLocation::isServerName(path) && !QFileInfo::exists(path)) {
        // Only init makes a store, and only with its administrator (on a server: an empty
        // database is refused by Database::open below as not initialised).
        err << program()
            << i18nc("@info:shell",
                     "The store %1 does not exist. Make it with: %2 init --database %1 --admin NAME",
                     QDir::toNativeSeparators(path),
                     QCoreApplication::applicationName())
            << Qt::endl;
        return unexpected(1);
    }
    QString name = who.user;
    QString password;
    if (!who.file.isEmpty() && who.user.isEmpty()) {
        auto credentials = readCredentialsFile(who.file, err);
        if (!credentials) {
            return unexpected(1);
        }
        std::tie(name, password) = *credentials;
    } else {
        password = readSecretLine(i18nc("@info:shell", "Password of %1: ", name));
    }
    auto session = openStore(path, Database::OpenMode::ReadWrite, err);
    if (!session) {
        return unexpected(1);
    }
    AccountService accounts(*session->audit);
    auto staff = accounts.signIn(name, password, adminWorkstation());
    if (!staff) {
        err << program() << staff.error().message << Qt::endl;
        return unexpected(1);
    }
    if (auto permitted = session->audit->permit(*staff, operation); !permitted) {
        err << program() << permitted.error().message << Qt::endl;
        return unexpected(1);
    }
    session->staff = *staff;
    return std::move(*session);
}

} // namespace C360
