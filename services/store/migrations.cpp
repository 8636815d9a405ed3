// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/migrations.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/transaction.h"

#include <QSqlQuery>

namespace C360::Migrations
{

namespace
{
// An FTS5 index over column of table (an external-content table, rowid id), folded and with
// prefixes of two and three letters, and the triggers trigger_insert, trigger_delete and
// trigger_update that kept it until schema 3 (then each connection's queue).
#define C360_FTS_INDEX(index, table, column, trigger)                                                                                                          \
    "CREATE VIRTUAL TABLE " #index " USING fts5 (" #column ", content = '" #table "', content_rowid = 'id', "                                                  \
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",                                                                                             \
        "CREATE TRIGGER " #trigger "_insert AFTER INSERT ON " #table " BEGIN "                                                                                 \
        "INSERT INTO " #index " (rowid, " #column ") VALUES (new.id, new." #column "); END",                                                                   \
        "CREATE TRIGGER " #trigger "_delete AFTER DELETE ON " #table " BEGIN "                                                                                 \
        "INSERT INTO " #index " (" #index ", rowid, " #column ") VALUES ('delete', old.id, old." #column "); END",                                             \
        "CREATE TRIGGER " #trigger "_update AFTER UPDATE OF " #column " ON " #table " BEGIN "                                                                  \
        "INSERT INTO " #index " (" #index ", rowid, " #column ") VALUES ('delete', old.id, old." #column "); "                                                 \
        "INSERT INTO " #index " (rowid, " #column ") VALUES (new.id, new." #column "); END"

// Schema 1: the whole data model of DESIGN.md. Times are ISO 8601 UTC text (see sqlvalue.h).
const QList<const char *> schema1 = {
    R"(CREATE TABLE store_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL))",

    R"(CREATE TABLE citizens (
        id INTEGER PRIMARY KEY,
        given_names TEXT NOT NULL DEFAULT '',
        family_name TEXT NOT NULL DEFAULT '',
        search_names TEXT NOT NULL DEFAULT '',
        birth_date TEXT,
        street TEXT NOT NULL DEFAULT '',
        house_number TEXT NOT NULL DEFAULT '',
        box TEXT NOT NULL DEFAULT '',
        postcode TEXT NOT NULL DEFAULT '',
        municipality TEXT NOT NULL DEFAULT '',
        country_code TEXT NOT NULL DEFAULT 'BE',
        preferred_language TEXT NOT NULL DEFAULT '',
        source_system TEXT NOT NULL DEFAULT 'local',
        source_id TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (source_system, source_id)))",
    "CREATE INDEX citizens_address ON citizens (postcode, house_number)",
    "CREATE INDEX citizens_birth_date ON citizens (birth_date)",

    // Names are found through FTS5 over the folded names the repository writes to search_names.
    C360_FTS_INDEX(citizen_search, citizens, search_names, citizens_search),

