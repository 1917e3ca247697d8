import type { Market, RankingEntry } from '../market-schema.ts'
import { collectIssues, isCount } from '../shared/collect-issues.ts'

/** A project needing a team of `minSize`–`maxSize` people. */
export interface AllocationProject {
  readonly id: string
  /** The proposing company (whose cap, if any, counts this project's members). */
  readonly company?: string | undefined
  readonly minSize: number
  readonly maxSize: number
  /** The project's ranking of applicants (best first; inner arrays are ties); absent = all who chose it, tied. */
  readonly ranking?: readonly RankingEntry[] | undefined
}

/** A company proposing projects. */
export interface AllocationCompany {
  readonly id: string
  /** Most people across the company's projects; null or absent = no cap. */
  readonly cap?: number | null | undefined
  /** With a cap, the company ranks for all its projects; absent = all applicants, tied. */
  readonly ranking?: readonly RankingEntry[] | undefined
}

/** An applicant and the projects they rank, best first. */
export interface AllocationApplicant {
  readonly id: string
  readonly choices: readonly string[]
}

/** Project allocation with team sizes and company caps (ties broken by the engine's seeded single lottery). */
export interface ProjectAllocationProblem {
  readonly projects: readonly AllocationProject[]
  readonly applicants: readonly AllocationApplicant[]
  readonly companies?: readonly AllocationCompany[] | undefined
}

/**
 * Checks a problem (throws `bad_request` naming each bad field) and states it as a market for the
 * existing deferred acceptance: a project's seats are its maximum size; its minimum is checked after.
 */
export function buildProjectMarket(problem: ProjectAllocationProblem): Market {
  const issues = collectIssues()
  const { projects, applicants } = problem
  const companies = problem.companies ?? []
  const projectIndex = issues.index(projects, 'projects')
  const companyIndex = issues.index(companies, 'companies')
  issues.index(applicants, 'applicants')
  projects.forEach((project, p) => {
    if (!isCount(project.minSize)) issues.note(`projects[${p}].minSize`, 'must be an integer ≥ 0')
    if (!isCount(project.maxSize)) issues.note(`projects[${p}].maxSize`, 'must be an integer ≥ 0')
    else if (project.minSize > project.maxSize)
      issues.note(`projects[${p}].minSize`, `is above maxSize ${project.maxSize}`)
    if (project.company !== undefined && companyIndex[project.company] === undefined)
      issues.note(`projects[${p}].company`, `unknown company '${project.company}'`)
  })
  companies.forEach((company, k) => {
    const cap = company.cap ?? null
    if (cap !== null && !isCount(cap)) issues.note(`companies[${k}].cap`, 'must be an integer ≥ 0 or null')
  })
  applicants.forEach((applicant, i) => {
    const seen = new Set<string>()
    applicant.choices.forEach((project, c) => {
      if (projectIndex[project] === undefined)
        issues.note(`applicants[${i}].choices[${c}]`, `unknown project '${project}'`)
      if (seen.has(project))
        issues.note(`applicants[${i}].choices[${c}]`, `project '${project}' ranked twice`)
      seen.add(project)
    })
  })
  issues.throwIfAny('project allocation')
  const everyone = applicants.length > 0 ? [applicants.map((a) => a.id)] : []
  const cappedCompanies = new Set(companies.filter((c) => (c.cap ?? null) !== null).map((c) => c.id))
  const choosers = projects.map((): string[] => [])
  for (const applicant of applicants)
    for (const project of applicant.choices) choosers[projectIndex[project]!]!.push(applicant.id)
  return {
    candidates: applicants.map((a) => ({ id: a.id, ranking: [...a.choices] })),
    positions: projects.map((project, p) => {
      const usesCompany = project.company !== undefined && cappedCompanies.has(project.company)
      return {
        id: project.id,
        capacity: project.maxSize,
        ...(project.company !== undefined ? { company: project.company } : {}),
        ...(usesCompany
          ? {}
          : { ranking: project.ranking ?? (choosers[p]!.length > 0 ? [choosers[p]!] : []) }),
      }
    }),
    ...(companies.length > 0
      ? {
          companies: companies.map((company) => ({
            id: company.id,
            ...((company.cap ?? null) !== null
              ? { capacity: company.cap!, ranking: company.ranking ?? everyone }
              : {}),
            ...((company.cap ?? null) === null && company.ranking !== undefined
              ? { ranking: company.ranking }
              : {}),
          })),
        }
      : {}),
  }
}
