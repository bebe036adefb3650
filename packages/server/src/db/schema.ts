import type {
  ApplicationStatus, EnrolmentRole, MailKind, MilestoneTemplate, ProgrammeMatchingMode, MailStatus, MeetingStatus, MentorshipStatus, MentorStatus, MilestoneStatus, NotificationKind, RequestStatus,
} from '@mentorkit/contract';
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

/** `timestamptz`: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date`: read as `YYYY-MM-DD` (see the type parsers in connect.ts). */
type DateOnly = ColumnType<string, string, string>;
/** `bigint` identity: pg returns strings; the repositories convert. */
type BigIntId = ColumnType<string, never, never>;

export interface UsersTable {
  id: Generated<string>;
  issuer: string;
  subject: string;
  name: Generated<string>;
  email: string | null;
  avatar_url: string | null;
  is_admin: Generated<boolean>;
  calendar_feed_token: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  deleted_at: Timestamp | null;
}

export interface ProfilesTable {
  user_id: string;
  headline: Generated<string>;
  bio: Generated<string>;
  goals: Generated<string>;
  skills: Generated<string[]>;
  industry: Generated<string>;
  company: Generated<string>;
  position: Generated<string>;
  location: Generated<string>;
  time_zone: string | null;
  languages: Generated<string[]>;
  graduation_year: number | null;
  programme: Generated<string>;
  linkedin_url: string | null;
  website_url: string | null;
  updated_at: DefaultTimestamp;
}