    R"(CREATE TABLE citizen_identifiers (
        citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (type, value)))",
    "CREATE INDEX citizen_identifiers_citizen ON citizen_identifiers (citizen_id)",

    R"(CREATE TABLE digital_addresses (
        id INTEGER PRIMARY KEY,
        citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        normalized TEXT NOT NULL,
        verified_on TEXT))",
    "CREATE INDEX digital_addresses_citizen ON digital_addresses (citizen_id)",
    "CREATE INDEX digital_addresses_lookup ON digital_addresses (kind, normalized)",

    R"(CREATE TABLE channel_preferences (
        citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        channel TEXT NOT NULL,
        PRIMARY KEY (citizen_id, topic)))",

    R"(CREATE TABLE consents (
        citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        granted INTEGER NOT NULL,
        recorded_on TEXT,
        PRIMARY KEY (citizen_id, topic)))",

    R"(CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        source_system TEXT NOT NULL DEFAULT 'local',
        source_id TEXT,
        citizen_id INTEGER REFERENCES citizens (id) ON DELETE SET NULL,
        match_basis TEXT NOT NULL DEFAULT 'none',
        service_code TEXT NOT NULL DEFAULT '',
        service_name TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        status_notes TEXT NOT NULL DEFAULT '',
        street TEXT NOT NULL DEFAULT '',
        house_number TEXT NOT NULL DEFAULT '',
        box TEXT NOT NULL DEFAULT '',
        postcode TEXT NOT NULL DEFAULT '',
        municipality TEXT NOT NULL DEFAULT '',
        country_code TEXT NOT NULL DEFAULT 'BE',
        latitude REAL,
        longitude REAL,
        requested_at TEXT,
        updated_at TEXT,
        expected_at TEXT,
        UNIQUE (source_system, source_id)))",
    "CREATE INDEX reports_citizen ON reports (citizen_id, requested_at)",

    R"(CREATE TABLE report_candidates (
        report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
        basis TEXT NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (report_id, citizen_id)))",
    "CREATE INDEX report_candidates_citizen ON report_candidates (citizen_id, state)",

    R"(CREATE TABLE catalogue_entries (
        id INTEGER PRIMARY KEY,
        source_system TEXT NOT NULL DEFAULT 'local',
        source_id TEXT,
        product_id TEXT NOT NULL,
        target_audiences TEXT NOT NULL DEFAULT '',
        themes TEXT NOT NULL DEFAULT '',
        last_modified TEXT,
        UNIQUE (source_system, product_id)))",

    R"(CREATE TABLE catalogue_texts (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES catalogue_entries (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (entry_id, field, language)))",
    C360_FTS_INDEX(catalogue_search, catalogue_texts, text, catalogue_texts_search),

    // Catalogue entries staff linked to a case directly (others come through contacts and requests).
    R"(CREATE TABLE citizen_catalogue_links (
        citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES catalogue_entries (id) ON DELETE CASCADE,
        linked_at TEXT NOT NULL,
        staff_member TEXT NOT NULL,
        PRIMARY KEY (citizen_id, entry_id)))",
    "CREATE INDEX citizen_catalogue_links_entry ON citizen_catalogue_links (entry_id)",

    R"(CREATE TABLE contact_moments (
        id INTEGER PRIMARY KEY,
        source_system TEXT NOT NULL DEFAULT 'local',
        source_id TEXT,
        citizen_id INTEGER REFERENCES citizens (id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        staff_member TEXT NOT NULL DEFAULT '',
        occurred_at TEXT NOT NULL,
        UNIQUE (source_system, source_id)))",
    "CREATE INDEX contact_moments_citizen ON contact_moments (citizen_id, occurred_at)",

    R"(CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        source_system TEXT NOT NULL DEFAULT 'local',
        source_id TEXT,
        citizen_id INTEGER REFERENCES citizens (id) ON DELETE CASCADE,
        question TEXT NOT NULL DEFAULT '',
        answer TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        assignee_kind TEXT NOT NULL DEFAULT 'team',
        assignee_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        deadline_at TEXT,
        expires_at TEXT NOT NULL,
        UNIQUE (source_system, source_id)))",
    "CREATE INDEX requests_citizen ON requests (citizen_id, created_at)",
    "CREATE INDEX requests_expiry ON requests (expires_at)",
    "CREATE INDEX requests_worklist ON requests (assignee_name, status, deadline_at)",

    R"(CREATE TABLE request_supplements (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        body TEXT NOT NULL))",
    "CREATE INDEX request_supplements_request ON request_supplements (request_id, created_at)",

    // Links from a contact or a request to the item it is about; exactly one target per row, so
    // that foreign keys hold (a polymorphic id column could not have them).
    R"(CREATE TABLE contact_moment_links (
        contact_moment_id INTEGER NOT NULL REFERENCES contact_moments (id) ON DELETE CASCADE,
        report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE,
        request_id INTEGER REFERENCES requests (id) ON DELETE CASCADE,
        entry_id INTEGER REFERENCES catalogue_entries (id) ON DELETE CASCADE,
        CHECK ((report_id IS NOT NULL) + (request_id IS NOT NULL) + (entry_id IS NOT NULL) = 1)))",
    "CREATE INDEX contact_moment_links_contact ON contact_moment_links (contact_moment_id)",
    // Indexes behind the cascades, so that deleting (purging) a target does not scan every link.
    "CREATE INDEX contact_moment_links_report ON contact_moment_links (report_id) WHERE report_id IS NOT NULL",
    "CREATE INDEX contact_moment_links_request ON contact_moment_links (request_id) WHERE request_id IS NOT NULL",
    "CREATE INDEX contact_moment_links_entry ON contact_moment_links (entry_id) WHERE entry_id IS NOT NULL",
    R"(CREATE TABLE request_links (
        request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE,
        entry_id INTEGER REFERENCES catalogue_entries (id) ON DELETE CASCADE,
        CHECK ((report_id IS NOT NULL) + (entry_id IS NOT NULL) = 1)))",
    "CREATE INDEX request_links_request ON request_links (request_id)",
    "CREATE INDEX request_links_report ON request_links (report_id) WHERE report_id IS NOT NULL",
    "CREATE INDEX request_links_entry ON request_links (entry_id) WHERE entry_id IS NOT NULL",

    R"(CREATE TABLE purge_records (
        id INTEGER PRIMARY KEY,
        item_kind TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        created_at TEXT,
        purged_at TEXT NOT NULL,
        reason TEXT NOT NULL))",

    R"(CREATE TABLE contact_drafts (
        id INTEGER PRIMARY KEY,
        staff_member TEXT NOT NULL,
        citizen_id INTEGER REFERENCES citizens (id) ON DELETE CASCADE,
        payload TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (staff_member, citizen_id)))",
    // NULLs are distinct in a UNIQUE constraint: one draft without a citizen per staff member.
    "CREATE UNIQUE INDEX contact_drafts_without_citizen ON contact_drafts (staff_member) WHERE citizen_id IS NULL",

    // The access log. No foreign key to citizens: the log outlives the data it speaks of.
    R"(CREATE TABLE audit_log (
        sequence INTEGER PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        workstation TEXT NOT NULL,
        action TEXT NOT NULL,
        subject_citizen_id INTEGER,
        purpose_code TEXT NOT NULL DEFAULT '',
        purpose_text TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}',
        previous_hash BLOB NOT NULL,
        hash BLOB NOT NULL))",
    "CREATE INDEX audit_log_subject ON audit_log (subject_citizen_id, occurred_at)",
    "CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at)",
    R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END)",
    R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END)",

    R"(CREATE TABLE sync_state (
        source TEXT NOT NULL,
        resource TEXT NOT NULL,
        cursor TEXT NOT NULL DEFAULT '',
        etag TEXT NOT NULL DEFAULT '',
        last_success_at TEXT,
        last_error_at TEXT,
        last_error TEXT NOT NULL DEFAULT '',
        record_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (source, resource)))",
    R"(CREATE TABLE sync_records (
        source TEXT NOT NULL,
        resource TEXT NOT NULL,
        source_id TEXT NOT NULL,
        content_hash BLOB NOT NULL,
        local_id INTEGER NOT NULL DEFAULT 0,
        last_seen_at TEXT NOT NULL,
        PRIMARY KEY (source, resource, source_id)))",

    R"(CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        resource TEXT NOT NULL,
        operation TEXT NOT NULL,
        entity_kind TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        payload BLOB NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        next_attempt_at TEXT,
        sent_at TEXT,
        remote_id TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
};

