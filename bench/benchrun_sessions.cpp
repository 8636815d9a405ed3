// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// sessions: a town hall's front office at work on one shared store. N staff members, each signed in
// as their own login of the server with a connection of their own, work at a desk's pace through
// the product's services (a search of a few keystrokes a minute, a case opened with a purpose every
// other minute, a contact registered for one case in two), while a libpq connection runs the same
// queries raw beside them; then the audit log is counted against what the sessions did and its
// chain checked, and the server's side is read: connections, memory, what its backends waited on.
#include "benchrun_benchmarks.h"
#include "benchrun_raw.h"
#include "benchrun_store.h"

#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/searchservice.h"
#include "casefile.h"
#include "privacy/accountservice.h"
#include "privacy/secretstore.h"
#include "searchhit.h"
#include "store/database.h"
#include "store/livechanges.h"
#include "store/statement.h"
#include "store/storelocation.h"
#include "timelinemodel.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <latch>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace C360::Bench
{
namespace
{
using SteadyClock = std::chrono::steady_clock;

const QString PasswordKey = QStringLiteral("bench_sessions_password");

// The bench's staff logins of this store: bench.<6 hex digits of the database's name>.s0001 …
// Logins are the server's, accounts the store's: a server with several bench databases (the
// tests') keeps each one's apart. Set once by benchSessions.
QString &loginPrefix()
{
    static QString prefix;
    return prefix;
}

QString loginName(int index)
{
    return loginPrefix() + QStringLiteral("%1").arg(index, 4, 10, QLatin1Char('0'));
}

// loginPrefix() as a LIKE pattern (its dots match themselves).
QString logins()
{
    return loginPrefix() + QLatin1Char('%');
}

// A citizen someone comes to the desk (or calls) about, as typed.
struct Target
{
    qint64 id = 0;
    QString family;
    QString given;
    QString number;
};

// What one search of a few keystrokes types for target: the family name letter by letter (with the
// given name's initial for a short one), or for one search in four the national number's first digits.
QStringList typing(const Target &target, bool byNumber)
{
    QStringList texts;
    if (byNumber && target.number.size() >= 9) {
        for (int n = 6; n <= 9; ++n) {
            texts.append(target.number.left(n));
        }
        return texts;
    }
    for (int n = 2; n <= std::min<qsizetype>(5, target.family.size()); ++n) {
        texts.append(target.family.left(n));
    }
    if (texts.size() < 3 && !target.given.isEmpty()) {
        texts.append(target.family + QLatin1Char(' ') + target.given.left(1));
    }
    return texts;
}

// True when b continues the typing a ended with (the search service's rule): a new typing must not.
bool continues(const QString &a, const QString &b)
{
    return !a.isEmpty() && (a.startsWith(b, Qt::CaseInsensitive) || b.startsWith(a, Qt::CaseInsensitive));
}

enum class Kind { Keystroke, Open, Contact };

// An event due this long ago when its turn comes is not run: the pace cannot be kept, and the run
// ends at its planned time instead of working off a queue (counted, and the run misses its goal).
constexpr double MaxLagMs = 30000;

struct Event
{
    double due = 0; // seconds after the start
    int session = 0; // index into the worker's sessions
    Kind kind = Kind::Keystroke;
    QString text;
    bool firstOfTyping = false;
    qint64 citizen = 0;
};

// When each contact was registered (its call returned, so committed), by who registered it and for
// whom: what the listeners' delivery delay is measured from.
class Registered
{
public:
    void add(const QString &by, qint64 citizen)
    {
        const QMutexLocker lock(&m_mutex);
        m_at.insert(key(by, citizen), SteadyClock::now());
    }
    std::optional<SteadyClock::time_point> at(const QString &by, qint64 citizen) const
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_at.constFind(key(by, citizen));
        return it == m_at.cend() ? std::nullopt : std::optional(*it);
    }

private:
    static QString key(const QString &by, qint64 citizen) { return by + QLatin1Char('/') + QString::number(citizen); }
    mutable QMutex m_mutex;
    QHash<QString, SteadyClock::time_point> m_at;
};

// Each session's live updates as the application has them: LiveChanges on a connection of its own
// (the same login), all of them in one thread with an event loop, as a desk's window has one.
// Counts the contacts' announcements each one delivers, and how long after the contact.
class Listeners
{
public:
    Listeners(const QStringList &names, const Registered &registered)
        : m_names(names)
        , m_registered(registered)
    {
    }
    ~Listeners() { stop(); }

    // Opens every listening connection; returns once they are all open (or failed to).
    void start()
    {
        std::latch ready(1);
        m_thread = std::thread([this, &ready] {
            QEventLoop loop;
            std::vector<std::unique_ptr<LiveChanges>> all;
            for (const QString &name : std::as_const(m_names)) {
                auto listener = std::make_unique<LiveChanges>(name, benchClock());
                m_listening += listener->isListening() ? 1 : 0;
                QObject::connect(listener.get(), &LiveChanges::changed, listener.get(), [this](const LiveChange &change) {
                    if (change.table != QLatin1String("contact_moments") || !change.by.startsWith(loginPrefix())) {
                        return;
                    }
                    ++m_delivered;
                    if (const auto at = m_registered.at(change.by, change.citizenId)) {
                        m_delays.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - *at).count());
                    }
                });
                all.push_back(std::move(listener));
            }
            m_loop = &loop;
            ready.count_down();
            loop.exec();
            all.clear();
        });
        ready.wait();
    }
    // Stops once expected announcements were delivered, or after timeout.
    void stop(qint64 expected = 0, std::chrono::milliseconds timeout = std::chrono::milliseconds(0))
    {
        if (!m_thread.joinable()) {
            return;
        }
        const auto until = SteadyClock::now() + timeout;
        while (m_delivered < expected && SteadyClock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20)); // the stragglers of the fan-out
        }
        QMetaObject::invokeMethod(m_loop, &QEventLoop::quit, Qt::QueuedConnection);
        m_thread.join();
    }
    int listening() const { return m_listening; }
    qint64 delivered() const { return m_delivered; }
    const std::vector<double> &delays() const { return m_delays; } // after stop()

