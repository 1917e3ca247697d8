import { type Kysely, sql } from 'kysely'
import type { Database } from '../../store/index.ts'
import { eraseCandidate } from './erase-candidate.ts'

/** What a purge did. */
export interface ApplicantPurgeReport {
  /** Programs closed for longer than the retention period. */
  readonly programs: number
  /** Applicants whose personal data was erased. */
  readonly erasedCandidates: number
  /** Applicants kept because they take part in a program that is still open or closed more recently. */
  readonly keptCandidates: number
}

/**
 * The retention job: applicants of programs that closed more than `retentionDays` ago (the date of the
 * timeline's `closed` step) have their personal data erased as on a data-subject request (see
 * {@link eraseCandidate}: ids, placements' statutory records and the audit chain stay), unless they also
 * applied to a program that is still open or closed more recently. Idempotent: erased candidates are skipped.
 * Until a job scheduler runs it, `ieum purge` does (daily from cron).
 */
export async function purgeClosedProgramApplicants(
  db: Kysely<Database>,
  options: { readonly now: Date; readonly retentionDays: number },
): Promise<ApplicantPurgeReport> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 24 * 60 * 60 * 1000)
  const cutoffDay = cutoff.toISOString().slice(0, 10)
  // A program is past retention when it is closed and its `closed` step started before the cut-off.
  const expired = sql<boolean>`(program.phase = 'closed' and exists (
    select 1 from jsonb_array_elements(program.timeline) step
    where step->>'phase' = 'closed' and step->>'startsOn' < ${cutoffDay}))`
  const programs = await db.selectFrom('program').select(['id', 'hubId']).where(expired).execute()
  if (programs.length === 0) return { programs: 0, erasedCandidates: 0, keptCandidates: 0 }
  const applicants = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .select(['candidate.id', 'candidate.hubId'])
    .distinct()
    .where(
      'application.programId',
      'in',
      programs.map((program) => program.id),
    )
    .where('candidate.erasedAt', 'is', null)
    .execute()
  let erasedCandidates = 0
  let keptCandidates = 0
  for (const applicant of applicants) {
    const live = await db
      .selectFrom('application')
      .innerJoin('program', 'program.id', 'application.programId')
      .select('application.id')
      .where('application.candidateId', '=', applicant.id)
      .where((eb) => eb.not(expired))
      .executeTakeFirst()
    if (live) {
      keptCandidates++
      continue
    }
    await db.transaction().execute((trx) =>
      eraseCandidate(trx, {
        candidateId: applicant.id,
        hubId: applicant.hubId,
        now: options.now,
        actorUserId: null,
      }),
    )
    erasedCandidates++
  }
  return { programs: programs.length, erasedCandidates, keptCandidates }
}