// Schema 2: local staff accounts (issue 6): a salted, slow password hash and the lockout state;
// the audit log by time.
const QList<const char *> schema2 = {
    R"(CREATE TABLE staff_accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        password_changed_at TEXT NOT NULL))",
    // The supervisor's audit window filters by period alone too.
    "CREATE INDEX audit_log_time ON audit_log (occurred_at)",
};

// Schema 3: the search indexes are no longer kept by triggers in the store but by each
// connection's queue, applied at commit (Database::installSearchQueue): the same index, written
// once a transaction instead of once a row.
const QList<const char *> schema3 = {
    "DROP TRIGGER citizens_search_insert",
    "DROP TRIGGER citizens_search_delete",
    "DROP TRIGGER citizens_search_update",
    "DROP TRIGGER catalogue_texts_search_insert",
    "DROP TRIGGER catalogue_texts_search_delete",
    "DROP TRIGGER catalogue_texts_search_update",
};

// Schema 4: the name index also keeps one-letter prefixes. A name and the first letter of another
// ("peeters j") merged every term starting with that letter: at 1,000,000 citizens the p99 of a
// typed name went from 9.0 to 3.0 ms, for 14% more time to build the index.
const QList<const char *> schema4 = {
    "DROP TABLE citizen_search",
    R"(CREATE VIRTUAL TABLE citizen_search USING fts5 (
        search_names,
        content = 'citizens', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'))",
    "INSERT INTO citizen_search (citizen_search) VALUES ('rebuild')",
};

