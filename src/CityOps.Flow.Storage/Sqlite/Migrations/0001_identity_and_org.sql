-- Organisation (areas from district down to grid, departments) and the users and roles of ASP.NET Core Identity.

CREATE TABLE areas (
    id               TEXT PRIMARY KEY,
    parent_id        TEXT REFERENCES areas (id) ON DELETE RESTRICT,
    name             TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    level            TEXT NOT NULL CHECK (level IN ('District', 'Street', 'Community', 'Grid')),
    latitude         REAL,
    longitude        REAL,
    boundary_geojson TEXT CHECK (boundary_geojson IS NULL OR json_valid(boundary_geojson))
);
CREATE INDEX ix_areas_parent_id ON areas (parent_id);

CREATE TABLE departments (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    name_en TEXT NOT NULL,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    level   TEXT NOT NULL CHECK (level IN ('Community', 'Street', 'District'))
);
CREATE INDEX ix_departments_area_id ON departments (area_id);

CREATE TABLE users (
    id                   TEXT PRIMARY KEY,
    user_name            TEXT NOT NULL,
    normalized_user_name TEXT NOT NULL,
    display_name         TEXT NOT NULL,
    email                TEXT,
    normalized_email     TEXT,
    password_hash        TEXT,
    security_stamp       TEXT NOT NULL,
    concurrency_stamp    TEXT NOT NULL,
    lockout_end          TEXT,
    lockout_enabled      INTEGER NOT NULL DEFAULT 1 CHECK (lockout_enabled IN (0, 1)),
    access_failed_count  INTEGER NOT NULL DEFAULT 0 CHECK (access_failed_count >= 0),
    preferred_language   TEXT,
    department_id        TEXT REFERENCES departments (id) ON DELETE SET NULL,
    area_id              TEXT REFERENCES areas (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ux_users_normalized_user_name ON users (normalized_user_name);
CREATE INDEX ix_users_normalized_email ON users (normalized_email);
CREATE INDEX ix_users_department_id ON users (department_id);
CREATE INDEX ix_users_area_id ON users (area_id);

CREATE TABLE roles (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    normalized_name TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_roles_normalized_name ON roles (normalized_name);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX ix_user_roles_role_id ON user_roles (role_id);
