import { type Kysely, sql } from 'kysely'

/**
 * Sign-in hardening: failed-attempt counters per account and per client address (in the database, so that
 * every server of a cluster sees them), single-use password-reset tokens (only their SHA-256 is stored), and
 * each session's last activity for the idle timeout.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sign_in_throttle (
      key text primary key,
      failures integer not null,
      last_failure_at timestamptz not null,
      locked_until timestamptz
    );
    create table password_reset (
      id uuid primary key default gen_random_uuid(),
      user_id text not null references auth_user(id) on delete cascade,
      token_sha256 text not null unique,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      requested_from text
    );
    create index password_reset_user on password_reset(user_id, created_at);
    alter table auth_session add column last_seen_at timestamptz not null default now();
  `.execute(db)
}

/** Reverts `up`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table auth_session drop column if exists last_seen_at;
    drop table if exists password_reset;
    drop table if exists sign_in_throttle;
  `.execute(db)
}
