/** What can be imported from a CSV or XLSX file. */
export const IMPORT_KINDS = ['candidates', 'companies', 'positions'] as const
/** candidates | companies | positions */
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** The file formats an import reads. */
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const
/** csv | xlsx */
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** What a column holds, for the documentation the import screen shows and for typed XLSX cells. */
export type ImportValueType =
  | 'key'
  | 'text'
  | 'email'
  | 'country'
  | 'time_zone'
  | 'choice'
  | 'choices'
  | 'whole_number'
  | 'date'
  | 'skills'
  | 'languages'
  | 'url'
  | 'urls'
  | 'read_only'

/** A column as the import screen documents it. */
export interface ImportColumnDoc {
  readonly name: string
  readonly isRequired: boolean
  readonly valueType: ImportValueType
  readonly values?: readonly string[]
  readonly min?: number
  readonly max?: number
  readonly example: string
}

/** What `GET /api/imports/columns` answers: the documented columns of every kind and the limits of a file. */
export interface ImportColumnsAnswer {
  readonly limits: { readonly maxRows: number; readonly maxBytes: number }
  readonly columns: Readonly<Record<ImportKind, readonly ImportColumnDoc[]>>
}

/** What an import did (or, for a dry run, would do). */
export interface ImportSummary {
  readonly kind: ImportKind
  readonly fileName: string
  readonly format: ImportFormat
  readonly rows: number
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly isDryRun: boolean
  /** The program the rows joined, or null. */
  readonly programId: string | null
  /** Positions that joined the program, or candidates who became its applicants. */
  readonly addedToProgram: number
  /** Rows that were in the program already. */
  readonly alreadyInProgram: number
}
