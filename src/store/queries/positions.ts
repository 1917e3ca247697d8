import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'

/** A position's title with its company: what lists, notifications and exports show for a position id. */
export interface PositionLabel {
  readonly id: string
  readonly title: string
  readonly companyId: string
  readonly companyName: string
}

/** Title and company of the positions with these ids (none asked, no query). */
export async function listPositionLabels(
  db: Kysely<Database>,
  positionIds: readonly string[],
): Promise<PositionLabel[]> {
  if (positionIds.length === 0) return []
  return db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .select(['position.id', 'position.title', 'company.id as companyId', 'company.name as companyName'])
    .where('position.id', 'in', [...positionIds])
    .execute()
}

/** The position row with this id if its company belongs to the hub, else undefined. */
export async function findPositionInHub(db: Kysely<Database>, hubId: string, positionId: string) {
  return db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .selectAll('position')
    .where('position.id', '=', positionId)
    .where('company.hubId', '=', hubId)
    .executeTakeFirst()
}

/** Which of these position ids belong to companies of the hub (none asked, no query). */
export async function listPositionIdsInHub(
  db: Kysely<Database>,
  hubId: string,
  positionIds: readonly string[],
): Promise<string[]> {
  if (positionIds.length === 0) return []
  const rows = await db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .select('position.id')
    .where('position.id', 'in', [...positionIds])
    .where('company.hubId', '=', hubId)
    .execute()
  return rows.map((row) => row.id)
}

/** The hub's positions with these external keys: id, key and company (none asked, no query). */
export async function listPositionsByExternalKeyInHub(
  db: Kysely<Database>,
  hubId: string,
  externalKeys: readonly string[],
) {
  if (externalKeys.length === 0) return []
  return db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .select(['position.id', 'position.externalKey', 'position.companyId'])
    .where('company.hubId', '=', hubId)
    .where('position.externalKey', 'in', [...externalKeys])
    .execute()
}
