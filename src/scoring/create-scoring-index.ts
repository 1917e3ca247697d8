/**
 * Compiles candidates and positions once into flat typed arrays with dense ints for skills, languages and
 * places, so that scoring a pair allocates nothing. Every other scoring entry point works on an index.
 */
import { EDUCATION_LEVELS } from './extract-education.ts'
import { parseDay } from './parse-day.ts'
import {
  FIT_COMPONENTS,
  type ScoringCandidate,
  type ScoringOptions,
  type ScoringPosition,
  type ScoringWeights,
  type WorkMode,
} from './scoring-types.ts'
import { SKILL_TAXONOMY, type SkillTaxonomy } from './skill-taxonomy.ts'

/** Default component weights (points out of 100); a program overrides any of them. */
export const DEFAULT_SCORING_WEIGHTS: ScoringWeights = {
  requiredSkills: 40,
  preferredSkills: 10,
  languages: 15,
  workMode: 10,
  availability: 10,
  education: 5,
  experience: 5,
  assessment: 5,
}

/** Work-mode bits of `candidateModes` / `positionMode`; 0 = unknown. */
export const WORK_MODE_BITS: Readonly<Record<WorkMode, number>> = { remote: 1, onsite: 2, hybrid: 4 }

/** The compiled form of a program's candidates and positions; read-only after creation. */
export interface ScoringIndex {
  readonly taxonomy: SkillTaxonomy
  /** Component weights rescaled to sum to 100, in {@link FIT_COMPONENTS} order. */
  readonly weights: Float64Array
  readonly missingAssessmentValue: number
  readonly candidateIds: readonly string[]
  readonly positionIds: readonly string[]
  readonly candidateIndexById: ReadonlyMap<string, number>
  readonly positionIndexById: ReadonlyMap<string, number>
  /** Rank of each id in sorted id order: ties between equal scores break by id through these. */
  readonly candidateOrder: Int32Array
  readonly positionOrder: Int32Array
  /** Skill ids beyond the taxonomy (dense ints ≥ taxonomy.size); they match only themselves. */
  readonly extraSkillIds: readonly string[]
  readonly skillCount: number
  /** `similarity[have * skillCount + need]` over taxonomy and extra skills (extras match only themselves). */
  readonly similarity: Float32Array
  /** `relations[have * skillCount + need]`: index into SKILL_RELATIONS. */
  readonly relations: Uint8Array
  readonly languageCodes: readonly string[]
  /** Interned lower-case strings (locations, countries, visas, nationalities). */
  readonly strings: readonly string[]
  readonly candidateSkillStart: Int32Array
  readonly candidateSkill: Int32Array
  readonly candidateSkillLevel: Uint8Array
  /** `candidateLanguage[c * languageCount + l]`: level 0–6. */
  readonly candidateLanguage: Uint8Array
  readonly candidateHasLanguages: Uint8Array
  /** Education rank (index in EDUCATION_LEVELS), -1 unknown. */
  readonly candidateEducation: Int8Array
  /** 0 unknown, 1 graduated, 2 enrolled. */
  readonly candidateEducationStatus: Uint8Array
  readonly candidateGraduationDay: Float64Array
  readonly candidateYears: Float64Array
  readonly candidateModes: Uint8Array
  readonly candidateLocation: Int32Array
  readonly candidateCountry: Int32Array
  readonly candidateOffset: Float64Array
  readonly candidateRelocates: Uint8Array
  readonly candidateFrom: Float64Array
  readonly candidateUntil: Float64Array
  readonly candidateHours: Float64Array
  readonly candidateAssessment: Float64Array
  readonly candidateVisa: Int32Array
  readonly candidateNationality: Int32Array
  readonly requiredStart: Int32Array
  readonly requiredSkill: Int32Array
  readonly requiredLevel: Uint8Array
  readonly requiredMandatory: Uint8Array
  readonly preferredStart: Int32Array
  readonly preferredSkill: Int32Array
  readonly preferredLevel: Uint8Array
  readonly positionLanguageStart: Int32Array
  readonly positionLanguage: Int32Array
  readonly positionLanguageLevel: Uint8Array
  readonly positionLanguageHard: Uint8Array
  readonly positionMode: Uint8Array
  readonly positionLocation: Int32Array
  readonly positionCountry: Int32Array
  readonly positionOffset: Float64Array
  readonly positionStartDay: Float64Array
  readonly positionEndDay: Float64Array
  readonly positionHours: Float64Array
  readonly positionEducation: Int8Array
  readonly positionGraduatedBy: Float64Array
  readonly positionYears: Float64Array
  readonly positionSeats: Float64Array
  readonly hasHardFilters: Uint8Array
  readonly hardMinAssessment: Float64Array
  readonly hardVisaStart: Int32Array
  readonly hardVisa: Int32Array
  readonly hardNationalityStart: Int32Array
  readonly hardNationality: Int32Array
  readonly hardMaxTimeZoneHours: Float64Array
  readonly hardWorkMode: Uint8Array
  readonly hardStartDate: Uint8Array
  readonly hardMinHours: Float64Array
  readonly hardMinEducation: Int8Array
  readonly hardMinYears: Float64Array
  /** Inverted indexes: candidates holding each skill, positions needing each skill (CSR). */
  readonly candidatesBySkillStart: Int32Array
  readonly candidatesBySkill: Int32Array
  readonly positionsBySkillStart: Int32Array
  readonly positionsBySkill: Int32Array
}

