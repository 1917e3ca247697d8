/**
 * The fit score of one candidate × position pair of a compiled index: hard filters first, then the sum of
 * weighted components, each 0–1. The same code path serves the hot loops (no trace: nothing allocated) and
 * explanations (a trace collects components, items and exclusion reasons), so the two never disagree.
 */
import type { ScoringIndex } from './create-scoring-index.ts'
import { EDUCATION_LEVELS } from './extract-education.ts'
import {
  EXCLUDED_SCORE,
  type ExclusionReason,
  type ExplanationItem,
  FIT_COMPONENTS,
} from './scoring-types.ts'
import { SKILL_RELATIONS } from './skill-taxonomy.ts'

/** Collects what a traced scoring saw; filled by {@link scorePair}. */
export interface ScoreTrace {
  readonly values: number[]
  readonly items: ExplanationItem[][]
  readonly exclusions: ExclusionReason[]
}

/** An empty trace to pass to {@link scorePair}. */
export function createScoreTrace(): ScoreTrace {
  return { values: [], items: FIT_COMPONENTS.map(() => []), exclusions: [] }
}

/** Value used for a fact the candidate did not give (half credit: neither rewarded nor punished hard). */
const UNKNOWN_VALUE = 0.5
/** Level shortfall → credit factor: 1 level short keeps 70 %, 2 → 40 %, 3 → 10 %. */
const LEVEL_GAP_FACTOR = [1, 0.7, 0.4, 0.1, 0, 0]
/** `LEVEL_FACTORS[minLevel * 8 + level]`: {@link LEVEL_GAP_FACTOR} as a flat table for the hot loop. */
const LEVEL_FACTORS = Float64Array.from({ length: 64 }, (_, i) => {
  const gap = (i >> 3) - (i & 7)
  return gap > 0 ? (LEVEL_GAP_FACTOR[gap] ?? 0) : 1
})
/** Language shortfall → credit: 1 level short keeps half, 2 → 20 %. */
const LANGUAGE_GAP_FACTOR = [1, 0.5, 0.2, 0, 0, 0, 0]
/** Hours of a working day used for time-zone overlap; overlap of ≥ 75 % of it counts fully. */
const WORKDAY_HOURS = 9
/** Days of late availability after which the date part of availability is worth 0. */
const LATE_DAYS_TO_ZERO = 90
const REQUIRED = 0
const PREFERRED = 1
const LANGUAGES = 2
const WORK_MODE = 3
const AVAILABILITY = 4
const EDUCATION = 5
const EXPERIENCE = 6
const ASSESSMENT = 7

function push(trace: ScoreTrace, component: number, item: ExplanationItem): void {
  trace.items[component]!.push(item)
}

function relationName(index: ScoringIndex, have: number, need: number): string {
  return SKILL_RELATIONS[index.relations[have * index.skillCount + need]!]!
}

/** Exposed for the recommendation bound and tests: a skill id by dense index. */
export function skillIdOf(index: ScoringIndex, skill: number): string {
  const size = index.taxonomy.size
  return skill < size ? index.taxonomy.ids[skill]! : index.extraSkillIds[skill - size]!
}

function skillCoverage(
  index: ScoringIndex,
  c: number,
  start: number,
  end: number,
  skills: Int32Array,
  minLevels: Uint8Array,
  component: number,
  trace: ScoreTrace | undefined,
): number {
  if (start === end) {
    if (trace !== undefined) push(trace, component, { code: 'no_requirement', params: {} })
    return 1
  }
  const candidateStart = index.candidateSkillStart[c]!
  const candidateEnd = index.candidateSkillStart[c + 1]!
  const candidateSkill = index.candidateSkill
  const candidateLevel = index.candidateSkillLevel
  const similarity = index.similarity
  const skillCount = index.skillCount
  let sum = 0
  for (let r = start; r < end; r++) {
    const need = skills[r]!
    const levelFactors = minLevels[r]! * 8
    let best = 0
    let bestSlot = -1
    for (let k = candidateStart; k < candidateEnd; k++) {
      const credit = similarity[candidateSkill[k]! * skillCount + need]!
      if (credit === 0) continue
      const value = credit * LEVEL_FACTORS[levelFactors + candidateLevel[k]!]!
      if (value > best) {
        best = value
        bestSlot = k
      }
    }
    sum += best
    if (trace !== undefined) {
      const minLevel = minLevels[r]!
      const skill = skillIdOf(index, need)
      if (bestSlot === -1) {
        if (trace !== undefined)
          push(trace, component, { code: 'skill_missing', params: { skill, minLevel } })
        continue
      }
      const have = candidateSkill[bestSlot]!
      const level = candidateLevel[bestSlot]!
      const credit = Math.round(best * 100) / 100
      if (have === need) {
        const code = level >= minLevel ? 'skill_matched' : 'skill_level_below'
        if (trace !== undefined) push(trace, component, { code, params: { skill, minLevel, level, credit } })
      } else {
        if (trace !== undefined)
          push(trace, component, {
            code: 'skill_matched_related',
            params: {
              skill,
              minLevel,
              via: skillIdOf(index, have),
              level,
              relation: relationName(index, have, need),
              credit,
            },
          })
      }
    }
  }
  return sum / (end - start)
}

