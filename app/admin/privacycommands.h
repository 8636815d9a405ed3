// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "adminsession.h"

#include <QString>
#include <QTextStream>

namespace C360
{

// What the privacy commands of citizen360-admin were given.
struct PrivacyCommand
{
    QString database;
    AdminCredentials who; // the staff account the command acts as
    QString asOf; // purge: ISO 8601; empty: now
    bool dryRun = false; // purge
    int days = 0; // retention: the new period (0: only show it)
    QString citizen; // access-report, export-citizen: a national register, BIS or BSN number
    QString purpose; // export-citizen (access-report: the citizen's request by default)
    QString outDir; // export-citizen
    QString pdf; // access-report: also write the report as a PDF here
    QString checkpoint; // verify-audit: the file of checkpoints to compare with, then add to
    QString username; // add-user, disable-user
    bool enable = false; // disable-user --enable: switch the account on again
    QString role; // add-user: counter_clerk, call_centre_agent, supervisor, administrator
    QString name; // add-user: the display name
    QString team; // add-user
    QString copyTo; // copy-store: the target store (command.database is the source)
};

// The privacy commands act as the staff account that signed in (command.who), whose role must
// allow them; audited under that account and this machine's OS user id. Results go to out, messages (translated) to err; exit codes as
// AdminTool's, plus 3 for verify-audit when the log is not intact.

// `purge [--as-of ISO-8601] [--dry-run]`: the requests past their retention period; prints
// {"as_of", "retention_days", "dry_run", "purged"}.
int runPurge(const PrivacyCommand &command, QTextStream &out, QTextStream &err);
// `retention [--days N]`: prints {"retention_days"}; with --days sets it first (audited).
int runRetention(const PrivacyCommand &command, QTextStream &out, QTextStream &err);
// `verify-audit`: prints "intact through entry N" (0), or names the first entry that was changed,
// removed or inserted (3).
int runVerifyAudit(const PrivacyCommand &command, QTextStream &out, QTextStream &err);
// `access-report --citizen NUMBER [--purpose TEXT] [--pdf FILE]`: prints the citizen's access
// report (GDPR art. 15) as JSON; audited.
int runAccessReport(const PrivacyCommand &command, QTextStream &out, QTextStream &err);
// `export-citizen --citizen NUMBER --purpose TEXT --out DIR`: writes everything the store holds
// about the citizen as a JSON file and a PDF (mode 0600) in DIR; prints {"json", "pdf"}; audited.
int runExportCitizen(const PrivacyCommand &command, QTextStream &out, QTextStream &err);

// `add-user --username U --role ROLE [--name N] [--team T]`, the new account's password on
// standard input (after the signing-in administrator's own with --user). The first account of a
// store is made by init --admin. Prints the account as JSON.
int runAddUser(const PrivacyCommand &command, QTextStream &out, QTextStream &err);
// `users`: the accounts, as a JSON array (never their password hashes).
int runUsers(const PrivacyCommand &command, QTextStream &out, QTextStream &err);
// `disable-user --username NAME [--enable]`: switches the account off (on a shared store its
// login too, and the profiles it may read), or on again; prints {"username", "disabled"}.
int runDisableUser(const PrivacyCommand &command, QTextStream &out, QTextStream &err);
// `copy-store --from SOURCE --to TARGET`: every row of the source (an administrator's session on
// it, audited there first) into the empty target, a file or a database on a server, in one
// transaction; the target's audit chain verified afterwards. Prints {"from", "to", "rows",
// "audit_intact_through"}.
int runCopyStore(const PrivacyCommand &command, QTextStream &out, QTextStream &err);

} // namespace C360