private:
    QStringList m_names;
    const Registered &m_registered;
    std::thread m_thread;
    QEventLoop *m_loop = nullptr;
    std::atomic<int> m_listening = 0;
    std::atomic<qint64> m_delivered = 0;
    std::vector<double> m_delays;
};

// One staff member at their desk: their own login and connection, the product's services on it.
struct Session
{
    QString login;
    StaffMember staff;
    std::unique_ptr<Database> db;
    std::unique_ptr<AuditService> audit;
    std::unique_ptr<SearchService> search;
    std::unique_ptr<CaseService> cases;
    QSet<qint64> shown; // the citizens this typing showed (and audited) so far
    // Whether this connection searched and opened a case before: the first of each is a new
    // backend's (its caches cold), paid once a working day, and counted apart.
    bool searched = false;
    bool opened = false;
    qint64 openCitizen = 0; // the case open now (a contact is registered in it)
};

// What the sessions did that the audit log must hold, by action.
struct AuditExpectation
{
    qint64 search = 0;
    qint64 shown = 0;
    qint64 opened = 0;
    qint64 change = 0;
};

struct Samples
{
    std::vector<double> signIn, keystroke, open, contact, lag;
    std::vector<double> firstKeystroke, firstOpen; // each session's first
    // The keystrokes (also in keystroke) of a name of several words ("de sm"), and the others.
    std::vector<double> severalWords, others;
    int signInErrors = 0, keystrokeErrors = 0, openErrors = 0, contactErrors = 0;
    qint64 abandoned = 0; // events not run: due more than MaxLagMs before their turn came
    QString firstError;
    AuditExpectation expected;
    QList<qint64> contacts;

    void add(const Samples &o)
    {
        for (auto [to, from] : {std::pair{&signIn, &o.signIn},
                                std::pair{&keystroke, &o.keystroke},
                                std::pair{&open, &o.open},
                                std::pair{&contact, &o.contact},
                                std::pair{&lag, &o.lag},
                                std::pair{&firstKeystroke, &o.firstKeystroke},
                                std::pair{&firstOpen, &o.firstOpen},
                                std::pair{&severalWords, &o.severalWords},
                                std::pair{&others, &o.others}}) {
            to->insert(to->end(), from->begin(), from->end());
        }
        signInErrors += o.signInErrors;
        keystrokeErrors += o.keystrokeErrors;
        openErrors += o.openErrors;
        contactErrors += o.contactErrors;
        abandoned += o.abandoned;
        if (firstError.isEmpty()) {
            firstError = o.firstError;
        }
        expected.search += o.expected.search;
        expected.shown += o.expected.shown;
        expected.opened += o.expected.opened;
        expected.change += o.expected.change;
        contacts += o.contacts;
    }
};

// The sessions one thread drives: their sign-in, then their events in time order.
class Worker
{
public:
    Worker(const StoreLocation &location, const QString &password, const QString &contactSource, Registered &registered)
        : m_location(location)
        , m_password(password)
        , m_contactSource(contactSource)
        , m_registered(registered)
    {
    }

    void addSession(const QString &login, const Target &first)
    {
        m_logins.append(login);
        m_warmUp.append(first);
    }
    const QList<Target> &warmUpTargets() const { return m_warmUp; }
    int size() const { return int(m_logins.size()); }
    std::vector<Event> &events() { return m_events; }
    Samples &samples() { return m_samples; }

    void signIn()
    {
        for (const QString &login : std::as_const(m_logins)) {
            Session s;
            s.login = login;
            QElapsedTimer t;
            t.start();
            auto opened = AccountService::openAs(m_location, login, m_password, benchClock(), QStringLiteral("bench-%1").arg(login));
            if (!opened || !opened->signIn) {
                ++m_samples.signInErrors;
                fail(opened ? QStringLiteral("%1 is no staff member of the store").arg(login) : opened.error().message);
            } else {
                m_samples.signIn.push_back(msSince(t));
                s.staff = opened->signIn->staff;
                m_names.append(opened->name);
                s.db = std::move(opened->db);
                s.audit = std::make_unique<AuditService>(*s.db, QByteArray());
                s.search = std::make_unique<SearchService>(*s.audit);
                s.cases = std::make_unique<CaseService>(*s.audit, m_contactSource);
            }
            m_sessions.push_back(std::move(s));
        }
    }

