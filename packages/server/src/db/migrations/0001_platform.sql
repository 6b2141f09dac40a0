-- Platform foundation: agencies, jurisdictions, offices, users, sessions, machine tokens.

CREATE TABLE jurisdictions (
  id          uuid PRIMARY KEY,
  path        text NOT NULL UNIQUE,
  kind        text NOT NULL CHECK (kind IN ('national', 'marz', 'bcp')),
  code        text NOT NULL,
  parent_id   uuid REFERENCES jurisdictions(id),
  names       jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jurisdictions IS 'Territorial scopes: the country, its regions (marz) and border crossing points, as a tree with materialised paths.';
COMMENT ON COLUMN jurisdictions.path IS 'Dotted path from the country down, e.g. ARM.AM-TV.BCP-BAGRATASHEN; a scope reaches itself and everything below.';
COMMENT ON COLUMN jurisdictions.names IS 'Translated names: {"hy": …, "ru": …, "en": …}.';

CREATE TABLE agencies (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  kind        text NOT NULL CHECK (kind IN ('migration', 'border', 'police', 'foreign_affairs', 'labour', 'international', 'ngo', 'other')),
  names       jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE agencies IS 'Organisations whose staff use Kamurj; every user belongs to exactly one.';

CREATE TABLE offices (
  id               uuid PRIMARY KEY,
  agency_id        uuid NOT NULL REFERENCES agencies(id),
  jurisdiction_id  uuid NOT NULL REFERENCES jurisdictions(id),
  code             text NOT NULL UNIQUE,
  names            jsonb NOT NULL
);
COMMENT ON TABLE offices IS 'Places where an agency works (headquarters, regional office, crossing-point post).';

CREATE TABLE users (
  id                    uuid PRIMARY KEY,
  username              text NOT NULL,
  display_name          text NOT NULL,
  agency_id             uuid NOT NULL REFERENCES agencies(id),
  password_hash         text NOT NULL,
  must_change_password  boolean NOT NULL DEFAULT false,
  disabled              boolean NOT NULL DEFAULT false,
  totp_secret           text,
  totp_enabled          boolean NOT NULL DEFAULT false,
  totp_last_step        bigint,
  failed_logins         integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  last_login_at         timestamptz,
  is_demo               boolean NOT NULL DEFAULT false,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_agency_idx ON users (agency_id);
COMMENT ON TABLE users IS 'Staff accounts. Passwords are argon2id hashes; the TOTP secret enables the second factor.';
COMMENT ON COLUMN users.totp_last_step IS 'Last accepted TOTP time step, so a code cannot be replayed.';
COMMENT ON COLUMN users.version IS 'Optimistic concurrency: an update names the version it read.';

CREATE TABLE user_roles (
  user_id  uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role     text NOT NULL,
  PRIMARY KEY (user_id, role)
);
COMMENT ON TABLE user_roles IS 'Roles held by a user (vocabulary in packages/domain/src/access).';

CREATE TABLE user_jurisdictions (
  user_id          uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  jurisdiction_id  uuid NOT NULL REFERENCES jurisdictions(id),
  PRIMARY KEY (user_id, jurisdiction_id)
);
COMMENT ON TABLE user_jurisdictions IS 'Territorial scopes of a user.';

CREATE TABLE sessions (
  id_hash              text PRIMARY KEY,
  user_id              uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  state                text NOT NULL CHECK (state IN ('active', 'mfa_required', 'mfa_enrolment_required', 'password_change_required')),
  csrf_token           text NOT NULL,
  client_ip            text,
  user_agent           text,
  created_at           timestamptz NOT NULL,
  last_seen_at         timestamptz NOT NULL,
  absolute_expires_at  timestamptz NOT NULL,
  revoked_at           timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
COMMENT ON TABLE sessions IS 'Browser sessions. Only a SHA-256 hash of the cookie value is stored.';

CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY,
  name          text NOT NULL,
  agency_id     uuid NOT NULL REFERENCES agencies(id),
  secret_hash   text NOT NULL,
  actions       text[] NOT NULL,
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  revoked_at    timestamptz,
  revoked_by    uuid REFERENCES users(id),
  last_used_at  timestamptz
);
COMMENT ON TABLE api_tokens IS 'Scoped tokens for machines (border-post nodes, integrations). The secret is shown once; a SHA-256 hash is kept.';

CREATE TABLE api_token_jurisdictions (
  token_id         uuid NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
  jurisdiction_id  uuid NOT NULL REFERENCES jurisdictions(id),
  PRIMARY KEY (token_id, jurisdiction_id)
);
COMMENT ON TABLE api_token_jurisdictions IS 'Territorial scopes of a machine token.';
