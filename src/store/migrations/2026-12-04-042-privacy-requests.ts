import { type Kysely, sql } from 'kysely'

/**
 * Data-subject rights (PIPA Arts. 35–37-2, GDPR Arts. 15, 17, 20, 22): requests with their 10-day due date
 * and the operator's answer, consent withdrawal, the mark of an erased candidate, and the records a statute
 * requires to keep after erasure (placements behind subsidies), kept apart with their legal basis.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table privacy_request (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references hub(id) on delete cascade,
      candidate_id uuid not null references candidate(id) on delete cascade,
      kind text not null check (kind in ('erasure', 'withdraw_consent', 'human_review')),
      subject text not null default '',
      note text not null default '',
      status text not null default 'open' check (status in ('open', 'done', 'refused')),
      created_at timestamptz not null,
      due_at timestamptz not null,
      answered_at timestamptz,
      answered_by text references auth_user(id) on delete set null,
      answer text not null default ''
    );
    create index privacy_request_hub on privacy_request(hub_id, status, due_at, id);
    create index privacy_request_candidate on privacy_request(candidate_id, created_at);
    alter table consent add column withdrawn_at timestamptz;
    alter table candidate add column erased_at timestamptz;
    create table statutory_record (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references hub(id) on delete cascade,
      subject_ref text not null,
      kind text not null,
      record jsonb not null,
      legal_basis text not null,
      kept_until date not null,
      created_at timestamptz not null
    );
  `.execute(db)
}

/** Reverts `up`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists statutory_record;
    alter table candidate drop column if exists erased_at;
    alter table consent drop column if exists withdrawn_at;
    drop table if exists privacy_request;
  `.execute(db)
}
