import { type Kysely, sql } from 'kysely'

/**
 * The audit log becomes per hub, append-only and hash-chained: every row names its hub; a sealer gives each
 * row of a hub the next sequence number, the previous row's hash and its own (SHA-256 over the previous hash
 * and the row's content); `audit_chain_head` holds each hub's last link and `audit_anchor` the link that
 * purged rows ended with, so the chain stays verifiable after retention purges. A trigger refuses UPDATE
 * (except sealing an unsealed row) and DELETE (except a purge, which sets `ieum.audit_purge`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log add column hub_id uuid;
    update audit_log set hub_id = coalesce(
      (select g.hub_id from role_grant g where g.user_id = audit_log.actor_user_id limit 1),
      (select h.id from hub h order by h.created_at limit 1)
    );
    delete from audit_log where hub_id is null;
    alter table audit_log alter column hub_id set not null;
    alter table audit_log add column seq bigint;
    alter table audit_log add column prev_hash text;
    alter table audit_log add column row_hash text;
    create unique index audit_log_chain on audit_log(hub_id, seq);
    create index audit_log_unsealed on audit_log(hub_id, at) where seq is null;
    create index audit_log_hub_at on audit_log(hub_id, at);
    create table audit_chain_head (
      hub_id uuid primary key,
      last_seq bigint not null,
      last_hash text not null
    );
    create table audit_anchor (
      hub_id uuid primary key,
      seq bigint not null,
      row_hash text not null,
      purged_at timestamptz not null,
      purged_rows bigint not null
    );
    create function audit_log_append_only() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'DELETE' then
        if current_setting('ieum.audit_purge', true) = 'on' then return old; end if;
        raise exception 'audit_log is append-only: rows cannot be deleted';
      end if;
      if old.row_hash is null and new.row_hash is not null
        and (new.hub_id, new.at, new.actor_user_id, new.action, new.entity_type, new.entity_id, new.detail)
          is not distinct from
            (old.hub_id, old.at, old.actor_user_id, old.action, old.entity_type, old.entity_id, old.detail)
      then return new; end if;
      raise exception 'audit_log is append-only: rows cannot be changed';
    end
    $fn$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only();
  `.execute(db)
}

/** Reverts `up`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists audit_log_append_only on audit_log;
    drop function if exists audit_log_append_only();
    drop table if exists audit_anchor;
    drop table if exists audit_chain_head;
    drop index if exists audit_log_hub_at;
    drop index if exists audit_log_unsealed;
    drop index if exists audit_log_chain;
    alter table audit_log drop column if exists row_hash;
    alter table audit_log drop column if exists prev_hash;
    alter table audit_log drop column if exists seq;
    alter table audit_log drop column if exists hub_id;
  `.execute(db)
}