// Schema 5: what a citizen removed by a sync was linked to, so that it comes back when the back end
// brings the party back (a report's reporter and its possible reporters, by the party's source id).
const QList<const char *> schema5 = {
    R"(CREATE TABLE detached_links (
        report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        party_source TEXT NOT NULL,
        party_source_id TEXT NOT NULL,
        role TEXT NOT NULL,
        basis TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (report_id, party_source, party_source_id, role)))",
    "CREATE INDEX detached_links_party ON detached_links (party_source, party_source_id)",
};

// Schema 6: the store's identity, under which its audit key is kept outside it (in the OS
// keychain) and its audit checkpoints are named; random, never derived from where the file is.
const QList<const char *> schema6 = {
    "INSERT OR IGNORE INTO store_settings (key, value) VALUES ('store_id', lower(hex(randomblob(16))))",
};

// Schema 8: a request's handling has a version, and the name and time of its last change, so that
// a change made on a copy someone else has changed since is refused instead of undoing theirs.
const QList<const char *> schema8 = {
    "ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE requests ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE requests ADD COLUMN changed_at TEXT",
};

#undef C360_FTS_INDEX

// The same steps for PostgreSQL. Text that is sorted or compared by range (names, times, numbers)
// uses the "C" collation, so that it sorts by code point as on SQLite whatever the database's
// locale; ids are identity columns; blobs are bytea; flags stay integers, as on SQLite. Tables
// whose rows SQLite orders by rowid (links, candidates) get a rowid column of their own, so that
// the repositories read them in the same order with the same SQL.
#define C360_TEXT "TEXT COLLATE \"C\""
#define C360_ID "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
#define C360_ROWID "rowid BIGINT GENERATED ALWAYS AS IDENTITY"

