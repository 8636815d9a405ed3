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
    // The names' words, for prefix queries (from schema 9 over the stored column search_vector).
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

// Pinned to the store's own schema, pg_temp last: a user's temporary table never stands in for one
// of the store's in a security-definer function.
const char *const pinSearchPaths = R"SQL(DO $$
DECLARE
    f text;
BEGIN
    FOR f IN SELECT p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.prosecdef LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END $$)SQL";

// Schema 9 (PostgreSQL only): the town hall. Staff sign in as login roles of their own, members of
// one group role per Citizen 360 role (all of them members of c360_staff); the schema and its
// functions belong to c360_owner, a role nobody signs in as (the role that migrates becomes a
// member, to migrate further). Staff read a citizen's data only through row-level security, under
// a grant that c360_open_profile gives after writing the profile_opened entry with the session's
// own user, the server's clock and the client's address; the audit log is written by the owner's
// functions alone (the chain's HMAC computed in the server, byte for byte as
// AuditRepository::canonicalBytes), read by supervisors and administrators, never changed.
// The owner, superusers and the role that migrated (which takes the owner's role on opening the
// store, SqlDialect::configure) are not bound by row-level security: they are the installation.
const QList<const char *> postgresSchema9 = {
    // HMAC-SHA256 in the server (pgcrypto, a trusted extension: the database's owner creates it).
    "CREATE EXTENSION IF NOT EXISTS pgcrypto",
    // Name search reads the names' words from a stored column: a two-letter prefix that matches a
    // tenth of the town makes the planner scan the table, which computed to_tsvector for every row
    // until enough matched (1,000,000 citizens, "de": 15.3 ms before, 5.6 ms with the column).
    "ALTER TABLE citizens ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_names)) STORED",
    "DROP INDEX citizens_search_names",
    "CREATE INDEX citizens_search_names ON citizens USING gin (search_vector)",
    // An address as typed ("3000 12a"): the house number folded as SearchService folds it.
    "CREATE INDEX citizens_address_folded ON citizens (postcode, upper(replace(house_number, ' ', '')))",
    // Roles belong to the whole server: another database may have made them already, perhaps at
    // this moment (a unique violation then).
    R"SQL(DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['c360_owner', 'c360_staff', 'c360_sync_service', 'c360_counter_clerk', 'c360_call_centre_agent',
                                     'c360_supervisor', 'c360_administrator'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            BEGIN
                IF role_name = 'c360_owner' THEN
                    -- It makes the staff's logins (c360_add_staff), nothing else.
                    EXECUTE format('CREATE ROLE %I NOLOGIN CREATEROLE', role_name);
                ELSIF role_name IN ('c360_staff', 'c360_sync_service') THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
                ELSE
                    EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE c360_staff', role_name);
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    IF NOT pg_has_role(current_user, 'c360_owner', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT c360_owner TO %I', current_user);
        EXCEPTION WHEN OTHERS THEN
            IF NOT pg_has_role(current_user, 'c360_owner', 'MEMBER') THEN
                RAISE;
            END IF;
        END;
    END IF;
    -- Everything of the store so far goes to the owner (what extensions brought stays theirs).
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO c360_owner', current_schema());
    FOR role_name IN
        SELECT quote_ident(c.relname) FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO c360_owner', role_name);
    END LOOP;
    FOR role_name IN
        SELECT p.oid::regprocedure::text FROM pg_proc p
        WHERE p.pronamespace = current_schema()::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO c360_owner', role_name);
    END LOOP;
END $$)SQL",
    "SET LOCAL ROLE c360_owner",

    // Who reads which citizen until when: written by c360_open_profile only.
    "CREATE TABLE profile_grants (staff TEXT NOT NULL, citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE, granted_at "
    "TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL, audit_sequence BIGINT NOT NULL, PRIMARY KEY (staff, citizen_id))",

    // The Citizen 360 role of the session's user: the role its enabled staff account names, if the
    // user is a member of that role's group; NULL for anybody else.
    R"SQL(CREATE FUNCTION c360_staff_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.role FROM staff_accounts s
    WHERE s.username = session_user::text AND s.disabled = 0
      AND s.role IN ('counter_clerk', 'call_centre_agent', 'supervisor', 'administrator')
      AND pg_has_role(session_user, 'c360_' || s.role, 'MEMBER')
$$)SQL",

    // Whether the session's user holds a grant, unexpired, to read this citizen (the policies' test).
    R"SQL(CREATE FUNCTION c360_may_read(citizen bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM profile_grants g WHERE g.staff = session_user::text AND g.citizen_id = citizen AND g.expires_at > statement_timestamp())
$$)SQL",

    // One entry at the chain's end: the actor is the session's user, the time the server's clock,
    // the client's address in the details. Not callable by staff.
    R"SQL(CREATE FUNCTION c360_write_audit(p_role text, p_action text, p_subject bigint, p_purpose_code text, p_purpose_text text, p_outcome text,
                                 p_workstation text, p_details jsonb) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    us constant text := chr(31);
    v_key bytea;
    v_last bigint;
    v_previous bytea;
    v_at text;
    v_actor text := session_user::text;
    v_station text := left(coalesce(p_workstation, ''), 200);
    v_details text;
    v_canonical text;
BEGIN
    -- The same lock as a workstation's own appends (SqlDialect::lockAuditChain).
    PERFORM pg_advisory_xact_lock(1127430704, 2);
    SELECT k.key INTO v_key FROM audit_chain_key k WHERE k.id = 1;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'the audit log of this store has no key yet (citizen360-admin init makes it)' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT a.sequence, a.hash INTO v_last, v_previous FROM audit_log a ORDER BY a.sequence DESC LIMIT 1;
    IF v_last IS NULL THEN
        v_last := 0;
        v_previous := decode(repeat('00', 32), 'hex');
    END IF;
    v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_details := (coalesce(p_details, '{}'::jsonb) || jsonb_build_object('client_address', coalesce(host(inet_client_addr()), 'local')))::text;
    v_canonical := (v_last + 1)::text || us || v_at || us || replace(v_actor, us, ' ') || us || p_role || us || replace(v_station, us, ' ') || us
        || p_action || us || coalesce(p_subject, 0)::text || us || replace(coalesce(p_purpose_code, ''), us, ' ') || us
        || replace(coalesce(p_purpose_text, ''), us, ' ') || us || p_outcome || us || replace(v_details, us, ' ') || us;
    INSERT INTO audit_log (sequence, occurred_at, actor, role, workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, details,
                           previous_hash, hash)
    VALUES (v_last + 1, v_at, v_actor, p_role, v_station, p_action, nullif(p_subject, 0), coalesce(p_purpose_code, ''), coalesce(p_purpose_text, ''),
            p_outcome, v_details, v_previous, hmac(convert_to(v_canonical, 'UTF8') || v_previous, v_key, 'sha256'));
    RETURN v_last + 1;
END $$)SQL",

    // What staff write into the log themselves: any action but those the store writes (opening a
    // profile, a change, a purge, a sign-in failure), always under their own name and role.
    R"SQL(CREATE FUNCTION c360_audit(p_action text, p_subject bigint, p_purpose_code text, p_purpose_text text, p_outcome text, p_workstation text,
                           p_details jsonb DEFAULT '{}') RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    staff_role text := c360_staff_role();
BEGIN
    IF staff_role IS NULL THEN
        RAISE EXCEPTION 'only a staff member of this store writes to its audit log' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_action IS NULL OR p_action NOT IN ('search', 'search_result_shown', 'identifier_revealed', 'print', 'export', 'login', 'logout',
                                            'session_locked', 'contact_ended', 'access_denied', 'access_report', 'audit_verified') THEN
        RAISE EXCEPTION 'the store writes % entries itself', coalesce(p_action, 'NULL') USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_outcome IS NULL OR p_outcome NOT IN ('success', 'denied', 'failed') THEN
        RAISE EXCEPTION 'no such outcome: %', coalesce(p_outcome, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN c360_write_audit(staff_role, p_action, p_subject, p_purpose_code, p_purpose_text, p_outcome, p_workstation, p_details);
END $$)SQL",

    // Opening a profile: the entry first, then the grant to read that citizen for a bounded time
    // (store_settings.profile_grant_minutes, 30 unless set). A role that may not open profiles
    // gets a denied entry and no grant; no purpose, no entry and no grant.
    R"SQL(CREATE FUNCTION c360_open_profile(p_citizen bigint, p_purpose_code text, p_purpose_text text, p_workstation text)
RETURNS TABLE (entry_sequence bigint, readable_until timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    staff_role text := c360_staff_role();
    minutes integer;
    entry bigint;
    opened timestamptz;
BEGIN
    IF staff_role IS NULL THEN
        RAISE EXCEPTION 'only a staff member of this store opens profiles' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_purpose_code IS NULL OR btrim(p_purpose_code) = '' THEN
        RAISE EXCEPTION 'a profile is opened for a purpose' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = p_citizen) THEN
        RAISE EXCEPTION 'no citizen %', p_citizen USING ERRCODE = 'no_data_found';
    END IF;
    IF staff_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor') THEN
        entry := c360_write_audit(staff_role, 'profile_opened', p_citizen, p_purpose_code, p_purpose_text, 'denied', p_workstation, '{}');
        RETURN QUERY SELECT entry, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT CASE WHEN s.value ~ '^[0-9]{1,4}$' THEN s.value::integer END INTO minutes FROM store_settings s WHERE s.key = 'profile_grant_minutes';
    minutes := least(greatest(coalesce(minutes, 30), 1), 720);
    entry := c360_write_audit(staff_role, 'profile_opened', p_citizen, p_purpose_code, p_purpose_text, 'success', p_workstation, '{}');
    opened := clock_timestamp();
    DELETE FROM profile_grants g WHERE g.staff = session_user::text AND g.expires_at < opened - interval '1 day';
    INSERT INTO profile_grants AS g (staff, citizen_id, granted_at, expires_at, audit_sequence)
    VALUES (session_user::text, p_citizen, opened, opened + make_interval(mins => minutes), entry)
    ON CONFLICT (staff, citizen_id) DO UPDATE SET granted_at = excluded.granted_at, expires_at = excluded.expires_at, audit_sequence = excluded.audit_sequence;
    RETURN QUERY SELECT entry, opened + make_interval(mins => minutes);
