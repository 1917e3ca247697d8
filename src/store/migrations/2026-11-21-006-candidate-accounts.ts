import { type Kysely, sql } from 'kysely'

/**
 * Candidates on their own: consent records from self-registration, a profile-completion mark (a
 * self-registered candidate starts with an empty profile), e-mail delivery state for the outbox (status,
 * attempts, next try, and a claim lease so that no message is sent twice), and each notification's template
 * parameters, so the inbox can show it again in whatever language its reader uses now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consent (
      id uuid primary key default gen_random_uuid(),
      user_id text not null references auth_user(id) on delete cascade,
      purpose text not null check (purpose in ('personal_data_processing')),
      policy_version text not null,
      locale text not null check (locale in ('ko', 'en', 'vi')),
      granted_at timestamptz not null default now(),
      ip_address text
    );
    create index consent_user on consent(user_id, purpose);
    alter table candidate add column profile_completed_at timestamptz default now();
    alter table notification add column delivery_status text not null default 'queued'
      check (delivery_status in ('queued', 'sending', 'sent', 'retry', 'failed'));
    alter table notification add column send_attempts integer not null default 0;
    alter table notification add column next_attempt_at timestamptz;
    alter table notification add column claimed_until timestamptz;
    alter table notification add column params jsonb;
    update notification set delivery_status = 'sent' where sent_at is not null;
    create index notification_delivery on notification(delivery_status, next_attempt_at)
      where delivery_status in ('queued', 'sending', 'retry');
    create index notification_unread on notification(user_id) where read_at is null;
  `.execute(db)
}

/** Reverts `up`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists notification_unread;
    drop index if exists notification_delivery;
    alter table notification drop column if exists params;
    alter table notification drop column if exists claimed_until;
    alter table notification drop column if exists next_attempt_at;
    alter table notification drop column if exists send_attempts;
    alter table notification drop column if exists delivery_status;
    alter table candidate drop column if exists profile_completed_at;
    drop table if exists consent;
  `.execute(db)
}
