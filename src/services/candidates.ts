import {
  AppError,
  type Application,
  type Candidate,
  type CandidateInput,
  type CvProfileSuggestion,
  type DEGREES,
  type EligibilityVerdict,
  type LanguageLevel,
  type OwnProfile,
  type OwnProgramEligibility,
  type Program,
  type RequiredProfileField,
  type SkillLabel,
  type UiLocale,
  VISA_STATUSES,
} from '../domain/index.ts'
import { extractCandidateProfile, SKILL_TAXONOMY } from '../scoring/index.ts'
import {
  findProgramPositionSpan,
  fromCandidateInput,
  loadProgramEligibilityRules,
  toApplication,
  toCandidate,
  toCandidateValues,
} from '../store/index.ts'
import { candidateIdOf, companyIdsOf, hasRole, hubIdOf, requireRole } from './access/index.ts'
import { UNKNOWN_COUNTRY } from './accounts/index.ts'
import { applyToProgram } from './applications/index.ts'
import { recordAudit } from './audit/index.ts'
import { evaluateEligibility, localizeEligibilityVerdict } from './eligibility/index.ts'
import { queueNotifications } from './notifications.ts'
import { getProgram } from './programs/index.ts'
import { isRankingFrozen } from './rankings.ts'
import type { ServiceContext } from './service-context.ts'

/** The fields of a candidate shown in lists. */
export interface CandidateSummary {
  readonly id: string
  readonly fullName: string
  readonly nationality: string
  readonly residenceCountry: string
  readonly city: string
  readonly skills: Candidate['skills']
  readonly languages: Candidate['languages']
}

/** The hub's candidates as summaries (operators and reviewers); the read is audited. */
export async function listCandidates({ db, actor }: ServiceContext): Promise<CandidateSummary[]> {
  requireRole(actor, 'operator', 'reviewer')
  const rows = await db
    .selectFrom('candidate')
    .select(['id', 'fullName', 'nationality', 'residenceCountry', 'city', 'skills', 'languages'])
    .where('hubId', '=', hubIdOf(actor))
    .orderBy('fullName')
    .execute()
  await recordAudit(db, actor, [
    { action: 'read', entityType: 'candidate', entityId: null, detail: { list: rows.length } },
  ])
  return rows.map((row) => ({
    ...row,
    skills: row.skills as Candidate['skills'],
    languages: row.languages as Candidate['languages'],
  }))
}

/**
 * Whether a company member may see a candidate: only one who applied to a program in which the
 * member's company offers a position.
 */
async function isApplicantOfOwnCompany({ db, actor }: ServiceContext, candidateId: string): Promise<boolean> {
  const companyIds = companyIdsOf(actor)
  if (companyIds.length === 0) return false
  const row = await db
    .selectFrom('application')
    .innerJoin('programPosition', 'programPosition.programId', 'application.programId')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select('application.id')
    .where('application.candidateId', '=', candidateId)
    .where('position.companyId', 'in', companyIds)
    .executeTakeFirst()
  return row !== undefined
}

/** One candidate's full profile, for the candidate, operators, reviewers and companies they applied to. Audited. */
export async function getCandidate(context: ServiceContext, candidateId: string): Promise<Candidate> {
  const { db, actor } = context
  const isAllowed =
    hasRole(actor, 'operator') ||
    hasRole(actor, 'reviewer') ||
    candidateIdOf(actor) === candidateId ||
    (hasRole(actor, 'company') && (await isApplicantOfOwnCompany(context, candidateId)))
  const row = isAllowed
    ? await db
        .selectFrom('candidate')
        .selectAll()
        .where('id', '=', candidateId)
        .where('hubId', '=', hubIdOf(actor))
        .executeTakeFirst()
    : undefined
  if (!row) throw new AppError('not_found', `no candidate ${candidateId}`)
  await recordAudit(db, actor, [{ action: 'read', entityType: 'candidate', entityId: candidateId }])
  return toCandidate(row)
}

/** The signed-in candidate's own profile. */
export async function getOwnCandidate(context: ServiceContext): Promise<Candidate> {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  return getCandidate(context, candidateId)
}

/** Registers a candidate in the operator's hub. Audited. */
export async function createCandidate(
  { db, actor }: ServiceContext,
  input: CandidateInput,
): Promise<Candidate> {
  requireRole(actor, 'operator')
  const row = await db
    .insertInto('candidate')
    .values(toCandidateValues(hubIdOf(actor), input))
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, [{ action: 'create', entityType: 'candidate', entityId: row.id }])
  return toCandidate(row)
}