    // Runs the events from start on (their due times are seconds after it), each when it is due.
    void run(SteadyClock::time_point start)
    {
        std::sort(m_events.begin(), m_events.end(), [](const Event &a, const Event &b) {
            return a.due < b.due;
        });
        for (const Event &e : m_events) {
            const auto due = start + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(e.due));
            std::this_thread::sleep_until(due); // the desk's pace, not a wait for a result
            const double lag = std::chrono::duration<double, std::milli>(SteadyClock::now() - due).count();
            if (lag > MaxLagMs) {
                ++m_samples.abandoned; // the server (or this machine) cannot keep the pace: the run ends
                continue;
            }
            m_samples.lag.push_back(lag);
            perform(e);
        }
    }

    // Each session's start of the day before the measured run: a first search and a first case
    // (a new backend's caches filled), measured apart as each session's first.
    void warmUp(const QList<Target> &targets)
    {
        for (int i = 0; i < int(m_sessions.size()) && i < targets.size(); ++i) {
            perform({0, i, Kind::Keystroke, targets.at(i).family, true, 0});
            perform({0, i, Kind::Open, {}, false, targets.at(i).id});
        }
    }

private:
    void perform(const Event &e)
    {
        {
            TimelineModel &model = m_model;
            Session &s = m_sessions.at(e.session);
            if (!s.db) {
                return; // not signed in (counted there)
            }
            const Purpose purpose{s.staff.role == Role::CallCentreAgent ? QStringLiteral("phone_call") : QStringLiteral("counter_visit"), QString()};
            QElapsedTimer t;
            t.start();
            switch (e.kind) {
            case Kind::Keystroke: {
                auto result = s.search->search(s.staff, e.text);
                const double ms = msSince(t);
                if (!result) {
                    ++m_samples.keystrokeErrors;
                    fail(result.error().message);
                    break;
                }
                (s.searched ? m_samples.keystroke : m_samples.firstKeystroke).push_back(ms);
                if (s.searched) {
                    (result->kind == SearchKind::Name && e.text.trimmed().contains(QLatin1Char(' ')) ? m_samples.severalWords : m_samples.others).push_back(ms);
                }
                s.searched = true;
                if (e.firstOfTyping) {
                    s.shown.clear();
                }
                if (result->tooShort) {
                    break; // ("d'" of d'Hondt): nothing searched, nothing audited
                }
                ++m_samples.expected.search;
                for (const SearchHit &hit : std::as_const(result->hits)) {
                    if (!s.shown.contains(hit.citizenId)) {
                        s.shown.insert(hit.citizenId);
                        ++m_samples.expected.shown;
                    }
                }
                break;
            }
            case Kind::Open: {
                auto file = s.cases->open(s.staff, e.citizen, purpose);
                if (file) {
                    model.setCase(*file); // what the case view shows, as case_open measures it
                }
                const double ms = msSince(t);
                if (!file) {
                    ++m_samples.openErrors;
                    fail(file.error().message);
                    break;
                }
                (s.opened ? m_samples.open : m_samples.firstOpen).push_back(ms);
                s.opened = true;
                s.openCitizen = e.citizen;
                ++m_samples.expected.opened;
                break;
            }
            case Kind::Contact: {
                if (s.openCitizen != e.citizen) {
                    ++m_samples.abandoned; // its case was not opened (not run, or failed): nobody registers a contact
                    break;
                }
                ContactMoment contact;
                contact.citizenId = e.citizen;
                contact.channel = s.staff.role == Role::CallCentreAgent ? Channel::Phone : Channel::Counter;
                contact.subject = QStringLiteral("Question about a permit");
                contact.text = QStringLiteral("Asked how long the application takes; explained the steps.");
                auto id = s.cases->registerContact(s.staff, purpose, contact);
                const double ms = msSince(t);
                if (!id) {
                    ++m_samples.contactErrors;
                    fail(id.error().message);
                    break;
                }
                m_samples.contact.push_back(ms);
                m_samples.contacts.append(*id);
                m_registered.add(s.login, e.citizen);
                ++m_samples.expected.change; // its row, audited by the store's trigger
                break;
            }
            }
        }
    }

public:
    void signOut() { m_sessions.clear(); }
    // The stores' names as the sessions signed in (their logins), for their other connections.
    const QStringList &names() const { return m_names; }

private:
    void fail(const QString &message)
    {
        if (m_samples.firstError.isEmpty()) {
            m_samples.firstError = message;
        }
    }

    StoreLocation m_location;
    QString m_password;
    QString m_contactSource;
    Registered &m_registered;
    TimelineModel m_model;
    QStringList m_logins;
    QList<Target> m_warmUp;
    QStringList m_names;
    std::vector<Session> m_sessions;
    std::vector<Event> m_events;
    Samples m_samples;
};

// The password of the bench's staff logins, kept with the store's other secrets of the bench.
QString sessionPassword(SecretStore &secrets)
{
    if (auto kept = secrets.read(PasswordKey); kept && !kept->isEmpty()) {
        return *kept;
    }
    static const char letters[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 24; ++i) {
        password.append(QLatin1Char(letters[QRandomGenerator::system()->bounded(int(sizeof(letters) - 1))]));
    }
    if (!secrets.write(PasswordKey, password)) {
        return {};
    }
    return password;
}

