import { AppError, type AppErrorIssue } from '../domain/app-error.ts'
import type { CompiledMarket } from './compile-market.ts'
import type { Assignment } from './matching-result.ts'

/** Maps assignments by id to a position per candidate (-1 = none); unknown or repeated ids are misuse. */
export function mapAssignments(
  compiled: CompiledMarket,
  assignments: readonly Assignment[],
  what: string,
): Int32Array {
  const candidateIndex = new Map<string, number>()
  compiled.candidateIds.forEach((id, i) => {
    candidateIndex.set(id, i)
  })
  const positionIndex = new Map<string, number>()
  compiled.positionIds.forEach((id, i) => {
    positionIndex.set(id, i)
  })
  const matchPosition = new Int32Array(compiled.candidateCount).fill(-1)
  const issues: AppErrorIssue[] = []
  for (let i = 0; i < assignments.length && issues.length < 50; i++) {
    const a = assignments[i]!
    const c = candidateIndex.get(a.candidate)
    const p = positionIndex.get(a.position)
    if (c === undefined)
      issues.push({ path: `${what}[${i}].candidate`, message: `unknown candidate '${a.candidate}'` })
    else if (p === undefined)
      issues.push({ path: `${what}[${i}].position`, message: `unknown position '${a.position}'` })
    else if (matchPosition[c]! >= 0)
      issues.push({ path: `${what}[${i}].candidate`, message: `candidate '${a.candidate}' assigned twice` })
    else matchPosition[c] = p
  }
  if (issues.length > 0)
    throw new AppError('bad_request', `invalid ${what}: ${issues[0]!.path} ${issues[0]!.message}`, issues)
  return matchPosition
}
