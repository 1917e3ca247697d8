import { type Kysely, sql } from 'kysely'

/** Match runs keep their market and result files byte for byte (jsonb would reorder keys), with digests. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table match_run alter column market type text using market::text;
    alter table match_run alter column result type text using result::text;
    alter table match_run add column market_sha256 text not null default '';
    alter table match_run add column result_sha256 text not null default '';
    alter table match_run add column options text not null default '{}';
    create index match_run_program on match_run(program_id, round, status);
  `.execute(db)
}

/** Reverts `up`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists match_run_program;
    alter table match_run drop column if exists options;
    alter table match_run drop column if exists result_sha256;
    alter table match_run drop column if exists market_sha256;
    alter table match_run alter column result type jsonb using result::jsonb;
    alter table match_run alter column market type jsonb using market::jsonb;
  `.execute(db)
}