END $$)SQL",

    // A staff member's change to a citizen's data, audited in the same transaction. The owner's,
    // the sync service's and the installation's own writes are audited by the application.
    R"SQL(CREATE FUNCTION c360_audit_change() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    staff_role text := c360_staff_role();
    changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    subject bigint;
BEGIN
    IF staff_role IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'request_supplements' THEN
        SELECT r.citizen_id INTO subject FROM requests r WHERE r.id = (changed ->> 'request_id')::bigint;
    ELSE
        subject := (changed ->> 'citizen_id')::bigint;
    END IF;
    PERFORM c360_write_audit(staff_role, 'change', subject, '', '', 'success', current_setting('c360.workstation', true),
                             jsonb_build_object('table', TG_TABLE_NAME, 'operation', lower(TG_OP), 'id', changed -> 'id'));
    RETURN NULL;
END $$)SQL",
    "CREATE TRIGGER contact_moments_audited AFTER INSERT OR UPDATE OR DELETE ON contact_moments FOR EACH ROW EXECUTE FUNCTION c360_audit_change()",
    "CREATE TRIGGER requests_audited AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION c360_audit_change()",
    "CREATE TRIGGER request_supplements_audited AFTER INSERT OR UPDATE OR DELETE ON request_supplements FOR EACH ROW EXECUTE FUNCTION c360_audit_change()",
    "CREATE TRIGGER reports_audited AFTER UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION c360_audit_change()",
    "CREATE TRIGGER report_candidates_audited AFTER UPDATE ON report_candidates FOR EACH ROW EXECUTE FUNCTION c360_audit_change()",
    "CREATE TRIGGER citizen_catalogue_links_audited AFTER INSERT OR UPDATE OR DELETE ON citizen_catalogue_links FOR EACH ROW EXECUTE FUNCTION "
    "c360_audit_change()",

    // Staff logins: made, switched off and on again by an administrator of the store (or the
    // installation), only ever as members of one of the store's groups. A password reaches the
    // server only as its SCRAM verifier (the client computes it, libpq's PQencryptPasswordConn), so
    // no statement log ever holds one; no password at all leaves sign-in to GSSAPI or certificates.
    R"SQL(CREATE FUNCTION c360_add_staff(p_username text, p_role text, p_display_name text, p_team text, p_password_verifier text, p_workstation text)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text := c360_staff_role();
    v_installation boolean := pg_has_role(session_user, 'c360_owner', 'MEMBER');
    v_now text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_id bigint;
BEGIN
    IF v_role IS DISTINCT FROM 'administrator' AND NOT v_installation THEN
        RAISE EXCEPTION 'only an administrator of this store makes staff accounts' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_username IS NULL OR p_username !~ '^[a-z][a-z0-9._-]{1,62}$' THEN
        RAISE EXCEPTION 'a user name is 2 to 63 small letters, digits, dots, hyphens or underscores, the first a letter' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor', 'administrator') THEN
        RAISE EXCEPTION 'no such role: %', coalesce(p_role, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_password_verifier IS NOT NULL AND p_password_verifier !~ '^SCRAM-SHA-256[$]' THEN
        RAISE EXCEPTION 'a password is given as its SCRAM-SHA-256 verifier, never in clear text' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_username) OR EXISTS (SELECT 1 FROM staff_accounts s WHERE s.username = p_username) THEN
        RAISE EXCEPTION 'the user name % is taken on this server', p_username USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', p_username, 'c360_' || p_role)
        || CASE WHEN p_password_verifier IS NULL THEN '' ELSE format(' PASSWORD %L', p_password_verifier) END;
    INSERT INTO staff_accounts (username, display_name, role, team, password_hash, created_at, password_changed_at)
    VALUES (p_username, coalesce(nullif(btrim(p_display_name), ''), p_username), p_role, coalesce(btrim(p_team), ''), '', v_now, v_now)
    RETURNING id INTO v_id;
    PERFORM c360_write_audit(coalesce(v_role, 'administrator'), 'change', NULL, 'account_management', '', 'success', p_workstation,
                             jsonb_build_object('what', 'account_created', 'account', p_username, 'role', p_role));
    RETURN v_id;
END $$)SQL",
    R"SQL(CREATE FUNCTION c360_set_staff_disabled(p_username text, p_disabled boolean, p_workstation text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text := c360_staff_role();
    v_installation boolean := pg_has_role(session_user, 'c360_owner', 'MEMBER');
BEGIN
    IF v_role IS DISTINCT FROM 'administrator' AND NOT v_installation THEN
        RAISE EXCEPTION 'only an administrator of this store switches staff accounts off and on' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_username = session_user::text THEN
        RAISE EXCEPTION 'nobody switches off their own account' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_disabled IS NULL OR NOT EXISTS (SELECT 1 FROM staff_accounts s WHERE s.username = p_username) THEN
        RAISE EXCEPTION 'no staff account %', coalesce(p_username, 'NULL') USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE staff_accounts SET disabled = CASE WHEN p_disabled THEN 1 ELSE 0 END WHERE username = p_username;
    -- The login too, if it is one of the store's staff (never a superuser or another program's).
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_username AND NOT r.rolsuper AND pg_has_role(r.oid, 'c360_staff', 'MEMBER')) THEN
        EXECUTE format('ALTER ROLE %I %s', p_username, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
    END IF;
    IF p_disabled THEN
        DELETE FROM profile_grants g WHERE g.staff = p_username;
    END IF;
    PERFORM c360_write_audit(coalesce(v_role, 'administrator'), 'change', NULL, 'account_management', '', 'success', p_workstation,
                             jsonb_build_object('what', CASE WHEN p_disabled THEN 'account_disabled' ELSE 'account_enabled' END, 'account', p_username));
END $$)SQL",

    // AuditService::keyedHash for a session that cannot read the key: what was searched for is
    // logged as this hash, never as the words.
    R"SQL(CREATE FUNCTION c360_keyed_hash(p_text text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT left(encode(hmac(convert_to(p_text, 'UTF8'), hmac(convert_to('citizen360 search terms', 'UTF8'), k.key, 'sha256'), 'sha256'), 'hex'), 32)
    FROM audit_chain_key k WHERE k.id = 1
$$)SQL",

    // Search as a staff member: only what a result line shows (the names, the birth date, the
    // municipality, the first identifier, which the application masks), at most p_limit citizens
    // in name order and how many matched (up to p_cap), with the search entry and a
    // search_result_shown entry for each line, in the same transaction. A line the application
    // says this typing showed already (p_shown) gets no second entry, if the log holds its entry
    // by this user from the last 30 seconds (SearchService::SessionGapSeconds).
    //   p_kind 'name' (p_a a tsquery of prefixes, p_b/p_c a birth-date range or NULL),
    //   'national_number' (p_a the digits; p_b the end of the prefix's range, NULL for all 11),
    //   'digital' (p_a email or phone, p_b/p_c the normalised range), 'birth_date' (p_a),
    //   'address' (p_a the postcode, p_b the house number or NULL).
    R"SQL(CREATE FUNCTION c360_search(p_kind text, p_a text, p_b text, p_c text, p_cap integer, p_limit integer, p_details jsonb, p_shown bigint[],
                            p_workstation text)
