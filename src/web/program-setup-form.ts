import type { TFunction } from 'i18next'
import {
  DEFAULT_SCORE_WEIGHTS,
  type MATCHING_MECHANISMS,
  PROGRAM_KINDS,
  PROGRAM_PHASES,
  type Program,
  type ProgramInput,
  type ProgramPhase,
  SCORE_WEIGHT_COMPONENTS,
  type ScoreWeightComponent,
} from '../domain/index.ts'
import type { Message } from './message.ts'

/** The program set-up form's values, as the inputs hold them (text until saved). */
export interface SetupValues {
  readonly title: string
  readonly kind: ProgramInput['kind']
  readonly description: string
  readonly capacity: string
  /** Start date of each phase, `YYYY-MM-DD` or '' (not planned). */
  readonly timeline: Readonly<Record<ProgramPhase, string>>
  readonly mechanism: (typeof MATCHING_MECHANISMS)[number]
  readonly tieBreakSeed: string
  readonly stableImprovementCycles: boolean
  readonly groupCapAttribute: '' | 'nationality' | 'institution'
  readonly groupCapMax: string
  /** '' = the default weight. */
  readonly weights: Readonly<Record<ScoreWeightComponent, string>>
  /** Most placements per company, by company id; '' = no cap. */
  readonly companyCaps: Readonly<Record<string, string>>
}

/** Where a problem is shown: a field key such as `title`, `timeline.ranking`, `weight.languages`, `cap.<id>`. */
export type FieldErrors = Readonly<Record<string, Message>>

const WHOLE = /^\d+$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const MAX_SEED = 2 ** 31 - 1

const emptyTimeline = () =>
  Object.fromEntries(PROGRAM_PHASES.map((phase) => [phase, ''])) as Record<ProgramPhase, string>
const emptyWeights = () =>
  Object.fromEntries(SCORE_WEIGHT_COMPONENTS.map((name) => [name, ''])) as Record<
    ScoreWeightComponent,
    string
  >

/** The values of a new program's form. */
export function newSetupValues(): SetupValues {
  return {
    title: '',
    kind: PROGRAM_KINDS[0],
    description: '',
    capacity: '0',
    timeline: emptyTimeline(),
    mechanism: 'candidate-proposing',
    tieBreakSeed: '1',
    stableImprovementCycles: true,
    groupCapAttribute: '',
    groupCapMax: '',
    weights: emptyWeights(),
    companyCaps: {},
  }
}

/** The form's values for a stored program. */
export function setupValuesOf(program: Program): SetupValues {
  const timeline = emptyTimeline()
  for (const step of program.timeline) timeline[step.phase] = step.startsOn
  // Programs stored before a setting existed lack it: the form shows its default.
  const config: Partial<Program['matchingConfig']> = program.matchingConfig ?? {}
  const weights = emptyWeights()
  for (const name of SCORE_WEIGHT_COMPONENTS) {
    const value = config.scoreWeights?.[name]
    if (value !== undefined) weights[name] = String(value)
  }
  return {
    title: program.title,
    kind: program.kind,
    description: program.description,
    capacity: String(program.capacity),
    timeline,
    mechanism: config.mechanism ?? 'candidate-proposing',
    tieBreakSeed: String(config.tieBreakSeed ?? 1),
    stableImprovementCycles: config.stableImprovementCycles ?? true,
    groupCapAttribute: config.groupCap?.attribute ?? '',
    groupCapMax: config.groupCap ? String(config.groupCap.maxPerCompany) : '',
    weights,
    companyCaps: Object.fromEntries(
      Object.entries(config.companyCaps ?? {}).map(([id, cap]) => [id, String(cap)]),
    ),
  }
}

function wholeIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim()
  if (!WHOLE.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= min && value <= max ? value : null
}

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/**
 * Checks the form and builds the program input, or lists the problems by field. `companyIds` are the
 * companies that take part (caps of others are dropped).
 */