function requiredCoverage(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const start = index.requiredStart[p]!
  const end = index.requiredStart[p + 1]!
  return skillCoverage(index, c, start, end, index.requiredSkill, index.requiredLevel, REQUIRED, trace)
}

function preferredCoverage(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const start = index.preferredStart[p]!
  const end = index.preferredStart[p + 1]!
  return skillCoverage(index, c, start, end, index.preferredSkill, index.preferredLevel, PREFERRED, trace)
}

function languageValue(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const start = index.positionLanguageStart[p]!
  const end = index.positionLanguageStart[p + 1]!
  if (start === end) {
    if (trace !== undefined) push(trace, LANGUAGES, { code: 'no_requirement', params: {} })
    return 1
  }
  if (index.candidateHasLanguages[c] === 0) {
    if (trace !== undefined) push(trace, LANGUAGES, { code: 'unknown_value', params: { field: 'languages' } })
    return UNKNOWN_VALUE
  }
  const languageCount = index.languageCodes.length
  let sum = 0
  for (let l = start; l < end; l++) {
    const language = index.positionLanguage[l]!
    const minLevel = index.positionLanguageLevel[l]!
    const level = index.candidateLanguage[c * languageCount + language]!
    const gap = minLevel - level
    sum += gap > 0 ? LANGUAGE_GAP_FACTOR[gap]! : 1
    if (trace !== undefined) {
      const code = level === 0 ? 'language_missing' : gap > 0 ? 'language_below' : 'language_met'
      if (trace !== undefined)
        push(trace, LANGUAGES, {
          code,
          params: { language: index.languageCodes[language]!, minLevel, level },
        })
    }
  }
  return sum / (end - start)
}

/** Hours apart of two UTC offsets (minutes), across midnight: 0–12. */
function hoursApart(a: number, b: number): number {
  const difference = Math.abs(a - b) / 60
  return Math.min(difference, 24 - difference)
}

function timeZoneValue(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const candidateOffset = index.candidateOffset[c]!
  const positionOffset = index.positionOffset[p]!
  if (Number.isNaN(positionOffset)) return 1
  if (Number.isNaN(candidateOffset)) {
    if (trace !== undefined) push(trace, WORK_MODE, { code: 'unknown_value', params: { field: 'timeZone' } })
    return UNKNOWN_VALUE
  }
  const hours = hoursApart(candidateOffset, positionOffset)
  const overlap = Math.max(0, WORKDAY_HOURS - hours) / WORKDAY_HOURS
  const value = Math.min(1, overlap / 0.75)
  if (trace !== undefined)
    push(trace, WORK_MODE, {
      code: 'time_zone_difference',
      params: {
        hours: Math.round(hours * 10) / 10,
        overlapHours: Math.round(overlap * WORKDAY_HOURS * 10) / 10,
      },
    })
  return value
}

function placeValue(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const positionLocation = index.positionLocation[p]!
  if (positionLocation === -1) return 1
  const candidateLocation = index.candidateLocation[c]!
  if (candidateLocation === -1) {
    if (trace !== undefined) push(trace, WORK_MODE, { code: 'unknown_value', params: { field: 'location' } })
    return UNKNOWN_VALUE
  }
  if (candidateLocation === positionLocation) return 1
  const location = index.strings[positionLocation]!
  const relocates = index.candidateRelocates[c] === 1
  const sameCountry =
    index.candidateCountry[c] !== -1 && index.candidateCountry[c] === index.positionCountry[p]
  const value = relocates ? 0.9 : sameCountry ? 0.7 : 0.2
  if (trace !== undefined)
    push(trace, WORK_MODE, {
      code: 'work_mode_other_city',
      params: {
        location,
        candidateLocation: index.strings[candidateLocation]!,
        relocates: relocates ? 1 : 0,
      },
    })
  return value
}

