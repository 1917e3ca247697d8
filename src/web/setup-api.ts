import type {
  CatalogPosition,
  ImportColumnsAnswer,
  ImportKind,
  ImportSummary,
  Program,
  ProgramInput,
  ProgramPatch,
} from '../domain/index.ts'
import { type ProgramPosition, requestApi } from './api-client.ts'

/** Creates a program (operator). */
export function createProgram(input: ProgramInput): Promise<Program> {
  return requestApi('POST', '/api/programs', input)
}

/** Changes a program's settings (operator); left-out fields keep their values. */
export function updateProgram(programId: string, patch: ProgramPatch): Promise<Program> {
  return requestApi('PATCH', `/api/programs/${encodeURIComponent(programId)}`, patch)
}

/** Every position of the hub, for picking a program's positions. */
export function fetchPositionCatalog(programId: string): Promise<CatalogPosition[]> {
  return requestApi('GET', `/api/programs/${encodeURIComponent(programId)}/position-catalog`)
}

/** Sets which positions a program offers and with how many seats (null = the position's capacity). */
export function saveProgramPositions(
  programId: string,
  positions: readonly { positionId: string; seats: number | null }[],
): Promise<ProgramPosition[]> {
  return requestApi('PUT', `/api/programs/${encodeURIComponent(programId)}/positions`, { positions })
}

/** The import kinds in the order the import screen offers them (companies before the positions they hold). */
export const IMPORT_KINDS = ['companies', 'positions', 'candidates'] as const satisfies readonly ImportKind[]

/** The documented import columns. */
export function fetchImportColumns(): Promise<ImportColumnsAnswer> {
  return requestApi('GET', '/api/imports/columns')
}

/** One problem of an import file: where (row 0 = the file as a whole), and what, as a code and values. */
export interface ImportProblem {
  readonly path: string
  readonly message: string
  readonly row?: number
  readonly field?: string
  readonly code?: string
  readonly params?: Readonly<Record<string, string | number>>
}

/** The bytes of a file as base64 (the API takes any file this way; it tells CSV from XLSX by content). */
export async function readFileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK))
  }
  return btoa(binary)
}

/** Sends a file to the import; `dryRun` validates and counts without storing. */
export function importFile(
  kind: ImportKind,
  request: {
    readonly fileName: string
    readonly contentBase64: string
    readonly programId: string | null
    readonly dryRun: boolean
  },
): Promise<ImportSummary> {
  return requestApi('POST', `/api/imports/${kind}${request.dryRun ? '?dryRun=true' : ''}`, {
    fileName: request.fileName,
    contentBase64: request.contentBase64,
    ...(request.programId !== null && { programId: request.programId }),
  })
}

/** Where an import template downloads from. */
export function importTemplateUrl(kind: ImportKind, format: 'csv' | 'xlsx'): string {
  return `/api/imports/${kind}/template.${format}`
}

/** What can be exported. */
export type ExportKind = 'applicants' | 'positions' | 'companies' | 'results'

/** Where an export downloads from (operators; the session cookie authorises the download). */
export function exportUrl(
  kind: ExportKind,
  format: 'csv' | 'xlsx',
  options: { readonly programId?: string; readonly runId?: string } = {},
): string {
  const query = new URLSearchParams()
  if (options.programId) query.set('programId', options.programId)
  if (options.runId) query.set('runId', options.runId)
  const suffix = query.size > 0 ? `?${query.toString()}` : ''
  return `/api/exports/${kind}.${format}${suffix}`
}
