import { type Kysely, sql } from 'kysely'

/** The first schema: hubs, accounts (better-auth tables), companies, positions, candidates, programs,
 * applications, rankings, match runs, placements and the audit log. SQL that runs on PostgreSQL 15 and PGlite. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hub (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      slug text not null unique,
      created_at timestamptz not null default now()
    );
    create table auth_user (
      id text primary key,
      name text not null,
      email text not null unique,
      email_verified boolean not null default false,
      image text,
      locale text check (locale in ('ko', 'en', 'vi')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table auth_session (
      id text primary key,
      user_id text not null references auth_user(id) on delete cascade,
      token text not null unique,
      expires_at timestamptz not null,
      ip_address text,
      user_agent text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index auth_session_user on auth_session(user_id);
    create table auth_account (
      id text primary key,
      user_id text not null references auth_user(id) on delete cascade,
      account_id text not null,
      provider_id text not null,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index auth_account_user on auth_account(user_id);
    create table auth_verification (
      id text primary key,
      identifier text not null,
      value text not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table company (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references hub(id) on delete cascade,
      external_key text,
      name text not null,
      domain text not null,
      size text not null,
      location text not null,
      description text not null default '',
      website text,
      is_verified boolean not null default false,
      created_at timestamptz not null default now(),
      unique (hub_id, external_key)
    );
    create table candidate (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references hub(id) on delete cascade,
      user_id text unique references auth_user(id) on delete set null,
      external_key text,
      full_name text not null,
      email text not null,
      nationality char(2) not null,
      residence_country char(2) not null,
      city text not null,
      time_zone text not null,
      languages jsonb not null default '[]',
      education jsonb not null default '[]',
      skills jsonb not null default '[]',
      experience jsonb not null default '[]',
      links jsonb not null default '[]',
      available_from date,
      available_to date,
      hours_per_week integer not null default 40,
      work_mode_preference jsonb not null default '["remote","onsite","hybrid"]',
      visa_status text not null,
      cv_text text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (hub_id, external_key)
    );
    create table role_grant (
      id uuid primary key default gen_random_uuid(),
      user_id text not null references auth_user(id) on delete cascade,
      role text not null check (role in ('operator', 'company', 'candidate', 'reviewer')),
      hub_id uuid not null references hub(id) on delete cascade,
      company_id uuid references company(id) on delete cascade,
      candidate_id uuid references candidate(id) on delete cascade,
      check ((role = 'company') = (company_id is not null)),
      check ((role = 'candidate') = (candidate_id is not null))
    );
    create index role_grant_user on role_grant(user_id);
    create table position (
      id uuid primary key default gen_random_uuid(),
      company_id uuid not null references company(id) on delete cascade,
      external_key text,
      kind text not null,
      title text not null,
      description text not null default '',
      required_skills jsonb not null default '[]',
      preferred_skills jsonb not null default '[]',
      languages jsonb not null default '[]',
      work_mode text not null check (work_mode in ('remote', 'onsite', 'hybrid')),
      location text not null,
      time_zone text not null,
      start_date date,
      end_date date,
      hours_per_week integer not null,
      capacity integer not null check (capacity >= 0),
      stipend_krw integer,
      subsidy_krw integer,
      created_at timestamptz not null default now(),
      unique (company_id, external_key)
    );
    create table program (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references hub(id) on delete cascade,
      kind text not null,
      title text not null,
      description text not null default '',
      phase text not null,
      timeline jsonb not null default '[]',
      capacity integer not null check (capacity >= 0),
      matching_config jsonb not null,
      created_at timestamptz not null default now()
    );
    create table program_position (
      program_id uuid not null references program(id) on delete cascade,
      position_id uuid not null references position(id) on delete cascade,
      capacity integer check (capacity >= 0),
      primary key (program_id, position_id)
    );
    create table application (
      id uuid primary key default gen_random_uuid(),
      program_id uuid not null references program(id) on delete cascade,
      candidate_id uuid not null references candidate(id) on delete cascade,
      status text not null check (status in ('submitted', 'eligible', 'ineligible', 'withdrawn')),
      motivation text not null default '',
      submitted_at timestamptz not null default now(),
      unique (program_id, candidate_id)
    );
    create table ranking (
      id uuid primary key default gen_random_uuid(),
      program_id uuid not null references program(id) on delete cascade,
      side text not null check (side in ('candidate', 'company')),
      candidate_id uuid references candidate(id) on delete cascade,
      company_id uuid references company(id) on delete cascade,
      position_id uuid references position(id) on delete cascade,
      entries jsonb not null,
      updated_at timestamptz not null default now()
    );
    create unique index ranking_owner on ranking(program_id, side, coalesce(candidate_id::text, ''), coalesce(company_id::text, ''), coalesce(position_id::text, ''));
    create table match_run (
      id uuid primary key default gen_random_uuid(),
      program_id uuid not null references program(id) on delete cascade,
      round integer not null,
      mechanism text not null,
      seed integer not null,
      status text not null check (status in ('draft', 'published', 'superseded')),
      engine_version text not null,
      market jsonb not null,
      result jsonb not null,
      created_by text references auth_user(id) on delete set null,
      created_at timestamptz not null default now(),
      published_at timestamptz
    );
    create table placement (
      id uuid primary key default gen_random_uuid(),
      program_id uuid not null references program(id) on delete cascade,
      match_run_id uuid not null references match_run(id) on delete cascade,
      candidate_id uuid not null references candidate(id) on delete cascade,
      position_id uuid not null references position(id) on delete cascade,
      status text not null check (status in ('offered', 'accepted', 'declined', 'expired')),
      decided_at timestamptz
    );
    create table audit_log (
      id uuid primary key default gen_random_uuid(),
      at timestamptz not null default now(),
      actor_user_id text,
      action text not null,
      entity_type text not null,
      entity_id text,
      detail jsonb not null default '{}'
    );
    create index audit_log_entity on audit_log(entity_type, entity_id);
  `.execute(db)
}

/** Drops everything `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists audit_log, placement, match_run, ranking, application, program_position, program,
      position, role_grant, candidate, company, auth_verification, auth_account, auth_session, auth_user, hub cascade;
  `.execute(db)
}
