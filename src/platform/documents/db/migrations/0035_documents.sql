-- Documents attached to any record (a delegation, later an institution, a case file, a form
-- answer...). The bytes live in the content-addressed file store (by SHA-256); these tables hold
-- what the files are, whose they are and their history. A new upload adds a version and keeps
-- the previous ones; nothing is ever deleted (no DELETE right).
-- Each document copies the scope keys of its owner, so row-level security shows it exactly to
-- the users who see the owner's scope; the API also asks the owner's module (scopeOf).

CREATE SCHEMA documents;
GRANT USAGE ON SCHEMA documents TO raaya_app;

CREATE TABLE documents.documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_type text NOT NULL CHECK (owner_type ~ '^[a-z][a-z0-9_]{1,40}$'),
  owner_id uuid NOT NULL,
  category text NOT NULL CHECK (category ~ '^[a-z][a-z0-9_]{1,40}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = btrim(title)),
  region_id uuid REFERENCES territory.regions(id),
  delegation_id uuid REFERENCES organisation.delegations(id),
  association_id uuid,
  institution_id uuid,
  expires_on date CHECK (expires_on BETWEEN '2000-01-01' AND '2200-12-31'),
  current_version int NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  created_by uuid REFERENCES access.users(id) DEFAULT app.current_user_id(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT documents_some_scope CHECK (num_nonnulls(region_id, delegation_id, association_id, institution_id) > 0)
);
-- Listing by owner, newest first (keyset on created_at, id).
CREATE INDEX documents_owner_idx ON documents.documents (owner_type, owner_id, created_at DESC, id DESC);
-- Deadline sweeps and the "due" page: documents that expire.
CREATE INDEX documents_expiry_idx ON documents.documents (expires_on, id) WHERE expires_on IS NOT NULL;
CREATE INDEX documents_region_idx ON documents.documents (region_id);
CREATE INDEX documents_delegation_idx ON documents.documents (delegation_id);
CREATE INDEX documents_association_idx ON documents.documents (association_id);
CREATE INDEX documents_institution_idx ON documents.documents (institution_id);

CREATE TABLE documents.document_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents.documents(id),
  version int NOT NULL CHECK (version >= 1),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  -- Detected from the bytes, never taken from the client; the allow-list is also in code.
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet')),
  original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255 AND original_name !~ '[/\\\x00-\x1f]'),
  uploaded_by uuid REFERENCES access.users(id) DEFAULT app.current_user_id(),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, version)
);
CREATE INDEX document_versions_sha_idx ON documents.document_versions (sha256);

-- A version is the next one: current_version of its document after the increment.
CREATE FUNCTION documents.check_version_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents.documents d WHERE d.id = NEW.document_id AND d.current_version = NEW.version) THEN
    RAISE EXCEPTION 'version % is not the current version of document %', NEW.version, NEW.document_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'document_versions_version_current';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER document_versions_number BEFORE INSERT ON documents.document_versions
  FOR EACH ROW EXECUTE FUNCTION documents.check_version_number();

-- A delegation-scoped document always carries its region, so region users see it too.
CREATE TRIGGER documents_fill_scope_keys BEFORE INSERT OR UPDATE ON documents.documents
  FOR EACH ROW EXECUTE FUNCTION access.fill_scope_keys();
CREATE TRIGGER documents_touch BEFORE UPDATE ON documents.documents FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER documents_audit AFTER INSERT OR UPDATE OR DELETE ON documents.documents FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER document_versions_audit AFTER INSERT OR UPDATE OR DELETE ON documents.document_versions FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE documents.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents.document_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_in_scope ON documents.documents TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
-- A version is visible with its document (the subquery runs under the documents policy).
CREATE POLICY document_versions_read ON documents.document_versions FOR SELECT TO raaya_app
  USING (EXISTS (SELECT 1 FROM documents.documents d WHERE d.id = document_id));
CREATE POLICY document_versions_add ON documents.document_versions FOR INSERT TO raaya_app
  WITH CHECK (EXISTS (SELECT 1 FROM documents.documents d WHERE d.id = document_id));

GRANT SELECT ON documents.documents, documents.document_versions TO raaya_app;
GRANT INSERT (owner_type, owner_id, category, title, region_id, delegation_id, association_id, institution_id, expires_on)
  ON documents.documents TO raaya_app;
GRANT UPDATE (current_version, title, category, expires_on) ON documents.documents TO raaya_app;
GRANT INSERT (document_id, version, sha256, size, media_type, original_name) ON documents.document_versions TO raaya_app;
