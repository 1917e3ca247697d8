import type { Kysely } from 'kysely'
import {
  AppError,
  type Candidate,
  type MatchingConfig,
  type Position,
  RANKABLE_APPLICATION_STATUSES,
} from '../../domain/index.ts'
import { createScoringIndex, type ScoringIndex, type ScoringWeights } from '../../scoring/index.ts'
import type { Database } from '../../store/index.ts'
import { toCandidate, toPosition } from '../../store/index.ts'
import { toScoringCandidateOf } from './to-scoring-candidate-of.ts'
import { toScoringPositionOf } from './to-scoring-position-of.ts'

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