function workModeValue(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const mode = index.positionMode[p]!
  if (mode === 0) {
    if (trace !== undefined) push(trace, WORK_MODE, { code: 'no_requirement', params: {} })
    return 1
  }
  const modes = index.candidateModes[c]!
  const modeName = mode === 1 ? 'remote' : mode === 2 ? 'onsite' : 'hybrid'
  if (modes === 0) {
    if (trace !== undefined)
      push(trace, WORK_MODE, { code: 'unknown_value', params: { field: 'workMode', mode: modeName } })
    return UNKNOWN_VALUE
  }
  const acceptsRemote = (modes & 1) !== 0
  const acceptsPresence = (modes & 6) !== 0
  if (mode === 1) {
    if (!acceptsRemote) {
      if (trace !== undefined)
        push(trace, WORK_MODE, { code: 'work_mode_mismatch', params: { mode: modeName } })
      return 0.3
    }
    if (trace !== undefined) push(trace, WORK_MODE, { code: 'work_mode_match', params: { mode: modeName } })
    return timeZoneValue(index, c, p, trace)
  }
  if (mode === 2 ? (modes & 2) === 0 : !acceptsPresence) {
    if (trace !== undefined)
      push(trace, WORK_MODE, { code: 'work_mode_mismatch', params: { mode: modeName } })
    return mode === 2 ? 0 : 0.3
  }
  if (trace !== undefined) push(trace, WORK_MODE, { code: 'work_mode_match', params: { mode: modeName } })
  const place = placeValue(index, c, p, trace)
  return mode === 4 ? place * (0.5 + 0.5 * timeZoneValue(index, c, p, trace)) : place
}

function availabilityValue(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const start = index.positionStartDay[p]!
  const end = index.positionEndDay[p]!
  const from = index.candidateFrom[c]!
  const until = index.candidateUntil[c]!
  let dateValue = 1
  if (!Number.isNaN(start)) {
    if (Number.isNaN(from)) {
      if (trace !== undefined)
        push(trace, AVAILABILITY, { code: 'unknown_value', params: { field: 'availableFrom' } })
      dateValue = UNKNOWN_VALUE
    } else if (from <= start) {
      if (trace !== undefined) push(trace, AVAILABILITY, { code: 'available_on_start', params: {} })
    } else {
      const days = from - start
      dateValue = Math.max(0, 1 - days / LATE_DAYS_TO_ZERO)
      if (trace !== undefined) push(trace, AVAILABILITY, { code: 'available_late', params: { days } })
    }
    if (!Number.isNaN(until)) {
      const coveredEnd = Number.isNaN(end) ? until : Math.min(until, end)
      const coverage = Number.isNaN(end)
        ? until >= start
          ? 1
          : 0
        : end > start
          ? Math.max(
              0,
              Math.min(1, (coveredEnd - Math.max(start, Number.isNaN(from) ? start : from)) / (end - start)),
            )
          : 1
      if (coverage < 1) {
        if (trace !== undefined)
          push(trace, AVAILABILITY, {
            code: 'availability_partial',
            params: { percent: Math.round(coverage * 100) },
          })
      }
      dateValue *= coverage
    }
  }
  let hoursValue = 1
  const needed = index.positionHours[p]!
  if (!Number.isNaN(needed) && needed > 0) {
    const offered = index.candidateHours[c]!
    if (Number.isNaN(offered)) {
      if (trace !== undefined)
        push(trace, AVAILABILITY, { code: 'unknown_value', params: { field: 'hoursPerWeek' } })
      hoursValue = UNKNOWN_VALUE
    } else {
      hoursValue = Math.min(1, offered / needed)
      if (trace !== undefined)
        push(trace, AVAILABILITY, {
          code: offered >= needed ? 'hours_match' : 'hours_short',
          params: { offered, needed },
        })
    }
  }
  if (trace !== undefined && Number.isNaN(start) && !(needed > 0))
    push(trace, AVAILABILITY, { code: 'no_requirement', params: {} })
  return 0.6 * dateValue + 0.4 * hoursValue
}

