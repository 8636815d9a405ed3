// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// citizen360-refbackend: the reference municipal back end on loopback, for training, demos,
// integration tests and benchmarks. Not a production server.

#include "c360version.h"
#include "server/referencebackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTextStream>

#include <unistd.h>

using namespace C360::Ref;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("citizen360-refbackend"));
    QCoreApplication::setApplicationVersion(QStringLiteral(C360_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The reference municipal back end: Open311 GeoReport v2, Klantinteracties (Open Klant 2.x), the Flemish IPDC catalogue as LDES and "
                       "Verwerkingenlogging, served on 127.0.0.1 from generated data, with faults on demand. The first line printed is the base URL."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(
        QStringLiteral("port"), QStringLiteral("Port to listen on; 0 picks a free one (default 0)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the generated data (default 1)."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption citizens(
        QStringLiteral("citizens"), QStringLiteral("Number of residents (default 1000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption token(
        QStringLiteral("token"), QStringLiteral("The accepted API key and token (default training)."), QStringLiteral("T"), QStringLiteral("training"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("PATTERN=KIND[@PROBABILITY], repeatable. KIND: delay:MS, status:CODE, status:429:SECONDS, hang, reset, "
                       "truncate, content-type:TYPE, duplicate, oversize, empty-list, endless, bad-next, absurd-count, zoneless, html. "
                       "PATTERN: a glob on the path, e.g. /open311/*."),
        QStringLiteral("rule"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("flanders (Belgian national register numbers, the default) or nl (Dutch BSN, strictly spec-valid)."),
                                     QStringLiteral("name"),
                                     QStringLiteral("flanders"));
    const QCommandLineOption referenceDate(QStringLiteral("reference-date"),
                                           QStringLiteral("The day the generated history ends, YYYY-MM-DD (default: today, in UTC). Reports, contacts "
                                                          "and tasks lie in the years and days before it; the same seed and date give the same "
                                                          "answers."),
                                           QStringLiteral("date"));
    const QCommandLineOption stdinLifetime(QStringLiteral("exit-on-stdin-close"),
                                           QStringLiteral("Stop when standard input closes (so that a test's server dies with the test)."));
    parser.addOptions({port, seed, citizens, token, fault, profile, referenceDate, stdinLifetime});
    parser.process(app);

    QTextStream err(stderr);
    auto fail = [&err](const QString &message) {
        err << "citizen360-refbackend: " << message << Qt::endl;
        return 2;
    };
    bool ok = false;
    ReferenceBackend::Options options;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        return fail(QStringLiteral("--port takes a number from 0 to 65535"));
    }
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        return fail(QStringLiteral("--seed takes a whole number"));
    }
    options.citizens = parser.value(citizens).toUInt(&ok);
    if (!ok || options.citizens == 0 || options.citizens > 10000000) {
        return fail(QStringLiteral("--citizens takes a number from 1 to 10000000"));
    }
    options.token = parser.value(token);
    if (options.token.isEmpty()) {
        return fail(QStringLiteral("--token cannot be empty"));
    }
    const QString profileName = parser.value(profile);
    if (profileName == QLatin1String("flanders")) {
        options.profile = Profile::Flanders;
    } else if (profileName == QLatin1String("nl")) {
        options.profile = Profile::Netherlands;
    } else {
        return fail(QStringLiteral("--profile is flanders or nl, not \"%1\"").arg(profileName));
    }
    if (parser.isSet(referenceDate)) {
        const QString text = parser.value(referenceDate);
        static const QRegularExpression dayPattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        options.referenceDate = dayPattern.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
        // Births go back a century before it, and Belgian national register numbers only know
        // births from 1900 to 2099.
        if (!options.referenceDate.isValid() || options.referenceDate.year() < 2010 || options.referenceDate.year() > 2099) {
            return fail(QStringLiteral("--reference-date takes a day from 2010-01-01 to 2099-12-31 as YYYY-MM-DD, not \"%1\"").arg(text));
        }
    } else {
        options.referenceDate = QDateTime::currentDateTimeUtc().date();
    }
    options.faults = parser.values(fault);

    ReferenceBackend backend(options);
    if (!backend.isValid()) {
        return fail(backend.errorString());
    }
    if (backend.listen(quint16(portNumber)) == 0) {
        return fail(backend.errorString());
    }
    QTextStream out(stdout);
    out << backend.baseUrl().toString() << Qt::endl;

    std::unique_ptr<QSocketNotifier> stdinWatch;
    if (parser.isSet(stdinLifetime)) {
        stdinWatch = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinWatch.get(), &QSocketNotifier::activated, &app, [&]() {
            char buffer[256];
            if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
                QCoreApplication::quit();
            }
        });
    }
    return app.exec();
}
