import type { RunAssignment, RunAssignments } from '../../domain/index.ts'
import type { Market, MatchingResult } from '../../matching/index.ts'
import { listCandidateNames, listPositionLabels } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRun } from './load-run.ts'

/** A run's placements and unmatched candidates with names (operator; audited: personal data). */
export async function listRunAssignments(context: ServiceContext, runId: string): Promise<RunAssignments> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const run = await loadRun(db, hubIdOf(actor), runId)
  const result = JSON.parse(run.result) as MatchingResult
  const market = JSON.parse(run.market) as Market
  const people = await listCandidateNames(
    db,
    market.candidates.map((c) => c.id),
  )
  const personOf = new Map(people.map((row) => [row.id, row]))
  const positions = await listPositionLabels(
    db,
    market.positions.map((p) => p.id),
  )
  const positionOf = new Map(positions.map((row) => [row.id, row]))
  const rankOf = new Map(result.explanations.map((e) => [e.candidate, e.choiceRank]))
  const assignments: RunAssignment[] = result.assignments.map((a) => ({
    candidateId: a.candidate,
    fullName: personOf.get(a.candidate)?.fullName ?? a.candidate,
    nationality: personOf.get(a.candidate)?.nationality ?? null,
    positionId: a.position,
    positionTitle: positionOf.get(a.position)?.title ?? a.position,
    companyName: positionOf.get(a.position)?.companyName ?? '',
    choiceRank: rankOf.get(a.candidate) ?? null,
  }))
  assignments.sort(
    (a, b) =>
      a.companyName.localeCompare(b.companyName) ||
      a.positionTitle.localeCompare(b.positionTitle) ||
      a.fullName.localeCompare(b.fullName),
  )
  const unmatched = result.unmatched
    .map((u) => ({
      candidateId: u.candidate,
      fullName: personOf.get(u.candidate)?.fullName ?? u.candidate,
      nationality: personOf.get(u.candidate)?.nationality ?? null,
      reason: u.reason,
    }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName))
  await recordAudit(db, actor, [
    {
      action: 'read',
      entityType: 'match_run',
      entityId: runId,
      detail: { assignments: assignments.length, unmatched: unmatched.length },
    },
  ])
  return { runId, round: run.round, status: run.status, assignments, unmatched }
}