function educationValue(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const required = index.positionEducation[p]!
  if (required === -1) {
    if (trace !== undefined) push(trace, EDUCATION, { code: 'no_requirement', params: {} })
    return 1
  }
  const rank = index.candidateEducation[c]!
  const level = EDUCATION_LEVELS[required]!
  if (rank === -1) {
    if (trace !== undefined) push(trace, EDUCATION, { code: 'unknown_value', params: { field: 'education' } })
    return UNKNOWN_VALUE
  }
  if (rank < required) {
    if (trace !== undefined)
      push(trace, EDUCATION, {
        code: 'education_below',
        params: { level, candidateLevel: EDUCATION_LEVELS[rank]! },
      })
    return rank === required - 1 ? 0.5 : 0
  }
  const by = index.positionGraduatedBy[p]!
  const status = index.candidateEducationStatus[c]!
  const graduation = index.candidateGraduationDay[c]!
  const isOnTime = Number.isNaN(by) || (Number.isNaN(graduation) ? status === 1 : graduation <= by)
  if (!isOnTime || status === 0) {
    if (trace !== undefined)
      push(trace, EDUCATION, {
        code: 'education_pending',
        params: { level, candidateLevel: EDUCATION_LEVELS[rank]! },
      })
    return 0.5
  }
  if (trace !== undefined)
    push(trace, EDUCATION, {
      code: 'education_met',
      params: { level, candidateLevel: EDUCATION_LEVELS[rank]! },
    })
  return 1
}

function experienceValue(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): number {
  const needed = index.positionYears[p]!
  if (Number.isNaN(needed) || needed <= 0) {
    if (trace !== undefined) push(trace, EXPERIENCE, { code: 'no_requirement', params: {} })
    return 1
  }
  const years = index.candidateYears[c]!
  if (Number.isNaN(years)) {
    if (trace !== undefined)
      push(trace, EXPERIENCE, { code: 'unknown_value', params: { field: 'yearsOfExperience' } })
    return UNKNOWN_VALUE
  }
  if (trace !== undefined)
    push(trace, EXPERIENCE, {
      code: years >= needed ? 'experience_met' : 'experience_short',
      params: { years, needed },
    })
  return Math.min(1, years / needed)
}

function assessmentValue(index: ScoringIndex, c: number, trace: ScoreTrace | undefined): number {
  const score = index.candidateAssessment[c]!
  if (Number.isNaN(score)) {
    if (trace !== undefined) push(trace, ASSESSMENT, { code: 'assessment_missing', params: {} })
    return index.missingAssessmentValue
  }
  if (trace !== undefined) push(trace, ASSESSMENT, { code: 'assessment_score', params: { score } })
  return Math.max(0, Math.min(1, score / 100))
}

function exclude(trace: ScoreTrace | undefined, reason: ExclusionReason): boolean {
  trace?.exclusions.push(reason)
  return true
}

function isInList(list: Int32Array, start: number, end: number, value: number): boolean {
  for (let i = start; i < end; i++) if (list[i] === value) return true
  return false
}