/** Changes a candidate's profile (the candidate themself or an operator). Audited with the changed fields. */
export async function updateCandidate(
  context: ServiceContext,
  candidateId: string,
  patch: Partial<CandidateInput>,
): Promise<Candidate> {
  const { db, actor } = context
  if (!hasRole(actor, 'operator') && candidateIdOf(actor) !== candidateId) {
    throw new AppError('not_found', `no candidate ${candidateId}`)
  }
  const values = fromCandidateInput(patch)
  if (!hasRole(actor, 'operator')) delete (values as { externalKey?: string }).externalKey
  const row = await db
    .updateTable('candidate')
    .set({ ...values, updatedAt: context.now() })
    .where('id', '=', candidateId)
    .where('hubId', '=', hubIdOf(actor))
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no candidate ${candidateId}`)
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'candidate',
      entityId: candidateId,
      detail: { fields: Object.keys(values) },
    },
  ])
  return toCandidate(row)
}

/** Which required fields of a profile still hold the placeholders registration put there. */
export function findMissingProfileFields(
  candidate: Pick<Candidate, 'nationality' | 'residenceCountry' | 'city' | 'visaStatus'>,
): RequiredProfileField[] {
  const missing: RequiredProfileField[] = []
  if (candidate.nationality === UNKNOWN_COUNTRY) missing.push('nationality')
  if (candidate.residenceCountry === UNKNOWN_COUNTRY) missing.push('residenceCountry')
  if (candidate.city.trim() === '') missing.push('city')
  if (!(VISA_STATUSES as readonly string[]).includes(candidate.visaStatus)) missing.push('visaStatus')
  return missing
}

/** The taxonomy labels of the given skill ids (free labels that are not in the taxonomy are left out). */
export function labelSkills(skillIds: readonly string[]): Record<string, SkillLabel> {
  const labels: Record<string, SkillLabel> = {}
  for (const id of skillIds) {
    const index = SKILL_TAXONOMY.indexById.get(id)
    const label = index === undefined ? undefined : SKILL_TAXONOMY.labels[index]
    if (label) labels[id] = label
  }
  return labels
}

async function toOwnProfile(context: ServiceContext, candidate: Candidate): Promise<OwnProfile> {
  const row = await context.db
    .selectFrom('candidate')
    .select('profileCompletedAt')
    .where('id', '=', candidate.id)
    .executeTakeFirstOrThrow()
  const missingFields = findMissingProfileFields(candidate)
  return {
    ...candidate,
    missingFields,
    isProfileComplete: missingFields.length === 0,
    profileCompletedAt: row.profileCompletedAt?.toISOString() ?? null,
    skillLabels: labelSkills(candidate.skills.map((entry) => entry.skill)),
  }
}

/** The signed-in candidate's own profile, with its completeness. Audited like every read of it. */
export async function getOwnProfile(context: ServiceContext): Promise<OwnProfile> {
  return toOwnProfile(context, await getOwnCandidate(context))
}

/**
 * Changes the signed-in candidate's own profile (audited with the changed fields); the first time no
 * required field is missing any more, the profile is marked complete.
 */
export async function updateOwnProfile(
  context: ServiceContext,
  patch: Partial<CandidateInput>,
): Promise<OwnProfile> {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  const updated = await updateCandidate(context, candidateId, patch)
  if (findMissingProfileFields(updated).length === 0) {
    await context.db
      .updateTable('candidate')
      .set({ profileCompletedAt: context.now() })
      .where('id', '=', candidateId)
      .where('profileCompletedAt', 'is', null)
      .execute()
  }
  return toOwnProfile(context, updated)
}

function requireCompleteProfile(candidate: Candidate): void {
  const missing = findMissingProfileFields(candidate)
  if (missing.length > 0) {
    throw new AppError('conflict', `complete your profile before applying: ${missing.join(', ')}`, [
      ...missing.map((field) => ({ path: `profile.${field}`, message: 'required before applying' })),
    ])
  }
}

/**
 * The signed-in candidate applies to a program whose call is open: the profile must be complete; an
 * application withdrawn earlier is submitted again (its old verdict cleared). Queues the confirmation in
 * the candidate's language. Audited.
 */
export async function submitOwnApplication(
  context: ServiceContext,
  input: { programId: string; motivation: string },
): Promise<Application> {
  const { db, actor } = context
  const candidate = await getOwnCandidate(context)
  requireCompleteProfile(candidate)
  const program = await getProgram(context, input.programId)
  const previous = await db
    .selectFrom('application')
    .select(['id', 'status'])
    .where('programId', '=', input.programId)
    .where('candidateId', '=', candidate.id)
    .executeTakeFirst()
  let application: Application
  if (previous?.status === 'withdrawn') {
    if (program.phase !== 'call_open')
      throw new AppError('phase_closed', 'the call for this program is closed')
    const row = await db
      .updateTable('application')
      .set({
        status: 'submitted',
        motivation: input.motivation,
        submittedAt: context.now(),
        eligibility: null,
        overrideReason: null,
        overriddenBy: null,
      })
      .where('id', '=', previous.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, actor, [
      { action: 'update', entityType: 'application', entityId: row.id, detail: { resubmitted: true } },
    ])
    application = toApplication(row)
  } else {
    application = await applyToProgram(context, input)
  }
  await queueNotifications(db, [
    {
      hubId: program.hubId,
      userId: actor.userId,
      email: actor.email,
      locale: actor.locale,
      kind: 'application_received',
      params: { name: candidate.fullName, program: program.title },
      link: programPath(program.id),
    },
  ])
  return application
}

/**
 * The signed-in candidate withdraws an application. Allowed until rank lists freeze (after that the
 * match is being prepared; a placed candidate declines the offer instead). Audited; the candidate gets a
 * confirmation.
 */
export async function withdrawOwnApplication(
  context: ServiceContext,
  applicationId: string,
  reason?: string,
): Promise<Application> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  const row = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .select(['application.id', 'application.programId', 'application.status', 'candidate.fullName'])
    .where('application.id', '=', applicationId)
    .where('application.candidateId', '=', candidateId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no application ${applicationId}`)
  if (row.status === 'withdrawn') throw new AppError('conflict', 'this application was withdrawn already')
  const program = await getProgram(context, row.programId)
  if (isRankingFrozen(program.phase)) {
    throw new AppError(
      'phase_closed',
      'applications can no longer be withdrawn: rank lists are frozen and the match is being prepared',
    )
  }
  const updated = await db
    .updateTable('application')
    .set({ status: 'withdrawn' })
    .where('id', '=', applicationId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'application',
      entityId: applicationId,
      detail: { withdrawn: true, previousStatus: row.status, ...(reason ? { reason } : {}) },
    },
  ])
  await queueNotifications(db, [
    {
      hubId: program.hubId,
      userId: actor.userId,
      email: actor.email,
      locale: actor.locale,
      kind: 'application_withdrawn',
      params: { name: row.fullName, program: program.title },
      link: programPath(program.id),
    },
  ])
  return toApplication(updated)
}

