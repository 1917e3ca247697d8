import { type Kysely, sql } from 'kysely'

/**
 * Invitations: an operator invites a person by e-mail to a role (company member of one company, reviewer,
 * operator, or candidate linked to a candidate record). Only the SHA-256 of the token is stored. The status
 * (pending / accepted / expired / revoked) is derived from the timestamps, so it never goes stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table invitation (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references hub(id) on delete cascade,
      email text not null,
      name text not null default '',
      role text not null check (role in ('operator', 'company', 'candidate', 'reviewer')),
      company_id uuid references company(id) on delete cascade,
      candidate_id uuid references candidate(id) on delete cascade,
      locale text not null check (locale in ('ko', 'en', 'vi')),
      token_sha256 text not null unique,
      expires_at timestamptz not null,
      created_by text references auth_user(id) on delete set null,
      created_at timestamptz not null default now(),
      sent_count integer not null default 1,
      last_sent_at timestamptz not null default now(),
      accepted_at timestamptz,
      accepted_user_id text references auth_user(id) on delete set null,
      consented_at timestamptz,
      revoked_at timestamptz,
      revoked_by text references auth_user(id) on delete set null,
      check ((role = 'company') = (company_id is not null)),
      check ((role = 'candidate') = (candidate_id is not null)),
      check (accepted_at is null or revoked_at is null)
    );
    create index invitation_hub on invitation(hub_id, created_at);
    create index invitation_email on invitation(hub_id, email);
    create index invitation_candidate on invitation(candidate_id);
  `.execute(db)
}

/** Reverts `up`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists invitation`.execute(db)
}
