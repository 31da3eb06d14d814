-- Organisation (areas from district down to grid, departments) and the users and roles of ASP.NET Core Identity.

CREATE TABLE areas (
    id               text PRIMARY KEY,
    parent_id        text REFERENCES areas (id) ON DELETE RESTRICT,
    name             text NOT NULL,
    name_en          text NOT NULL,
    level            text NOT NULL CHECK (level IN ('District', 'Street', 'Community', 'Grid')),
    latitude         double precision,
    longitude        double precision,
    boundary_geojson text CHECK (boundary_geojson IS NULL OR boundary_geojson::jsonb IS NOT NULL)
);
CREATE INDEX ix_areas_parent_id ON areas (parent_id);

CREATE TABLE departments (
    id      text PRIMARY KEY,
    name    text NOT NULL,
    name_en text NOT NULL,
    area_id text NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    level   text NOT NULL CHECK (level IN ('Community', 'Street', 'District'))
);
CREATE INDEX ix_departments_area_id ON departments (area_id);

CREATE TABLE users (
    id                   text PRIMARY KEY,
    user_name            text NOT NULL,
    normalized_user_name text NOT NULL,
    display_name         text NOT NULL,
    email                text,
    normalized_email     text,
    password_hash        text,
    security_stamp       text NOT NULL,
    concurrency_stamp    text NOT NULL,
    lockout_end          timestamptz,
    lockout_enabled      boolean NOT NULL DEFAULT true,
    access_failed_count  integer NOT NULL DEFAULT 0 CHECK (access_failed_count >= 0),
    preferred_language   text,
    department_id        text REFERENCES departments (id) ON DELETE SET NULL,
    area_id              text REFERENCES areas (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ux_users_normalized_user_name ON users (normalized_user_name);
CREATE INDEX ix_users_normalized_email ON users (normalized_email);
CREATE INDEX ix_users_department_id ON users (department_id);
CREATE INDEX ix_users_area_id ON users (area_id);

CREATE TABLE roles (
    id              text PRIMARY KEY,
    name            text NOT NULL,
    normalized_name text NOT NULL
);
CREATE UNIQUE INDEX ux_roles_normalized_name ON roles (normalized_name);

CREATE TABLE user_roles (
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id text NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX ix_user_roles_role_id ON user_roles (role_id);
