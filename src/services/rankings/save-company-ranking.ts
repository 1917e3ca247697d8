import {
  AppError,
  RANKABLE_APPLICATION_STATUSES,
  type RankEntry,
  type RankingView,
} from '../../domain/index.ts'
import { requireCompanyAccess, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { checkRankEntries } from './check-rank-entries.ts'
import { getCompanyRanking } from './get-company-ranking.ts'
import { isRankingFrozen } from './is-ranking-frozen.ts'
import { readRanking } from './read-ranking.ts'
import { requireOwnProgramPosition } from './require-own-program-position.ts'
import { writeRanking } from './write-ranking.ts'

/**
 * Throws when a company's list names applicants who take no part in the match: `application_ineligible`
 * when any was found not eligible, else `application_inactive` (withdrawn), naming every such entry. The
 * match would drop them silently; refusing tells the company now, while it can still rank someone else.
 */
function refuseUnrankableApplicants(
  entries: readonly RankEntry[],
  statusOf: ReadonlyMap<string, string>,
): void {
  const rankable: readonly string[] = RANKABLE_APPLICATION_STATUSES
  const issues: { path: string; message: string }[] = []
  let hasIneligible = false
  entries.forEach((entry, index) => {
    for (const id of typeof entry === 'string' ? [entry] : entry) {
      const status = statusOf.get(id)
      if (status === undefined || rankable.includes(status)) continue
      hasIneligible ||= status === 'ineligible'
      const why = status === 'ineligible' ? 'is not eligible' : 'withdrew their application'
      issues.push({ path: `body.entries.${index}`, message: `ranking[${index}]: applicant ${id} ${why}` })
    }
  })
  if (issues.length === 0) return
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  throw new AppError(
    hasIneligible ? 'application_ineligible' : 'application_inactive',
    `${issues[0]!.message}${more}: only eligible applicants can be ranked; remove them and save again`,
    issues,
  )
}

/**
 * Saves a company's rank list of the program's applicants; tied applicants share an inner array. An empty
 * list removes the stored one, so the company (or position) counts as not having ranked: the match then
 * uses the company's list or the score-derived ranking, never "nobody is acceptable".
 */
export async function saveCompanyRanking(
  context: ServiceContext,
  programId: string,
  companyId: string,
  entries: readonly RankEntry[],
  positionId: string | null = null,
): Promise<RankingView> {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company')
  requireCompanyAccess(actor, companyId, 'company')
  const program = await getProgram(context, programId)
  if (isRankingFrozen(program.phase)) {
    throw new AppError('phase_closed', 'rank lists of this program are frozen and can no longer change')
  }
  if (positionId) await requireOwnProgramPosition(db, programId, companyId, positionId)
  const applicants = await db
    .selectFrom('application')
    .select(['candidateId', 'status'])
    .where('programId', '=', programId)
    .execute()
  const statusOf = new Map(applicants.map((a) => [a.candidateId, a.status]))
  checkRankEntries(entries, new Set(statusOf.keys()), 'applicant')
  refuseUnrankableApplicants(entries, statusOf)
  const key = { programId, side: 'company' as const, candidateId: null, companyId, positionId }
  if (entries.length === 0) {
    const existing = await readRanking(db, { programId, side: 'company', companyId, positionId })
    if (existing) await db.deleteFrom('ranking').where('id', '=', existing.id).execute()
  } else {
    await writeRanking(db, context.now(), key, entries)
  }
  return getCompanyRanking(context, programId, companyId, positionId)
}