/** Resolves partial weights against the defaults and rescales them to sum to 100. */
export function resolveWeights(weights: Partial<ScoringWeights> | undefined): Float64Array {
  const raw = FIT_COMPONENTS.map((name) => Math.max(0, weights?.[name] ?? DEFAULT_SCORING_WEIGHTS[name]))
  const total = raw.reduce((sum, value) => sum + value, 0)
  if (!(total > 0)) throw new Error('scoring weights sum to 0: give at least one component a positive weight')
  return Float64Array.from(raw, (value) => (value * 100) / total)
}

function createDictionary(): { readonly values: string[]; intern: (value: string | undefined) => number } {
  const values: string[] = []
  const indexOf = new Map<string, number>()
  return {
    values,
    intern(value) {
      if (value === undefined || value.trim() === '') return -1
      const key = value.trim().toLowerCase()
      let index = indexOf.get(key)
      if (index === undefined) {
        index = values.length
        values.push(key)
        indexOf.set(key, index)
      }
      return index
    },
  }
}

function countryOf(location: string | undefined): string | undefined {
  if (location === undefined) return undefined
  const match = /^([A-Za-z]{2})(?:-|$)/.exec(location.trim())
  return match === null ? undefined : match[1]!.toUpperCase()
}

function clampLevel(level: number, max: number): number {
  return Number.isFinite(level) ? Math.max(0, Math.min(max, Math.round(level))) : 0
}

function educationRank(level: string | undefined): number {
  return level === undefined ? -1 : EDUCATION_LEVELS.indexOf(level as (typeof EDUCATION_LEVELS)[number])
}

function orderOf(ids: readonly string[]): Int32Array {
  const sorted = ids
    .map((id, index) => [id, index] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const order = new Int32Array(ids.length)
  for (const [rank, [, index]] of sorted.entries()) order[index] = rank
  return order
}

function toNumber(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) ? Number.NaN : value
}

/** The taxonomy's tables, grown to also cover extra skills (each credits only itself). */
function expandSimilarity(taxonomy: SkillTaxonomy, skillCount: number): [Float32Array, Uint8Array] {
  const size = taxonomy.size
  if (skillCount === size) return [taxonomy.similarity, taxonomy.relations]
  const similarity = new Float32Array(skillCount * skillCount)
  const relations = new Uint8Array(skillCount * skillCount)
  for (let have = 0; have < size; have++) {
    similarity.set(taxonomy.similarity.subarray(have * size, (have + 1) * size), have * skillCount)
    relations.set(taxonomy.relations.subarray(have * size, (have + 1) * size), have * skillCount)
  }
  for (let extra = size; extra < skillCount; extra++) {
    similarity[extra * skillCount + extra] = 1
    relations[extra * skillCount + extra] = 1
  }
  return [similarity, relations]
}