const QList<const char *> postgresSchema1 = {
    // Accent-folding for the catalogue's search (trusted extensions: the database's owner may
    // create them); the folded names of citizens are written by the application.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS citext",
    "CREATE FUNCTION c360_search_vector(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT "
    "AS $$ SELECT to_tsvector('simple'::regconfig, lower(unaccent('unaccent'::regdictionary, body))) $$",

    "CREATE TABLE store_settings (key " C360_TEXT " PRIMARY KEY, value TEXT NOT NULL)",

    "CREATE TABLE citizens (" C360_ID ", given_names " C360_TEXT " NOT NULL DEFAULT '', family_name " C360_TEXT " NOT NULL DEFAULT '', search_names " C360_TEXT
    " NOT NULL DEFAULT '', birth_date " C360_TEXT ", street " C360_TEXT " NOT NULL DEFAULT '', house_number " C360_TEXT " NOT NULL DEFAULT '', box " C360_TEXT
    " NOT NULL DEFAULT '', postcode " C360_TEXT " NOT NULL DEFAULT '', municipality " C360_TEXT " NOT NULL DEFAULT '', country_code " C360_TEXT
    " NOT NULL DEFAULT 'BE', preferred_language " C360_TEXT " NOT NULL DEFAULT '', source_system " C360_TEXT " NOT NULL DEFAULT 'local', source_id " C360_TEXT
    ", updated_at " C360_TEXT " NOT NULL, UNIQUE (source_system, source_id))",
    "CREATE INDEX citizens_address ON citizens (postcode, house_number)",
    "CREATE INDEX citizens_birth_date ON citizens (birth_date)",
    // The names' words, for prefix queries (SqlDialect::citizenIdsByName uses this expression).
    "CREATE INDEX citizens_search_names ON citizens USING gin (to_tsvector('simple'::regconfig, search_names))",

    "CREATE TABLE citizen_identifiers (citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE, type " C360_TEXT " NOT NULL, value " C360_TEXT
    " NOT NULL, PRIMARY KEY (type, value))",
    "CREATE INDEX citizen_identifiers_citizen ON citizen_identifiers (citizen_id)",

    "CREATE TABLE digital_addresses (" C360_ID ", citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE, kind " C360_TEXT
    " NOT NULL, value " C360_TEXT " NOT NULL, normalized " C360_TEXT " NOT NULL, verified_on " C360_TEXT ")",
    "CREATE INDEX digital_addresses_citizen ON digital_addresses (citizen_id)",
    "CREATE INDEX digital_addresses_lookup ON digital_addresses (kind, normalized)",

    "CREATE TABLE channel_preferences (citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE, topic " C360_TEXT " NOT NULL, channel " C360_TEXT
    " NOT NULL, PRIMARY KEY (citizen_id, topic))",

    "CREATE TABLE consents (citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE, topic " C360_TEXT
    " NOT NULL, granted INTEGER NOT NULL, recorded_on " C360_TEXT ", PRIMARY KEY (citizen_id, topic))",

    "CREATE TABLE reports (" C360_ID ", source_system " C360_TEXT " NOT NULL DEFAULT 'local', source_id " C360_TEXT
    ", citizen_id BIGINT REFERENCES citizens (id) ON DELETE SET NULL, match_basis " C360_TEXT " NOT NULL DEFAULT 'none', service_code " C360_TEXT
    " NOT NULL DEFAULT '', service_name " C360_TEXT " NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '', status " C360_TEXT
    " NOT NULL, status_notes TEXT NOT NULL DEFAULT '', street " C360_TEXT " NOT NULL DEFAULT '', house_number " C360_TEXT " NOT NULL DEFAULT '', box " C360_TEXT
    " NOT NULL DEFAULT '', postcode " C360_TEXT " NOT NULL DEFAULT '', municipality " C360_TEXT " NOT NULL DEFAULT '', country_code " C360_TEXT
    " NOT NULL DEFAULT 'BE', latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, requested_at " C360_TEXT ", updated_at " C360_TEXT
    ", expected_at " C360_TEXT ", UNIQUE (source_system, source_id))",
    "CREATE INDEX reports_citizen ON reports (citizen_id, requested_at)",

    "CREATE TABLE report_candidates (report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE, citizen_id BIGINT NOT NULL REFERENCES "
    "citizens (id) ON DELETE CASCADE, basis " C360_TEXT " NOT NULL, state " C360_TEXT " NOT NULL, " C360_ROWID ", PRIMARY KEY (report_id, citizen_id))",
    "CREATE INDEX report_candidates_citizen ON report_candidates (citizen_id, state)",

    "CREATE TABLE catalogue_entries (" C360_ID ", source_system " C360_TEXT " NOT NULL DEFAULT 'local', source_id " C360_TEXT ", product_id " C360_TEXT
    " NOT NULL, target_audiences " C360_TEXT " NOT NULL DEFAULT '', themes " C360_TEXT " NOT NULL DEFAULT '', last_modified " C360_TEXT
    ", UNIQUE (source_system, product_id))",

    "CREATE TABLE catalogue_texts (" C360_ID ", entry_id BIGINT NOT NULL REFERENCES catalogue_entries (id) ON DELETE CASCADE, field " C360_TEXT
    " NOT NULL, language " C360_TEXT " NOT NULL, text TEXT NOT NULL, UNIQUE (entry_id, field, language))",
    "CREATE INDEX catalogue_texts_search ON catalogue_texts USING gin (c360_search_vector(text))",

    "CREATE TABLE citizen_catalogue_links (citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE, entry_id BIGINT NOT NULL REFERENCES "
    "catalogue_entries (id) ON DELETE CASCADE, linked_at " C360_TEXT " NOT NULL, staff_member " C360_TEXT " NOT NULL, PRIMARY KEY (citizen_id, entry_id))",
    "CREATE INDEX citizen_catalogue_links_entry ON citizen_catalogue_links (entry_id)",

    "CREATE TABLE contact_moments (" C360_ID ", source_system " C360_TEXT " NOT NULL DEFAULT 'local', source_id " C360_TEXT
    ", citizen_id BIGINT REFERENCES citizens (id) ON DELETE CASCADE, channel " C360_TEXT " NOT NULL, subject TEXT NOT NULL DEFAULT '', body TEXT NOT "
    "NULL DEFAULT '', outcome " C360_TEXT " NOT NULL, staff_member " C360_TEXT " NOT NULL DEFAULT '', occurred_at " C360_TEXT
    " NOT NULL, UNIQUE (source_system, source_id))",
    "CREATE INDEX contact_moments_citizen ON contact_moments (citizen_id, occurred_at)",

    "CREATE TABLE requests (" C360_ID ", source_system " C360_TEXT " NOT NULL DEFAULT 'local', source_id " C360_TEXT
    ", citizen_id BIGINT REFERENCES citizens (id) ON DELETE CASCADE, question TEXT NOT NULL DEFAULT '', answer TEXT NOT NULL DEFAULT '', status " C360_TEXT
    " NOT NULL, assignee_kind " C360_TEXT " NOT NULL DEFAULT 'team', assignee_name " C360_TEXT " NOT NULL DEFAULT '', created_at " C360_TEXT
    " NOT NULL, deadline_at " C360_TEXT ", expires_at " C360_TEXT " NOT NULL, UNIQUE (source_system, source_id))",
    "CREATE INDEX requests_citizen ON requests (citizen_id, created_at)",
    "CREATE INDEX requests_expiry ON requests (expires_at)",
    "CREATE INDEX requests_worklist ON requests (assignee_name, status, deadline_at)",

    "CREATE TABLE request_supplements (" C360_ID ", request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE, author " C360_TEXT
    " NOT NULL, created_at " C360_TEXT " NOT NULL, body TEXT NOT NULL)",
    "CREATE INDEX request_supplements_request ON request_supplements (request_id, created_at)",

    "CREATE TABLE contact_moment_links (contact_moment_id BIGINT NOT NULL REFERENCES contact_moments (id) ON DELETE CASCADE, report_id BIGINT "
    "REFERENCES reports (id) ON DELETE CASCADE, request_id BIGINT REFERENCES requests (id) ON DELETE CASCADE, entry_id BIGINT REFERENCES "
    "catalogue_entries (id) ON DELETE CASCADE, " C360_ROWID ", CHECK (num_nonnulls(report_id, request_id, entry_id) = 1))",
    "CREATE INDEX contact_moment_links_contact ON contact_moment_links (contact_moment_id)",
    "CREATE INDEX contact_moment_links_report ON contact_moment_links (report_id) WHERE report_id IS NOT NULL",
    "CREATE INDEX contact_moment_links_request ON contact_moment_links (request_id) WHERE request_id IS NOT NULL",
    "CREATE INDEX contact_moment_links_entry ON contact_moment_links (entry_id) WHERE entry_id IS NOT NULL",
    "CREATE TABLE request_links (request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE, report_id BIGINT REFERENCES reports (id) ON "
    "DELETE CASCADE, entry_id BIGINT REFERENCES catalogue_entries (id) ON DELETE CASCADE, " C360_ROWID ", CHECK (num_nonnulls(report_id, entry_id) = 1))",
    "CREATE INDEX request_links_request ON request_links (request_id)",
    "CREATE INDEX request_links_report ON request_links (report_id) WHERE report_id IS NOT NULL",
    "CREATE INDEX request_links_entry ON request_links (entry_id) WHERE entry_id IS NOT NULL",

    "CREATE TABLE purge_records (" C360_ID ", item_kind " C360_TEXT " NOT NULL, item_id BIGINT NOT NULL, created_at " C360_TEXT ", purged_at " C360_TEXT
    " NOT NULL, reason " C360_TEXT " NOT NULL)",

    "CREATE TABLE contact_drafts (" C360_ID ", staff_member " C360_TEXT " NOT NULL, citizen_id BIGINT REFERENCES citizens (id) ON DELETE CASCADE, "
    "payload TEXT NOT NULL, saved_at " C360_TEXT " NOT NULL, UNIQUE (staff_member, citizen_id))",
    "CREATE UNIQUE INDEX contact_drafts_without_citizen ON contact_drafts (staff_member) WHERE citizen_id IS NULL",

    // The access log: append-only, enforced by the store (UPDATE, DELETE and TRUNCATE refused).
    "CREATE TABLE audit_log (sequence BIGINT PRIMARY KEY, occurred_at " C360_TEXT " NOT NULL, actor " C360_TEXT " NOT NULL, role " C360_TEXT
    " NOT NULL, workstation " C360_TEXT " NOT NULL, action " C360_TEXT " NOT NULL, subject_citizen_id BIGINT, purpose_code " C360_TEXT
    " NOT NULL DEFAULT '', purpose_text TEXT NOT NULL DEFAULT '', outcome " C360_TEXT " NOT NULL, details TEXT NOT NULL DEFAULT '{}', previous_hash "
    "BYTEA NOT NULL, hash BYTEA NOT NULL)",
    "CREATE INDEX audit_log_subject ON audit_log (subject_citizen_id, occurred_at)",
    "CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at)",
    "CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'integrity_constraint_violation'; END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()",

    "CREATE TABLE sync_state (source " C360_TEXT " NOT NULL, resource " C360_TEXT " NOT NULL, cursor TEXT NOT NULL DEFAULT '', etag TEXT NOT NULL DEFAULT "
    "'', last_success_at " C360_TEXT ", last_error_at " C360_TEXT ", last_error TEXT NOT NULL DEFAULT '', record_count BIGINT NOT NULL DEFAULT 0, "
    "PRIMARY KEY (source, resource))",
    "CREATE TABLE sync_records (source " C360_TEXT " NOT NULL, resource " C360_TEXT " NOT NULL, source_id " C360_TEXT
    " NOT NULL, content_hash BYTEA NOT NULL, local_id BIGINT NOT NULL DEFAULT 0, last_seen_at " C360_TEXT " NOT NULL, PRIMARY KEY (source, resource, "
    "source_id))",

    "CREATE TABLE outbox (" C360_ID ", idempotency_key " C360_TEXT " NOT NULL UNIQUE, source " C360_TEXT " NOT NULL, resource " C360_TEXT
    " NOT NULL, operation " C360_TEXT " NOT NULL, entity_kind " C360_TEXT " NOT NULL, entity_id BIGINT NOT NULL, payload BYTEA NOT NULL, state " C360_TEXT
    " NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', created_at " C360_TEXT " NOT NULL, next_attempt_at " C360_TEXT
    ", sent_at " C360_TEXT ", remote_id " C360_TEXT " NOT NULL DEFAULT '')",
    "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
};

