import type { Kysely } from 'kysely'
import {
  AppError,
  type Candidate,
  type LanguageLevel,
  type MatchingConfig,
  type Position,
  RANKABLE_APPLICATION_STATUSES,
  type UiLocale,
} from '../domain/index.ts'
import {
  computeSkillSupplyDemand,
  createScoringIndex,
  deriveRankLists,
  type EducationLevel,
  explainMatch,
  formatExplanation,
  recommendCandidates,
  recommendPositions,
  type ScoringCandidate,
  type ScoringIndex,
  type ScoringPosition,
  type ScoringWeights,
  scoreMatrix,
} from '../scoring/index.ts'
import type { Database } from '../store/index.ts'
import { toCandidate, toPosition } from '../store/index.ts'
import { candidateIdOf, hasRole, requireCompanyAccess, requireRole } from './access/index.ts'
import { recordAudit } from './audit/index.ts'
import { getProgram } from './programs/index.ts'
import { requireRankableApplication } from './require-rankable-application.ts'
import type { ServiceContext } from './service-context.ts'

const CEFR: Readonly<Record<LanguageLevel, number>> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 6 }
const DEGREE_LEVEL: Readonly<Record<string, EducationLevel>> = {
  high_school: 'highschool',
  bootcamp: 'highschool',
  associate: 'associate',
  bachelor: 'bachelor',
  master: 'master',
  doctorate: 'phd',
}
const LEVEL_ORDER: readonly EducationLevel[] = [
  'none',
  'highschool',
  'associate',
  'bachelor',
  'master',
  'phd',
]

/** UTC offset of a time zone on a fixed day (so scores do not depend on the clock), in minutes. */
function utcOffsetMinutes(timeZone: string, day = '2027-01-15'): number | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(
      new Date(`${day}T12:00:00Z`),
    )
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? ''
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
    if (!match) return name === 'GMT' ? 0 : undefined
    const minutes = Number(match[2]) * 60 + Number(match[3])
    return match[1] === '-' ? -minutes : minutes
  } catch {
    return undefined
  }
}

/** A stored candidate as the scoring library sees them. */
export function toScoringCandidateOf(candidate: Candidate): ScoringCandidate {
  const highest = [...candidate.education].sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(DEGREE_LEVEL[b.degree] ?? 'none') -
      LEVEL_ORDER.indexOf(DEGREE_LEVEL[a.degree] ?? 'none'),
  )[0]
  const months = candidate.experience.reduce((sum, item) => sum + item.months, 0)
  const offset = utcOffsetMinutes(candidate.timeZone)
  return {
    id: candidate.id,
    skills: candidate.skills,
    languages: candidate.languages.map((l) => ({ code: l.language, level: CEFR[l.level] })),
    ...(highest && {
      education: {
        level: DEGREE_LEVEL[highest.degree] ?? 'none',
        status:
          highest.status === 'enrolled'
            ? 'enrolled'
            : highest.status === 'graduated'
              ? 'graduated'
              : 'unknown',
        ...(highest.graduationDate && { graduationDate: highest.graduationDate }),
      },
    }),
    yearsOfExperience: Math.round((months / 12) * 10) / 10,
    workModes: candidate.workModePreference,
    location: `${candidate.residenceCountry}-${candidate.city}`,
    ...(offset !== undefined && { utcOffsetMinutes: offset }),
    ...(candidate.availableFrom && { availableFrom: candidate.availableFrom }),
    ...(candidate.availableTo && { availableUntil: candidate.availableTo }),
    hoursPerWeek: candidate.hoursPerWeek,
    nationality: candidate.nationality,
    visa: candidate.visaStatus,
  }
}

/** A stored position as the scoring library sees it. */
export function toScoringPositionOf(position: Position, seats = position.capacity): ScoringPosition {
  const offset = utcOffsetMinutes(position.timeZone)
  return {
    id: position.id,
    requiredSkills: position.requiredSkills.map((s) => ({ skill: s.skill, minLevel: s.level })),
    preferredSkills: position.preferredSkills.map((s) => ({ skill: s.skill, minLevel: s.level })),
    languages: position.languages.map((l) => ({ code: l.language, minLevel: CEFR[l.level] })),
    workMode: position.workMode,
    location: `KR-${position.location}`,
    ...(offset !== undefined && { utcOffsetMinutes: offset }),
    ...(position.startDate && { startDate: position.startDate }),
    ...(position.endDate && { endDate: position.endDate }),
    hoursPerWeek: position.hoursPerWeek,
    seats,
  }
}

/** A program's scoring index over its current applicants and positions. */
export interface ProgramScoring {
  readonly index: ScoringIndex
  readonly candidates: ReadonlyMap<string, Candidate>
  readonly positions: ReadonlyMap<string, Position & { seats: number }>
}

