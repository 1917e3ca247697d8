/**
 * The talent-gap table a hub reports: per skill, how many candidates offer it (the skill itself or a more
 * specific one, at a minimum level) against how many seats require or prefer it.
 */
import type { ScoringIndex } from './create-scoring-index.ts'
import { skillIdOf } from './score-pair.ts'

/** One row of the supply/demand table. */
export interface SkillSupplyDemand {
  readonly skill: string
  readonly label: { readonly en: string; readonly ko: string; readonly vi: string }
  /** Candidates holding the skill or a more specific one at ≥ `minLevel`. */
  readonly supply: number
  /** Seats (Σ position seats) that require the skill. */
  readonly demand: number
  /** Seats that list it as preferred only. */
  readonly preferredDemand: number
  /** demand − supply: positive means too few candidates. */
  readonly gap: number
}

/**
 * Supply and demand per skill that anyone offers or needs, largest gap first (then skill id).
 * `minLevel` (default 1) sets how strong a candidate's skill must be to count as supply.
 */
export function computeSkillSupplyDemand(index: ScoringIndex, minLevel = 1): SkillSupplyDemand[] {
  const taxonomy = index.taxonomy
  const size = taxonomy.size
  const skillCount = index.skillCount
  const supply = new Float64Array(skillCount)
  const demand = new Float64Array(skillCount)
  const preferredDemand = new Float64Array(skillCount)
  const counted = new Int32Array(skillCount).fill(-1)
  for (let c = 0; c < index.candidateIds.length; c++) {
    for (let k = index.candidateSkillStart[c]!; k < index.candidateSkillStart[c + 1]!; k++) {
      if (index.candidateSkillLevel[k]! < minLevel) continue
      // The skill and its ancestors, each counted once per candidate.
      for (
        let skill = index.candidateSkill[k]!;
        skill !== -1;
        skill = skill < size ? taxonomy.parents[skill]! : -1
      ) {
        if (counted[skill] === c) continue
        counted[skill] = c
        supply[skill]!++
      }
    }
  }
  for (let p = 0; p < index.positionIds.length; p++) {
    const seats = index.positionSeats[p]!
    for (let r = index.requiredStart[p]!; r < index.requiredStart[p + 1]!; r++)
      demand[index.requiredSkill[r]!]! += seats
    for (let r = index.preferredStart[p]!; r < index.preferredStart[p + 1]!; r++) {
      preferredDemand[index.preferredSkill[r]!]! += seats
    }
  }
  const rows: SkillSupplyDemand[] = []
  for (let skill = 0; skill < skillCount; skill++) {
    if (supply[skill] === 0 && demand[skill] === 0 && preferredDemand[skill] === 0) continue
    const id = skillIdOf(index, skill)
    rows.push({
      skill: id,
      label: skill < size ? taxonomy.labels[skill]! : { en: id, ko: id, vi: id },
      supply: supply[skill]!,
      demand: demand[skill]!,
      preferredDemand: preferredDemand[skill]!,
      gap: demand[skill]! - supply[skill]!,
    })
  }
  return rows.sort((a, b) => b.gap - a.gap || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0))
}
