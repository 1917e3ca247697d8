import type { Education, LanguageEntry, SkillLevelEntry } from '../../domain/index.ts'

/** What can be imported from a CSV file. */
export const IMPORT_KINDS = ['candidates', 'companies', 'positions'] as const
/** candidates | companies | positions */
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** A cell turned into a field value (`undefined` = empty: the schema default applies), or why it could not be. */
export type ParsedCell = { readonly value: unknown } | { readonly error: string }

/** One documented column of an import file, and how to write it back in an export. */
export interface ImportColumn {
  /** The header name, snake_case. */
  readonly name: string
  /** The input field it fills (all `education_*` columns fill `education`); `companyKey` is resolved to an id. */
  readonly field: string
  /** For `education_*`: the field of the (single) education record. */
  readonly subField?: keyof Education
  /** The header must have this column and every row a value in it. */
  readonly isRequired: boolean
  /** Exported only (e.g. an application's status): accepted in an import header and ignored. */
  readonly isReadOnly?: boolean
  readonly parse: (cell: string) => ParsedCell
  /** The cell an export writes for a stored record (the inverse of `parse`). */
  readonly format: (record: Readonly<Record<string, unknown>>) => string
}

const EMPTY: ParsedCell = { value: undefined }
const WHOLE_NUMBER = /^[+-]?\d+$/
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const parseText = (cell: string): ParsedCell => (cell === '' ? EMPTY : { value: cell })

const parseCountry = (cell: string): ParsedCell => (cell === '' ? EMPTY : { value: cell.toUpperCase() })

function parseWholeNumber(cell: string): ParsedCell {
  if (cell === '') return EMPTY
  // "1,500,000" is how Korean spreadsheets often write won amounts.
  const digits = GROUPED_NUMBER.test(cell) ? cell.replaceAll(',', '') : cell
  if (!WHOLE_NUMBER.test(digits)) return { error: `must be a whole number, not "${cell}"` }
  return { value: Number.parseInt(digits, 10) }
}

function parseDate(cell: string): ParsedCell {
  if (cell === '') return EMPTY
  if (!ISO_DATE.test(cell)) return { error: `must be a date written YYYY-MM-DD, not "${cell}"` }
  return { value: cell }
}

const splitList = (cell: string): string[] =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)

function parseList(cell: string): ParsedCell {
  return cell === '' ? EMPTY : { value: splitList(cell) }
}

function parseLowerList(cell: string): ParsedCell {
  return cell === '' ? EMPTY : { value: splitList(cell).map((part) => part.toLowerCase()) }
}

/** `name:level;name:level`; the last colon separates, so `c++:3` works. */
function splitPairs(cell: string, example: string): { pairs: [string, string][] } | { error: string } {
  const pairs: [string, string][] = []
  for (const part of splitList(cell)) {
    const colon = part.lastIndexOf(':')
    if (colon <= 0 || colon === part.length - 1) {
      return { error: `"${part}" is not name:level; write e.g. ${example}` }
    }
    pairs.push([part.slice(0, colon).trim(), part.slice(colon + 1).trim()])
  }
  return { pairs }
}

function parseSkills(cell: string): ParsedCell {
  if (cell === '') return EMPTY
  const split = splitPairs(cell, 'python:4;pytorch:3 (levels 1-5)')
  if ('error' in split) return split
  const skills: SkillLevelEntry[] = []
  for (const [skill, level] of split.pairs) {
    if (!WHOLE_NUMBER.test(level)) return { error: `level of "${skill}" must be a whole number from 1 to 5` }
    skills.push({ skill, level: Number.parseInt(level, 10) })
  }
  return { value: skills }
}

function parseLanguages(cell: string): ParsedCell {
  if (cell === '') return EMPTY
  const split = splitPairs(cell, 'vi:native;en:B2;ko:A2')
  if ('error' in split) return split
  return {
    value: split.pairs.map(([language, level]) => ({
      language: language.toLowerCase(),
      level: level.toLowerCase() === 'native' ? 'native' : level.toUpperCase(),
    })),
  }
}

const formatText = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value as string | number)
const formatPairs = (entries: unknown, key: 'skill' | 'language'): string =>
  ((entries ?? []) as (SkillLevelEntry | LanguageEntry)[])
    .map((entry) => `${(entry as unknown as Record<string, string>)[key]}:${entry.level}`)
    .join(';')