/** Loads a program's applicants (not withdrawn or ineligible) and positions and compiles the scoring index. */
export async function loadProgramScoring(db: Kysely<Database>, programId: string): Promise<ProgramScoring> {
  const program = await db
    .selectFrom('program')
    .select('matchingConfig')
    .where('id', '=', programId)
    .executeTakeFirst()
  if (!program) throw new AppError('not_found', `no program ${programId}`)
  const candidateRows = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .selectAll('candidate')
    .where('application.programId', '=', programId)
    .where('application.status', 'in', RANKABLE_APPLICATION_STATUSES)
    .orderBy('candidate.id')
    .execute()
  const positionRows = await db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .selectAll('position')
    .select('programPosition.capacity as programCapacity')
    .where('programPosition.programId', '=', programId)
    .orderBy('position.id')
    .execute()
  const candidates = new Map(candidateRows.map((row) => [row.id, toCandidate(row)]))
  const positions = new Map(
    positionRows.map(({ programCapacity, ...row }) => {
      const position = toPosition(row)
      return [row.id, { ...position, seats: programCapacity ?? position.capacity }]
    }),
  )
  const weights = (program.matchingConfig as MatchingConfig).scoreWeights as Partial<ScoringWeights>
  const index = createScoringIndex(
    [...candidates.values()].map(toScoringCandidateOf),
    [...positions.values()].map((p) => toScoringPositionOf(p, p.seats)),
    { weights },
  )
  return { index, candidates, positions }
}

/** Score-derived rank lists for each position (ties kept as ties), for companies that did not rank. */
export function deriveScoreRankings(scoring: ProgramScoring): ReadonlyMap<string, (string | string[])[]> {
  const lists = deriveRankLists(scoring.index, scoreMatrix(scoring.index))
  return new Map(
    lists.positions.map((list) => [
      list.id,
      list.tiers.map((tier) => (tier.length === 1 ? tier[0]! : [...tier])),
    ]),
  )
}

/** Every allowed pair's fit score (0–100), for max-fit runs; excluded pairs are left out. */
export function listPairScores(
  scoring: ProgramScoring,
): { candidate: string; position: string; score: number }[] {
  const matrix = scoreMatrix(scoring.index)
  const candidateIds = scoring.index.candidateIds
  const positionIds = scoring.index.positionIds
  const pairs: { candidate: string; position: string; score: number }[] = []
  for (let c = 0; c < candidateIds.length; c++) {
    for (let p = 0; p < positionIds.length; p++) {
      const score = matrix[c * positionIds.length + p]!
      if (score >= 0) pairs.push({ candidate: candidateIds[c]!, position: positionIds[p]!, score })
    }
  }
  return pairs
}

/** A company's recommended shortlist for one of its positions, each with its explanation in `locale`. */
export async function recommendForPosition(
  context: ServiceContext,
  programId: string,
  positionId: string,
  options: { k: number; locale: UiLocale },
) {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company', 'reviewer')
  await getProgram(context, programId)
  const scoring = await loadProgramScoring(db, programId)
  const position = scoring.positions.get(positionId)
  if (!position) throw new AppError('not_found', `no position ${positionId} in this program`)
  if (!hasRole(actor, 'reviewer')) requireCompanyAccess(actor, position.companyId, 'position')
  const shortlist = recommendCandidates(scoring.index, positionId, options.k).map((recommendation) => {
    const candidate = scoring.candidates.get(recommendation.id)!
    const explanation = explainMatch(scoring.index, recommendation.id, positionId)
    return {
      candidateId: candidate.id,
      fullName: candidate.fullName,
      nationality: candidate.nationality,
      residenceCountry: candidate.residenceCountry,
      score: recommendation.score,
      explanation,
      text: formatExplanation(explanation, options.locale),
    }
  })
  await recordAudit(db, actor, [
    {
      action: 'read',
      entityType: 'candidate',
      entityId: null,
      detail: { programId, positionId, shortlist: shortlist.length },
    },
  ])
  return { positionId, positionTitle: position.title, shortlist }
}

/**
 * The signed-in candidate's recommended positions in a program, with explanations in `locale`. Only for an
 * application in the running: not applied or withdrawn is `application_inactive`, found not eligible is
 * `application_ineligible` (with the verdict's unmet reasons in `locale` as issues).
 */
export async function recommendForOwnProfile(
  context: ServiceContext,
  programId: string,
  options: { k: number; locale: UiLocale },
) {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  await getProgram(context, programId)
  await requireRankableApplication(context.db, programId, candidateId, options.locale)
  const scoring = await loadProgramScoring(context.db, programId)
  if (!candidateId || !scoring.candidates.has(candidateId)) {
    throw new AppError('application_inactive', 'apply to this program to see recommended positions')
  }
  return recommendPositions(scoring.index, candidateId, options.k).map((recommendation) => {
    const position = scoring.positions.get(recommendation.id)!
    const explanation = explainMatch(scoring.index, candidateId, recommendation.id)
    return {
      positionId: position.id,
      title: position.title,
      companyId: position.companyId,
      score: recommendation.score,
      text: formatExplanation(explanation, options.locale),
    }
  })
}

/** Per skill, how many applicants offer it and how many seats require it: the talent-gap table. */
export async function getSkillSupplyDemand(context: ServiceContext, programId: string) {
  requireRole(context.actor, 'operator', 'reviewer')
  await getProgram(context, programId)
  const scoring = await loadProgramScoring(context.db, programId)
  return computeSkillSupplyDemand(scoring.index)
}