RETURNS TABLE (citizen_id bigint, family_name text, given_names text, birth_date text, municipality text, identifier text, total integer,
               search_sequence bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_role text := c360_staff_role();
    v_ids bigint[];
    v_lines bigint[];
    v_recent bigint[];
    v_search bigint;
    v_line record;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor') THEN
        RAISE EXCEPTION 'only counter clerks, call-centre agents and supervisors search citizens' USING ERRCODE = 'insufficient_privilege';
    END IF;
    p_cap := least(greatest(coalesce(p_cap, 1001), 1), 10001);
    p_limit := least(greatest(coalesce(p_limit, 50), 1), 500);
    IF p_kind = 'name' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.search_vector @@ to_tsquery('simple'::regconfig, p_a) LIMIT p_cap);
    ELSIF p_kind = 'name' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.search_vector @@ to_tsquery('simple'::regconfig, p_a) AND c.birth_date >= p_b
                       AND c.birth_date < p_c LIMIT p_cap);
    ELSIF p_kind = 'national_number' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT i.citizen_id FROM citizen_identifiers i WHERE i.type IN ('be_nrn', 'be_bis') AND i.value = p_a LIMIT p_cap);
    ELSIF p_kind = 'national_number' THEN
        v_ids := ARRAY(SELECT i.citizen_id FROM citizen_identifiers i WHERE i.type IN ('be_nrn', 'be_bis') AND i.value >= p_a AND i.value < p_b LIMIT p_cap);
    ELSIF p_kind = 'digital' THEN
        v_ids := ARRAY(SELECT DISTINCT d.citizen_id FROM digital_addresses d WHERE d.kind = p_a AND d.normalized >= p_b AND d.normalized < p_c LIMIT p_cap);
    ELSIF p_kind = 'birth_date' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.birth_date = p_a LIMIT p_cap);
    ELSIF p_kind = 'address' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.postcode = p_a LIMIT p_cap);
    ELSIF p_kind = 'address' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.postcode = p_a AND upper(replace(c.house_number, ' ', '')) = p_b LIMIT p_cap);
    ELSE
        RAISE EXCEPTION 'no such search: %', coalesce(p_kind, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_lines := ARRAY(SELECT c.id FROM citizens c WHERE c.id = ANY(v_ids) ORDER BY c.family_name, c.given_names, c.birth_date, c.id LIMIT p_limit);
    v_recent := ARRAY(SELECT a.subject_citizen_id FROM audit_log a
                      WHERE a.actor = session_user::text AND a.action = 'search_result_shown' AND a.subject_citizen_id = ANY(coalesce(p_shown, '{}'))
                        AND a.subject_citizen_id = ANY(v_lines)
                        AND a.occurred_at >= to_char((clock_timestamp() - interval '30 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
    v_search := c360_write_audit(v_role, 'search', NULL, '', '', 'success', p_workstation,
                                 coalesce(p_details, '{}'::jsonb) || jsonb_build_object('results', cardinality(v_lines), 'matches', cardinality(v_ids),
                                 'new_results', cardinality(v_lines) - cardinality(ARRAY(SELECT DISTINCT unnest(v_recent)))));
    FOR v_line IN
        SELECT c.id, c.family_name, c.given_names, c.birth_date, c.municipality,
               (SELECT i.type || ':' || i.value FROM citizen_identifiers i WHERE i.citizen_id = c.id ORDER BY i.type LIMIT 1) AS identifier
        FROM citizens c WHERE c.id = ANY(v_lines) ORDER BY c.family_name, c.given_names, c.birth_date, c.id
    LOOP
        IF NOT v_line.id = ANY(v_recent) THEN
            PERFORM c360_write_audit(v_role, 'search_result_shown', v_line.id, '', '', 'success', p_workstation, jsonb_build_object('search', v_search));
        END IF;
        citizen_id := v_line.id;
        family_name := v_line.family_name;
        given_names := v_line.given_names;
        birth_date := v_line.birth_date;
        municipality := v_line.municipality;
        identifier := v_line.identifier;
        total := cardinality(v_ids);
        search_sequence := v_search;
        RETURN NEXT;
    END LOOP;
    IF cardinality(v_ids) = 0 THEN
        -- Nothing found: the search's entry all the same, and its number.
        citizen_id := NULL;
        total := 0;
        search_sequence := v_search;
        RETURN NEXT;
    END IF;
END $$)SQL",

    // Functions are executable by PUBLIC unless told otherwise.
    "REVOKE ALL ON FUNCTION c360_staff_role(), c360_may_read(bigint), c360_write_audit(text, text, bigint, text, text, text, text, jsonb), "
    "c360_audit(text, bigint, text, text, text, text, jsonb), c360_open_profile(bigint, text, text, text), c360_audit_change(), "
    "c360_add_staff(text, text, text, text, text, text), c360_set_staff_disabled(text, boolean, text), c360_keyed_hash(text), "
    "c360_search(text, text, text, text, integer, integer, jsonb, bigint[], text) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION c360_staff_role(), c360_may_read(bigint), c360_audit(text, bigint, text, text, text, text, jsonb), "
    "c360_open_profile(bigint, text, text, text), c360_add_staff(text, text, text, text, text, text), c360_set_staff_disabled(text, boolean, text), "
    "c360_keyed_hash(text), c360_search(text, text, text, text, integer, integer, jsonb, bigint[], text) TO c360_staff",

    // Row-level security on every table with a citizen's data. A row of a citizen is read under a
    // grant for that citizen; a row that belongs to another row (a supplement, a link) under the
    // grant of that row's citizen, as its parent's own policy decides. A report without a citizen
    // is read as a possible match of a citizen open at the desk; a contact or request without a
    // citizen (anonymous) by any staff member.
    R"SQL(DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['citizens', 'citizen_identifiers', 'digital_addresses', 'channel_preferences', 'consents', 'reports',
                             'report_candidates', 'citizen_catalogue_links', 'contact_moments', 'requests', 'request_supplements',
                             'contact_moment_links', 'request_links', 'contact_drafts', 'detached_links', 'outbox', 'sync_records',
                             'purge_records', 'profile_grants'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        IF t <> 'profile_grants' THEN
            EXECUTE format('CREATE POLICY sync_service ON %I TO c360_sync_service USING (true) WITH CHECK (true)', t);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO c360_sync_service', t);
        END IF;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['citizen_identifiers', 'digital_addresses', 'channel_preferences', 'consents', 'report_candidates',
                             'citizen_catalogue_links'] LOOP
        EXECUTE format('CREATE POLICY staff_read ON %I FOR SELECT TO c360_staff USING (c360_may_read(citizen_id))', t);
        EXECUTE format('GRANT SELECT ON %I TO c360_staff', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['catalogue_entries', 'catalogue_texts', 'sync_state', 'store_settings', 'schema_migrations'] LOOP
        EXECUTE format('GRANT SELECT ON %I TO c360_staff, c360_sync_service', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['catalogue_entries', 'catalogue_texts', 'sync_state'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO c360_sync_service', t);
    END LOOP;
END $$)SQL",
    "CREATE POLICY staff_read ON citizens FOR SELECT TO c360_staff USING (c360_may_read(id))",
    "GRANT SELECT ON citizens TO c360_staff",
    "CREATE POLICY staff_read ON reports FOR SELECT TO c360_staff USING (c360_may_read(citizen_id) OR citizen_id IS NULL AND EXISTS (SELECT 1 FROM "
    "report_candidates rc WHERE rc.report_id = reports.id))",
    "CREATE POLICY staff_match ON reports FOR UPDATE TO c360_staff USING (c360_may_read(citizen_id) OR citizen_id IS NULL AND EXISTS (SELECT 1 FROM "
    "report_candidates rc WHERE rc.report_id = reports.id)) WITH CHECK (citizen_id IS NULL OR c360_may_read(citizen_id))",
    "GRANT SELECT, UPDATE (citizen_id, match_basis) ON reports TO c360_staff",
    "CREATE POLICY staff_decide ON report_candidates FOR UPDATE TO c360_staff USING (c360_may_read(citizen_id)) WITH CHECK (c360_may_read(citizen_id))",
    "GRANT UPDATE (state) ON report_candidates TO c360_staff",
    "CREATE POLICY staff_link ON citizen_catalogue_links FOR INSERT TO c360_staff WITH CHECK (c360_may_read(citizen_id) AND staff_member = "
    "session_user::text)",
    "CREATE POLICY staff_unlink ON citizen_catalogue_links FOR DELETE TO c360_staff USING (c360_may_read(citizen_id))",
    "GRANT INSERT, DELETE ON citizen_catalogue_links TO c360_staff",
    "CREATE POLICY staff_read ON contact_moments FOR SELECT TO c360_staff USING (citizen_id IS NULL OR c360_may_read(citizen_id))",
    "CREATE POLICY staff_register ON contact_moments FOR INSERT TO c360_staff WITH CHECK ((citizen_id IS NULL OR c360_may_read(citizen_id)) AND "
    "staff_member = session_user::text)",
    "GRANT SELECT, INSERT ON contact_moments TO c360_staff",
    "CREATE POLICY staff_read ON requests FOR SELECT TO c360_staff USING (citizen_id IS NULL OR c360_may_read(citizen_id))",
    "CREATE POLICY staff_create ON requests FOR INSERT TO c360_staff WITH CHECK (citizen_id IS NULL OR c360_may_read(citizen_id))",
    "CREATE POLICY staff_handle ON requests FOR UPDATE TO c360_staff USING (citizen_id IS NULL OR c360_may_read(citizen_id)) WITH CHECK (citizen_id IS "
    "NULL OR c360_may_read(citizen_id))",
    "GRANT SELECT, INSERT ON requests TO c360_staff",
    "GRANT UPDATE (answer, status, assignee_kind, assignee_name, deadline_at, version, changed_by, changed_at) ON requests TO c360_staff",
    "CREATE POLICY staff_read ON request_supplements FOR SELECT TO c360_staff USING (EXISTS (SELECT 1 FROM requests r WHERE r.id = request_id))",
    "CREATE POLICY staff_add ON request_supplements FOR INSERT TO c360_staff WITH CHECK (EXISTS (SELECT 1 FROM requests r WHERE r.id = request_id) AND "
    "author = session_user::text)",
    "GRANT SELECT, INSERT ON request_supplements TO c360_staff",
    "CREATE POLICY staff_read ON contact_moment_links FOR SELECT TO c360_staff USING (EXISTS (SELECT 1 FROM contact_moments c WHERE c.id = "
    "contact_moment_id))",
    "CREATE POLICY staff_link ON contact_moment_links FOR INSERT TO c360_staff WITH CHECK (EXISTS (SELECT 1 FROM contact_moments c WHERE c.id = "
    "contact_moment_id))",
    "GRANT SELECT, INSERT ON contact_moment_links TO c360_staff",
    "CREATE POLICY staff_read ON request_links FOR SELECT TO c360_staff USING (EXISTS (SELECT 1 FROM requests r WHERE r.id = request_id))",
    "CREATE POLICY staff_link ON request_links FOR INSERT TO c360_staff WITH CHECK (EXISTS (SELECT 1 FROM requests r WHERE r.id = request_id))",
    "GRANT SELECT, INSERT ON request_links TO c360_staff",
    // A draft is its author's alone.
    "CREATE POLICY own_drafts ON contact_drafts TO c360_staff USING (staff_member = session_user::text) WITH CHECK (staff_member = "
    "session_user::text AND (citizen_id IS NULL OR c360_may_read(citizen_id)))",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON contact_drafts TO c360_staff",
    // The staff directory (assignees, names): never the password hashes of local accounts.
    "GRANT SELECT (id, username, display_name, role, team, disabled, created_at) ON staff_accounts TO c360_staff, c360_sync_service",
    // The log: read by those who audit; written by the owner's functions only; the chain's key
    // read by the owner alone (no grant at all).
    "GRANT SELECT ON audit_log TO c360_supervisor, c360_administrator",
    pinSearchPaths,
};

// Schema 10: what a staff member's own login needs for the whole front-office day. A change a
// clerk makes is queued for its back end under the clerk's name (outbox.queued_by, the server's
// session user; '' on a desk's file), only for an item the clerk may read, and the clerk reads
// back the entry's number and nothing of the queue. On PostgreSQL also: the worklist as lines,
// audited as they are shown (c360_worklist); a citizen's record opened for an access report or an
// export under a grant, as a profile is (c360_open_record); the audit log's subjects as their
// masked numbers (c360_audit_subjects); and the chain verified by the server, which alone holds
// its key (c360_verify_audit).
const QList<const char *> schema10 = {
    "ALTER TABLE outbox ADD COLUMN queued_by TEXT NOT NULL DEFAULT ''",
};

const QList<const char *> postgresSchema10 = {
    "SET LOCAL ROLE c360_owner",
    "ALTER TABLE outbox ADD COLUMN queued_by " C360_TEXT " NOT NULL DEFAULT session_user",
    "CREATE POLICY staff_queue ON outbox FOR INSERT TO c360_staff WITH CHECK (queued_by = session_user::text AND state = 'pending' AND attempts = 0 "
    "AND sent_at IS NULL AND remote_id = '' AND (entity_kind = 'contact_moment' AND EXISTS (SELECT 1 FROM contact_moments c WHERE c.id = entity_id "
    "AND c.staff_member = session_user::text) OR entity_kind = 'request' AND EXISTS (SELECT 1 FROM requests r WHERE r.id = entity_id)))",
    "CREATE POLICY staff_queued ON outbox FOR SELECT TO c360_staff USING (queued_by = session_user::text AND state = 'pending')",
    "GRANT INSERT (idempotency_key, source, resource, operation, entity_kind, entity_id, payload, state, attempts, last_error, created_at, "
    "next_attempt_at, sent_at, remote_id) ON outbox TO c360_staff",
    "GRANT SELECT (id) ON outbox TO c360_staff",
    // A contact's or a request's links are written anew with it (ContactMomentRepository,
    // RequestRepository): a contact's by the one who registered it, a request's under its grant.
    "CREATE POLICY staff_relink ON contact_moment_links FOR DELETE TO c360_staff USING (EXISTS (SELECT 1 FROM contact_moments c WHERE c.id = "
    "contact_moment_id AND c.staff_member = session_user::text))",
    "GRANT DELETE ON contact_moment_links TO c360_staff",
    "CREATE POLICY staff_relink ON request_links FOR DELETE TO c360_staff USING (EXISTS (SELECT 1 FROM requests r WHERE r.id = request_id))",
    "GRANT DELETE ON request_links TO c360_staff",

    // The requests assigned to the session's user or to their account's team, most urgent first
    // (RequestRepository::worklist's order), each citizen shown audited as a search's line is.
    R"SQL(CREATE FUNCTION c360_worklist(p_limit integer, p_workstation text)
RETURNS TABLE (request_id bigint, citizen_id bigint, given_names text, family_name text, question text, assignee_kind text, assignee_name text,
               status text, created_at text, deadline_at text, expires_at text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text := c360_staff_role();
    v_team text;
    v_shown bigint[] := '{}';
    v_line record;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor') THEN
        RAISE EXCEPTION 'only counter clerks, call-centre agents and supervisors have a worklist' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT nullif(s.team, '') INTO v_team FROM staff_accounts s WHERE s.username = session_user::text;
    p_limit := least(greatest(coalesce(p_limit, 500), 1), 1000);
    FOR v_line IN
        SELECT r.id, r.citizen_id, c.given_names, c.family_name, r.question, r.assignee_kind, r.assignee_name, r.status, r.created_at,
               r.deadline_at, r.expires_at
        FROM requests r LEFT JOIN citizens c ON c.id = r.citizen_id
        WHERE r.status IN ('open', 'answered') AND (r.assignee_name = session_user::text OR r.assignee_name = v_team)
        ORDER BY CASE WHEN r.deadline_at IS NULL OR r.expires_at < r.deadline_at THEN r.expires_at ELSE r.deadline_at END IS NULL,
                 CASE WHEN r.deadline_at IS NULL OR r.expires_at < r.deadline_at THEN r.expires_at ELSE r.deadline_at END, r.created_at
        LIMIT p_limit
    LOOP
        IF v_line.citizen_id IS NOT NULL AND NOT v_line.citizen_id = ANY(v_shown) THEN
            PERFORM c360_write_audit(v_role, 'search_result_shown', v_line.citizen_id, '', '', 'success', p_workstation, '{"list": "worklist"}');
            v_shown := v_shown || v_line.citizen_id;
        END IF;
        request_id := v_line.id;
        citizen_id := v_line.citizen_id;
        given_names := v_line.given_names;
        family_name := v_line.family_name;
        question := v_line.question;
        assignee_kind := v_line.assignee_kind;
        assignee_name := v_line.assignee_name;
        status := v_line.status;
        created_at := v_line.created_at;
        deadline_at := v_line.deadline_at;
        expires_at := v_line.expires_at;
        RETURN NEXT;
    END LOOP;
END $$)SQL",

    // A citizen's record read for an access report (supervisors, administrators) or an export
    // (administrators): the entry first, then a grant as c360_open_profile gives.
    R"SQL(CREATE FUNCTION c360_open_record(p_citizen bigint, p_action text, p_purpose_code text, p_purpose_text text, p_workstation text)
RETURNS TABLE (entry_sequence bigint, readable_until timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    staff_role text := c360_staff_role();
    minutes integer;
    entry bigint;
    opened timestamptz;
BEGIN
    IF staff_role IS NULL THEN
        RAISE EXCEPTION 'only a staff member of this store reads a citizen''s record' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_action IS NULL OR NOT (p_action = 'access_report' AND staff_role IN ('supervisor', 'administrator')
                                OR p_action = 'export' AND staff_role = 'administrator') THEN
        RAISE EXCEPTION 'a % may not read a record for %', staff_role, coalesce(p_action, 'NULL') USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_purpose_code IS NULL OR btrim(p_purpose_code) = '' THEN
        RAISE EXCEPTION 'a record is read for a purpose' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = p_citizen) THEN
        RAISE EXCEPTION 'no citizen %', p_citizen USING ERRCODE = 'no_data_found';
    END IF;
    SELECT CASE WHEN s.value ~ '^[0-9]{1,4}$' THEN s.value::integer END INTO minutes FROM store_settings s WHERE s.key = 'profile_grant_minutes';
    minutes := least(greatest(coalesce(minutes, 30), 1), 720);
    entry := c360_write_audit(staff_role, p_action, p_citizen, p_purpose_code, p_purpose_text, 'success', p_workstation, '{}');
    opened := clock_timestamp();
    INSERT INTO profile_grants AS g (staff, citizen_id, granted_at, expires_at, audit_sequence)
    VALUES (session_user::text, p_citizen, opened, opened + make_interval(mins => minutes), entry)
    ON CONFLICT (staff, citizen_id) DO UPDATE SET granted_at = excluded.granted_at, expires_at = greatest(g.expires_at, excluded.expires_at),
                                                  audit_sequence = excluded.audit_sequence;
    RETURN QUERY SELECT entry, opened + make_interval(mins => minutes);
END $$)SQL",

    // For the audit window: each subject's number as it is masked everywhere (its type and the
    // digits left visible: a national number's last two, a BSN's last three; Identifier::masked),
    // and whether the staff member's family name (their account's name, last word) is the
    // citizen's. Never the name itself, nor a number in full.
    R"SQL(CREATE FUNCTION c360_audit_subjects(p_citizens bigint[], p_actors text[])
RETURNS TABLE (citizen_id bigint, actor text, identifier_type text, identifier_tail text, known boolean, shares_family_name boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF coalesce(c360_staff_role(), '') NOT IN ('supervisor', 'administrator') THEN
        RAISE EXCEPTION 'only supervisors and administrators read the audit log' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
    WITH pairs AS (SELECT DISTINCT p.citizen, coalesce(p.actor, '') AS actor FROM unnest(p_citizens, p_actors) AS p (citizen, actor))
    SELECT pairs.citizen, pairs.actor, i.type::text,
           CASE WHEN i.type = 'nl_bsn' THEN right(i.value, 3) ELSE right(i.value, 2) END,
           c.id IS NOT NULL,
           coalesce(lower(regexp_replace(normalize(c.family_name, NFD), '[\u0300-\u036f]', '', 'g'))
                    = (SELECT lower(regexp_replace(normalize(split_part(btrim(regexp_replace(s.display_name, '\s+', ' ', 'g')), ' ', -1), NFD),
                                                   '[\u0300-\u036f]', '', 'g'))
                       FROM staff_accounts s WHERE s.username = pairs.actor), false)
    FROM pairs
    LEFT JOIN citizens c ON c.id = pairs.citizen
    LEFT JOIN LATERAL (SELECT ci.type, ci.value FROM citizen_identifiers ci WHERE ci.citizen_id = pairs.citizen
                       ORDER BY CASE ci.type WHEN 'be_nrn' THEN 0 WHEN 'be_bis' THEN 1 WHEN 'nl_bsn' THEN 2 ELSE 3 END LIMIT 1) i ON true;
END $$)SQL",

    // The chain checked with its key, which only the server reads: the last sequence found intact,
    // and the first that is not with why (missing, changed, broken_link), as
    // AuditRepository::verify does on a desk.
    R"SQL(CREATE FUNCTION c360_verify_audit() RETURNS TABLE (checked_through bigint, first_bad bigint, problem text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    us constant text := chr(31);
    v_key bytea;
    v_previous bytea := decode(repeat('00', 32), 'hex');
    v_expected bigint := 1;
    e record;
BEGIN
    IF coalesce(c360_staff_role(), '') NOT IN ('supervisor', 'administrator') THEN
        RAISE EXCEPTION 'only supervisors and administrators verify the audit log' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT k.key INTO v_key FROM audit_chain_key k WHERE k.id = 1;
    checked_through := 0;
    first_bad := 0;
    problem := 'none';
    FOR e IN SELECT * FROM audit_log a ORDER BY a.sequence LOOP
        IF e.sequence <> v_expected THEN
            first_bad := v_expected;
            problem := 'missing';
            EXIT;
        END IF;
        IF v_key IS NULL OR hmac(convert_to(e.sequence::text || us || e.occurred_at || us || replace(e.actor, us, ' ') || us || e.role || us
                                            || replace(e.workstation, us, ' ') || us || e.action || us || coalesce(e.subject_citizen_id, 0)::text || us
                                            || replace(e.purpose_code, us, ' ') || us || replace(e.purpose_text, us, ' ') || us || e.outcome || us
                                            || replace(e.details, us, ' ') || us, 'UTF8') || e.previous_hash, v_key, 'sha256') IS DISTINCT FROM e.hash THEN
            first_bad := e.sequence;
            problem := 'changed';
            EXIT;
        END IF;
        IF e.previous_hash IS DISTINCT FROM v_previous THEN
            first_bad := e.sequence;
            problem := 'broken_link';
            EXIT;
        END IF;
        v_previous := e.hash;
        checked_through := e.sequence;
        v_expected := v_expected + 1;
    END LOOP;
    RETURN NEXT;
END $$)SQL",

    // The sync service signs in as a login of its own too (c360_sync_service, made by
    // citizen360-admin add-user --role sync_service): the one writer of synchronised data, which
    // writes its own entries (its sign-in) and whose synchronised rows are not staff's changes.
    R"SQL(CREATE OR REPLACE FUNCTION c360_staff_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.role FROM staff_accounts s
    WHERE s.username = session_user::text AND s.disabled = 0
      AND s.role IN ('counter_clerk', 'call_centre_agent', 'supervisor', 'administrator', 'sync_service')
      AND pg_has_role(session_user, 'c360_' || s.role, 'MEMBER')
$$)SQL",
    R"SQL(CREATE OR REPLACE FUNCTION c360_audit_change() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    staff_role text := c360_staff_role();
    changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    subject bigint;
BEGIN
    IF staff_role IS NULL OR staff_role = 'sync_service' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'request_supplements' THEN
        SELECT r.citizen_id INTO subject FROM requests r WHERE r.id = (changed ->> 'request_id')::bigint;
    ELSE
        subject := (changed ->> 'citizen_id')::bigint;
    END IF;
    PERFORM c360_write_audit(staff_role, 'change', subject, '', '', 'success', current_setting('c360.workstation', true),
                             jsonb_build_object('table', TG_TABLE_NAME, 'operation', lower(TG_OP), 'id', changed -> 'id'));
    RETURN NULL;
END $$)SQL",
    R"SQL(CREATE OR REPLACE FUNCTION c360_add_staff(p_username text, p_role text, p_display_name text, p_team text, p_password_verifier text,
                                         p_workstation text)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text := c360_staff_role();
    v_installation boolean := pg_has_role(session_user, 'c360_owner', 'MEMBER');
    v_now text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_id bigint;