// Schema 2: a user name is unique and found whatever its case (citext, as SQLite's NOCASE).
const QList<const char *> postgresSchema2 = {
    "CREATE TABLE staff_accounts (" C360_ID ", username CITEXT NOT NULL UNIQUE, display_name " C360_TEXT " NOT NULL, role " C360_TEXT
    " NOT NULL, team " C360_TEXT " NOT NULL DEFAULT '', password_hash TEXT NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until " C360_TEXT
    ", disabled INTEGER NOT NULL DEFAULT 0, created_at " C360_TEXT " NOT NULL, password_changed_at " C360_TEXT " NOT NULL)",
    "CREATE INDEX audit_log_time ON audit_log (occurred_at)",
};

// Schemas 3 and 4 changed SQLite's FTS5 indexes; PostgreSQL's GIN indexes were made as they are
// from schema 1.

const QList<const char *> postgresSchema5 = {
    "CREATE TABLE detached_links (report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE, party_source " C360_TEXT
    " NOT NULL, party_source_id " C360_TEXT " NOT NULL, role " C360_TEXT " NOT NULL, basis " C360_TEXT " NOT NULL, state " C360_TEXT
    " NOT NULL DEFAULT '', PRIMARY KEY (report_id, party_source, party_source_id, role))",
    "CREATE INDEX detached_links_party ON detached_links (party_source, party_source_id)",
};