/** True when some hard requirement fails; with a trace, every failing one is recorded (not only the first). */
function failsHardFilters(index: ScoringIndex, c: number, p: number, trace: ScoreTrace | undefined): boolean {
  let fails = false
  const skillCount = index.skillCount
  const candidateStart = index.candidateSkillStart[c]!
  const candidateEnd = index.candidateSkillStart[c + 1]!
  for (let r = index.requiredStart[p]!; r < index.requiredStart[p + 1]!; r++) {
    if (index.requiredMandatory[r] === 0) continue
    const need = index.requiredSkill[r]!
    const minLevel = index.requiredLevel[r]!
    let isMet = false
    for (let k = candidateStart; k < candidateEnd && !isMet; k++) {
      if (index.candidateSkillLevel[k]! < minLevel) continue
      // Only the skill itself or a more specific one satisfies a must-have.
      const relation = index.relations[index.candidateSkill[k]! * skillCount + need]!
      isMet = relation === 1 || relation === 2
    }
    if (!isMet) {
      if (trace === undefined) return true
      fails = exclude(trace, {
        code: 'missing_mandatory_skill',
        params: { skill: skillIdOf(index, need), minLevel },
      })
    }
  }
  const languageCount = index.languageCodes.length
  for (let l = index.positionLanguageStart[p]!; l < index.positionLanguageStart[p + 1]!; l++) {
    if (index.positionLanguageHard[l] === 0) continue
    const language = index.positionLanguage[l]!
    const level = index.candidateLanguage[c * languageCount + language]!
    const minLevel = index.positionLanguageLevel[l]!
    if (level < minLevel) {
      if (trace === undefined) return true
      fails = exclude(trace, {
        code: 'language_below_minimum',
        params: { language: index.languageCodes[language]!, minLevel, level },
      })
    }
  }
  const visaStart = index.hardVisaStart[p]!
  const visaEnd = index.hardVisaStart[p + 1]!
  if (visaEnd > visaStart && !isInList(index.hardVisa, visaStart, visaEnd, index.candidateVisa[c]!)) {
    const visa = index.candidateVisa[c]!
    if (trace === undefined) return true
    fails = exclude(trace, {
      code: 'visa_not_allowed',
      params: { visa: visa === -1 ? 'unknown' : index.strings[visa]! },
    })
  }
  const nationalityStart = index.hardNationalityStart[p]!
  const nationalityEnd = index.hardNationalityStart[p + 1]!
  if (
    nationalityEnd > nationalityStart &&
    !isInList(index.hardNationality, nationalityStart, nationalityEnd, index.candidateNationality[c]!)
  ) {
    const nationality = index.candidateNationality[c]!
    if (trace === undefined) return true
    fails = exclude(trace, {
      code: 'nationality_not_allowed',
      params: { nationality: nationality === -1 ? 'unknown' : index.strings[nationality]!.toUpperCase() },
    })
  }
  const minAssessment = index.hardMinAssessment[p]!
  const assessment = index.candidateAssessment[c]!
  if (!Number.isNaN(minAssessment) && !(assessment >= minAssessment)) {
    if (trace === undefined) return true
    fails = exclude(trace, {
      code: 'assessment_below_minimum',
      params: { minScore: minAssessment, score: Number.isNaN(assessment) ? 'unknown' : assessment },
    })
  }
  const mode = index.positionMode[p]!
  const maxHours = index.hardMaxTimeZoneHours[p]!
  if (!Number.isNaN(maxHours) && mode !== 2 && !Number.isNaN(index.positionOffset[p]!)) {
    const offset = index.candidateOffset[c]!
    const hours = Number.isNaN(offset)
      ? Number.POSITIVE_INFINITY
      : hoursApart(offset, index.positionOffset[p]!)
    if (hours > maxHours) {
      if (trace === undefined) return true
      fails = exclude(trace, {
        code: 'time_zone_too_far',
        params: { maxHours, hours: Number.isFinite(hours) ? Math.round(hours * 10) / 10 : 'unknown' },
      })
    }
  }
  if (index.hardWorkMode[p] === 1 && mode !== 0) {
    const modes = index.candidateModes[c]!
    const location = index.positionLocation[p]!
    const isSamePlace =
      location === -1 || index.candidateLocation[c] === location || index.candidateRelocates[c] === 1
    const isCompatible =
      mode === 1
        ? (modes & 1) !== 0
        : mode === 2
          ? (modes & 2) !== 0 && isSamePlace
          : (modes & 6) !== 0 && isSamePlace
    if (!isCompatible) {
      if (trace === undefined) return true
      fails = exclude(trace, {
        code: 'work_mode_incompatible',
        params: { mode: mode === 1 ? 'remote' : mode === 2 ? 'onsite' : 'hybrid' },
      })
    }
  }
  const start = index.positionStartDay[p]!
  if (index.hardStartDate[p] === 1 && !Number.isNaN(start)) {
    const from = index.candidateFrom[c]!
    const until = index.candidateUntil[c]!
    if (!(from <= start) || until < start) {
      if (trace === undefined) return true
      fails = exclude(trace, {
        code: 'not_available_on_start',
        params: { days: Number.isNaN(from) ? 'unknown' : Math.max(0, from - start) },
      })
    }
  }
  const minHours = index.hardMinHours[p]!
  if (!Number.isNaN(minHours) && !(index.candidateHours[c]! >= minHours)) {
    const hours = index.candidateHours[c]!
    if (trace === undefined) return true
    fails = exclude(trace, {
      code: 'hours_below_minimum',
      params: { minHours, hours: Number.isNaN(hours) ? 'unknown' : hours },
    })
  }
  const minEducation = index.hardMinEducation[p]!
  if (minEducation !== -1 && index.candidateEducation[c]! < minEducation) {
    const rank = index.candidateEducation[c]!
    if (trace === undefined) return true
    fails = exclude(trace, {
      code: 'education_below_minimum',
      params: {
        level: EDUCATION_LEVELS[minEducation]!,
        candidateLevel: rank === -1 ? 'unknown' : EDUCATION_LEVELS[rank]!,
      },
    })
  }
  const minYears = index.hardMinYears[p]!
  if (!Number.isNaN(minYears) && !(index.candidateYears[c]! >= minYears)) {
    if (trace === undefined) return true
    const years = index.candidateYears[c]!
    fails = exclude(trace, {
      code: 'experience_below_minimum',
      params: { minYears, years: Number.isNaN(years) ? 'unknown' : years },
    })
  }
  return fails
}

