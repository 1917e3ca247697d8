import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import type { Capacities } from './create-capacities.ts'

/** What the improvement step changed. */
export interface ImprovementOutcome {
  readonly matchEntry: Int32Array
  readonly cycles: number
  /** Candidates who moved: [candidate, from entry, to entry] triples, flat. */
  readonly moves: readonly number[]
}

/**
 * Stable improvement cycles (Erdil & Ergin 2008, "What's the matter with tie-breaking?"): repeatedly finds a
 * cycle of candidates each of whom strictly prefers the next one's position and has the best priority there
 * among all candidates who want it, and rotates their seats. The result stays weakly stable and Pareto-
 * dominates the tie-broken one for candidates. Applied to positions without company or group caps (the
 * cycles are defined for college admissions); positions of capped companies keep their holders.
 */
export function applyStableImprovementCycles(
  compiled: CompiledMarket,
  capacities: Capacities,
  initial: Int32Array,
): ImprovementOutcome {
  const { candidateCount: nC, positionCount: nP } = compiled
  const { candidateStart, entryPosition, entryCandidateRank, entryPositionRank, positionCompany } = compiled
  const { companyCapacity, companyGroupCap } = compiled
  const { isParticipant, positionCapacity } = capacities
  const matchEntry = initial.slice()
  const start = matchEntry.slice()
  const isSimple = new Uint8Array(nP)
  for (let p = 0; p < nP; p++) {
    const k = positionCompany[p]!
    isSimple[p] = k < 0 || (companyCapacity[k] === UNLIMITED && companyGroupCap[k] === UNLIMITED) ? 1 : 0
  }
  const bestRank = new Int32Array(nP)
  const memberStart = new Int32Array(nP + 1)
  const members = new Int32Array(nC)
  const memberCount = new Int32Array(nP)
  const color = new Uint8Array(nC)
  const stackNode = new Int32Array(nC)
  const stackEntry = new Int32Array(nC)
  const stackMember = new Int32Array(nC)
  const depthOf = new Int32Array(nC)
  let cycles = 0

  const desires = (c: number, e: number): boolean => {
    const current = matchEntry[c]!
    return entryPositionRank[e]! > 0 && (current < 0 || entryCandidateRank[e]! < entryCandidateRank[current]!)
  }
  for (;;) {
    bestRank.fill(0x7fffffff)
    memberCount.fill(0)
    for (let c = 0; c < nC; c++) {
      if (isParticipant !== null && isParticipant[c] === 0) continue
      const current = matchEntry[c]!
      if (current >= 0) memberCount[entryPosition[current]!]!++
      for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++) {
        const p = entryPosition[e]!
        if (isSimple[p] === 0 || !desires(c, e)) continue
        if (entryPositionRank[e]! < bestRank[p]!) bestRank[p] = entryPositionRank[e]!
      }
    }
    for (let p = 0; p < nP; p++) memberStart[p + 1] = memberStart[p]! + memberCount[p]!
    memberCount.fill(0)
    for (let c = 0; c < nC; c++) {
      const current = matchEntry[c]!
      if (current < 0 || (isParticipant !== null && isParticipant[c] === 0)) continue
      const p = entryPosition[current]!
      members[memberStart[p]! + memberCount[p]!++] = c
    }
    // Iterative depth-first search for a cycle among matched candidates.
    color.fill(0)
    let cycleFrom = -1
    let depth = 0
    for (let root = 0; root < nC && cycleFrom < 0; root++) {
      if (color[root] !== 0 || matchEntry[root]! < 0) continue
      if (isParticipant !== null && isParticipant[root] === 0) continue
      depth = 0
      stackNode[0] = root
      stackEntry[0] = candidateStart[root]!
      stackMember[0] = -1
      color[root] = 1
      depthOf[root] = 0
      depth = 1
      while (depth > 0 && cycleFrom < 0) {
        const top = depth - 1
        const c = stackNode[top]!
        let e = stackEntry[top]!
        let m = stackMember[top]!
        let nextNode = -1
        while (e < candidateStart[c + 1]! && nextNode < 0) {
          const p = entryPosition[e]!
          const isEdge =
            isSimple[p] === 1 &&
            memberCount[p]! >= positionCapacity[p]! &&
            desires(c, e) &&
            entryPositionRank[e]! === bestRank[p]!
          if (!isEdge) {
            e++
            m = -1
            continue
          }
          if (m < 0) m = memberStart[p]!
          while (m < memberStart[p]! + memberCount[p]!) {
            const target = members[m++]!
            if (color[target] === 1) {
              cycleFrom = target
              break
            }
            if (color[target] === 0) {
              nextNode = target
              break
            }
          }
          if (cycleFrom >= 0) break
          if (nextNode < 0) {
            e++
            m = -1
          }
        }
        stackEntry[top] = e
        stackMember[top] = m
        if (cycleFrom >= 0) break
        if (nextNode >= 0) {
          color[nextNode] = 1
          depthOf[nextNode] = depth
          stackNode[depth] = nextNode
          stackEntry[depth] = candidateStart[nextNode]!
          stackMember[depth] = -1
          depth++
        } else {
          color[c] = 2
          depth--
        }
      }
    }
    if (cycleFrom < 0) break
    // Stack frames from cycleFrom to the top form the cycle; frame i moves into frame i+1's position.
    const first = depthOf[cycleFrom]!
    const targets: number[] = []
    for (let i = first; i < depth; i++) {
      const c = stackNode[i]!
      const next = i + 1 < depth ? stackNode[i + 1]! : cycleFrom
      const p = entryPosition[matchEntry[next]!]!
      let chosen = -1
      for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++)
        if (entryPosition[e] === p) {
          chosen = e
          break
        }
      targets.push(chosen)
    }
    for (let i = first; i < depth; i++) matchEntry[stackNode[i]!] = targets[i - first]!
    cycles++
  }
  const moves: number[] = []
  for (let c = 0; c < nC; c++) if (matchEntry[c] !== start[c]) moves.push(c, start[c]!, matchEntry[c]!)
  return { matchEntry, cycles, moves }
}
