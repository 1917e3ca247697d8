import type { Page, PageQuery } from '../../domain/index.ts'
import { AppError } from '../../domain/index.ts'
import { candidateIdOf, hasRole, hubIdOf } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { type PrivacyRequestView, toPrivacyRequestView } from './privacy-request-view.ts'

function decodeCursor(cursor: string): { dueAt: Date; id: string } {
  const [dueAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const date = new Date(dueAt ?? '')
  if (!id || Number.isNaN(date.getTime()))
    throw new AppError('validation_failed', 'invalid input: query.cursor', [
      { path: 'query.cursor', message: 'not a cursor this list gave' },
    ])
  return { dueAt: date, id }
}

/**
 * Data-subject requests, soonest due first (keyset pages on `(due_at, id)`): all of the hub's for operators
 * (optionally only open ones), the own ones for a candidate.
 */
export async function listPrivacyRequests(
  context: ServiceContext,
  query: PageQuery & { readonly status?: 'open' | 'done' | 'refused' | undefined },
): Promise<Page<PrivacyRequestView>> {
  const { db, actor } = context
  let base = db.selectFrom('privacyRequest').where('hubId', '=', hubIdOf(actor))
  if (!hasRole(actor, 'operator')) base = base.where('candidateId', '=', candidateIdOf(actor) ?? '')
  if (query.status) base = base.where('status', '=', query.status)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
  const direction = query.order
  let rows = base
    .selectAll()
    .orderBy('dueAt', direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
  if (query.cursor) {
    const after = decodeCursor(query.cursor)
    rows = rows.where((eb) =>
      eb.or([
        eb('dueAt', direction === 'asc' ? '>' : '<', after.dueAt),
        eb.and([eb('dueAt', '=', after.dueAt), eb('id', direction === 'asc' ? '>' : '<', after.id)]),
      ]),
    )
  }
  const found = await rows.execute()
  const items = found.slice(0, query.limit).map(toPrivacyRequestView)
  const last = items.at(-1)
  return {
    items,
    nextCursor:
      found.length > query.limit && last
        ? Buffer.from(`${last.dueAt}|${last.id}`).toString('base64url')
        : null,
    total: Number(total.count),
  }
}