export function readSetupValues(
  values: SetupValues,
  companyIds: readonly string[] | null,
): { readonly input: ProgramInput | null; readonly errors: FieldErrors } {
  const errors: Record<string, Message> = {}
  const title = values.title.trim()
  if (title === '') errors.title = { key: 'programSetup.errors.titleRequired' }
  else if (title.length > 200) errors.title = { key: 'programSetup.errors.tooLong', values: { max: 200 } }
  if (values.description.length > 20_000)
    errors.description = { key: 'programSetup.errors.tooLong', values: { max: 20_000 } }
  const capacity = wholeIn(values.capacity, 0, 100_000)
  if (capacity === null)
    errors.capacity = { key: 'programSetup.errors.whole', values: { min: 0, max: 100_000 } }

  const timeline: { phase: ProgramPhase; startsOn: string }[] = []
  let previous: { phase: ProgramPhase; startsOn: string } | null = null
  for (const phase of PROGRAM_PHASES) {
    const startsOn = values.timeline[phase].trim()
    if (startsOn === '') continue
    if (!isRealDate(startsOn)) {
      errors[`timeline.${phase}`] = { key: 'programSetup.errors.date' }
      continue
    }
    if (previous && startsOn < previous.startsOn) {
      errors[`timeline.${phase}`] = {
        key: 'programSetup.errors.dateOrder',
        values: { phase: `$t:phase.${previous.phase}`, date: previous.startsOn },
      }
    }
    timeline.push({ phase, startsOn })
    previous = { phase, startsOn }
  }

  const tieBreakSeed = wholeIn(values.tieBreakSeed, 0, MAX_SEED)
  if (tieBreakSeed === null)
    errors.tieBreakSeed = { key: 'programSetup.errors.whole', values: { min: 0, max: MAX_SEED } }
  let groupCap: { attribute: 'nationality' | 'institution'; maxPerCompany: number } | undefined
  if (values.groupCapAttribute !== '') {
    const maxPerCompany = wholeIn(values.groupCapMax, 1, 10_000)
    if (maxPerCompany === null)
      errors.groupCapMax = { key: 'programSetup.errors.whole', values: { min: 1, max: 10_000 } }
    else groupCap = { attribute: values.groupCapAttribute, maxPerCompany }
  }

  const scoreWeights: Partial<Record<ScoreWeightComponent, number>> = {}
  for (const name of SCORE_WEIGHT_COMPONENTS) {
    const text = values.weights[name].trim()
    if (text === '') continue
    const weight = Number(text)
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
      errors[`weight.${name}`] = { key: 'programSetup.errors.weight' }
    } else scoreWeights[name] = weight
  }
  const isAllZero = SCORE_WEIGHT_COMPONENTS.every(
    (name) => (scoreWeights[name] ?? DEFAULT_SCORE_WEIGHTS[name]) === 0,
  )
  if (isAllZero) errors.weights = { key: 'programSetup.errors.weightsZero' }

  const companyCaps: Record<string, number> = {}
  for (const [companyId, text] of Object.entries(values.companyCaps)) {
    if (companyIds !== null && !companyIds.includes(companyId)) continue
    if (text.trim() === '') continue
    const cap = wholeIn(text, 0, 10_000)
    if (cap === null)
      errors[`cap.${companyId}`] = { key: 'programSetup.errors.whole', values: { min: 0, max: 10_000 } }
    else companyCaps[companyId] = cap
  }

  if (Object.keys(errors).length > 0) return { input: null, errors }
  return {
    input: {
      title,
      kind: values.kind,
      description: values.description,
      capacity: capacity ?? 0,
      timeline,
      matchingConfig: {
        mechanism: values.mechanism,
        tieBreakSeed: tieBreakSeed ?? 1,
        stableImprovementCycles: values.stableImprovementCycles,
        ...(groupCap && { groupCap }),
        scoreWeights,
        ...(Object.keys(companyCaps).length > 0 && { companyCaps }),
      },
    },
    errors: {},
  }
}

/**
 * The form field an API issue path names (`body.timeline.3.startsOn` → `timeline.<phase of item 3>`,
 * `body.matchingConfig.scoreWeights.languages` → `weight.languages`), or null.
 */
export function fieldOfIssue(path: string, sent: ProgramInput | null): string | null {
  const parts = path.split('.').filter((part) => part !== 'body')
  const [first, second, third] = parts
  if (first === 'title' || first === 'description' || first === 'capacity' || first === 'kind') return first
  if (first === 'timeline') {
    const step = second === undefined ? undefined : sent?.timeline[Number(second)]
    return step ? `timeline.${step.phase}` : 'timeline'
  }
  if (first === 'matchingConfig') {
    if (second === 'tieBreakSeed' || second === 'mechanism') return second
    if (second === 'groupCap') return 'groupCapMax'
    if (second === 'scoreWeights') return third ? `weight.${third}` : 'weights'
    if (second === 'companyCaps' && third) return `cap.${third}`
  }
  return null
}

/** A form message in the current language; a value written `$t:<key>` is itself translated first. */
export function renderSetupMessage(message: Message, t: TFunction): string {
  if ('text' in message) return message.text
  const values = Object.fromEntries(
    Object.entries(message.values ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' && value.startsWith('$t:') ? t(value.slice(3)) : value,
    ]),
  )
  return t(message.key, values)
}
