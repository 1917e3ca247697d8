import { type Kysely, sql } from 'kysely'

/** The program journey: eligibility rules and verdicts, placements per round, notifications outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table program add column eligibility_rules jsonb not null default '[]';
    alter table application add column eligibility jsonb;
    alter table application add column override_reason text;
    alter table application add column overridden_by text references auth_user(id) on delete set null;
    alter table placement add column round integer not null default 1;
    alter table placement add column created_at timestamptz not null default now();
    create unique index placement_run_candidate on placement(match_run_id, candidate_id);
    create index placement_program on placement(program_id, status);
    create table notification (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references hub(id) on delete cascade,
      user_id text references auth_user(id) on delete cascade,
      email text not null,
      locale text not null,
      kind text not null,
      subject text not null,
      body text not null,
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      sent_at timestamptz,
      send_error text
    );
    create index notification_user on notification(user_id, created_at);
    create index notification_hub on notification(hub_id, created_at);
  `.execute(db)
}

/** Reverts `up`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists notification;
    drop index if exists placement_program;
    drop index if exists placement_run_candidate;
    alter table placement drop column if exists created_at;
    alter table placement drop column if exists round;
    alter table application drop column if exists overridden_by;
    alter table application drop column if exists override_reason;
    alter table application drop column if exists eligibility;
    alter table program drop column if exists eligibility_rules;
  `.execute(db)
}
