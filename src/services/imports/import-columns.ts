import {
  COMPANY_SIZES,
  DEGREES,
  EDUCATION_STATUSES,
  type Education,
  IMPORT_KINDS,
  type ImportColumnDoc,
  type ImportKind,
  type ImportValueType,
  type LanguageEntry,
  POSITION_KINDS,
  type SkillLevelEntry,
  VISA_STATUSES,
  WORK_MODES,
} from '../../domain/index.ts'
import type { ImportIssueCode, ImportIssueParams } from './import-issue.ts'

// The kinds and the column documentation are what the API answers, so they live with the domain's views.
export { IMPORT_KINDS, type ImportColumnDoc, type ImportKind, type ImportValueType }

/** A cell turned into a field value (`undefined` = empty: the schema default applies), or why it could not be. */
export type ParsedCell =
  | { readonly value: unknown }
  | { readonly code: ImportIssueCode; readonly params?: ImportIssueParams }

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
  readonly valueType: ImportValueType
  /** The allowed values of a `choice` or `choices` column. */
  readonly values?: readonly string[]
  /** Bounds of a whole number. */
  readonly min?: number
  readonly max?: number
  /** A value as a file would hold it. */
  readonly example: string
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
  if (!WHOLE_NUMBER.test(digits)) return { code: 'whole_number', params: { value: cell } }
  return { value: Number.parseInt(digits, 10) }
}