/**
 * Score of candidate `c` for position `p` (dense indices): 0–100 rounded to 2 decimals, or
 * {@link EXCLUDED_SCORE} when a hard filter fails. With a trace, components are computed even for an
 * excluded pair so that an explanation can say what the score would have been.
 */
export function scorePair(index: ScoringIndex, c: number, p: number, trace?: ScoreTrace): number {
  const isExcluded = index.hasHardFilters[p] === 1 && failsHardFilters(index, c, p, trace)
  if (isExcluded && trace === undefined) return EXCLUDED_SCORE
  const weights = index.weights
  const values = trace?.values
  let total = 0
  let value = requiredCoverage(index, c, p, trace)
  values?.push(value)
  total += weights[REQUIRED]! * value
  value = preferredCoverage(index, c, p, trace)
  values?.push(value)
  total += weights[PREFERRED]! * value
  value = languageValue(index, c, p, trace)
  values?.push(value)
  total += weights[LANGUAGES]! * value
  value = workModeValue(index, c, p, trace)
  values?.push(value)
  total += weights[WORK_MODE]! * value
  value = availabilityValue(index, c, p, trace)
  values?.push(value)
  total += weights[AVAILABILITY]! * value
  value = educationValue(index, c, p, trace)
  values?.push(value)
  total += weights[EDUCATION]! * value
  value = experienceValue(index, c, p, trace)
  values?.push(value)
  total += weights[EXPERIENCE]! * value
  value = assessmentValue(index, c, trace)
  values?.push(value)
  total += weights[ASSESSMENT]! * value
  const rounded = Math.round(total * 100) / 100
  return isExcluded ? EXCLUDED_SCORE : rounded
}

/** Upper bound of the score of a candidate holding none of a position's skills (for index pruning). */
export function scoreBoundWithoutSkills(index: ScoringIndex, p: number): number {
  const hasRequired = index.requiredStart[p + 1]! > index.requiredStart[p]!
  const hasPreferred = index.preferredStart[p + 1]! > index.preferredStart[p]!
  return 100 - (hasRequired ? index.weights[REQUIRED]! : 0) - (hasPreferred ? index.weights[PREFERRED]! : 0)
}

/**
 * Upper bound of `scorePair(index, c, p)` from the skill components alone (the others counted as full):
 * cheap, and lets top-k search skip candidates that cannot enter the list. With `threshold`, it may stop
 * early at a looser bound that is already below it.
 */
export function scoreUpperBound(
  index: ScoringIndex,
  c: number,
  p: number,
  threshold = Number.NEGATIVE_INFINITY,
): number {
  const weights = index.weights
  // Rounding in scorePair can lift a score by < 0.005; keep the bound safe.
  const withoutPreferred = 100.01 - weights[REQUIRED]! * (1 - requiredCoverage(index, c, p, undefined))
  // Already below what is needed: the preferred skills cannot lift the bound, skip them.
  if (withoutPreferred < threshold) return withoutPreferred
  return withoutPreferred - weights[PREFERRED]! * (1 - preferredCoverage(index, c, p, undefined))
}

/** True when a position has a mandatory skill (then a candidate holding none of its skills is excluded). */
export function hasMandatorySkill(index: ScoringIndex, p: number): boolean {
  for (let r = index.requiredStart[p]!; r < index.requiredStart[p + 1]!; r++)
    if (index.requiredMandatory[r] === 1) return true
  return false
}