const QList<const char *> postgresSchema6 = {
    "INSERT INTO store_settings (key, value) VALUES ('store_id', replace(gen_random_uuid()::text, '-', '')) ON CONFLICT (key) DO NOTHING",
};

// Schema 7: the key of the audit chain of a shared store, which every workstation appends to, in
// the store itself (one row). An SQLite store's key stays in the keychain of its desk.
const QList<const char *> postgresSchema7 = {
    "CREATE TABLE audit_chain_key (id INTEGER PRIMARY KEY CHECK (id = 1), key BYTEA NOT NULL CHECK (length(key) = 32))",
};

const QList<const char *> postgresSchema8 = {
    "ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE requests ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE requests ADD COLUMN changed_at " C360_TEXT,
};

#undef C360_TEXT
#undef C360_ID
#undef C360_ROWID

} // namespace

const QList<Step> &steps()
{
    static const QList<Step> all = {
        {1, "the whole data model: citizens, reports, contact moments, requests, catalogue, audit log, sync state, outbox", schema1, postgresSchema1},
        {2, "staff accounts with salted password hashes and lockout; the audit log indexed by time", schema2, postgresSchema2},
        {3, "the name and catalogue search indexes written once a transaction instead of once a row", schema3, {}},
        {4, "the name search index with one-letter prefixes", schema4, {}},
        {5, "the links of citizens removed by a synchronisation, kept for when they come back", schema5, postgresSchema5},
        {6, "the store's identity, which names its audit key and checkpoints", schema6, postgresSchema6},
        {7, "the audit chain's key kept in a shared store (PostgreSQL only)", {}, postgresSchema7},
        {8, "the version of a request's handling, with who changed it last and when", schema8, postgresSchema8},
    };
    return all;
}

