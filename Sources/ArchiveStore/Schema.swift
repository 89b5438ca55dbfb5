import GRDB

/// The archive's schema as named, frozen migrations (`Spec/archive.md`, "Schema"). A shipped migration is
/// never edited: later changes are new migrations appended to ``migrator``.
///
/// The schema, not the Swift code, is what enforces the archive's rules: chain links and the audit log's hash
/// chain are checked by `BEFORE INSERT` triggers, and every table is append-only by `BEFORE UPDATE` and
/// `BEFORE DELETE` triggers that abort.
enum Schema {
    /// 64 hex zeros: the previous hash of a chain's first bundle and of the audit log's first entry.
    static let zeroHash = String(repeating: "0", count: 64)

    /// Tables no statement may update or delete from.
    static let appendOnlyTables = ["audit_log", "bundles", "records", "versions", "revisions", "lookups", "names"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-audit-log") { db in
            try db.execute(sql: """
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY CHECK (seq >= 1),
                    time TEXT NOT NULL,
                    event TEXT NOT NULL,
                    details TEXT NOT NULL CHECK (json_valid(details)),
                    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                    entry_hash TEXT NOT NULL UNIQUE CHECK (length(entry_hash) = 64)
                );
                CREATE TRIGGER audit_log_extends_chain BEFORE INSERT ON audit_log
                WHEN NEW.seq IS NOT (SELECT ifnull(max(seq), 0) + 1 FROM audit_log)
                  OR NEW.prev_hash IS NOT ifnull((SELECT entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1), '\(zeroHash)')
                BEGIN SELECT RAISE(ABORT, 'airlock: an audit entry must extend the audit log''s hash chain'); END;
                """)
        }
        migrator.registerMigration("v1-bundles") { db in
            try db.execute(sql: """
                CREATE TABLE bundles (
                    id INTEGER PRIMARY KEY,
                    chain_id TEXT NOT NULL CHECK (length(chain_id) = 32),
                    sequence INTEGER NOT NULL CHECK (sequence >= 1),
                    bundle_hash TEXT NOT NULL UNIQUE CHECK (length(bundle_hash) = 64),
                    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
                    signer_key_id TEXT NOT NULL,
                    signer_key TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    imported_at TEXT NOT NULL,
                    file_name TEXT NOT NULL UNIQUE,
                    byte_count INTEGER NOT NULL,
                    members INTEGER NOT NULL,
                    orders INTEGER NOT NULL,
                    new_records INTEGER NOT NULL,
                    changed_records INTEGER NOT NULL,
                    unchanged_records INTEGER NOT NULL,
                    audit_seq INTEGER NOT NULL UNIQUE REFERENCES audit_log(seq),
                    UNIQUE (chain_id, sequence)
                );
                CREATE TRIGGER bundles_extend_chain BEFORE INSERT ON bundles
                WHEN NOT (
                    (NEW.sequence = 1 AND NEW.previous_hash = '\(zeroHash)')
                    OR EXISTS (SELECT 1 FROM bundles WHERE chain_id = NEW.chain_id
                               AND sequence = NEW.sequence - 1 AND bundle_hash = NEW.previous_hash))
                BEGIN SELECT RAISE(ABORT, 'airlock: a bundle must extend its chain'); END;
                CREATE VIEW chain_heads AS
                    SELECT chain_id, max(sequence) AS sequence, bundle_hash, id AS bundle_id
                    FROM bundles GROUP BY chain_id;
                """)
        }
        migrator.registerMigration("v1-records") { db in
            try db.execute(sql: """
                CREATE TABLE records (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('member', 'order')),
                    key TEXT NOT NULL,
                    first_bundle_id INTEGER NOT NULL REFERENCES bundles(id) DEFERRABLE INITIALLY DEFERRED,
                    UNIQUE (kind, key)
                );
                CREATE TABLE versions (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    bundle_id INTEGER NOT NULL REFERENCES bundles(id) DEFERRABLE INITIALLY DEFERRED,
                    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
                    fields TEXT NOT NULL CHECK (json_valid(fields)),
                    masked_at_source TEXT NOT NULL CHECK (json_valid(masked_at_source)),
                    items TEXT NOT NULL CHECK (json_valid(items)),
                    source TEXT NOT NULL CHECK (json_valid(source)),
                    UNIQUE (record_id, content_hash)
                );
                CREATE TABLE revisions (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    version_id INTEGER NOT NULL REFERENCES versions(id),
                    bundle_id INTEGER NOT NULL REFERENCES bundles(id) DEFERRABLE INITIALLY DEFERRED,
                    UNIQUE (record_id, id)
                );
                CREATE INDEX revisions_by_bundle ON revisions(bundle_id);
                CREATE INDEX versions_by_bundle ON versions(bundle_id);
                CREATE TRIGGER revisions_match_record BEFORE INSERT ON revisions
                WHEN (SELECT record_id FROM versions WHERE id = NEW.version_id) IS NOT NEW.record_id
                BEGIN SELECT RAISE(ABORT, 'airlock: a revision must name a version of its own record'); END;
                CREATE VIEW current_revisions AS
                    SELECT record_id, max(id) AS revision_id FROM revisions GROUP BY record_id;
                CREATE VIEW current_versions AS
                    SELECT r.id AS record_id, r.kind, r.key, v.id AS version_id, v.bundle_id, v.content_hash,
                           v.fields, v.masked_at_source, v.items, v.source
                    FROM records r
                    JOIN current_revisions c ON c.record_id = r.id
                    JOIN revisions rv ON rv.id = c.revision_id
                    JOIN versions v ON v.id = rv.version_id;
                """)
        }
        migrator.registerMigration("v1-lookups") { db in
            try db.execute(sql: """
                CREATE TABLE lookups (
                    field TEXT NOT NULL CHECK (field IN ('email', 'account', 'member_id', 'order_no', 'phone')),
                    value TEXT NOT NULL,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    PRIMARY KEY (field, value, record_id)
                ) WITHOUT ROWID;
                CREATE TABLE names (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    name TEXT NOT NULL,
                    UNIQUE (record_id, name)
                );
                """)
            // Substring search over CJK names: FTS5's trigram tokenizer (SQLite 3.34+) indexes every three
            // characters, so `LIKE '%…%'` is answered from the index. Older SQLite: `names` is scanned instead.
            if (try? db.execute(sql: """
                CREATE VIRTUAL TABLE names_fts USING fts5(name, content='names', content_rowid='id', tokenize='trigram')
                """)) == nil {
                try db.execute(sql: "CREATE INDEX names_by_name ON names(name)")
            }
        }
        migrator.registerMigration("v1-append-only") { db in
            for table in appendOnlyTables { try makeAppendOnly(table, in: db) }
        }
        // The same rule as v1's `field IN (…)`, spelled as comparisons: SQLite 3.40 builds an ephemeral table
        // for the IN list on every INSERT, which was a quarter of an import's time. The rows move unchanged.
        migrator.registerMigration("v2-lookups-field-check") { db in
            try db.execute(sql: """
                CREATE TABLE lookups_v2 (
                    field TEXT NOT NULL CHECK (
                        field = 'email' OR field = 'account' OR field = 'member_id' OR field = 'order_no'
                        OR field = 'phone'),
                    value TEXT NOT NULL,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    PRIMARY KEY (field, value, record_id)
                ) WITHOUT ROWID;
                INSERT INTO lookups_v2 (field, value, record_id) SELECT field, value, record_id FROM lookups;
                DROP TABLE lookups;
                ALTER TABLE lookups_v2 RENAME TO lookups;
                """)
            try makeAppendOnly("lookups", in: db)
        }
        // No statement journal for a revision. SQLite copies every page a statement changes into a statement
        // journal when it may have to undo that statement alone: one that runs a trigger (or writes several
        // rows) and may abort. `revisions_match_record` made every revision insert pay it — with the import's
        // multi-row key inserts, a fifth of an import's database work. The rule stays, as a composite foreign
        // key on a new unique index; the rows move unchanged, with their ids. (Foreign keys to `records` stay
        // immediate: while an import runs, the deferred ones to `bundles` are outstanding, and SQLite then scans
        // a deferred key's child table for every parent row inserted — `lookups` has no index on `record_id`.)
        migrator.registerMigration("v3-revision-rule-as-key") { db in
            try db.execute(sql: """
                DROP VIEW current_versions;
                DROP VIEW current_revisions;
                CREATE UNIQUE INDEX versions_by_id_and_record ON versions(id, record_id);
                CREATE TABLE revisions_v3 (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    version_id INTEGER NOT NULL,
                    bundle_id INTEGER NOT NULL REFERENCES bundles(id) DEFERRABLE INITIALLY DEFERRED,
                    UNIQUE (record_id, id),
                    FOREIGN KEY (version_id, record_id) REFERENCES versions(id, record_id)
                );
                INSERT INTO revisions_v3 (id, record_id, version_id, bundle_id)
                    SELECT id, record_id, version_id, bundle_id FROM revisions ORDER BY id;
                DROP TABLE revisions;
                ALTER TABLE revisions_v3 RENAME TO revisions;
                CREATE INDEX revisions_by_bundle ON revisions(bundle_id);
                CREATE VIEW current_revisions AS
                    SELECT record_id, max(id) AS revision_id FROM revisions GROUP BY record_id;
                CREATE VIEW current_versions AS
                    SELECT r.id AS record_id, r.kind, r.key, v.id AS version_id, v.bundle_id, v.content_hash,
                           v.fields, v.masked_at_source, v.items, v.source
                    FROM records r
                    JOIN current_revisions c ON c.record_id = r.id
                    JOIN revisions rv ON rv.id = c.revision_id
                    JOIN versions v ON v.id = rv.version_id;
                """)
            try makeAppendOnly("revisions", in: db)
        }
        return migrator
    }

    /// Adds the triggers that refuse every UPDATE and DELETE on `table`.
    private static func makeAppendOnly(_ table: String, in db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, 'airlock: \(table) is append-only'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, 'airlock: \(table) is append-only'); END;
            """)
    }
}
