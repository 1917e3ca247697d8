import {
  type Explanation,
  type ExplanationEntry,
  type MatchingResult,
  REASON_CODES,
  type Reason,
  type ReasonCode,
} from './matching-result.ts'

/** The parts of a stored result `explainCandidate` reads; 'ieum-result/1' files had decoded explanations. */
export type StoredResult =
  | Pick<MatchingResult, 'format' | 'positions' | 'explanations' | 'reasonCodes'>
  | { readonly format: 'ieum-result/1'; readonly explanations: readonly Explanation[] }

/** Decodes one compact explanation entry of a result into reasons with ids (see docs/formats/result.md). */
export function decodeExplanation(
  result: Pick<MatchingResult, 'positions' | 'reasonCodes'>,
  entry: ExplanationEntry,
): Explanation {
  const reasons: Reason[] = []
  const numbers = entry.reasons
  for (let i = 0; i + 3 < numbers.length; i += 4) {
    const code: ReasonCode = result.reasonCodes[numbers[i]!] ?? REASON_CODES[numbers[i]!]!
    const outcome = result.positions[numbers[i + 1]!]!
    const third = numbers[i + 2]!
    const candidateRank = numbers[i + 3]!
    if (code === 'welfare_tradeoff') {
      reasons.push({ code, position: outcome.position, score: third })
      continue
    }
    if (code !== 'position_full' && code !== 'company_full' && code !== 'group_full') {
      reasons.push({ code, position: outcome.position })
      continue
    }
    const cutoffRank = third ?? 0
    reasons.push({
      code,
      position: outcome.position,
      ...(code !== 'position_full' && outcome.company !== null ? { company: outcome.company } : {}),
      ...(code === 'group_full' && entry.group !== undefined ? { group: entry.group } : {}),
      ...(cutoffRank > 0 ? { cutoffRank } : {}),
      candidateRank,
      ...(cutoffRank > 0 && cutoffRank === candidateRank ? { isTie: true } : {}),
    })
  }
  return { candidate: entry.candidate, position: entry.position, choiceRank: entry.choiceRank, reasons }
}

/**
 * The explanation of one candidate in a result, decoded into reasons that name positions, companies and
 * groups; null when the candidate did not take part in the round. Reads the current format and
 * 'ieum-result/1' (whose explanations were stored decoded).
 */
export function explainCandidate(result: StoredResult, candidateId: string): Explanation | null {
  if (result.format === 'ieum-result/1')
    return result.explanations.find((entry) => entry.candidate === candidateId) ?? null
  const entry = result.explanations.find((item) => item.candidate === candidateId)
  return entry === undefined ? null : decodeExplanation(result, entry)
}