BEGIN
    IF v_role IS DISTINCT FROM 'administrator' AND NOT v_installation THEN
        RAISE EXCEPTION 'only an administrator of this store makes staff accounts' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_username IS NULL OR p_username !~ '^[a-z][a-z0-9._-]{1,62}$' THEN
        RAISE EXCEPTION 'a user name is 2 to 63 small letters, digits, dots, hyphens or underscores, the first a letter' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor', 'administrator', 'sync_service') THEN
        RAISE EXCEPTION 'no such role: %', coalesce(p_role, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_password_verifier IS NOT NULL AND p_password_verifier !~ '^SCRAM-SHA-256[$]' THEN
        RAISE EXCEPTION 'a password is given as its SCRAM-SHA-256 verifier, never in clear text' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_username) OR EXISTS (SELECT 1 FROM staff_accounts s WHERE s.username = p_username) THEN
        RAISE EXCEPTION 'the user name % is taken on this server', p_username USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', p_username, 'c360_' || p_role)
        || CASE WHEN p_password_verifier IS NULL THEN '' ELSE format(' PASSWORD %L', p_password_verifier) END;
    INSERT INTO staff_accounts (username, display_name, role, team, password_hash, created_at, password_changed_at)
    VALUES (p_username, coalesce(nullif(btrim(p_display_name), ''), p_username), p_role, coalesce(btrim(p_team), ''), '', v_now, v_now)
    RETURNING id INTO v_id;
    PERFORM c360_write_audit(coalesce(v_role, 'administrator'), 'change', NULL, 'account_management', '', 'success', p_workstation,
                             jsonb_build_object('what', 'account_created', 'account', p_username, 'role', p_role));
    RETURN v_id;
