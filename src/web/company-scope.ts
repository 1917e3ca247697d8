import type { ProgramPosition } from './api-client.ts'

/** A company taking part in a program, with its positions there. */
export interface ProgramCompany {
  readonly id: string
  readonly name: string
  readonly positions: readonly ProgramPosition[]
}

/** The companies offering positions in a program, in order of name; `onlyIds` keeps the viewer's own. */
export function listProgramCompanies(
  positions: readonly ProgramPosition[],
  onlyIds: readonly string[] | null,
): ProgramCompany[] {
  const byId = new Map<string, { id: string; name: string; positions: ProgramPosition[] }>()
  for (const position of positions) {
    if (onlyIds && !onlyIds.includes(position.companyId)) continue
    const company = byId.get(position.companyId) ?? {
      id: position.companyId,
      name: position.companyName,
      positions: [],
    }
    company.positions.push(position)
    byId.set(position.companyId, company)
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The company a company page works for: the one asked for (`?company=`, operators or members of several
 * companies), else the viewer's only or first company in the program; null when there is none.
 */
export function pickProgramCompany(
  positions: readonly ProgramPosition[],
  viewerCompanyIds: readonly string[],
  isOperator: boolean,
  asked: string | null,
): ProgramCompany | null {
  const candidates = listProgramCompanies(positions, isOperator ? null : viewerCompanyIds)
  return candidates.find((company) => company.id === asked) ?? (isOperator ? null : (candidates[0] ?? null))
}