export interface MentorApplicationsTable {
  id: Generated<string>;
  user_id: string;
  status: Generated<ApplicationStatus>;
  expertise: string[];
  years_of_experience: number;
  statement: string;
  links: Generated<string[]>;
  decision_notes: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MentorsTable {
  user_id: string;
  application_id: string | null;
  status: Generated<MentorStatus>;
  accepting_mentees: Generated<boolean>;
  capacity: Generated<number>;
  away_until: DateOnly | null;
  expertise: Generated<string[]>;
  years_of_experience: Generated<number>;
  mentoring_bio: Generated<string>;
  meeting_formats: Generated<string[]>;
  open_mentorships: ColumnType<number, never, never>;
  median_response_hours: number | null;
  suspended_at: Timestamp | null;
  suspended_reason: string | null;
  approved_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  search_vector: ColumnType<string, never, never>;
  expertise_keys: ColumnType<string[], never, never>;
  /** Copied from users/profiles by triggers (migration 0004) so search reads one table. */
  listed: ColumnType<boolean, never, never>;
  industry: ColumnType<string, never, never>;
  industry_key: ColumnType<string, never, never>;
  language_keys: ColumnType<string[], never, never>;
  location: ColumnType<string, never, never>;
  graduation_year: ColumnType<number | null, never, never>;
  time_zone: ColumnType<string | null, never, never>;
  programme_key: ColumnType<string, never, never>;
  expertise_words: ColumnType<string[], never, never>;
}

export interface MentorshipRequestsTable {
  id: Generated<string>;
  mentee_id: string;
  mentor_id: string;
  status: Generated<RequestStatus>;
  goals: string;
  skills_seeking: Generated<string[]>;
  message: Generated<string>;
  decline_reason: string | null;
  decline_message: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  responded_at: Timestamp | null;
  reminded_at: Timestamp | null;
  programme_id: string | null;
  /** Made by an admin's programme match on the mentee's behalf. */
  introduced: Generated<boolean>;
}

export interface MentorshipsTable {
  id: Generated<string>;
  request_id: string | null;
  mentor_id: string;
  mentee_id: string;
  status: Generated<MentorshipStatus>;
  started_at: DefaultTimestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  target_end_date: DateOnly | null;
  updated_at: DefaultTimestamp;
  programme_id: string | null;
}

export interface MeetingsTable {
  id: Generated<string>;
  mentorship_id: string;
  created_by: string | null;
  title: string;
  starts_at: Timestamp;
  duration_minutes: number;
  location: string | null;
  video_url: string | null;
  agenda: string | null;
  status: Generated<MeetingStatus>;
  notes: string | null;
  cancel_reason: string | null;
  sequence: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MilestonesTable {
  id: Generated<string>;
  mentorship_id: string;
  title: string;
  description: Generated<string>;
  due_date: DateOnly | null;
  status: Generated<MilestoneStatus>;
  position: number;
  completed_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProgressNotesTable {
  id: Generated<string>;
  mentorship_id: string;
  author_id: string | null;
  body: string;
  progress_percent: number | null;
  created_at: DefaultTimestamp;
}

export interface FeedbackTable {
  id: Generated<string>;
  mentorship_id: string;
  author_id: string | null;
  subject_id: string | null;
  rating: number;
  comment: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface ConversationsTable {
  id: Generated<string>;
  mentorship_id: string;
  created_at: DefaultTimestamp;
  last_message_at: Timestamp | null;
}

export interface MessagesTable {
  id: Generated<string>;
  seq: BigIntId;
  conversation_id: string;
  sender_id: string | null;
  body: string;
  client_id: string;
  created_at: DefaultTimestamp;
}

export interface ConversationReadsTable {
  conversation_id: string;
  user_id: string;
  last_read_seq: ColumnType<string, string | number, string | number>;
  updated_at: DefaultTimestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: NotificationKind;
  /** The kind's `NotificationDataMap` entry, as JSON (see `toNotification`). */
  data: ColumnType<Record<string, unknown>, string, string>;
  read_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface EventsTable {
  id: BigIntId;
  /** The per-user stream cursor, numbered at commit (migration 0003); null only inside the writing transaction. */
  position: ColumnType<string | null, never, never>;
  user_id: string;
  type: string;
  data: ColumnType<unknown, string, string>;
  created_at: DefaultTimestamp;
}

export interface AuditLogTable {
  id: BigIntId;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  from_state: string | null;
  to_state: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: DefaultTimestamp;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  scope: string;
  resource_id: string;
  created_at: DefaultTimestamp;
}

/** Mail waiting for, or done with, the worker (migration 0005). */
export interface EmailOutboxTable {
  id: Generated<string>;
  user_id: string;
  kind: MailKind;
  template: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  dedupe_key: string | null;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  claimed_by: string | null;
  recipient: string | null;
  last_error: string | null;
  smtp_response: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  sent_at: Timestamp | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  language: Generated<string>;
  disabled_kinds: Generated<string[]>;
  updated_at: DefaultTimestamp;
}

/** Migrations 0007–0008: the sum of `n` changes whenever anything a search answer shows does (search's cache key). */
export interface SearchGenerationTable {
  shard: Generated<string>;
  n: Generated<string>;
}

/** Migration 0011: cohorts (DESIGN §3b). */
export interface ProgrammesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  starts_on: DateOnly;
  ends_on: DateOnly;
  enrolment_closes_on: DateOnly | null;
  matching: ProgrammeMatchingMode;
  milestone_template: MilestoneTemplate | null;
  max_mentees_per_mentor: number | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProgrammeEnrolmentsTable {
  programme_id: string;
  user_id: string;
  role: EnrolmentRole;
  goals: Generated<string>;
  enrolled_at: DefaultTimestamp;
}

export interface Database {
  programmes: ProgrammesTable;
  programme_enrolments: ProgrammeEnrolmentsTable;
  users: UsersTable;
  profiles: ProfilesTable;
  mentor_applications: MentorApplicationsTable;
  mentors: MentorsTable;
  search_generation: SearchGenerationTable;
  mentorship_requests: MentorshipRequestsTable;
  mentorships: MentorshipsTable;
  meetings: MeetingsTable;
  milestones: MilestonesTable;
  progress_notes: ProgressNotesTable;
  feedback: FeedbackTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  conversation_reads: ConversationReadsTable;
  notifications: NotificationsTable;
  events: EventsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  email_outbox: EmailOutboxTable;
  notification_preferences: NotificationPreferencesTable;
}

export type UserRow = Selectable<UsersTable>;
export type ProfileRow = Selectable<ProfilesTable>;
export type MentorRow = Selectable<MentorsTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

/** The database or a transaction on it: what repositories and services take. */
export type Db = Kysely<Database> | Transaction<Database>;