// The logins loginName(1) … of count staff members (clerks and call-centre agents in turn), made by
// the store as an administrator makes them (c360_add_staff) where they are not there yet.
bool ensureLogins(Database &db, AuditService &audit, int count, const QString &password)
{
    QSet<QString> existing;
    Statement known(db, QStringLiteral("SELECT username FROM staff_accounts WHERE username LIKE ?"));
    if (!known.exec({logins()})) {
        return false;
    }
    while (known.next()) {
        existing.insert(known.value(0).toString());
    }
    known.finish();
    AccountService accounts(audit);
    accounts.setServerLogins(true);
    const StaffMember admin(QStringLiteral("bench.admin"), Role::Administrator, QStringLiteral("bench-1"));
    int made = 0;
    for (int i = 1; i <= count; ++i) {
        if (existing.contains(loginName(i))) {
            continue;
        }
        StaffAccount account;
        account.username = loginName(i);
        account.displayName = QStringLiteral("Bench desk %1").arg(i);
        account.role = i % 2 ? Role::CounterClerk : Role::CallCentreAgent;
        account.team = i % 2 ? QStringLiteral("Burgerzaken") : QStringLiteral("KCC");
        if (auto made_ = accounts.createAccount(admin, account, password); !made_) {
            say(QStringLiteral("cannot make the login %1: %2").arg(account.username, made_.error().message));
            return false;
        }
        if (++made % 250 == 0) {
            say(QStringLiteral("  %1 staff logins made").arg(made));
        }
    }
    return true;
}

QList<Target> targets(Database &db, int count)
{
    QList<Target> all;
    Statement citizen(db,
                      QStringLiteral("SELECT family_name, given_names, (SELECT value FROM citizen_identifiers i WHERE i.citizen_id = c.id AND "
                                     "i.type IN ('be_nrn', 'be_bis') LIMIT 1) FROM citizens c WHERE id = ?"));
    for (qint64 id : randomCitizens(db, count)) {
        if (citizen.exec({id}) && citizen.next() && citizen.value(0).toString().size() >= 2) {
            all.append({id, citizen.value(0).toString(), citizen.value(1).toString(), citizen.value(2).toString()});
        }
        citizen.finish();
    }
    return all;
}

// Every event of one session from its first minute (offset seconds after the start) to the end of
// the run (end seconds): a typing each minute; every other minute the citizen typed for is opened
// five seconds later; one open in two has a contact registered thirty seconds after it. scale is
// the length of a session's minute in minutes (1 at a real desk's pace).
void plan(std::vector<Event> &events,
          int session,
          double offset,
          double end,
          double scale,
          const QList<Target> &pool,
          QRandomGenerator &rng,
          const QString &warmUpText)
{
    const double minute = 60.0 * scale;
    const int openParity = int(rng.bounded(2));
    const int contactParity = int(rng.bounded(2));
    int opens = 0;
    QString last = warmUpText; // the session's first search, before the run: the first typing is a new one
    for (int k = 0; offset + k * minute < end; ++k) {
        const double at = offset + k * minute;
        Target target;
        QStringList texts;
        for (int attempt = 0; attempt < 20 && (texts.isEmpty() || continues(last, texts.first())); ++attempt) {
            target = pool.at(rng.bounded(int(pool.size())));
            texts = typing(target, rng.bounded(4) == 0);
        }
        if (texts.isEmpty() || continues(last, texts.first())) {
            continue;
        }
        for (int j = 0; j < texts.size(); ++j) {
            events.push_back({at + j * 0.25 * scale, session, Kind::Keystroke, texts.at(j), j == 0, 0});
        }
        last = texts.last();
        if ((k + openParity) % 2 != 0) {
            continue;
        }
        const double openAt = at + 5.0 * scale;
        if (openAt >= end) {
            continue;
        }
        events.push_back({openAt, session, Kind::Open, {}, false, target.id});
        if ((opens++ + contactParity) % 2 == 0 && openAt + 30.0 * scale < end) {
            events.push_back({openAt + 30.0 * scale, session, Kind::Contact, {}, false, target.id});
        }
    }
}

// --- the server's side ---------------------------------------------------------------------------

qint64 scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    Statement q(db, sql);
    return q.exec(values) && q.next() ? q.value(0).toLongLong() : -1;
}

// The memory of the server's backends of the sessions, when the server runs on this machine:
// their private pages (what each connection costs) and the shared pages they map, once.
struct ServerMemory
{
    double privateMb = Nan;
    int processes = 0;
};

ServerMemory serverMemory(Database &db)
{
    ServerMemory m;
    Statement pids(db, QStringLiteral("SELECT pid FROM pg_stat_activity WHERE usename LIKE ?"));
    if (!pids.exec({logins()})) {
        return m;
    }
    double kb = 0;
    while (pids.next()) {
        QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(pids.value(0).toLongLong()));
        if (!rollup.open(QIODevice::ReadOnly)) {
            continue; // not on this machine, or gone
        }
        ++m.processes;
        for (const QByteArray &line : rollup.readAll().split('\n')) {
            if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) {
                kb += line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toDouble();
            }
        }
    }
    if (m.processes > 0) {
        m.privateMb = kb / 1024.0;
    }
    return m;
}

// The machine's CPU time, busy and in all, from /proc/stat (jiffies).
std::pair<double, double> cpuTimes()
{
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly)) {
        return {Nan, Nan};
    }
    const QList<QByteArray> f = stat.readLine().simplified().split(' ');
    double all = 0;
    for (int i = 1; i < f.size(); ++i) {
        all += f.at(i).toDouble();
    }
    const double idle = f.value(4).toDouble() + f.value(5).toDouble();
    return {all - idle, all};
}