END $$)SQL",
    R"SQL(CREATE OR REPLACE FUNCTION c360_set_staff_disabled(p_username text, p_disabled boolean, p_workstation text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text := c360_staff_role();
    v_installation boolean := pg_has_role(session_user, 'c360_owner', 'MEMBER');
BEGIN
    IF v_role IS DISTINCT FROM 'administrator' AND NOT v_installation THEN
        RAISE EXCEPTION 'only an administrator of this store switches staff accounts off and on' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_username = session_user::text THEN
        RAISE EXCEPTION 'nobody switches off their own account' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_disabled IS NULL OR NOT EXISTS (SELECT 1 FROM staff_accounts s WHERE s.username = p_username) THEN
        RAISE EXCEPTION 'no staff account %', coalesce(p_username, 'NULL') USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE staff_accounts SET disabled = CASE WHEN p_disabled THEN 1 ELSE 0 END WHERE username = p_username;
    -- The login too, if it is one of the store's staff (never a superuser or another program's).
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_username AND NOT r.rolsuper AND (pg_has_role(r.oid, 'c360_staff', 'MEMBER')
                                                                                         OR pg_has_role(r.oid, 'c360_sync_service', 'MEMBER'))) THEN
        EXECUTE format('ALTER ROLE %I %s', p_username, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
    END IF;
    IF p_disabled THEN
        DELETE FROM profile_grants g WHERE g.staff = p_username;
    END IF;
    PERFORM c360_write_audit(coalesce(v_role, 'administrator'), 'change', NULL, 'account_management', '', 'success', p_workstation,
                             jsonb_build_object('what', CASE WHEN p_disabled THEN 'account_disabled' ELSE 'account_enabled' END, 'account', p_username));
END $$)SQL",
    "GRANT EXECUTE ON FUNCTION c360_staff_role(), c360_audit(text, bigint, text, text, text, text, jsonb) TO c360_sync_service",
    // Live updates: each change of what a workstation shows is announced on the channel
    // c360_changes once its transaction commits (LiveChanges): ids, the table, the assignee and
    // who changed it, never a citizen's data. Any login of the server may LISTEN; what changed
    // is read through the audited paths.
    R"SQL(CREATE FUNCTION c360_announce_change() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    o jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END;
    message jsonb := jsonb_build_object('table', TG_TABLE_NAME, 'by', session_user::text);
BEGIN
    IF TG_TABLE_NAME = 'sync_state' THEN
        message := message || jsonb_build_object('source', r ->> 'source');
    ELSIF TG_TABLE_NAME = 'citizens' THEN
        message := message || jsonb_build_object('citizen', (r ->> 'id')::bigint);
    ELSIF TG_TABLE_NAME = 'request_supplements' THEN
        message := message || jsonb_build_object('request', (r ->> 'request_id')::bigint,
                                                  'citizen', (SELECT q.citizen_id FROM requests q WHERE q.id = (r ->> 'request_id')::bigint));
    ELSIF TG_TABLE_NAME = 'requests' THEN
        message := message || jsonb_build_object('request', (r ->> 'id')::bigint, 'citizen', (r ->> 'citizen_id')::bigint,
                                                  'assignee', coalesce(r ->> 'assignee_name', ''),
                                                  'assigned', TG_OP <> 'DELETE' AND coalesce(r ->> 'assignee_name', '') <> ''
                                                              AND (o IS NULL OR (o ->> 'assignee_name') IS DISTINCT FROM (r ->> 'assignee_name')));
    ELSE
        message := message || jsonb_build_object('citizen', (r ->> 'citizen_id')::bigint);
    END IF;
    PERFORM pg_notify('c360_changes', message::text);
    RETURN NULL;
END $$)SQL",
    "CREATE TRIGGER citizens_announced AFTER UPDATE ON citizens FOR EACH ROW EXECUTE FUNCTION c360_announce_change()",
    "CREATE TRIGGER contact_moments_announced AFTER INSERT OR UPDATE OR DELETE ON contact_moments FOR EACH ROW EXECUTE FUNCTION c360_announce_change()",
    "CREATE TRIGGER requests_announced AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION c360_announce_change()",
    "CREATE TRIGGER request_supplements_announced AFTER INSERT ON request_supplements FOR EACH ROW EXECUTE FUNCTION c360_announce_change()",
    "CREATE TRIGGER reports_announced AFTER INSERT OR UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION c360_announce_change()",
    "CREATE TRIGGER sync_state_announced AFTER INSERT OR UPDATE ON sync_state FOR EACH ROW EXECUTE FUNCTION c360_announce_change()",
    "REVOKE ALL ON FUNCTION c360_announce_change() FROM PUBLIC",

    "REVOKE ALL ON FUNCTION c360_worklist(integer, text), c360_open_record(bigint, text, text, text, text), c360_audit_subjects(bigint[], text[]), "
    "c360_verify_audit() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION c360_worklist(integer, text), c360_open_record(bigint, text, text, text, text), c360_audit_subjects(bigint[], text[]), "
    "c360_verify_audit() TO c360_staff",
    pinSearchPaths,
};