function column(
  name: string,
  field: string,
  parse: (cell: string) => ParsedCell,
  options: { isRequired?: boolean; format?: (value: unknown) => string } = {},
): ImportColumn {
  const format = options.format ?? formatText
  return {
    name,
    field,
    isRequired: options.isRequired ?? false,
    parse,
    format: (record) => format(record[field]),
  }
}
const required = { isRequired: true }
const skillsColumn = (name: string, field: string) =>
  column(name, field, parseSkills, { format: (value) => formatPairs(value, 'skill') })
const languagesColumn = () =>
  column('languages', 'languages', parseLanguages, { format: (value) => formatPairs(value, 'language') })
const listColumn = (name: string, field: string, parse = parseList) =>
  column(name, field, parse, { format: (value) => ((value ?? []) as string[]).join(';') })

function educationColumn(name: string, subField: keyof Education, parse = parseText): ImportColumn {
  return {
    name,
    field: 'education',
    subField,
    isRequired: false,
    parse,
    format: (record) => formatText((record.education as Education[] | undefined)?.[0]?.[subField]),
  }
}

function readOnlyColumn(name: string): ImportColumn {
  return { ...column(name, name, () => EMPTY), isReadOnly: true }
}

/** Candidate (applicant) columns. */
const CANDIDATE_COLUMNS: readonly ImportColumn[] = [
  column('external_key', 'externalKey', parseText, required),
  column('full_name', 'fullName', parseText, required),
  column('email', 'email', parseText, required),
  column('nationality', 'nationality', parseCountry, required),
  column('residence_country', 'residenceCountry', parseCountry, required),
  column('city', 'city', parseText, required),
  column('time_zone', 'timeZone', parseText, required),
  languagesColumn(),
  skillsColumn('skills', 'skills'),
  educationColumn('education_institution', 'institution'),
  educationColumn('education_country', 'country', parseCountry),
  educationColumn('education_degree', 'degree'),
  educationColumn('education_field', 'field'),
  educationColumn('education_status', 'status'),
  educationColumn('education_graduation_date', 'graduationDate', parseDate),
  column('available_from', 'availableFrom', parseDate),
  column('available_to', 'availableTo', parseDate),
  column('hours_per_week', 'hoursPerWeek', parseWholeNumber),
  listColumn('work_modes', 'workModePreference', parseLowerList),
  column('visa_status', 'visaStatus', parseText, required),
  listColumn('links', 'links'),
  column('cv_text', 'cvText', parseText),
]

/** Columns an applicant export adds for a program; an import accepts and ignores them. */
export const APPLICATION_COLUMNS: readonly ImportColumn[] = [
  readOnlyColumn('application_status'),
  readOnlyColumn('eligibility'),
  readOnlyColumn('submitted_at'),
]

const COMPANY_COLUMNS: readonly ImportColumn[] = [
  column('external_key', 'externalKey', parseText, required),
  column('name', 'name', parseText, required),
  column('domain', 'domain', parseText, required),
  column('size', 'size', parseText, required),
  column('location', 'location', parseText, required),
  column('description', 'description', parseText),
  column('website', 'website', parseText),
]

const POSITION_COLUMNS: readonly ImportColumn[] = [
  column('external_key', 'externalKey', parseText, required),
  column('company_key', 'companyKey', parseText, required),
  column('kind', 'kind', parseText, required),
  column('title', 'title', parseText, required),
  column('description', 'description', parseText),
  skillsColumn('required_skills', 'requiredSkills'),
  skillsColumn('preferred_skills', 'preferredSkills'),
  languagesColumn(),
  column('work_mode', 'workMode', parseText, required),
  column('location', 'location', parseText, required),
  column('time_zone', 'timeZone', parseText),
  column('start_date', 'startDate', parseDate),
  column('end_date', 'endDate', parseDate),
  column('hours_per_week', 'hoursPerWeek', parseWholeNumber),
  column('capacity', 'capacity', parseWholeNumber, required),
  column('stipend_krw', 'stipendKrw', parseWholeNumber),
  column('subsidy_krw', 'subsidyKrw', parseWholeNumber),
]

/** The documented columns of each import kind, in the order exports write them (docs/formats/import-csv.md). */
export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  candidates: [...CANDIDATE_COLUMNS, ...APPLICATION_COLUMNS],
  companies: COMPANY_COLUMNS,
  positions: POSITION_COLUMNS,
}

/** The columns an export of plain records writes (no read-only application columns). */
export function exportColumnsOf(kind: ImportKind): readonly ImportColumn[] {
  return IMPORT_COLUMNS[kind].filter((entry) => !entry.isReadOnly)
}