double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// What the sessions' backends are doing, sampled twice a second through a connection of its own:
// running (on the CPU) or waiting, and on what.
class WaitSampler
{
public:
    explicit WaitSampler(const QString &uri)
        : m_uri(uri)
    {
    }
    void start()
    {
        m_thread = std::thread([this] {
            auto db = Database::open(m_uri, Database::OpenMode::ReadOnly, benchClock());
            if (!db) {
                return;
            }
            Statement q(**db,
                        QStringLiteral("SELECT coalesce(wait_event_type || ':' || wait_event, 'running'), COUNT(*) FROM pg_stat_activity "
                                       "WHERE state = 'active' AND usename LIKE ? GROUP BY 1"));
            while (!m_stop) {
                if (q.exec({logins()})) {
                    while (q.next()) {
                        m_counts[q.value(0).toString()] += q.value(1).toLongLong();
                    }
                }
                q.finish();
                ++m_samples;
                for (int i = 0; i < 10 && !m_stop; ++i) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
            }
        });
    }
    // "1.4 active on average: running 62 %, LWLock:WALWrite 21 %, …"
    QString stop()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
        qint64 all = 0;
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
            all += it.value();
        }
        if (m_samples == 0) {
            return QStringLiteral("not sampled");
        }
        QList<std::pair<qint64, QString>> sorted;
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
            sorted.append({it.value(), it.key()});
        }
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QStringList parts;
        for (int i = 0; i < std::min<qsizetype>(5, sorted.size()); ++i) {
            parts.append(QStringLiteral("%1 %2 %").arg(sorted.at(i).second).arg(100.0 * double(sorted.at(i).first) / double(all), 0, 'f', 0));
        }
        return QStringLiteral("%1 busy on average (%2)")
            .arg(double(all) / double(m_samples), 0, 'f', 2)
            .arg(parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", ")));
    }

private:
    QString m_uri;
    std::thread m_thread;
    std::atomic<bool> m_stop = false;
    QMap<QString, qint64> m_counts;
    qint64 m_samples = 0;
};

// The same queries raw through libpq, on a connection of its own, while the sessions work: what
// the server alone takes for a search and a case under the same load.
class RawUnderLoad
{
public:
    RawUnderLoad(const QString &uri, const QList<Target> &pool)
        : m_uri(uri)
        , m_pool(pool)
    {
    }
    void start()
    {
        m_thread = std::thread([this] {
            const std::unique_ptr<Baseline> raw = postgresBaseline(m_uri);
            if (!raw->problem().isEmpty()) {
                m_problem = raw->problem();
                return;
            }
            QRandomGenerator rng(11);
            for (int i = 0; !m_stop; ++i) {
                const Target &target = m_pool.at(rng.bounded(int(m_pool.size())));
                QElapsedTimer t;
                t.start();
                if (i % 3 == 2) {
                    raw->openCase(target.id);
                    m_open.push_back(msSince(t));
                } else if (const auto query = SearchService::classify(target.family.left(2 + i % 3))) {
                    raw->search(*query, SearchService::DefaultLimit);
                    m_search.push_back(msSince(t));
                }
                for (int j = 0; j < 4 && !m_stop; ++j) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(25));
                }
            }
        });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    const std::vector<double> &search() const { return m_search; }
    const std::vector<double> &open() const { return m_open; }
    QString problem() const { return m_problem; }

private:
    QString m_uri;
    QList<Target> m_pool;
    std::thread m_thread;
    std::atomic<bool> m_stop = false;
    std::vector<double> m_search;
    std::vector<double> m_open;
    QString m_problem;
};

Row timedRow(const QString &name, int sessions, const std::vector<double> &ms, int errors, const std::vector<double> &raw, double goalP99)
{
    const Percentiles p = percentiles(ms);
    Row row(name);
    row.sessions = sessions;
    row.p50 = p.p50;
    row.p99 = p.p99;
    if (!raw.empty()) {
        const Percentiles b = percentiles(raw);
        row.baseline = b.p50;
        row.ratio = p.p50 / b.p50;
        row.note = QStringLiteral("%1 calls, %2 errors, max %3 ms; raw libpq under the same load: %4 calls, p99 %5 ms")
                       .arg(ms.size())
                       .arg(errors)
                       .arg(p.max, 0, 'f', 3)
                       .arg(raw.size())
                       .arg(b.p99, 0, 'f', 3);
    } else {
        row.note = QStringLiteral("%1 calls, %2 errors, max %3 ms").arg(ms.size()).arg(errors).arg(p.max, 0, 'f', 3);
    }
    if (std::isnan(goalP99)) {
        row.goal = QStringLiteral("0 errors");
        row.pass = errors == 0 && !ms.empty();
    } else {
        row.goal = QStringLiteral("p99 <= %1 ms, 0 errors").arg(goalP99);
        row.pass = errors == 0 && !ms.empty() && p.p99 <= goalP99;
    }
    return row;
}