// Schema 11 (PostgreSQL only): a search and a worklist hold the audit chain's lock for as short as
// they can. The chain is one sequence, so every entry of every workstation waits for the one lock
// (c360_write_audit); a search took it with its first entry and wrote one entry per line, each
// reading the key and the chain's end again, then read the lines' rows, all under the lock until
// its commit. With a town hall at work (bench/run --sessions) the lock was what backends waited on
// most. Now the lines are read first, and their entries written at once (one key, one end, one
// INSERT); the entries, their order and their bytes are the same.
const QList<const char *> postgresSchema11 = {
    "SET LOCAL ROLE c360_owner",
    // Entries of one action and purpose for several subjects at the chain's end, in the order given,
    // as c360_write_audit writes each (the same canonical bytes and HMAC). Not callable by staff.
    R"SQL(CREATE FUNCTION c360_write_audit_lines(p_role text, p_action text, p_subjects bigint[], p_workstation text, p_details jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    us constant text := chr(31);
    v_key bytea;
    v_last bigint;
    v_previous bytea;
    v_at text;
    v_actor text := session_user::text;
    v_station text := left(coalesce(p_workstation, ''), 200);
    v_details text;
    v_previous_hashes bytea[] := '{}';
    v_hashes bytea[] := '{}';
    v_hash bytea;
BEGIN
    IF coalesce(cardinality(p_subjects), 0) = 0 THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(1127430704, 2);
    SELECT k.key INTO v_key FROM audit_chain_key k WHERE k.id = 1;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'the audit log of this store has no key yet (citizen360-admin init makes it)' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT a.sequence, a.hash INTO v_last, v_previous FROM audit_log a ORDER BY a.sequence DESC LIMIT 1;
    IF v_last IS NULL THEN
        v_last := 0;
        v_previous := decode(repeat('00', 32), 'hex');
    END IF;
    v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_details := (coalesce(p_details, '{}'::jsonb) || jsonb_build_object('client_address', coalesce(host(inet_client_addr()), 'local')))::text;
    FOR i IN 1 .. cardinality(p_subjects) LOOP
        v_hash := hmac(convert_to((v_last + i)::text || us || v_at || us || replace(v_actor, us, ' ') || us || p_role || us || replace(v_station, us, ' ')
                                  || us || p_action || us || coalesce(p_subjects[i], 0)::text || us || us || us || 'success' || us
                                  || replace(v_details, us, ' ') || us, 'UTF8') || v_previous, v_key, 'sha256');
        v_previous_hashes := v_previous_hashes || v_previous;
        v_hashes := v_hashes || v_hash;
        v_previous := v_hash;
    END LOOP;
    INSERT INTO audit_log (sequence, occurred_at, actor, role, workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, details,
                           previous_hash, hash)
    SELECT v_last + t.n, v_at, v_actor, p_role, v_station, p_action, nullif(t.subject, 0), '', '', 'success', v_details, t.previous, t.hash
    FROM unnest(p_subjects, v_previous_hashes, v_hashes) WITH ORDINALITY AS t(subject, previous, hash, n);
END $$)SQL",
    "REVOKE ALL ON FUNCTION c360_write_audit_lines(text, text, bigint[], text, jsonb) FROM PUBLIC",
    // c360_search as in schema 9, but its lines read before the chain is locked and their entries
    // written at once.
    R"SQL(CREATE OR REPLACE FUNCTION c360_search(p_kind text, p_a text, p_b text, p_c text, p_cap integer, p_limit integer, p_details jsonb, p_shown bigint[],
                            p_workstation text)
