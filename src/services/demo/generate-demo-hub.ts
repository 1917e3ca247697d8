import { AppError, type ProgramInput, type Role, type UiLocale } from '../../domain/index.ts'
import { DEMO_COMPANIES } from './demo-companies.ts'
import {
  type DemoApplication,
  type DemoCandidate,
  generateDemoCandidates,
} from './generate-demo-candidates.ts'
import { type DemoCompany, type DemoPosition, generateDemoCompanies } from './generate-demo-companies.ts'
import { createSeededRandom } from './seeded-random.ts'

/** The one password of every demo login; demo data only, never for a real hub. */
export const DEMO_PASSWORD = 'ieum-demo-2027'

/** Default number of demo applicants. */
export const DEMO_DEFAULT_CANDIDATES = 140
/** Default number of demo startups. */
export const DEMO_DEFAULT_COMPANIES = 14
/** Fewest demo startups (the mission's programs have 8–20). */
export const DEMO_MIN_COMPANIES = 8
/** Most demo applicants a generator call accepts. */
export const DEMO_MAX_CANDIDATES = 5_000

/** A demo login: who signs in, with which role and, for scoped roles, which company or candidate. */
export type DemoAccount = {
  readonly email: string
  readonly password: string
  readonly name: string
  readonly role: Role
  readonly locale: UiLocale
  readonly companyKey?: string
  readonly candidateKey?: string
}

/** A complete synthetic hub: one program, its startups and positions, applicants, applications and logins. */
export type DemoHub = {
  readonly hub: { readonly name: string; readonly slug: string }
  readonly program: ProgramInput
  readonly companies: readonly DemoCompany[]
  readonly positions: readonly DemoPosition[]
  readonly candidates: readonly DemoCandidate[]
  readonly applications: readonly DemoApplication[]
  readonly accounts: readonly DemoAccount[]
}

/** Options of {@link generateDemoHub}; everything but `seed` has a default. */
export type DemoHubOptions = {
  readonly seed: number
  /** Applicants, 0–5,000; default 140. */
  readonly candidates?: number
  /** Startups, 8–20; default 14. */
  readonly companies?: number
}

// Independent streams, so that changing the applicant count leaves the companies as they were.
const COMPANY_STREAM = 1
const CANDIDATE_STREAM = 2

function checkCount(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError(
      'bad_request',
      `demo ${name} must be a whole number from ${min} to ${max}, got ${value}`,
      [{ path: name, message: `use an integer in ${min}..${max}` }],
    )
  }
  return value
}

function describeProgram(seats: number): ProgramInput {
  return {
    kind: 'internship',
    title: 'Global AI Developer Internship 2027 (demo)',
    description: [
      'Synthetic demo program. Foreign AI developers — most of them Vietnamese university students — intern',
      `at Korean AI startups for a summer, three or six months, on site, hybrid or remote. ${seats} seats;`,
      'the hub subsidises housing for interns who work on site.',
      '',
      '해외 AI 인재와 국내 AI 스타트업을 잇는 데모용 글로벌 인턴십 프로그램입니다.',
    ].join('\n'),
    timeline: [
      { phase: 'call_open', startsOn: '2027-03-02' },
      { phase: 'eligibility_check', startsOn: '2027-04-05' },
      { phase: 'ranking', startsOn: '2027-04-19' },
      { phase: 'ranking_freeze', startsOn: '2027-05-07' },
      { phase: 'match', startsOn: '2027-05-10' },
      { phase: 'publish', startsOn: '2027-05-12' },
      { phase: 'acceptance_deadline', startsOn: '2027-05-19' },
      { phase: 'second_round', startsOn: '2027-05-24' },
      { phase: 'running', startsOn: '2027-07-05' },
      { phase: 'closed', startsOn: '2027-12-31' },
    ],
    capacity: seats,
    matchingConfig: {
      mechanism: 'candidate-proposing',
      tieBreakSeed: 1,
      stableImprovementCycles: true,
      scoreWeights: {},
    },
  }
}

function listAccounts(
  companies: readonly DemoCompany[],
  candidates: readonly DemoCandidate[],
): DemoAccount[] {
  const password = DEMO_PASSWORD
  const accounts: DemoAccount[] = [
    {
      email: 'operator@demo.ieum.example',
      password,
      name: '데모 운영자 (Demo Operator)',
      role: 'operator',
      locale: 'ko',
    },
    {
      email: 'reviewer@demo.ieum.example',
      password,
      name: '데모 심사위원 (Demo Reviewer)',
      role: 'reviewer',
      locale: 'ko',
    },
  ]
  companies.slice(0, 3).forEach((company, index) => {
    accounts.push({
      email: `company${index + 1}@demo.ieum.example`,
      password,
      name: `${company.name} 담당자`,
      role: 'company',
      locale: 'ko',
      companyKey: company.externalKey,
    })
  })
  candidates.slice(0, 3).forEach((candidate, index) => {
    accounts.push({
      email: `candidate${index + 1}@demo.ieum.example`,
      password,
      name: candidate.fullName,
      role: 'candidate',
      locale: candidate.nationality === 'VN' ? 'vi' : 'en',
      candidateKey: candidate.externalKey,
    })
  })
  return accounts
}

/**
 * Generates a believable, clearly synthetic demo hub. Pure: the same options give deep-equal output.
 * Throws `bad_request` only when a count is out of range.
 */
export function generateDemoHub(options: DemoHubOptions): DemoHub {
  const seed = options.seed
  if (!Number.isSafeInteger(seed)) {
    throw new AppError('bad_request', `demo seed must be an integer, got ${seed}`, [
      { path: 'seed', message: 'use an integer such as 1' },
    ])
  }
  const candidateCount = checkCount(
    'candidates',
    options.candidates ?? DEMO_DEFAULT_CANDIDATES,
    0,
    DEMO_MAX_CANDIDATES,
  )
  const companyCount = checkCount(
    'companies',
    options.companies ?? DEMO_DEFAULT_COMPANIES,
    DEMO_MIN_COMPANIES,
    DEMO_COMPANIES.length,
  )
  const { companies, positions } = generateDemoCompanies(
    createSeededRandom(seed, COMPANY_STREAM),
    companyCount,
  )
  const { candidates, applications } = generateDemoCandidates(
    createSeededRandom(seed, CANDIDATE_STREAM),
    candidateCount,
  )
  const seats = positions.reduce((sum, position) => sum + position.capacity, 0)
  return {
    hub: { name: 'Ieum Demo AI Hub (데모 AI 허브)', slug: 'demo-hub' },
    program: describeProgram(seats),
    companies,
    positions,
    candidates,
    applications,
    accounts: listAccounts(companies, candidates),
  }
}