int latestVersion()
{
    return steps().constLast().version;
}

Expected<int, StoreError> currentVersion(Database &db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(db.dialect().tablesQuery())) {
        return unexpected(db.error(query));
    }
    bool hasTables = false;
    bool hasMigrations = false;
    while (query.next()) {
        hasTables = true;
        hasMigrations = hasMigrations || query.value(0).toString() == QLatin1String("schema_migrations");
    }
    if (!hasTables) {
        return 0;
    }
    if (!hasMigrations) {
        return unexpected(db.error(StoreError::Code::NotAStore));
    }
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !query.next()) {
        return unexpected(db.error(query));
    }
    return query.value(0).toInt();
}

Expected<void, StoreError> migrate(Database &db, int target)
{
    if (target < 0) {
        target = latestVersion();
    }
    auto current = currentVersion(db);
    if (!current) {
        return unexpected(std::move(current).error());
    }
    for (const Step &step : steps()) {
        if (step.version <= *current || step.version > target) {
            continue;
        }
        auto transaction = Transaction::begin(db);
        if (!transaction) {
            return unexpected(std::move(transaction).error());
        }
        // Another process may have migrated the store meanwhile (two workstations starting at once
        // on a shared store): wait for it, then look again.
        if (auto locked = db.dialect().lockMigrations(db); !locked) {
            return locked;
        }
        if (auto now = currentVersion(db); !now) {
            return unexpected(std::move(now).error());
        } else if (*now >= step.version) {
            continue;
        }
        // In the same transaction as the first step, so that a failed first step leaves no trace.
        if (auto r = db.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"));
            !r) {
            return r;
        }
        const bool server = db.dialect().engine() == StoreLocation::Engine::PostgreSQL;
        for (const char *statement : server ? step.postgresql : step.sqlite) {
            if (auto r = db.exec(QString::fromUtf8(statement)); !r) {
                qCWarning(C360_STORE) << "migration to schema" << step.version << "failed:" << r.error().detail;
                return r;
            }
        }
        QSqlQuery record(db.connection());
        record.prepare(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"));
        record.addBindValue(step.version);
        record.addBindValue(QString::fromUtf8(step.description));
        record.addBindValue(Sql::fromDateTime(db.clock().now()));
        if (!record.exec()) {
            return unexpected(db.error(record));
        }
        if (auto r = transaction->commit(); !r) {
            return r;
        }
        qCInfo(C360_STORE) << "migrated the store to schema version" << step.version;
    }
    return {};
}

} // namespace C360::Migrations
