import { AppError, type RunComparison } from '../../domain/index.ts'
import type { MatchingResult } from '../../matching/index.ts'
import { listCandidateNames, listPositionLabels } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRun } from './load-run.ts'
import { summariseMatchRun } from './summarise-match-run.ts'

/** Who would move between two runs of the same program (a what-if view). */
export async function compareMatchRuns(
  context: ServiceContext,
  baseRunId: string,
  otherRunId: string,
): Promise<RunComparison> {
  requireRole(context.actor, 'operator')
  const hubId = hubIdOf(context.actor)
  const [base, other] = [
    await loadRun(context.db, hubId, baseRunId),
    await loadRun(context.db, hubId, otherRunId),
  ]
  if (base.programId !== other.programId)
    throw new AppError('validation_failed', 'compare runs of the same program')
  const baseResult = JSON.parse(base.result) as MatchingResult
  const otherResult = JSON.parse(other.result) as MatchingResult
  const basePlace = new Map(baseResult.assignments.map((a) => [a.candidate, a.position]))
  const otherPlace = new Map(otherResult.assignments.map((a) => [a.candidate, a.position]))
  const baseRank = new Map(baseResult.explanations.map((e) => [e.candidate, e.choiceRank]))
  const otherRank = new Map(otherResult.explanations.map((e) => [e.candidate, e.choiceRank]))
  const ids = [...new Set([...basePlace.keys(), ...otherPlace.keys()])].sort()
  const moved = ids.filter((id) => basePlace.get(id) !== otherPlace.get(id))
  const names = await listCandidateNames(context.db, moved)
  const nameOf = new Map(names.map((row) => [row.id, row.fullName]))
  const nationalityOf = new Map(names.map((row) => [row.id, row.nationality]))
  const positionIds = [
    ...new Set(
      moved.flatMap((id) => [basePlace.get(id), otherPlace.get(id)]).filter((p): p is string => !!p),
    ),
  ]
  const positions = await listPositionLabels(context.db, positionIds)
  const label = new Map(positions.map((p) => [p.id, `${p.companyName} — ${p.title}`]))
  return {
    base: await summariseMatchRun(context.db, base),
    other: await summariseMatchRun(context.db, other),
    moves: moved.map((id) => ({
      candidateId: id,
      fullName: nameOf.get(id) ?? id,
      nationality: nationalityOf.get(id) ?? null,
      from: basePlace.get(id) ?? null,
      fromLabel: label.get(basePlace.get(id) ?? '') ?? null,
      /** The choice (1 = first) the candidate gets in the base run; null when unmatched or not ranked. */
      fromRank: basePlace.has(id) ? (baseRank.get(id) ?? null) : null,
      to: otherPlace.get(id) ?? null,
      toLabel: label.get(otherPlace.get(id) ?? '') ?? null,
      toRank: otherPlace.has(id) ? (otherRank.get(id) ?? null) : null,
    })),
  }
}
