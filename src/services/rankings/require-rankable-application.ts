import type { Kysely } from 'kysely'
import { AppError, type AppErrorIssue, type EligibilityVerdict, type UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { describeEligibilityReason } from '../eligibility/index.ts'

/** The unmet reasons of a stored verdict as issues (`eligibility.<rule>`), each written in `locale`. */
export function describeUnmetReasons(verdict: EligibilityVerdict | null, locale: UiLocale): AppErrorIssue[] {
  if (!verdict) return []
  return verdict.reasons
    .filter((reason) => !reason.isMet)
    .map((reason) => ({
      path: `eligibility.${reason.ruleId ?? reason.kind}`,
      message: describeEligibilityReason(reason, locale),
    }))
}

/**
 * Throws unless the candidate has an application to the program that takes part in the match: none or a
 * withdrawn one is `application_inactive`; one found not eligible (by the check or an operator) is
 * `application_ineligible`, with the stored verdict's unmet reasons as issues written in `locale`. An
 * operator override to eligible makes it pass again.
 */
export async function requireRankableApplication(
  db: Kysely<Database>,
  programId: string,
  candidateId: string | null,
  locale: UiLocale = 'en',
): Promise<void> {
  const application =
    candidateId === null
      ? undefined
      : await db
          .selectFrom('application')
          .select(['status', 'eligibility', 'overrideReason'])
          .where('programId', '=', programId)
          .where('candidateId', '=', candidateId)
          .executeTakeFirst()
  if (!application) {
    throw new AppError(
      'application_inactive',
      'you have not applied to this program; apply while its call is open to rank positions and see recommendations',
    )
  }
  if (application.status === 'withdrawn') {
    throw new AppError(
      'application_inactive',
      'you withdrew your application to this program; a withdrawn application takes no part in ranking or the match',
    )
  }
  if (application.status === 'ineligible') {
    const issues = describeUnmetReasons(application.eligibility as EligibilityVerdict | null, locale)
    const why =
      application.overrideReason !== null
        ? 'the hub decided that your application is not eligible'
        : issues.length > 0
          ? `your application was found not eligible: ${issues.map((issue) => issue.message).join(' ')}`
          : 'your application was found not eligible'
    throw new AppError(
      'application_ineligible',
      `${why}; only eligible applicants rank positions and take part in the match`,
      issues,
    )
  }
}