/** The app's page of a program (notification links). */
function programPath(programId: string): string {
  return `/programs/${programId}`
}

/**
 * What the signed-in candidate needs to decide and follow an application: the program's rules evaluated
 * against their current profile (a preview, the same evaluation the hub's check makes), the official
 * verdict once checked, and whether they may apply or withdraw now. Reasons are written in `locale`.
 */
export async function getOwnProgramEligibility(
  context: ServiceContext,
  programId: string,
  locale: UiLocale,
): Promise<OwnProgramEligibility> {
  const { db } = context
  const candidate = await getOwnCandidate(context)
  const program = await getProgram(context, programId)
  const rules = await loadProgramEligibilityRules(db, programId)
  const span = await findProgramPositionSpan(db, programId)
  const stepDate = (phase: Program['phase']) =>
    program.timeline.find((step) => step.phase === phase)?.startsOn
  const programStart = span.start ?? stepDate('running')
  const programEnd = span.end ?? stepDate('closed')
  const referenceDate = stepDate('eligibility_check') ?? context.now().toISOString().slice(0, 10)
  const preview = evaluateEligibility(candidate, rules, {
    referenceDate,
    ...(programStart ? { programStart } : {}),
    ...(programEnd ? { programEnd } : {}),
  })
  const application = await db
    .selectFrom('application')
    .select(['id', 'status', 'submittedAt', 'eligibility', 'overrideReason'])
    .where('programId', '=', programId)
    .where('candidateId', '=', candidate.id)
    .executeTakeFirst()
  const missingFields = findMissingProfileFields(candidate)
  const isActive = application !== undefined && application.status !== 'withdrawn'
  const official =
    isActive && application.eligibility ? (application.eligibility as EligibilityVerdict) : null
  return {
    programId,
    programPhase: program.phase,
    referenceDate,
    missingFields,
    preview: localizeEligibilityVerdict(preview, locale),
    application: application
      ? {
          id: application.id,
          status: application.status as Application['status'],
          submittedAt: application.submittedAt.toISOString(),
          isOverridden: application.overrideReason !== null,
        }
      : null,
    official: official ? localizeEligibilityVerdict(official, locale) : null,
    canApply: program.phase === 'call_open' && !isActive && missingFields.length === 0,
    canWithdraw: isActive && !isRankingFrozen(program.phase),
    callClosesOn: stepDate('eligibility_check') ?? null,
    withdrawUntil: stepDate('ranking_freeze') ?? null,
  }
}