RETURNS TABLE (citizen_id bigint, family_name text, given_names text, birth_date text, municipality text, identifier text, total integer,
               search_sequence bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_role text := c360_staff_role();
    v_ids bigint[];
    v_lines bigint[];
    v_recent bigint[];
    v_search bigint;
    v_family text[];
    v_given text[];
    v_birth text[];
    v_municipality text[];
    v_identifier text[];
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor') THEN
        RAISE EXCEPTION 'only counter clerks, call-centre agents and supervisors search citizens' USING ERRCODE = 'insufficient_privilege';
    END IF;
    p_cap := least(greatest(coalesce(p_cap, 1001), 1), 10001);
    p_limit := least(greatest(coalesce(p_limit, 50), 1), 500);
    IF p_kind = 'name' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.search_vector @@ to_tsquery('simple'::regconfig, p_a) LIMIT p_cap);
    ELSIF p_kind = 'name' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.search_vector @@ to_tsquery('simple'::regconfig, p_a) AND c.birth_date >= p_b
                       AND c.birth_date < p_c LIMIT p_cap);
    ELSIF p_kind = 'national_number' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT i.citizen_id FROM citizen_identifiers i WHERE i.type IN ('be_nrn', 'be_bis') AND i.value = p_a LIMIT p_cap);
    ELSIF p_kind = 'national_number' THEN
        v_ids := ARRAY(SELECT i.citizen_id FROM citizen_identifiers i WHERE i.type IN ('be_nrn', 'be_bis') AND i.value >= p_a AND i.value < p_b LIMIT p_cap);
    ELSIF p_kind = 'digital' THEN
        v_ids := ARRAY(SELECT DISTINCT d.citizen_id FROM digital_addresses d WHERE d.kind = p_a AND d.normalized >= p_b AND d.normalized < p_c LIMIT p_cap);
    ELSIF p_kind = 'birth_date' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.birth_date = p_a LIMIT p_cap);
    ELSIF p_kind = 'address' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.postcode = p_a LIMIT p_cap);
    ELSIF p_kind = 'address' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.postcode = p_a AND upper(replace(c.house_number, ' ', '')) = p_b LIMIT p_cap);
    ELSE
        RAISE EXCEPTION 'no such search: %', coalesce(p_kind, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- The lines in the order shown, with what each shows.
    SELECT array_agg(l.id ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.family_name ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.given_names ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.birth_date ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.municipality ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.identifier ORDER BY l.family_name, l.given_names, l.birth_date, l.id)
    INTO v_lines, v_family, v_given, v_birth, v_municipality, v_identifier
    FROM (SELECT c.id, c.family_name::text AS family_name, c.given_names::text AS given_names, c.birth_date::text AS birth_date,
                 c.municipality::text AS municipality,
                 (SELECT i.type || ':' || i.value FROM citizen_identifiers i WHERE i.citizen_id = c.id ORDER BY i.type LIMIT 1)::text AS identifier
          FROM citizens c WHERE c.id = ANY(v_ids) ORDER BY c.family_name, c.given_names, c.birth_date, c.id LIMIT p_limit) l;
    v_lines := coalesce(v_lines, '{}');
    v_recent := ARRAY(SELECT a.subject_citizen_id FROM audit_log a
                      WHERE a.actor = session_user::text AND a.action = 'search_result_shown' AND a.subject_citizen_id = ANY(coalesce(p_shown, '{}'))
                        AND a.subject_citizen_id = ANY(v_lines)
                        AND a.occurred_at >= to_char((clock_timestamp() - interval '30 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
    -- From here to the commit the chain is locked.
    v_search := c360_write_audit(v_role, 'search', NULL, '', '', 'success', p_workstation,
                                 coalesce(p_details, '{}'::jsonb) || jsonb_build_object('results', cardinality(v_lines), 'matches', cardinality(v_ids),
                                 'new_results', cardinality(v_lines) - cardinality(ARRAY(SELECT DISTINCT unnest(v_recent)))));
    PERFORM c360_write_audit_lines(v_role, 'search_result_shown',
                                   ARRAY(SELECT t.id FROM unnest(v_lines) WITH ORDINALITY AS t(id, n) WHERE NOT t.id = ANY(v_recent) ORDER BY t.n),
                                   p_workstation, jsonb_build_object('search', v_search));
    IF cardinality(v_ids) = 0 THEN
        -- Nothing found: the search's entry all the same, and its number.
        citizen_id := NULL;
        total := 0;
        search_sequence := v_search;
        RETURN NEXT;
        RETURN;
    END IF;
    RETURN QUERY SELECT t.id, t.family, t.given, t.birth, t.municipality, t.identifier, cardinality(v_ids), v_search
                 FROM unnest(v_lines, v_family, v_given, v_birth, v_municipality, v_identifier) AS t(id, family, given, birth, municipality, identifier);
END $$)SQL",
    // c360_worklist as in schema 10, its lines' entries written at once (a worklist is read again
    // at every desk of a team whenever one of its requests changes).
    R"SQL(CREATE OR REPLACE FUNCTION c360_worklist(p_limit integer, p_workstation text)
RETURNS TABLE (request_id bigint, citizen_id bigint, given_names text, family_name text, question text, assignee_kind text, assignee_name text,
               status text, created_at text, deadline_at text, expires_at text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text := c360_staff_role();
    v_team text;
    v_shown bigint[] := '{}';
    v_line record;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor') THEN
        RAISE EXCEPTION 'only counter clerks, call-centre agents and supervisors have a worklist' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT nullif(s.team, '') INTO v_team FROM staff_accounts s WHERE s.username = session_user::text;
    p_limit := least(greatest(coalesce(p_limit, 500), 1), 1000);
    FOR v_line IN
        SELECT r.id, r.citizen_id, c.given_names, c.family_name, r.question, r.assignee_kind, r.assignee_name, r.status, r.created_at,
               r.deadline_at, r.expires_at
        FROM requests r LEFT JOIN citizens c ON c.id = r.citizen_id
        WHERE r.status IN ('open', 'answered') AND (r.assignee_name = session_user::text OR r.assignee_name = v_team)
        ORDER BY CASE WHEN r.deadline_at IS NULL OR r.expires_at < r.deadline_at THEN r.expires_at ELSE r.deadline_at END IS NULL,
                 CASE WHEN r.deadline_at IS NULL OR r.expires_at < r.deadline_at THEN r.expires_at ELSE r.deadline_at END, r.created_at
        LIMIT p_limit
    LOOP
        IF v_line.citizen_id IS NOT NULL AND NOT v_line.citizen_id = ANY(v_shown) THEN
            v_shown := v_shown || v_line.citizen_id;
        END IF;
        request_id := v_line.id;
        citizen_id := v_line.citizen_id;
        given_names := v_line.given_names;
        family_name := v_line.family_name;
        question := v_line.question;
        assignee_kind := v_line.assignee_kind;
        assignee_name := v_line.assignee_name;
        status := v_line.status;
        created_at := v_line.created_at;
        deadline_at := v_line.deadline_at;
        expires_at := v_line.expires_at;
        RETURN NEXT;
    END LOOP;
    -- The lines are kept until the function returns: their entries first, at once.
    PERFORM c360_write_audit_lines(v_role, 'search_result_shown', v_shown, p_workstation, '{"list": "worklist"}');
END $$)SQL",
    pinSearchPaths,
};

// Schema 12 (PostgreSQL only): a name typed from its first letters finds its citizens in a B-tree
// of the names' words. The GIN index of schema 9 answers a prefix by uniting the posting lists of
// every word that starts with it before the first row comes out: at 1,000,000 citizens "pe" took
// 11 ms of one core whatever the cap, and the search of a town hall at work waited on it (bench/run
// --sessions). The words' B-tree is read in word order and stops at the cap. SQLite's FTS5 index
// keeps its prefixes of one to three letters for the same reason (schema 4). The table is the
// owner's alone: staff read names only through c360_search, which audits them.
const QList<const char *> postgresSchema12 = {
    "SET LOCAL ROLE c360_owner",
    // Every word of every citizen's names, as the GIN index has them (the lexemes of search_vector),
    // with what a result line is ordered by: the first lines of a search are chosen from the index
    // alone, and only they are read from citizens (not every one of the 1,001 counted).
    "CREATE TABLE citizen_name_words (word TEXT COLLATE \"C\" NOT NULL, citizen_id BIGINT NOT NULL, family_name TEXT COLLATE \"C\" NOT NULL, "
    "given_names TEXT COLLATE \"C\" NOT NULL, birth_date TEXT COLLATE \"C\")",
    "INSERT INTO citizen_name_words (word, citizen_id, family_name, given_names, birth_date) SELECT w.word, c.id, c.family_name, c.given_names, "
    "c.birth_date FROM citizens c, unnest(tsvector_to_array(c.search_vector)) AS w(word)",
    "ALTER TABLE citizen_name_words ADD PRIMARY KEY (word, citizen_id) INCLUDE (family_name, given_names, birth_date)",
    "REVOKE ALL ON citizen_name_words FROM PUBLIC",
    // Kept by the citizens' own changes, whoever makes them (the sync service, a desk's file copied
    // in): the function runs as the owner.
    R"SQL(CREATE FUNCTION c360_keep_name_words() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM citizen_name_words w WHERE w.word = ANY(tsvector_to_array(OLD.search_vector)) AND w.citizen_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO citizen_name_words (word, citizen_id, family_name, given_names, birth_date)
        SELECT w.word, NEW.id, NEW.family_name, NEW.given_names, NEW.birth_date FROM unnest(tsvector_to_array(NEW.search_vector)) AS w(word);
    END IF;
    RETURN NULL;
END $$)SQL",
    "REVOKE ALL ON FUNCTION c360_keep_name_words() FROM PUBLIC",
    "CREATE TRIGGER citizens_name_words_insert AFTER INSERT ON citizens FOR EACH ROW EXECUTE FUNCTION c360_keep_name_words()",
    "CREATE TRIGGER citizens_name_words_delete AFTER DELETE ON citizens FOR EACH ROW EXECUTE FUNCTION c360_keep_name_words()",
    "CREATE TRIGGER citizens_name_words_update AFTER UPDATE OF id, search_names, family_name, given_names, birth_date ON citizens FOR EACH ROW WHEN "
    "(OLD.id IS DISTINCT FROM NEW.id OR OLD.search_names IS DISTINCT FROM NEW.search_names OR OLD.family_name IS DISTINCT FROM NEW.family_name OR "
    "OLD.given_names IS DISTINCT FROM NEW.given_names OR OLD.birth_date IS DISTINCT FROM NEW.birth_date) EXECUTE FUNCTION c360_keep_name_words()",
    // The ids of the citizens whose names match p_query (to_tsquery's text: each word a prefix),
    // born from p_born_from to before p_born_before if given, up to p_cap, in the order of the
    // result lines (family name, given names, birth date, id). One word: the word index in word
    // order, the first p_cap citizens among its first entries in the order of their ids (a citizen
    // whose several names start with the word has an entry for each, so the entries read double
    // until they hold p_cap citizens or end), ordered by the names the index keeps; more words or
    // a birth year, the GIN index, as schema 9 found them (a B-tree driven by one word and checked
    // for the others read 4-5 times slower at 1,000,000 citizens). Not for staff (they search with
    // c360_search); the owner's and the installation's own searches (SearchService with the key)
    // use it as c360_search does.
    R"SQL(CREATE FUNCTION c360_name_ids(p_query text, p_born_from text, p_born_before text, p_cap integer) RETURNS bigint[]
LANGUAGE plpgsql STABLE SET search_path FROM CURRENT SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_query tsquery := to_tsquery('simple'::regconfig, p_query);
    v_tree text := querytree(v_query);
    v_word text;
    v_read integer;
    v_entries bigint;
    v_ids bigint[];
BEGIN
    p_cap := least(greatest(coalesce(p_cap, 1001), 1), 10001);
    IF p_born_from IS NULL AND numnode(v_query) = 1 AND v_tree ~ '^''[^'']+'':\*$' THEN
        v_word := substr(v_tree, 2, length(v_tree) - 4);
        v_read := p_cap;
        LOOP
            v_entries := (SELECT count(*) FROM (SELECT 1 FROM citizen_name_words w WHERE w.word ^@ v_word ORDER BY w.word, w.citizen_id LIMIT v_read) e);
            v_ids := ARRAY(SELECT d.citizen_id
                           FROM (SELECT DISTINCT ON (e.citizen_id) e.citizen_id, e.family_name, e.given_names, e.birth_date
                                 FROM (SELECT w.citizen_id, w.family_name, w.given_names, w.birth_date FROM citizen_name_words w WHERE w.word ^@ v_word
                                       ORDER BY w.word, w.citizen_id LIMIT v_read) e
                                 ORDER BY e.citizen_id LIMIT p_cap) d
                           ORDER BY d.family_name, d.given_names, d.birth_date, d.citizen_id);
            IF cardinality(v_ids) >= p_cap OR v_entries < v_read THEN
                RETURN v_ids;
            END IF;
            v_read := v_read * 2;
        END LOOP;
    END IF;
    RETURN ARRAY(SELECT f.id
                 FROM (SELECT c.id, c.family_name, c.given_names, c.birth_date FROM citizens c
                       WHERE c.search_vector @@ v_query AND (p_born_from IS NULL OR c.birth_date >= p_born_from AND c.birth_date < p_born_before)
                       LIMIT p_cap) f
                 ORDER BY f.family_name, f.given_names, f.birth_date, f.id);
END $$)SQL",
    "REVOKE ALL ON FUNCTION c360_name_ids(text, text, text, integer) FROM PUBLIC",
    // c360_search as in schema 11, its names found by c360_name_ids, in line order: only the
    // lines shown are read from citizens; the lines shown in the last 30 seconds looked up by the
    // staff member's own entries.
    R"SQL(CREATE OR REPLACE FUNCTION c360_search(p_kind text, p_a text, p_b text, p_c text, p_cap integer, p_limit integer, p_details jsonb, p_shown bigint[],
                            p_workstation text)