function parseDate(cell: string): ParsedCell {
  if (cell === '') return EMPTY
  if (!ISO_DATE.test(cell)) return { code: 'date_format', params: { value: cell } }
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
function splitPairs(cell: string, example: string): { pairs: [string, string][] } | ParsedCell {
  const pairs: [string, string][] = []
  for (const part of splitList(cell)) {
    const colon = part.lastIndexOf(':')
    if (colon <= 0 || colon === part.length - 1) return { code: 'pair_format', params: { part, example } }
    pairs.push([part.slice(0, colon).trim(), part.slice(colon + 1).trim()])
  }
  return { pairs }
}

function parseSkills(cell: string): ParsedCell {
  if (cell === '') return EMPTY
  const split = splitPairs(cell, 'python:4;pytorch:3 (levels 1-5)')
  if (!('pairs' in split)) return split
  const skills: SkillLevelEntry[] = []
  for (const [skill, level] of split.pairs) {
    if (!WHOLE_NUMBER.test(level)) return { code: 'skill_level', params: { skill } }
    skills.push({ skill, level: Number.parseInt(level, 10) })
  }
  return { value: skills }
}

function parseLanguages(cell: string): ParsedCell {
  if (cell === '') return EMPTY
  const split = splitPairs(cell, 'vi:native;en:B2;ko:A2')
  if (!('pairs' in split)) return split
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

interface ColumnOptions {
  readonly isRequired?: boolean
  readonly values?: readonly string[]
  readonly min?: number
  readonly max?: number
  readonly format?: (value: unknown) => string
}

const PARSERS: Readonly<Record<ImportValueType, (cell: string) => ParsedCell>> = {
  key: parseText,
  text: parseText,
  email: parseText,
  country: parseCountry,
  time_zone: parseText,
  choice: parseText,
  choices: parseLowerList,
  whole_number: parseWholeNumber,
  date: parseDate,
  skills: parseSkills,
  languages: parseLanguages,
  url: parseText,
  urls: parseList,
  read_only: () => EMPTY,
}

const FORMATTERS: Partial<Record<ImportValueType, (value: unknown) => string>> = {
  choices: (value) => ((value ?? []) as string[]).join(';'),
  urls: (value) => ((value ?? []) as string[]).join(';'),
  skills: (value) => formatPairs(value, 'skill'),
  languages: (value) => formatPairs(value, 'language'),
}

function column(
  name: string,
  field: string,
  valueType: ImportValueType,
  example: string,
  options: ColumnOptions = {},
): ImportColumn {
  const format = options.format ?? FORMATTERS[valueType] ?? formatText
  return {
    name,
    field,
    valueType,
    example,
    isRequired: options.isRequired ?? false,
    ...(options.values && { values: options.values }),
    ...(options.min !== undefined && { min: options.min }),
    ...(options.max !== undefined && { max: options.max }),
    parse: PARSERS[valueType],
    format: (record) => format(record[field]),
  }
}
const required = { isRequired: true }

function educationColumn(
  name: string,
  subField: keyof Education,
  valueType: ImportValueType,
  example: string,
  values?: readonly string[],
): ImportColumn {
  return {
    ...column(name, 'education', valueType, example, values ? { values } : {}),
    subField,
    format: (record) => formatText((record.education as Education[] | undefined)?.[0]?.[subField]),
  }
}

function readOnlyColumn(name: string, example: string): ImportColumn {
  return { ...column(name, name, 'read_only', example), isReadOnly: true }
}

/** Candidate (applicant) columns. */
const CANDIDATE_COLUMNS: readonly ImportColumn[] = [
  column('external_key', 'externalKey', 'key', 'cand-001', required),
  column('full_name', 'fullName', 'text', 'Nguyễn Thị Hương', required),
  column('email', 'email', 'email', 'huong.nguyen@example.vn', required),
  column('nationality', 'nationality', 'country', 'VN', required),
  column('residence_country', 'residenceCountry', 'country', 'VN', required),
  column('city', 'city', 'text', 'Hà Nội', required),
  column('time_zone', 'timeZone', 'time_zone', 'Asia/Ho_Chi_Minh', required),
  column('languages', 'languages', 'languages', 'vi:native;en:B2;ko:A2'),
  column('skills', 'skills', 'skills', 'python:4;pytorch:3'),
  educationColumn('education_institution', 'institution', 'text', 'Đại học Bách khoa Hà Nội'),
  educationColumn('education_country', 'country', 'country', 'VN'),
  educationColumn('education_degree', 'degree', 'choice', 'bachelor', DEGREES),
  educationColumn('education_field', 'field', 'text', 'Khoa học máy tính'),
  educationColumn('education_status', 'status', 'choice', 'enrolled', EDUCATION_STATUSES),
  educationColumn('education_graduation_date', 'graduationDate', 'date', '2027-06-30'),
  column('available_from', 'availableFrom', 'date', '2027-07-01'),
  column('available_to', 'availableTo', 'date', '2027-12-31'),
  column('hours_per_week', 'hoursPerWeek', 'whole_number', '40', { min: 1, max: 60 }),
  column('work_modes', 'workModePreference', 'choices', 'remote;hybrid', { values: WORK_MODES }),
  column('visa_status', 'visaStatus', 'choice', 'abroad', { ...required, values: VISA_STATUSES }),
  column('links', 'links', 'urls', 'https://github.com/huong'),
  column('cv_text', 'cvText', 'text', 'Sinh viên năm cuối. Dự án nhận dạng ảnh với PyTorch.'),
]

/** Columns an applicant export adds for a program; an import accepts and ignores them. */
export const APPLICATION_COLUMNS: readonly ImportColumn[] = [
  readOnlyColumn('application_status', 'submitted'),
  readOnlyColumn('eligibility', 'eligible'),
  readOnlyColumn('submitted_at', '2027-03-15T09:30:00.000Z'),
]

const COMPANY_COLUMNS: readonly ImportColumn[] = [
  column('external_key', 'externalKey', 'key', 'co-robo', required),
  column('name', 'name', 'text', '(주)빛고을로보틱스', required),
  column('domain', 'domain', 'text', '3D 빈피킹 로봇', required),
  column('size', 'size', 'choice', '10-49', { ...required, values: COMPANY_SIZES }),
  column('location', 'location', 'text', '광주', required),
  column('description', 'description', 'text', '물류센터용 3D 비전, 빈피킹 로봇을 만듭니다.'),
  column('website', 'website', 'url', 'https://robotics.example.kr'),
]

const POSITION_COLUMNS: readonly ImportColumn[] = [
  column('external_key', 'externalKey', 'key', 'pos-robo-cv', required),
  column('company_key', 'companyKey', 'key', 'co-robo', required),
  column('kind', 'kind', 'choice', 'internship', { ...required, values: POSITION_KINDS }),
  column('title', 'title', 'text', '비전 인턴 (Computer vision intern)', required),
  column('description', 'description', 'text', '3D 포인트클라우드 처리, PyTorch'),
  column('required_skills', 'requiredSkills', 'skills', 'python:4;pytorch:3'),
  column('preferred_skills', 'preferredSkills', 'skills', 'ros:2'),
  column('languages', 'languages', 'languages', 'en:B1;ko:A2'),
  column('work_mode', 'workMode', 'choice', 'hybrid', { ...required, values: WORK_MODES }),
  column('location', 'location', 'text', '광주', required),
  column('time_zone', 'timeZone', 'time_zone', 'Asia/Seoul'),
  column('start_date', 'startDate', 'date', '2027-07-01'),
  column('end_date', 'endDate', 'date', '2027-12-31'),
  column('hours_per_week', 'hoursPerWeek', 'whole_number', '40', { min: 1, max: 60 }),
  column('capacity', 'capacity', 'whole_number', '2', { ...required, min: 0, max: 10_000 }),
  column('stipend_krw', 'stipendKrw', 'whole_number', '2000000', { min: 0, max: 100_000_000 }),
  column('subsidy_krw', 'subsidyKrw', 'whole_number', '1500000', { min: 0, max: 100_000_000 }),
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

/** The documented columns of every kind, without the parsers (what `GET /api/imports/columns` answers). */
export function describeImportColumns(): Record<ImportKind, ImportColumnDoc[]> {
  const describe = (columns: readonly ImportColumn[]) =>
    columns
      .filter((entry) => !entry.isReadOnly)
      .map(({ name, isRequired, valueType, values, min, max, example }) => ({
        name,
        isRequired,
        valueType,
        ...(values && { values }),
        ...(min !== undefined && { min }),
        ...(max !== undefined && { max }),
        example,
      }))
  return {
    candidates: describe(IMPORT_COLUMNS.candidates),
    companies: describe(IMPORT_COLUMNS.companies),
    positions: describe(IMPORT_COLUMNS.positions),
  }
}
