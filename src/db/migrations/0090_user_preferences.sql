-- Choices a user makes on a page and expects to find again (issue 12): the projects left out of
-- the project accounts' subtotal, per user and organisation. One row per choice; value is JSON
-- (["8938"]); revision for the optimistic check when two tabs save.
CREATE TABLE user_preferences (
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id integer NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name IN ('followup.excluded_projects')),
  value jsonb NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, organisation_id, name)
);