const CEFR_BY_LEVEL: readonly LanguageLevel[] = ['A1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']
const NATIVE_WORDS = /native|mother tongue|모국어|원어민|tiếng mẹ đẻ|tieng me de|bản ngữ|ban ngu|bản xứ/i
const DEGREE_BY_LEVEL: Readonly<Record<string, (typeof DEGREES)[number] | undefined>> = {
  highschool: 'high_school',
  associate: 'associate',
  bachelor: 'bachelor',
  master: 'master',
  phd: 'doctorate',
}

/** `YYYY-MM` → that month's last day, `YYYY` → 31 December, else as given. */
function toCalendarDate(value: string | undefined): string | null {
  if (value === undefined) return null
  const month = /^(\d{4})-(\d{2})$/.exec(value)
  if (month) {
    const lastDay = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate()
    return `${value}-${String(lastDay).padStart(2, '0')}`
  }
  if (/^\d{4}$/.test(value)) return `${value}-12-31`
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null
}

/**
 * Reads a pasted CV (Korean, English, Vietnamese or mixed) with the scoring extractor and turns what it
 * found into profile fields: skills with levels, language levels (CEFR), the highest degree and years of
 * experience, each with the words it came from. Stores nothing; never guesses what the text does not say.
 */
export function suggestProfileFromCv(text: string): CvProfileSuggestion {
  const extraction = extractCandidateProfile(text)
  const education = extraction.education
  const degree = education ? DEGREE_BY_LEVEL[education.level] : undefined
  return {
    status: extraction.status,
    reason: extraction.reason ?? null,
    textLanguages: extraction.textLanguages,
    warnings: extraction.warnings,
    skills: [...extraction.skills]
      .sort((a, b) => b.confidence - a.confidence || b.level - a.level || a.skill.localeCompare(b.skill))
      .flatMap((item) => {
        const label = labelSkills([item.skill])[item.skill]
        if (!label) return []
        return [
          {
            skill: item.skill,
            level: Math.min(5, Math.max(1, Math.round(item.level))),
            confidence: item.confidence,
            label,
            evidence: item.evidence.map((span) => span.context || span.text),
          },
        ]
      }),
    languages: extraction.languages.flatMap((item) => {
      if (!/^[a-z]{2}$/.test(item.code) || item.level < 1) return []
      const isNative = item.level >= 6 && NATIVE_WORDS.test(item.evidence.context)
      const level: LanguageLevel = isNative ? 'native' : (CEFR_BY_LEVEL[Math.min(6, item.level)] ?? 'A1')
      return [
        {
          language: item.code,
          level,
          source: item.source,
          confidence: item.confidence,
          evidence: item.evidence.context || item.evidence.text,
        },
      ]
    }),
    education:
      education && degree
        ? {
            degree,
            status: education.status === 'unknown' ? null : education.status,
            graduationDate: toCalendarDate(education.graduationDate),
            confidence: education.confidence,
            evidence: education.evidence.context || education.evidence.text,
          }
        : null,
    yearsOfExperience: extraction.yearsOfExperience
      ? {
          years: extraction.yearsOfExperience.years,
          evidence:
            extraction.yearsOfExperience.evidence.context || extraction.yearsOfExperience.evidence.text,
        }
      : null,
  }
}
