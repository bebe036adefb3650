import { sql, type Kysely } from 'kysely';

/**
 * The whole data model of DESIGN.md sections 1–2. Frozen: later changes go in new migrations.
 * Rules live in the database wherever it can hold them (checks, unique partial indexes,
 * foreign keys, the slot counter that can never exceed capacity).
 */
const statements = [
  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issuer text NOT NULL,
    subject text NOT NULL,
    name text NOT NULL DEFAULT '',
    email text,
    avatar_url text,
    is_admin boolean NOT NULL DEFAULT false,
    calendar_feed_token text UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CONSTRAINT users_identity_unique UNIQUE (issuer, subject)
  )`,
  `CREATE TABLE profiles (
    user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    headline text NOT NULL DEFAULT '' CHECK (length(headline) <= 140),
    bio text NOT NULL DEFAULT '' CHECK (length(bio) <= 4000),
    goals text NOT NULL DEFAULT '' CHECK (length(goals) <= 2000),
    skills text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 30),
    industry text NOT NULL DEFAULT '',
    company text NOT NULL DEFAULT '',
    position text NOT NULL DEFAULT '',
    location text NOT NULL DEFAULT '',
    time_zone text,
    languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 10),
    graduation_year integer CHECK (graduation_year BETWEEN 1900 AND 2100),
    programme text NOT NULL DEFAULT '',
    linkedin_url text CHECK (linkedin_url ~ '^https?://'),
    website_url text CHECK (website_url ~ '^https?://'),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE mentor_applications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending'
      CHECK (status IN ('pending', 'approved', 'rejected', 'changes_requested')),
    expertise text[] NOT NULL CHECK (cardinality(expertise) BETWEEN 1 AND 30),
    years_of_experience integer NOT NULL CHECK (years_of_experience BETWEEN 0 AND 70),
    statement text NOT NULL CHECK (length(statement) BETWEEN 1 AND 4000),
    links text[] NOT NULL DEFAULT '{}',
    decision_notes text,
    decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
    decided_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  // One open application per person; a rejected one does not block applying again.
  `CREATE UNIQUE INDEX mentor_applications_one_open ON mentor_applications (user_id)
    WHERE status IN ('pending', 'changes_requested', 'approved')`,
  `CREATE INDEX mentor_applications_queue ON mentor_applications (status, created_at)`,
  `CREATE TABLE mentors (
    user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    application_id uuid REFERENCES mentor_applications(id) ON DELETE SET NULL,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    accepting_mentees boolean NOT NULL DEFAULT true,
    capacity integer NOT NULL DEFAULT 3 CHECK (capacity BETWEEN 1 AND 20),
    away_until date,
    expertise text[] NOT NULL DEFAULT '{}' CHECK (cardinality(expertise) <= 30),
    years_of_experience integer NOT NULL DEFAULT 0 CHECK (years_of_experience BETWEEN 0 AND 70),
    mentoring_bio text NOT NULL DEFAULT '' CHECK (length(mentoring_bio) <= 4000),
    meeting_formats text[] NOT NULL DEFAULT '{video}'
      CHECK (meeting_formats <@ ARRAY['video', 'phone', 'in_person', 'chat']),
    -- active + paused mentorships, kept by a trigger on mentorships; the check makes an
    -- over-capacity accept impossible even if application code forgot the row lock.
    open_mentorships integer NOT NULL DEFAULT 0,
    median_response_hours double precision,
    suspended_at timestamptz,
    suspended_reason text,
    approved_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    search_vector tsvector NOT NULL DEFAULT ''::tsvector,
    -- lower-cased copies for case-insensitive array filters and facet counts
    expertise_keys text[] NOT NULL DEFAULT '{}',
    CONSTRAINT mentors_open_within_capacity CHECK (open_mentorships BETWEEN 0 AND capacity)
  )`,
  `CREATE INDEX mentors_search_vector ON mentors USING gin (search_vector)`,
  `CREATE INDEX mentors_expertise_keys ON mentors USING gin (expertise_keys)`,
  `CREATE INDEX mentors_meeting_formats ON mentors USING gin (meeting_formats)`,
  `CREATE INDEX mentors_listed ON mentors (approved_at DESC, user_id) WHERE status = 'active'`,
  `CREATE INDEX profiles_industry_lower ON profiles (lower(industry))`,
  `CREATE INDEX profiles_languages_lower ON profiles USING gin (languages)`,
  `CREATE TABLE mentorship_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    mentee_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    mentor_id uuid NOT NULL REFERENCES mentors(user_id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending'
      CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
    goals text NOT NULL CHECK (length(goals) BETWEEN 1 AND 2000),
    skills_seeking text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills_seeking) <= 30),
    message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
    decline_reason text CHECK (decline_reason IN
      ('not_enough_time', 'expertise_mismatch', 'better_fit_elsewhere', 'mentor_unavailable', 'other')),
    decline_message text CHECK (length(decline_message) <= 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    responded_at timestamptz,
    reminded_at timestamptz,
    CONSTRAINT requests_not_self CHECK (mentee_id <> mentor_id),
    CONSTRAINT requests_decline_has_reason CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX requests_one_pending_per_pair ON mentorship_requests (mentee_id, mentor_id)
    WHERE status = 'pending'`,
  `CREATE INDEX requests_by_mentor ON mentorship_requests (mentor_id, status, created_at)`,
  `CREATE INDEX requests_by_mentee ON mentorship_requests (mentee_id, status, created_at)`,
  `CREATE INDEX requests_pending_expiry ON mentorship_requests (expires_at) WHERE status = 'pending'`,
  `CREATE TABLE mentorships (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id uuid UNIQUE REFERENCES mentorship_requests(id) ON DELETE SET NULL,
    mentor_id uuid NOT NULL REFERENCES mentors(user_id) ON DELETE CASCADE,
    mentee_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed', 'cancelled')),
    started_at timestamptz NOT NULL DEFAULT now(),
    ended_at timestamptz,
    end_reason text CHECK (length(end_reason) <= 1000),
    target_end_date date,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mentorships_not_self CHECK (mentor_id <> mentee_id),
    CONSTRAINT mentorships_ended CHECK ((status IN ('completed', 'cancelled')) = (ended_at IS NOT NULL)),
    CONSTRAINT mentorships_cancel_reason CHECK (status <> 'cancelled' OR end_reason IS NOT NULL)
  )`,
  `CREATE UNIQUE INDEX mentorships_one_open_per_pair ON mentorships (mentor_id, mentee_id)
    WHERE status IN ('active', 'paused')`,
  `CREATE INDEX mentorships_by_mentee ON mentorships (mentee_id, status)`,
  `CREATE INDEX mentorships_by_mentor ON mentorships (mentor_id, status)`,
  `CREATE TABLE meetings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    starts_at timestamptz NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
    location text CHECK (length(location) <= 300),
    video_url text CHECK (video_url ~ '^https?://'),
    agenda text CHECK (length(agenda) <= 4000),
    status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'completed', 'cancelled')),
    notes text CHECK (length(notes) <= 8000),
    cancel_reason text CHECK (length(cancel_reason) <= 1000),
    sequence integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT meetings_cancel_reason CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
  )`,
  `CREATE INDEX meetings_by_mentorship ON meetings (mentorship_id, starts_at)`,
  `CREATE TABLE milestones (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    due_date date,
    status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'completed')),
    position integer NOT NULL,
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX milestones_by_mentorship ON milestones (mentorship_id, position)`,
  `CREATE TABLE progress_notes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
    author_id uuid REFERENCES users(id) ON DELETE SET NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    progress_percent integer CHECK (progress_percent BETWEEN 0 AND 100),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX progress_notes_by_mentorship ON progress_notes (mentorship_id, created_at)`,
  `CREATE TABLE feedback (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
    author_id uuid REFERENCES users(id) ON DELETE SET NULL,
    subject_id uuid REFERENCES users(id) ON DELETE SET NULL,
    rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT feedback_once UNIQUE (mentorship_id, author_id)
  )`,
  `CREATE INDEX feedback_by_subject ON feedback (subject_id)`,
  `CREATE TABLE conversations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    mentorship_id uuid NOT NULL UNIQUE REFERENCES mentorships(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_message_at timestamptz
  )`,
  `CREATE TABLE messages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigint GENERATED ALWAYS AS IDENTITY,
    conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    sender_id uuid REFERENCES users(id) ON DELETE SET NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT messages_client_id_once UNIQUE (conversation_id, sender_id, client_id)
  )`,
  `CREATE INDEX messages_history ON messages (conversation_id, seq DESC)`,
  `CREATE TABLE conversation_reads (
    conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    last_read_seq bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, user_id)
  )`,
  `CREATE TABLE notifications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    read_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC)`,
  `CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`,
  `CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    type text NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX events_by_user ON events (user_id, id)`,
  `CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid NOT NULL,
    from_state text,
    to_state text,
    details jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX audit_by_entity ON audit_log (entity_type, entity_id, id)`,
  `CREATE TABLE idempotency_keys (
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    scope text NOT NULL,
    resource_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, scope, key)
  )`,

  // Slot counter: every insert or status change of a mentorship adjusts its mentor's count.
  `CREATE FUNCTION mentorships_count_slots() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('active', 'paused') THEN
      UPDATE mentors SET open_mentorships = open_mentorships - 1 WHERE user_id = OLD.mentor_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('active', 'paused') THEN
      UPDATE mentors SET open_mentorships = open_mentorships + 1 WHERE user_id = NEW.mentor_id;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER mentorships_count_slots AFTER INSERT OR DELETE OR UPDATE OF status, mentor_id
    ON mentorships FOR EACH ROW EXECUTE FUNCTION mentorships_count_slots()`,

  // Search document: name (A), headline + expertise (A/B), bios, company, industry (C/D).
  `CREATE FUNCTION mentor_search_document(p_user uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(u.name, '')), 'A')
        || setweight(to_tsvector('english', array_to_string(m.expertise, ' ')), 'A')
        || setweight(to_tsvector('english', coalesce(p.headline, '') || ' ' || coalesce(p.position, '')), 'B')
        || setweight(to_tsvector('english', coalesce(p.company, '') || ' ' || coalesce(p.industry, '')), 'B')
        || setweight(to_tsvector('english', m.mentoring_bio || ' ' || coalesce(p.bio, '')), 'C')
    FROM mentors m JOIN users u ON u.id = m.user_id LEFT JOIN profiles p ON p.user_id = m.user_id
    WHERE m.user_id = p_user
  $$`,
  `CREATE FUNCTION mentors_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.expertise_keys := ARRAY(SELECT lower(e) FROM unnest(NEW.expertise) e);
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER mentors_before_write BEFORE INSERT OR UPDATE OF expertise ON mentors
    FOR EACH ROW EXECUTE FUNCTION mentors_before_write()`,
  `CREATE FUNCTION mentors_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE target uuid;
  BEGIN
    -- NEW.id exists only on users, NEW.user_id only on mentors and profiles: branch, never mix.
    IF TG_TABLE_NAME = 'users' THEN
      target := NEW.id;
    ELSE
      target := NEW.user_id;
    END IF;
    UPDATE mentors SET search_vector = mentor_search_document(target) WHERE user_id = target;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER mentors_refresh_search AFTER INSERT OR UPDATE OF expertise, mentoring_bio ON mentors
    FOR EACH ROW EXECUTE FUNCTION mentors_refresh_search()`,
  `CREATE TRIGGER profiles_refresh_search AFTER INSERT OR UPDATE OF headline, position, company, industry, bio
    ON profiles FOR EACH ROW EXECUTE FUNCTION mentors_refresh_search()`,
  `CREATE TRIGGER users_refresh_search AFTER UPDATE OF name ON users
    FOR EACH ROW EXECUTE FUNCTION mentors_refresh_search()`,

  // UTC offset in hours of an IANA zone now, or NULL for a zone this server does not know.
  `CREATE FUNCTION tz_offset_hours(zone text) RETURNS double precision LANGUAGE plpgsql STABLE AS $$
  BEGIN
    IF zone IS NULL THEN RETURN NULL; END IF;
    RETURN extract(epoch FROM (now() AT TIME ZONE zone) - (now() AT TIME ZONE 'UTC')) / 3600.0;
  EXCEPTION WHEN others THEN
    RETURN NULL;
  END $$`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_keys', 'audit_log', 'events', 'notifications', 'conversation_reads', 'messages',
    'conversations', 'feedback', 'progress_notes', 'milestones', 'meetings', 'mentorships',
    'mentorship_requests', 'mentors', 'mentor_applications', 'profiles', 'users',
  ]) {
    await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
  }
  for (const fn of ['mentorships_count_slots', 'mentor_search_document', 'mentors_before_write', 'mentors_refresh_search', 'tz_offset_hours']) {
    await sql.raw(`DROP FUNCTION IF EXISTS ${fn} CASCADE`).execute(db);
  }
}
