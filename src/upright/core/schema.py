"""The history database's schema, as forward-only migrations keyed by PRAGMA user_version."""

from __future__ import annotations

# Each entry upgrades the schema by one version. Never edit a released entry: add a new one.
MIGRATIONS: tuple[str, ...] = (
    # 1: sessions, what each planned, and one row per rep.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL,
        level TEXT NOT NULL,
        started_at TEXT NOT NULL,        -- ISO 8601 local time with its UTC offset
        started_utc REAL NOT NULL,       -- seconds since the epoch, for ordering and ranges
        local_day TEXT NOT NULL,         -- YYYY-MM-DD, the person's calendar day
        ended_at TEXT,
        ended_how TEXT NOT NULL DEFAULT 'running',
        time_scale REAL NOT NULL DEFAULT 1
    );
    CREATE INDEX sessions_by_profile_time ON sessions(profile, started_utc);
    CREATE TABLE planned (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        exercise TEXT NOT NULL,
        level TEXT NOT NULL,
        hold_s REAL NOT NULL,
        reps INTEGER NOT NULL,
        PRIMARY KEY (session_id, position)
    );
    CREATE TABLE reps (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        exercise TEXT NOT NULL,
        level TEXT NOT NULL,
        rep INTEGER NOT NULL,
        target_hold_s REAL NOT NULL,
        held_s REAL NOT NULL,
        completed INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL
    );
    CREATE INDEX reps_by_session ON reps(session_id);
    """,
    # 2: the safety check-ins and each person's own prescription.
    """
    ALTER TABLE sessions ADD COLUMN pain_before INTEGER;    -- 0..10, asked before the session
    ALTER TABLE sessions ADD COLUMN pain_after INTEGER;     -- 0..10, asked after it
    ALTER TABLE sessions ADD COLUMN effort INTEGER;         -- 0..10, asked after it
    ALTER TABLE sessions ADD COLUMN next_day_worse INTEGER; -- 1/0, asked on a later day
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL,
        kind TEXT NOT NULL,              -- screening | before | next_day
        at TEXT NOT NULL,                -- ISO 8601 with offset
        local_day TEXT NOT NULL,
        answers TEXT NOT NULL            -- JSON object
    );
    CREATE INDEX checkins_by_profile ON checkins(profile, kind, id);
    CREATE TABLE prescriptions (
        profile TEXT NOT NULL,
        exercise TEXT NOT NULL,
        data TEXT NOT NULL,              -- JSON: the Prescription's fields
        reason TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (profile, exercise)
    );
    """,
    # 3: each person's programme: which exercises, in which order, with a therapist's note.
    """
    CREATE TABLE programmes (
        profile TEXT PRIMARY KEY,
        data TEXT NOT NULL,              -- JSON: {"exercises": [{"id": ..., "note": ...}], ...}
        updated_at TEXT NOT NULL
    );
    """,
    # 4: the people who use this computer, listed even before their first session.
    """
    CREATE TABLE profiles (
        name TEXT PRIMARY KEY,
        created_at TEXT                  -- ISO 8601; for people from before version 4, their
    );                                   -- first session's time, or NULL if they had none
    INSERT OR IGNORE INTO profiles (name, created_at)
        SELECT profile, MIN(started_at) FROM sessions GROUP BY profile;
    INSERT OR IGNORE INTO profiles (name) SELECT DISTINCT profile FROM checkins;
    INSERT OR IGNORE INTO profiles (name) SELECT DISTINCT profile FROM prescriptions;
    INSERT OR IGNORE INTO profiles (name) SELECT DISTINCT profile FROM programmes;
    INSERT OR IGNORE INTO profiles (name) VALUES ('default');
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)

# The tables and columns of a history at SCHEMA_VERSION, as the migrations make them. Written
# out so that a start need not run the migrations in memory to know them (~1 ms); a test
# (tests/core/test_history.py) runs them and checks they still make exactly these.
CURRENT_TABLES: dict[str, frozenset[str]] = {
    table: frozenset(columns.split())
    for table, columns in {
        "sessions": "id profile level started_at started_utc local_day ended_at ended_how "
        "time_scale pain_before pain_after effort next_day_worse",
        "planned": "session_id position exercise level reps hold_s",
        "reps": "id session_id exercise level rep target_hold_s held_s started_at ended_at "
        "completed",
        "checkins": "id profile kind at local_day answers",
        "prescriptions": "profile exercise data reason updated_at",
        "programmes": "profile data updated_at",
        "profiles": "name created_at",
    }.items()
}

# Each table's primary key at SCHEMA_VERSION, in order (checked by the same test). A flipped bit
# in the schema can leave it whole to SQLite yet without a key ("id INTEGER PSIMARY KEY" is a
# column of type "INTEGER PSIMARY KEY"): every session's id then reads NULL.
CURRENT_KEYS: dict[str, tuple[str, ...]] = {
    "sessions": ("id",),
    "planned": ("session_id", "position"),
    "reps": ("id",),
    "checkins": ("id",),
    "prescriptions": ("profile", "exercise"),
    "programmes": ("profile",),
    "profiles": ("name",),
}