/** Builds a CSR list of `groups` (each a list of `[key, value]`) into start/value arrays. */
function buildInverted(
  keyCount: number,
  pairs: readonly (readonly [number, number])[],
): [Int32Array, Int32Array] {
  const start = new Int32Array(keyCount + 1)
  for (const [key] of pairs) start[key + 1]!++
  for (let key = 0; key < keyCount; key++) start[key + 1]! += start[key]!
  const values = new Int32Array(pairs.length)
  const cursor = start.slice(0, keyCount)
  for (const [key, value] of pairs) values[cursor[key]!++] = value
  return [start, values]
}

/**
 * Compiles a program. Throws only on misuse (duplicate ids, weights summing to 0). Skill ids missing from the
 * taxonomy are kept as extra skills that match only themselves.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: scoring hot path: compiles the program into flat typed arrays in one pass
export function createScoringIndex(
  candidates: readonly ScoringCandidate[],
  positions: readonly ScoringPosition[],
  options: ScoringOptions = {},
  taxonomy: SkillTaxonomy = SKILL_TAXONOMY,
): ScoringIndex {
  const weights = resolveWeights(options.weights)
  const candidateIndexById = new Map<string, number>()
  for (const [index, candidate] of candidates.entries()) {
    if (candidateIndexById.has(candidate.id)) throw new Error(`candidate id "${candidate.id}" appears twice`)
    candidateIndexById.set(candidate.id, index)
  }
  const positionIndexById = new Map<string, number>()
  for (const [index, position] of positions.entries()) {
    if (positionIndexById.has(position.id)) throw new Error(`position id "${position.id}" appears twice`)
    positionIndexById.set(position.id, index)
  }
  const extraSkillIds: string[] = []
  const extraIndex = new Map<string, number>()
  const skillIndex = (id: string): number => {
    const known = taxonomy.indexById.get(id)
    if (known !== undefined) return known
    let extra = extraIndex.get(id)
    if (extra === undefined) {
      extra = taxonomy.size + extraSkillIds.length
      extraSkillIds.push(id)
      extraIndex.set(id, extra)
    }
    return extra
  }
  const languageCodes: string[] = []
  const languageIndex = new Map<string, number>()
  const languageOf = (code: string): number => {
    const key = code.trim().toLowerCase()
    let index = languageIndex.get(key)
    if (index === undefined) {
      index = languageCodes.length
      languageCodes.push(key)
      languageIndex.set(key, index)
    }
    return index
  }
  for (const candidate of candidates)
    for (const language of candidate.languages ?? []) languageOf(language.code)
  for (const position of positions) for (const language of position.languages ?? []) languageOf(language.code)
  const languageCount = languageCodes.length
  const strings = createDictionary()
  const nC = candidates.length
  const nP = positions.length

  // Candidates: skills deduplicated to the highest level (duplicates cannot add weight).
  const candidateSkillStart = new Int32Array(nC + 1)
  const skillList: number[] = []
  const levelList: number[] = []
  const candidateLanguage = new Uint8Array(nC * languageCount)
  const candidateHasLanguages = new Uint8Array(nC)
  const candidateEducation = new Int8Array(nC).fill(-1)
  const candidateEducationStatus = new Uint8Array(nC)
  const candidateGraduationDay = new Float64Array(nC).fill(Number.NaN)
  const candidateYears = new Float64Array(nC)
  const candidateModes = new Uint8Array(nC)
  const candidateLocation = new Int32Array(nC)
  const candidateCountry = new Int32Array(nC)
  const candidateOffset = new Float64Array(nC)
  const candidateRelocates = new Uint8Array(nC)
  const candidateFrom = new Float64Array(nC)
  const candidateUntil = new Float64Array(nC)
  const candidateHours = new Float64Array(nC)
  const candidateAssessment = new Float64Array(nC)
  const candidateVisa = new Int32Array(nC)
  const candidateNationality = new Int32Array(nC)
  const skillPairs: [number, number][] = []
  const levels = new Map<number, number>()
  for (const [c, candidate] of candidates.entries()) {
    candidateSkillStart[c] = skillList.length
    levels.clear()
    for (const { skill, level } of candidate.skills) {
      const index = skillIndex(skill)
      const value = Math.max(1, clampLevel(level, 5))
      if ((levels.get(index) ?? 0) < value) levels.set(index, value)
    }
    for (const [index, level] of [...levels].sort((a, b) => a[0] - b[0])) {
      skillList.push(index)
      levelList.push(level)
      skillPairs.push([index, c])
    }
    if (candidate.languages !== undefined) {
      candidateHasLanguages[c] = 1
      for (const language of candidate.languages) {
        const slot = c * languageCount + languageOf(language.code)
        candidateLanguage[slot] = Math.max(candidateLanguage[slot]!, clampLevel(language.level, 6))
      }
    }
    if (candidate.education !== undefined) {
      candidateEducation[c] = educationRank(candidate.education.level)
      candidateEducationStatus[c] =
        candidate.education.status === 'graduated' ? 1 : candidate.education.status === 'enrolled' ? 2 : 0
      candidateGraduationDay[c] = parseDay(candidate.education.graduationDate)
    }
    candidateYears[c] = toNumber(candidate.yearsOfExperience)
    for (const mode of candidate.workModes ?? []) candidateModes[c]! |= WORK_MODE_BITS[mode]
    candidateLocation[c] = strings.intern(candidate.location)
    candidateCountry[c] = strings.intern(countryOf(candidate.location))
    candidateOffset[c] = toNumber(candidate.utcOffsetMinutes)
    candidateRelocates[c] = candidate.isWillingToRelocate === true ? 1 : 0
    candidateFrom[c] = parseDay(candidate.availableFrom)
    candidateUntil[c] = parseDay(candidate.availableUntil)
    candidateHours[c] = toNumber(candidate.hoursPerWeek)
    candidateAssessment[c] = toNumber(candidate.assessmentScore)
    candidateVisa[c] = strings.intern(candidate.visa)
    candidateNationality[c] = strings.intern(candidate.nationality)
  }
  candidateSkillStart[nC] = skillList.length

  // Positions.
  const requiredStart = new Int32Array(nP + 1)
  const preferredStart = new Int32Array(nP + 1)
  const positionLanguageStart = new Int32Array(nP + 1)
  const hardVisaStart = new Int32Array(nP + 1)
  const hardNationalityStart = new Int32Array(nP + 1)
  const required: [number, number, number][] = []
  const preferred: [number, number][] = []
  const positionLanguages: [number, number, number][] = []
  const visas: number[] = []
  const nationalities: number[] = []
  const positionMode = new Uint8Array(nP)
  const positionLocation = new Int32Array(nP)
  const positionCountry = new Int32Array(nP)
  const positionOffset = new Float64Array(nP)
  const positionStartDay = new Float64Array(nP)
  const positionEndDay = new Float64Array(nP)
  const positionHours = new Float64Array(nP)
  const positionEducation = new Int8Array(nP).fill(-1)
  const positionGraduatedBy = new Float64Array(nP).fill(Number.NaN)
  const positionYears = new Float64Array(nP)
  const positionSeats = new Float64Array(nP)
  const hasHardFilters = new Uint8Array(nP)
  const hardMinAssessment = new Float64Array(nP)
  const hardMaxTimeZoneHours = new Float64Array(nP)
  const hardWorkMode = new Uint8Array(nP)
  const hardStartDate = new Uint8Array(nP)
  const hardMinHours = new Float64Array(nP)
  const hardMinEducation = new Int8Array(nP).fill(-1)
  const hardMinYears = new Float64Array(nP)
  const neededPairs: [number, number][] = []
  for (const [p, position] of positions.entries()) {
    requiredStart[p] = required.length
    preferredStart[p] = preferred.length
    positionLanguageStart[p] = positionLanguages.length
    hardVisaStart[p] = visas.length
    hardNationalityStart[p] = nationalities.length
    // A skill listed twice keeps its highest minimum; a required skill is not also counted as preferred.
    const requiredBySkill = new Map<number, [number, number]>()
    let hasMandatory = false
    for (const item of position.requiredSkills) {
      const index = skillIndex(item.skill)
      const previous = requiredBySkill.get(index)
      const minLevel = Math.max(1, clampLevel(item.minLevel, 5))
      const mandatory = item.isMandatory === true ? 1 : 0
      hasMandatory ||= mandatory === 1
      requiredBySkill.set(index, [
        Math.max(previous?.[0] ?? 0, minLevel),
        Math.max(previous?.[1] ?? 0, mandatory),
      ])
    }
    for (const [index, [minLevel, mandatory]] of [...requiredBySkill].sort((a, b) => a[0] - b[0])) {
      required.push([index, minLevel, mandatory])
      neededPairs.push([index, p])
    }
    const preferredBySkill = new Map<number, number>()
    for (const item of position.preferredSkills ?? []) {
      const index = skillIndex(item.skill)
      if (requiredBySkill.has(index)) continue
      preferredBySkill.set(
        index,
        Math.max(preferredBySkill.get(index) ?? 0, Math.max(1, clampLevel(item.minLevel, 5))),
      )
    }
    for (const [index, minLevel] of [...preferredBySkill].sort((a, b) => a[0] - b[0])) {
      preferred.push([index, minLevel])
      neededPairs.push([index, p])
    }
    let hasHardLanguage = false
    const languageByCode = new Map<number, [number, number]>()
    for (const language of position.languages ?? []) {
      const index = languageOf(language.code)
      const previous = languageByCode.get(index)
      const hard = language.isHard === true ? 1 : 0
      hasHardLanguage ||= hard === 1
      languageByCode.set(index, [
        Math.max(previous?.[0] ?? 0, clampLevel(language.minLevel, 6)),
        Math.max(previous?.[1] ?? 0, hard),
      ])
    }
    for (const [index, [level, hard]] of [...languageByCode].sort((a, b) => a[0] - b[0])) {
      positionLanguages.push([index, level, hard])
    }
    positionMode[p] = position.workMode === undefined ? 0 : WORK_MODE_BITS[position.workMode]
    positionLocation[p] = strings.intern(position.location)
    positionCountry[p] = strings.intern(countryOf(position.location))
    positionOffset[p] = toNumber(position.utcOffsetMinutes)
    positionStartDay[p] = parseDay(position.startDate)
    positionEndDay[p] = parseDay(position.endDate)
    positionHours[p] = toNumber(position.hoursPerWeek)
    if (position.education !== undefined) {
      positionEducation[p] = educationRank(position.education.minLevel)
      positionGraduatedBy[p] = parseDay(position.education.graduatedBy)
    }
    positionYears[p] = toNumber(position.minYearsOfExperience)
    positionSeats[p] = position.seats ?? 1
    const hard = position.hard ?? {}
    for (const visa of hard.allowedVisas ?? []) visas.push(strings.intern(visa))
    for (const nationality of hard.allowedNationalities ?? []) nationalities.push(strings.intern(nationality))
    hardMinAssessment[p] = toNumber(hard.minAssessmentScore)
    hardMaxTimeZoneHours[p] = toNumber(hard.maxTimeZoneDifferenceHours)
    hardWorkMode[p] = hard.isWorkModeRequired === true ? 1 : 0
    hardStartDate[p] = hard.isStartDateRequired === true ? 1 : 0
    hardMinHours[p] = toNumber(hard.minHoursPerWeek)
    hardMinEducation[p] = educationRank(hard.minEducationLevel)
    hardMinYears[p] = toNumber(hard.minYearsOfExperience)
    hasHardFilters[p] =
      hasMandatory ||
      hasHardLanguage ||
      hard.allowedVisas !== undefined ||
      hard.allowedNationalities !== undefined ||
      hard.minAssessmentScore !== undefined ||
      hard.maxTimeZoneDifferenceHours !== undefined ||
      hard.isWorkModeRequired === true ||
      hard.isStartDateRequired === true ||
      hard.minHoursPerWeek !== undefined ||
      hard.minEducationLevel !== undefined ||
      hard.minYearsOfExperience !== undefined
        ? 1
        : 0
  }
  requiredStart[nP] = required.length
  preferredStart[nP] = preferred.length
  positionLanguageStart[nP] = positionLanguages.length
  hardVisaStart[nP] = visas.length
  hardNationalityStart[nP] = nationalities.length
  const skillCount = taxonomy.size + extraSkillIds.length
  const [similarity, relations] = expandSimilarity(taxonomy, skillCount)
  const [candidatesBySkillStart, candidatesBySkill] = buildInverted(skillCount, skillPairs)
  const [positionsBySkillStart, positionsBySkill] = buildInverted(skillCount, neededPairs)
  return {
    taxonomy,
    weights,
    missingAssessmentValue: options.missingAssessmentValue ?? 0.5,
    candidateIds: candidates.map((candidate) => candidate.id),
    positionIds: positions.map((position) => position.id),
    candidateIndexById,
    positionIndexById,
    candidateOrder: orderOf(candidates.map((candidate) => candidate.id)),
    positionOrder: orderOf(positions.map((position) => position.id)),
    extraSkillIds,
    skillCount,
    similarity,
    relations,
    languageCodes,
    strings: strings.values,
    candidateSkillStart,
    candidateSkill: Int32Array.from(skillList),
    candidateSkillLevel: Uint8Array.from(levelList),
    candidateLanguage,
    candidateHasLanguages,
    candidateEducation,
    candidateEducationStatus,
    candidateGraduationDay,
    candidateYears,
    candidateModes,
    candidateLocation,
    candidateCountry,
    candidateOffset,
    candidateRelocates,
    candidateFrom,
    candidateUntil,
    candidateHours,
    candidateAssessment,
    candidateVisa,
    candidateNationality,
    requiredStart,
    requiredSkill: Int32Array.from(required, (item) => item[0]),
    requiredLevel: Uint8Array.from(required, (item) => item[1]),
    requiredMandatory: Uint8Array.from(required, (item) => item[2]),
    preferredStart,
    preferredSkill: Int32Array.from(preferred, (item) => item[0]),
    preferredLevel: Uint8Array.from(preferred, (item) => item[1]),
    positionLanguageStart,
    positionLanguage: Int32Array.from(positionLanguages, (item) => item[0]),
    positionLanguageLevel: Uint8Array.from(positionLanguages, (item) => item[1]),
    positionLanguageHard: Uint8Array.from(positionLanguages, (item) => item[2]),
    positionMode,
    positionLocation,
    positionCountry,
    positionOffset,
    positionStartDay,
    positionEndDay,
    positionHours,
    positionEducation,
    positionGraduatedBy,
    positionYears,
    positionSeats,
    hasHardFilters,
    hardMinAssessment,
    hardVisaStart,
    hardVisa: Int32Array.from(visas),
    hardNationalityStart,
    hardNationality: Int32Array.from(nationalities),
    hardMaxTimeZoneHours,
    hardWorkMode,
    hardStartDate,
    hardMinHours,
    hardMinEducation,
    hardMinYears,
    candidatesBySkillStart,
    candidatesBySkill,
    positionsBySkillStart,
    positionsBySkill,
  }
}
