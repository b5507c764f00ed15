-- Single sign-on through the region's OpenID Connect provider (issue 11 item 3).

-- A user signed in through the identity provider is found by the provider's issuer and subject
-- (the stable "sub" claim), never by username: a username from the provider never takes over a
-- local account. Such users have no local password (password_hash NULL) unless an
-- administrator resets one.
ALTER TABLE users ADD COLUMN sso_issuer text;
ALTER TABLE users ADD COLUMN sso_subject text;
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_sso_identity CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL));
CREATE UNIQUE INDEX users_sso ON users (sso_issuer, sso_subject) WHERE sso_issuer IS NOT NULL;

-- Sign-ins under way: the authorization request's state, nonce and PKCE verifier, kept in the
-- database (not process memory) so that the provider's answer may reach any server on the same
-- PostgreSQL. browser_hash is the SHA-256 of a random value in a cookie of the browser that
-- started the sign-in; the answer is taken only from that browser. A row is used once (deleted
-- when the answer arrives) and expires after a few minutes.
CREATE TABLE oidc_flows (
  state text PRIMARY KEY,
  browser_hash text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_flows_expires ON oidc_flows (expires_at);

-- Rules that give a user signed in through the provider an organisation and a role from the
-- provider's claims. Tried in order of position; the first that matches decides.
CREATE TABLE sso_rules (
  id serial PRIMARY KEY,
  position integer NOT NULL CHECK (position > 0),
  claim text NOT NULL CHECK (length(claim) BETWEEN 1 AND 200),
  operator text NOT NULL CHECK (operator IN ('contains', 'ends_with')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
  organisation_id integer NOT NULL REFERENCES organisations(id),
  role text NOT NULL CHECK (role IN ('reader', 'editor', 'approver', 'admin')),
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
CREATE INDEX sso_rules_position ON sso_rules (position, id);