// One run of count sessions; its rows, all passing when the goal is met.
QList<Row>
runSessions(const QString &uri, Database &db, AuditService &audit, const QString &password, const QList<Target> &pool, int count, const SessionsPlan &plan_)
{
    const StoreLocation location = StoreLocation::parse(uri);
    QString contactSource;
    {
        Statement source(db, QStringLiteral("SELECT MIN(source) FROM sync_state WHERE resource = 'klantcontacten'"));
        if (source.exec({}) && source.next()) {
            contactSource = source.value(0).toString();
        }
    }
    const int threads = std::min(count, plan_.threads);
    Registered registered;
    std::vector<std::unique_ptr<Worker>> workers;
    for (int i = 0; i < threads; ++i) {
        workers.push_back(std::make_unique<Worker>(location, password, contactSource, registered));
    }
    const double end = plan_.minutes * 60.0 * plan_.scale();
    QRandomGenerator rng(static_cast<quint32>(count));
    for (int i = 0; i < count; ++i) {
        Worker &w = *workers.at(i % threads);
        const double offset = rng.generateDouble() * 60.0 * plan_.scale();
        const Target &first = pool.at(rng.bounded(int(pool.size())));
        plan(w.events(), w.size(), offset, end, plan_.scale(), pool, rng, first.family);
        w.addSession(loginName(i + 1), first);
    }

    const qint64 firstSequence = scalar(db, QStringLiteral("SELECT COALESCE(MAX(sequence), 0) FROM audit_log"));
    const qint64 commitsBefore = scalar(db, QStringLiteral("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
    const qint64 walSyncsBefore = scalar(db, QStringLiteral("SELECT wal_sync FROM pg_stat_wal"));

    say(QStringLiteral("%1 sessions: signing in, each a first search and case …").arg(count));
    std::latch signedIn(threads);
    std::latch go(1);
    std::latch done(threads);
    std::latch release(1); // every session stays signed in until all are done
    std::atomic<qint64> startNs = 0;
    std::vector<std::thread> running;
    for (auto &w : workers) {
        running.emplace_back([&w, &signedIn, &go, &done, &release, &startNs] {
            w->signIn();
            w->warmUp(w->warmUpTargets());
            signedIn.count_down();
            go.wait();
            w->run(SteadyClock::time_point(SteadyClock::duration(startNs.load())));
            done.count_down();
            release.wait();
            w->signOut();
        });
    }
    signedIn.wait();
    std::unique_ptr<Listeners> listeners;
    if (plan_.listen) {
        QStringList names;
        for (const auto &w : workers) {
            names += w->names();
        }
        say(QStringLiteral("%1 sessions: their listeners for live updates …").arg(count));
        listeners = std::make_unique<Listeners>(names, registered);
        listeners->start();
    }
    const qint64 connections = scalar(db, QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE usename LIKE ?"), {logins()});
    const qint64 maxConnections = scalar(db, QStringLiteral("SELECT setting::bigint FROM pg_settings WHERE name = 'max_connections'"));
    say(QStringLiteral("%1 sessions: %2 connections of the server's %3; working for %4 minutes …")
            .arg(count)
            .arg(connections)
            .arg(maxConnections)
            .arg(plan_.minutes));
    WaitSampler waits(uri);
    RawUnderLoad raw(uri, pool);
    waits.start();
    raw.start();
    const auto [busyBefore, allBefore] = cpuTimes();
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    startNs = (SteadyClock::now() + std::chrono::milliseconds(200)).time_since_epoch().count();
    go.count_down();
    done.wait();
    const double seconds = msSince(wall) / 1000.0;
    const auto [busyAfter, allAfter] = cpuTimes();
    const double cpu = processCpuSeconds() - cpuBefore;
    raw.stop();
    const QString waited = waits.stop();
    // The memory the backends hold once every session has worked through the run.
    const ServerMemory memory = serverMemory(db);
    release.count_down();
    for (std::thread &t : running) {
        t.join();
    }

    Samples all;
    for (auto &w : workers) {
        all.add(w->samples());
    }
    workers.clear();
    std::optional<Row> live;
    if (listeners) {
        // Every listener hears every contact (its own too), within the second point 5 asks for.
        const qint64 expected = qint64(all.contacts.size()) * listeners->listening();
        listeners->stop(expected, std::chrono::seconds(10));
        live = timedRow(QStringLiteral("sessions_live"), count, listeners->delays(), int(expected - listeners->delivered()), {}, 1000.0);
        live->goal = QStringLiteral("p99 <= 1000 ms, none lost");
        live->note = QStringLiteral(
                         "%1 of %2 listening; %3 contacts announced, %4 of %5 deliveries arrived (ms from the contact's call returning to a listener's signal)")
                         .arg(listeners->listening())
                         .arg(count)
                         .arg(all.contacts.size())
                         .arg(listeners->delivered())
                         .arg(expected);
        live->pass = live->pass && listeners->listening() == count;
        listeners.reset();
    }

    QList<Row> rows;
    Row signIn = timedRow(QStringLiteral("sessions_sign_in"), count, all.signIn, all.signInErrors, {}, Nan);
    signIn.note = QStringLiteral("%1 of %2 signed in with their own login and password (SCRAM), %3 connections of the server's %4 open at once; %5")
                      .arg(all.signIn.size())
                      .arg(count)
                      .arg(connections)
                      .arg(maxConnections)
                      .arg(signIn.note);
    signIn.pass = signIn.pass && int(all.signIn.size()) == count;
    rows.append(signIn);
    const auto first = [](const std::vector<double> &ms, const char *what) {
        const Percentiles p = percentiles(ms);
        return QStringLiteral("; a session's first %1 (a new connection's cold caches, once a day): %2 calls, p50 %3 ms, p99 %4 ms")
            .arg(QLatin1String(what))
            .arg(ms.size())
            .arg(p.p50, 0, 'f', 3)
            .arg(p.p99, 0, 'f', 3);
    };
    rows.append(timedRow(QStringLiteral("sessions_keystroke"), count, all.keystroke, all.keystrokeErrors, raw.search(), plan_.goalP99));
    rows.last().note += first(all.firstKeystroke, "keystroke");
    {
        // A name of several words ("de sm", "van g") is found by the GIN index; one word by the
        // names' words' B-tree (schema 12): each apart, for what limits the tail.
        const Percentiles several = percentiles(all.severalWords);
        const Percentiles others = percentiles(all.others);
        rows.last().note += QStringLiteral("; of them names of several words: %1 calls, p50 %2 ms, p99 %3 ms; one word or a number: %4 calls, p50 %5 ms, "
                                           "p99 %6 ms")
                                .arg(all.severalWords.size())
                                .arg(several.p50, 0, 'f', 3)
                                .arg(several.p99, 0, 'f', 3)
                                .arg(all.others.size())
                                .arg(others.p50, 0, 'f', 3)
                                .arg(others.p99, 0, 'f', 3);
    }
    rows.append(timedRow(QStringLiteral("sessions_case_open"), count, all.open, all.openErrors, raw.open(), plan_.goalP99));
    rows.last().note += first(all.firstOpen, "case");
    rows.append(timedRow(QStringLiteral("sessions_contact"), count, all.contact, all.contactErrors, {}, Nan));
    if (live) {
        rows.append(*live);
    }
    if (!raw.problem().isEmpty()) {
        rows[1].note += QStringLiteral("; raw libpq: ") + raw.problem();
    }

    // The audit log against what the sessions did, then its chain.
    QHash<QString, qint64> found;
    {
        Statement q(db,
                    QStringLiteral("SELECT action, COUNT(*) FROM audit_log WHERE sequence > ? AND actor LIKE ? "
                                   "AND action IN ('search', 'search_result_shown', 'profile_opened', 'change') GROUP BY action"));
        if (q.exec({firstSequence, logins()})) {
            while (q.next()) {
                found.insert(q.value(0).toString(), q.value(1).toLongLong());
            }
        }
    }
    const qint64 contactsFound = all.contacts.isEmpty() ? 0
                                                        : scalar(db,
                                                                 QStringLiteral("SELECT COUNT(*) FROM contact_moments WHERE id >= ? AND staff_member LIKE ?"),
                                                                 {*std::min_element(all.contacts.cbegin(), all.contacts.cend()), logins()});
    const qint64 expectedTotal = all.expected.search + all.expected.shown + all.expected.opened + all.expected.change;
    const qint64 foundTotal = found.value(QStringLiteral("search")) + found.value(QStringLiteral("search_result_shown")) +
        found.value(QStringLiteral("profile_opened")) + found.value(QStringLiteral("change"));
    // Lost: an action with fewer entries than the sessions caused. More is not a loss: a line shown
    // again more than 30 s after the typing's last keystroke (a pace not kept) is audited again.
    qint64 lost = 0;
    for (const auto &[action, expected] : {std::pair{QStringLiteral("search"), all.expected.search},
                                           std::pair{QStringLiteral("search_result_shown"), all.expected.shown},
                                           std::pair{QStringLiteral("profile_opened"), all.expected.opened},
                                           std::pair{QStringLiteral("change"), all.expected.change}}) {
        lost += std::max<qint64>(0, expected - found.value(action));
    }
    const bool auditMatches = lost == 0;
    QElapsedTimer verifying;
    verifying.start();
    const auto chain = audit.verifyChain();
    const double verifySeconds = msSince(verifying) / 1000.0;
    const bool intact = chain && chain->intact();
    Row auditRow(QStringLiteral("sessions_audit"));
    auditRow.sessions = count;
    auditRow.throughput = double(foundTotal) / seconds;
    auditRow.unit = QStringLiteral("entries/s");
    auditRow.goal = QStringLiteral("0 lost, chain intact");
    auditRow.pass = auditMatches && intact && contactsFound == qint64(all.contacts.size());
    auditRow.note = QStringLiteral("expected %1 entries, found %2 (search %3/%4, search_result_shown %5/%6, profile_opened %7/%8, change %9/%10); "
                                   "contacts %11/%12 in the store; %14 lost, %15 more than expected; chain %13")
                        .arg(expectedTotal)
                        .arg(foundTotal)
                        .arg(all.expected.search)
                        .arg(found.value(QStringLiteral("search")))
                        .arg(all.expected.shown)
                        .arg(found.value(QStringLiteral("search_result_shown")))
                        .arg(all.expected.opened)
                        .arg(found.value(QStringLiteral("profile_opened")))
                        .arg(all.expected.change)
                        .arg(found.value(QStringLiteral("change")))
                        .arg(all.contacts.size())
                        .arg(contactsFound)
                        .arg(intact ? QStringLiteral("intact through %1 entries (checked in %2 s)").arg(chain->checkedThrough).arg(verifySeconds, 0, 'f', 1)
                                    : QStringLiteral("NOT intact"))
                        .arg(lost)
                        .arg(std::max<qint64>(0, foundTotal - expectedTotal + lost));
    rows.append(auditRow);

    // What limits it.
    const qint64 commits = scalar(db, QStringLiteral("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) - commitsBefore;
    const qint64 walSyncs = scalar(db, QStringLiteral("SELECT wal_sync FROM pg_stat_wal")) - walSyncsBefore;
    const Percentiles lag = percentiles(all.lag);
    Row server(QStringLiteral("sessions_server"));
    server.sessions = count;
    server.throughput = double(commits) / seconds;
    server.unit = QStringLiteral("commits/s");
    server.rss = peakRssMb();
    server.goal = QStringLiteral("the pace kept (lag p99 <= 50 ms)");
    server.pass = lag.p99 <= 50.0 && all.abandoned == 0;
    server.note = QStringLiteral("%1 s; machine CPU %2 % busy (this program %3 of a core); WAL flushes %4/s; backends %5; "
                                 "server backends' private memory %6; the pace's lag p50 %7 ms, p99 %8 ms")
                      .arg(seconds, 0, 'f', 0)
                      .arg(100.0 * (busyAfter - busyBefore) / (allAfter - allBefore), 0, 'f', 0)
                      .arg(cpu / seconds, 0, 'f', 2)
                      .arg(double(walSyncs) / seconds, 0, 'f', 0)
                      .arg(waited)
                      .arg(std::isnan(memory.privateMb) ? QStringLiteral("unknown (not on this machine)")
                                                        : QStringLiteral("%1 MB in %2 backends (%3 MB a session)")
                                                              .arg(memory.privateMb, 0, 'f', 0)
                                                              .arg(memory.processes)
                                                              .arg(memory.privateMb / count, 0, 'f', 2))
                      .arg(lag.p50, 0, 'f', 1)
                      .arg(lag.p99, 0, 'f', 1);
    if (all.abandoned > 0) {
        server.note += QStringLiteral("; %1 events not run (due more than %2 s before their turn came)").arg(all.abandoned).arg(MaxLagMs / 1000.0);
    }
    if (!all.firstError.isEmpty()) {
        server.note += QStringLiteral("; first error: ") + all.firstError;
    }
    rows.append(server);
    // Each run's rows as soon as it ends (a sweep takes a while); the table comes at the end.
    for (const Row &r : std::as_const(rows)) {
        say(QStringLiteral("  %1@%2 %3: p50 %4 ms, p99 %5 ms, %6 %7; %8")
                .arg(r.name)
                .arg(count)
                .arg(r.pass ? QStringLiteral("PASS") : QStringLiteral("MISS"))
                .arg(r.p50, 0, 'f', 3)
                .arg(r.p99, 0, 'f', 3)
                .arg(r.throughput, 0, 'f', 0)
                .arg(r.unit, r.note));
    }
    return rows;
}
} // namespace

// A town hall's server has worked for days: what every search reads (the citizens, their
// identifiers, the names' words, with their indexes) is in its shared buffers. On a server just
// started or a store just copied in they are in the system's file cache at best, and the first
// search of a rare prefix reads its 1,001 citizens page by page (30-70 ms where a warm one takes
// 6). pg_prewarm (postgresql-contrib) loads them as a day's work would; without it the run says
// so and goes on cold.
static void prewarmSearch(Database &db)
{
    if (!db.exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_prewarm"))) {
        say(QStringLiteral("pg_prewarm is not available: the search's tables are read cold"));
        return;
    }
    const qint64 pages = scalar(db,
                                QStringLiteral("SELECT COALESCE(SUM(pg_prewarm(c.oid)), 0) FROM pg_class c WHERE c.relname IN ('citizens', "
                                               "'citizen_identifiers', 'citizen_name_words') OR c.oid IN (SELECT i.indexrelid FROM pg_index i JOIN "
                                               "pg_class t ON t.oid = i.indrelid WHERE t.relname IN ('citizens', 'citizen_identifiers', "
                                               "'citizen_name_words'))"));
    say(QStringLiteral("the search's tables and indexes in the server's memory, as after a day's work: %1 MB (pg_prewarm)").arg(pages * 8 / 1024));
}

QList<Row> benchSessions(const QString &uri, Database &db, AuditService &audit, SecretStore &secrets, const SessionsPlan &plan_)
{
    QList<Row> rows;
    loginPrefix() =
        QStringLiteral("bench.%1.s")
            .arg(QString::fromLatin1(QCryptographicHash::hash(StoreLocation::parse(uri).databaseName().toUtf8(), QCryptographicHash::Sha256).toHex().left(6)));
    const QString password = sessionPassword(secrets);
    if (password.isEmpty()) {
        say(QStringLiteral("cannot keep the password of the bench's staff logins"));
        return rows;
    }
    const int most = *std::max_element(plan_.counts.cbegin(), plan_.counts.cend());
    const qint64 maxConnections = scalar(db, QStringLiteral("SELECT setting::bigint FROM pg_settings WHERE name = 'max_connections'"));
    const qint64 inUse = scalar(db, QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"));
    if (maxConnections >= 0 && most + inUse + 3 > maxConnections) {
        say(QStringLiteral("%1 sessions need %2 connections and the server allows %3 (max_connections; %4 in use): raise it, or measure fewer")
                .arg(most)
                .arg(most + inUse + 3)
                .arg(maxConnections)
                .arg(inUse));
        return rows;
    }
    say(QStringLiteral("staff logins for %1 sessions …").arg(most));
    if (!ensureLogins(db, audit, most, password)) {
        return rows;
    }
    const QList<Target> pool = targets(db, 4000);
    if (pool.isEmpty()) {
        say(QStringLiteral("no citizens to search for"));
        return rows;
    }
    prewarmSearch(db);
    int largest = 0;
    for (int count : plan_.counts) {
        const QList<Row> run = runSessions(uri, db, audit, password, pool, count, plan_);
        const bool met = !run.isEmpty() && std::all_of(run.cbegin(), run.cend(), [](const Row &r) {
            return r.pass;
        });
        if (met) {
            largest = std::max(largest, count);
        }
        say(QStringLiteral("%1 sessions: %2").arg(count).arg(met ? QStringLiteral("goal met") : QStringLiteral("goal missed")));
        rows += run;
    }
    if (!rows.isEmpty()) {
        rows.last().note += QStringLiteral("; the largest number of sessions that met the goal in this run: %1").arg(largest);
    }
    return rows;
}
} // namespace C360::Bench