RETURNS TABLE (citizen_id bigint, family_name text, given_names text, birth_date text, municipality text, identifier text, total integer,
               search_sequence bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_role text := c360_staff_role();
    v_ids bigint[];
    v_lines bigint[];
    v_recent bigint[];
    v_search bigint;
    v_family text[];
    v_given text[];
    v_birth text[];
    v_municipality text[];
    v_identifier text[];
    v_since text;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('counter_clerk', 'call_centre_agent', 'supervisor') THEN
        RAISE EXCEPTION 'only counter clerks, call-centre agents and supervisors search citizens' USING ERRCODE = 'insufficient_privilege';
    END IF;
    p_cap := least(greatest(coalesce(p_cap, 1001), 1), 10001);
    p_limit := least(greatest(coalesce(p_limit, 50), 1), 500);
    IF p_kind = 'name' THEN
        v_ids := c360_name_ids(p_a, p_b, p_c, p_cap);
    ELSIF p_kind = 'national_number' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT i.citizen_id FROM citizen_identifiers i WHERE i.type IN ('be_nrn', 'be_bis') AND i.value = p_a LIMIT p_cap);
    ELSIF p_kind = 'national_number' THEN
        v_ids := ARRAY(SELECT i.citizen_id FROM citizen_identifiers i WHERE i.type IN ('be_nrn', 'be_bis') AND i.value >= p_a AND i.value < p_b LIMIT p_cap);
    ELSIF p_kind = 'digital' THEN
        v_ids := ARRAY(SELECT DISTINCT d.citizen_id FROM digital_addresses d WHERE d.kind = p_a AND d.normalized >= p_b AND d.normalized < p_c LIMIT p_cap);
    ELSIF p_kind = 'birth_date' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.birth_date = p_a LIMIT p_cap);
    ELSIF p_kind = 'address' AND p_b IS NULL THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.postcode = p_a LIMIT p_cap);
    ELSIF p_kind = 'address' THEN
        v_ids := ARRAY(SELECT c.id FROM citizens c WHERE c.postcode = p_a AND upper(replace(c.house_number, ' ', '')) = p_b LIMIT p_cap);
    ELSE
        RAISE EXCEPTION 'no such search: %', coalesce(p_kind, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- The lines in the order shown, with what each shows.
    SELECT array_agg(l.id ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.family_name ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.given_names ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.birth_date ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.municipality ORDER BY l.family_name, l.given_names, l.birth_date, l.id),
           array_agg(l.identifier ORDER BY l.family_name, l.given_names, l.birth_date, l.id)
    INTO v_lines, v_family, v_given, v_birth, v_municipality, v_identifier
    FROM (SELECT c.id, c.family_name::text AS family_name, c.given_names::text AS given_names, c.birth_date::text AS birth_date,
                 c.municipality::text AS municipality,
                 (SELECT i.type || ':' || i.value FROM citizen_identifiers i WHERE i.citizen_id = c.id ORDER BY i.type LIMIT 1)::text AS identifier
          FROM citizens c WHERE c.id = ANY(CASE WHEN p_kind = 'name' THEN v_ids[1:p_limit] ELSE v_ids END)
          ORDER BY c.family_name, c.given_names, c.birth_date, c.id LIMIT p_limit) l;
    v_lines := coalesce(v_lines, '{}');
    -- What this staff member was shown in the last 30 seconds, by the index of their own entries
    -- (a citizen every clerk's "pe" shows has hundreds of entries under the subject's index).
    v_since := to_char((clock_timestamp() - interval '30 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_recent := ARRAY(WITH mine AS MATERIALIZED (SELECT a.subject_citizen_id FROM audit_log a
                                                  WHERE a.actor = session_user::text AND a.occurred_at >= v_since AND a.action = 'search_result_shown')
                      SELECT m.subject_citizen_id FROM mine m
                      WHERE m.subject_citizen_id = ANY(coalesce(p_shown, '{}')) AND m.subject_citizen_id = ANY(v_lines));
    -- From here to the commit the chain is locked.
    v_search := c360_write_audit(v_role, 'search', NULL, '', '', 'success', p_workstation,
                                 coalesce(p_details, '{}'::jsonb) || jsonb_build_object('results', cardinality(v_lines), 'matches', cardinality(v_ids),
                                 'new_results', cardinality(v_lines) - cardinality(ARRAY(SELECT DISTINCT unnest(v_recent)))));
    PERFORM c360_write_audit_lines(v_role, 'search_result_shown',
                                   ARRAY(SELECT t.id FROM unnest(v_lines) WITH ORDINALITY AS t(id, n) WHERE NOT t.id = ANY(v_recent) ORDER BY t.n),
                                   p_workstation, jsonb_build_object('search', v_search));
    IF cardinality(v_ids) = 0 THEN
        -- Nothing found: the search's entry all the same, and its number.
        citizen_id := NULL;
        total := 0;
        search_sequence := v_search;
        RETURN NEXT;
        RETURN;
    END IF;
    RETURN QUERY SELECT t.id, t.family, t.given, t.birth, t.municipality, t.identifier, cardinality(v_ids), v_search
                 FROM unnest(v_lines, v_family, v_given, v_birth, v_municipality, v_identifier) AS t(id, family, given, birth, municipality, identifier);
END $$)SQL",
    pinSearchPaths,
};

// Schema 13: cases (zaken) from a case system (ZGW Zaken API) with their status history, and the
// catalogue of case types (ZGW Catalogi API) that names their types and statuses. A case belongs
// to the citizen whose identifier its initiator's role names (kept: NULL until that citizen is
// here, linked when they come); its type's and
// current status's names are kept with it, so that a case file reads one table, and renamed when
// the catalogue renames them.
const QList<const char *> schema13 = {
    R"(CREATE TABLE case_types (
        id INTEGER PRIMARY KEY,
        source_system TEXT NOT NULL,
        source_id TEXT NOT NULL,
        identification TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        lead_days INTEGER,
        UNIQUE (source_system, source_id)))",
    R"(CREATE TABLE case_status_types (
        id INTEGER PRIMARY KEY,
        source_system TEXT NOT NULL,
        source_id TEXT NOT NULL,
        case_type_id TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        number INTEGER NOT NULL DEFAULT 0,
        final INTEGER NOT NULL DEFAULT 0,
        UNIQUE (source_system, source_id)))",
    R"(CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        source_system TEXT NOT NULL,
        source_id TEXT NOT NULL,
        citizen_id INTEGER REFERENCES citizens (id) ON DELETE SET NULL,
        identification TEXT NOT NULL DEFAULT '',
        type_id TEXT NOT NULL DEFAULT '',
        type_name TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        status_name TEXT NOT NULL DEFAULT '',
        status_set_at TEXT,
        started_on TEXT,
        planned_end_on TEXT,
        deadline_on TEXT,
        ended_on TEXT,
        url TEXT NOT NULL DEFAULT '',
        party_identifier_type TEXT NOT NULL DEFAULT '',
        party_identifier TEXT NOT NULL DEFAULT '',
        UNIQUE (source_system, source_id)))",
    "CREATE INDEX cases_citizen ON cases (citizen_id, started_on)",
    "CREATE INDEX cases_party ON cases (party_identifier_type, party_identifier)",
    "CREATE INDEX cases_type ON cases (source_system, type_id)",
    R"(CREATE TABLE case_statuses (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        source_system TEXT NOT NULL,
        source_id TEXT NOT NULL,
        status_type_id TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        set_at TEXT NOT NULL,
        explanation TEXT NOT NULL DEFAULT '',
        final INTEGER NOT NULL DEFAULT 0,
        UNIQUE (source_system, source_id)))",
    "CREATE INDEX case_statuses_case ON case_statuses (case_id, set_at)",
    "CREATE INDEX case_statuses_type ON case_statuses (source_system, status_type_id)",
};

// The same on PostgreSQL, owned by the schema's owner; a case and its statuses read by staff
// under the grant for its citizen (row-level security, as every table with a citizen's data), the
// catalogue of case types by every staff member; all of it written by the sync service alone.
const QList<const char *> postgresSchema13 = {
    "SET LOCAL ROLE c360_owner",
    "CREATE TABLE case_types (" C360_ID ", source_system " C360_TEXT " NOT NULL, source_id " C360_TEXT " NOT NULL, identification " C360_TEXT
    " NOT NULL DEFAULT '', description " C360_TEXT " NOT NULL DEFAULT '', lead_days INTEGER, UNIQUE (source_system, source_id))",
    "CREATE TABLE case_status_types (" C360_ID ", source_system " C360_TEXT " NOT NULL, source_id " C360_TEXT " NOT NULL, case_type_id " C360_TEXT
    " NOT NULL DEFAULT '', name " C360_TEXT " NOT NULL DEFAULT '', number INTEGER NOT NULL DEFAULT 0, final INTEGER NOT NULL DEFAULT 0, "
    "UNIQUE (source_system, source_id))",
    "CREATE TABLE cases (" C360_ID ", source_system " C360_TEXT " NOT NULL, source_id " C360_TEXT
    " NOT NULL, citizen_id BIGINT REFERENCES citizens (id) ON DELETE SET NULL, identification " C360_TEXT " NOT NULL DEFAULT '', type_id " C360_TEXT
    " NOT NULL DEFAULT '', type_name " C360_TEXT " NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '', status_name " C360_TEXT
    " NOT NULL DEFAULT '', status_set_at " C360_TEXT ", started_on " C360_TEXT ", planned_end_on " C360_TEXT ", deadline_on " C360_TEXT ", ended_on " C360_TEXT
    ", url TEXT NOT NULL DEFAULT '', party_identifier_type " C360_TEXT " NOT NULL DEFAULT '', party_identifier " C360_TEXT
    " NOT NULL DEFAULT '', UNIQUE (source_system, source_id))",
    "CREATE INDEX cases_citizen ON cases (citizen_id, started_on)",
    "CREATE INDEX cases_party ON cases (party_identifier_type, party_identifier)",
    "CREATE INDEX cases_type ON cases (source_system, type_id)",
    "CREATE TABLE case_statuses (" C360_ID ", case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE, source_system " C360_TEXT
    " NOT NULL, source_id " C360_TEXT " NOT NULL, status_type_id " C360_TEXT " NOT NULL DEFAULT '', name " C360_TEXT " NOT NULL DEFAULT '', set_at " C360_TEXT
    " NOT NULL, explanation TEXT NOT NULL DEFAULT '', final INTEGER NOT NULL DEFAULT 0, UNIQUE (source_system, source_id))",
    "CREATE INDEX case_statuses_case ON case_statuses (case_id, set_at)",
    "CREATE INDEX case_statuses_type ON case_statuses (source_system, status_type_id)",
    R"SQL(DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cases', 'case_statuses'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY sync_service ON %I TO c360_sync_service USING (true) WITH CHECK (true)', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['cases', 'case_statuses', 'case_types', 'case_status_types'] LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO c360_sync_service', t);
    END LOOP;
END $$)SQL",
    "CREATE POLICY staff_read ON cases FOR SELECT TO c360_staff USING (c360_may_read(citizen_id))",
    "CREATE POLICY staff_read ON case_statuses FOR SELECT TO c360_staff USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))",
    "GRANT SELECT ON cases, case_statuses, case_types, case_status_types TO c360_staff",
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
        {9, "staff as database roles, row-level security under audited grants, the audit log written by the server (PostgreSQL only)", {}, postgresSchema9},
        {10,
         "a staff member's changes queued under their name; the worklist, access reports, exports and the audit window through the store's functions",
         schema10,
         postgresSchema10},
        {11, "a search's and a worklist's audit entries written at once, the chain locked for as short as it can (PostgreSQL only)", {}, postgresSchema11},
        {12, "a name's first letters found in a B-tree of the names' words (PostgreSQL only)", {}, postgresSchema12},
        {13, "cases (zaken) with their status history, and the catalogue of case types that names them", schema13, postgresSchema13},
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
