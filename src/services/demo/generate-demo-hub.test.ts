import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  AppError,
  ApplicationInputSchema,
  CandidateInputSchema,
  CompanyInputSchema,
  HubSchema,
  PositionInputSchema,
  ProgramInputSchema,
  RoleSchema,
  UiLocaleSchema,
} from '../../domain/index.ts'
import { DEMO_SKILLS } from './demo-skills.ts'
import { DEMO_PASSWORD, type DemoHub, generateDemoHub } from './generate-demo-hub.ts'

const HUB = generateDemoHub({ seed: 1 })
const SEEDS = [1, 2, 3, 42, 2027]
const ANY_PROGRAM_ID = '00000000-0000-4000-8000-000000000000'

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const value of values) {
    assert.ok(!seen.has(value), `${what} ${value} appears twice`)
    seen.add(value)
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

test('the same seed gives deep-equal data; another seed gives other data', () => {
  assert.deepEqual(generateDemoHub({ seed: 1 }), HUB)
  assert.deepEqual(
    generateDemoHub({ seed: 99, candidates: 30 }),
    generateDemoHub({ seed: 99, candidates: 30 }),
  )
  const other = generateDemoHub({ seed: 2 })
  assert.notDeepEqual(other.candidates, HUB.candidates)
  assert.notDeepEqual(other.positions, HUB.positions)
})

test('the applicant count does not change the companies or positions', () => {
  const small = generateDemoHub({ seed: 1, candidates: 12 })
  assert.equal(small.candidates.length, 12)
  assert.equal(small.applications.length, 12)
  assert.deepEqual(small.companies, HUB.companies)
  assert.deepEqual(small.positions, HUB.positions)
  assert.equal(generateDemoHub({ seed: 1, candidates: 0 }).accounts.length, 5)
})

test('default counts: ~140 applicants from 15+ countries, Vietnam largest; 8–20 companies with 1–3 positions', () => {
  for (const seed of SEEDS) {
    const hub = generateDemoHub({ seed })
    assert.equal(hub.candidates.length, 140)
    const byCountry = countBy(hub.candidates, (candidate) => candidate.nationality)
    assert.ok(byCountry.size >= 15, `only ${byCountry.size} countries`)
    const vietnam = byCountry.get('VN') ?? 0
    assert.ok(vietnam >= 0.35 * 140 && vietnam <= 0.55 * 140, `${vietnam} Vietnamese`)
    for (const [country, count] of byCountry) if (country !== 'VN') assert.ok(count < vietnam)

    assert.equal(hub.companies.length, 14)
    const perCompany = countBy(hub.positions, (position) => position.companyKey)
    for (const company of hub.companies) {
      const count = perCompany.get(company.externalKey) ?? 0
      assert.ok(count >= 1 && count <= 3, `${company.name} has ${count} positions`)
    }
    assert.equal(
      hub.program.capacity,
      hub.positions.reduce((sum, position) => sum + position.capacity, 0),
    )
  }
  assert.equal(generateDemoHub({ seed: 5, companies: 8 }).companies.length, 8)
  assert.equal(generateDemoHub({ seed: 5, companies: 20 }).companies.length, 20)
})

test('keys and emails are unique and references resolve', () => {
  assertUnique(
    [...HUB.companies, ...HUB.positions, ...HUB.candidates].map((row) => row.externalKey),
    'externalKey',
  )
  assertUnique(
    HUB.candidates.map((candidate) => candidate.email),
    'candidate email',
  )
  assertUnique(
    HUB.accounts.map((account) => account.email),
    'account email',
  )
  const companyKeys = new Set(HUB.companies.map((company) => company.externalKey))
  const candidateKeys = new Set(HUB.candidates.map((candidate) => candidate.externalKey))
  for (const position of HUB.positions) assert.ok(companyKeys.has(position.companyKey))
  assert.deepEqual(
    HUB.applications.map((application) => application.candidateKey),
    HUB.candidates.map((candidate) => candidate.externalKey),
    'every candidate applies once',
  )
  for (const account of HUB.accounts) {
    if (account.companyKey) assert.ok(companyKeys.has(account.companyKey))
    if (account.candidateKey) assert.ok(candidateKeys.has(account.candidateKey))
  }
})

test('every object parses with the domain input schemas, unchanged', () => {
  for (const seed of SEEDS) {
    const hub: DemoHub = generateDemoHub({ seed })
    HubSchema.shape.slug.parse(hub.hub.slug)
    HubSchema.shape.name.parse(hub.hub.name)
    assert.deepEqual(ProgramInputSchema.parse(hub.program), hub.program)
    for (const company of hub.companies) assert.deepEqual(CompanyInputSchema.parse(company), company)
    for (const { companyKey: _companyKey, ...position } of hub.positions) {
      assert.deepEqual(PositionInputSchema.parse(position), position)
    }
    for (const candidate of hub.candidates) {
      const result = CandidateInputSchema.safeParse(candidate)
      assert.ok(result.success, `${candidate.externalKey}: ${result.error?.message}`)
      assert.deepEqual(result.data, candidate)
    }
    for (const { motivation } of hub.applications) {
      ApplicationInputSchema.parse({ programId: ANY_PROGRAM_ID, motivation })
      assert.ok(motivation.length > 40)
    }
    for (const account of hub.accounts) {
      RoleSchema.parse(account.role)
      UiLocaleSchema.parse(account.locale)
    }
  }
})

test('the program is a 2027 internship with an ordered timeline', () => {
  assert.equal(HUB.program.kind, 'internship')
  const dates = HUB.program.timeline.map((step) => step.startsOn)
  assert.ok(dates.every((date) => date.startsWith('2027-')))
  assert.deepEqual([...dates].sort(), dates)
  for (const position of HUB.positions) {
    assert.equal(position.kind, 'internship')
    assert.ok(position.capacity >= 1 && position.capacity <= 3)
    assert.ok((position.startDate ?? '') < (position.endDate ?? ''))
  }
})

test('skills use the kebab-case taxonomy and each required skill is offered by several applicants', () => {
  const isKnown = (skill: string) =>
    Object.hasOwn(DEMO_SKILLS, skill) && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(skill)
  for (const seed of SEEDS) {
    const hub = generateDemoHub({ seed })
    for (const position of hub.positions) {
      for (const { skill, level } of [...position.requiredSkills, ...position.preferredSkills]) {
        assert.ok(isKnown(skill), skill)
        const holders = hub.candidates.filter((candidate) =>
          candidate.skills.some((entry) => entry.skill === skill),
        )
        if (position.requiredSkills.some((entry) => entry.skill === skill)) {
          assert.ok(holders.length >= 3, `${position.title}: only ${holders.length} know ${skill}`)
          assert.ok(
            holders.some((candidate) =>
              candidate.skills.some((entry) => entry.skill === skill && entry.level >= level),
            ),
          )
        }
      }
      const qualified = hub.candidates.filter((candidate) =>
        position.requiredSkills.every((required) =>
          candidate.skills.some((entry) => entry.skill === required.skill && entry.level >= required.level),
        ),
      )
      assert.ok(qualified.length >= 2, `${position.title}: ${qualified.length} fully qualified applicants`)
    }
    for (const candidate of hub.candidates) {
      for (const { skill } of candidate.skills) assert.ok(isKnown(skill), skill)
    }
  }
})

test('applicants look real but are clearly synthetic', () => {
  const residents = HUB.candidates.filter((candidate) => candidate.residenceCountry === 'KR')
  const abroad = HUB.candidates.filter((candidate) => candidate.residenceCountry !== 'KR')
  assert.ok(residents.length > 20 && abroad.length > 40)
  for (const candidate of HUB.candidates) {
    assert.match(candidate.email, /@example\.org$/)
    for (const link of candidate.links) assert.match(link, /^https:\/\/example\.org\//)
    for (const education of candidate.education) assert.match(education.institution, /^Demo /)
    if (candidate.nationality === 'KR') assert.equal(candidate.visaStatus, 'none_needed')
    else if (candidate.residenceCountry === 'KR') assert.ok(['D-2', 'D-10'].includes(candidate.visaStatus))
    else assert.equal(candidate.visaStatus, 'abroad')
    if (candidate.nationality === 'VN' && candidate.residenceCountry === 'VN') {
      assert.equal(candidate.timeZone, 'Asia/Ho_Chi_Minh')
    }
    assert.ok(candidate.languages.some((entry) => entry.level === 'native'))
    // The CV names the applicant's top skills, so CV extraction has something to find.
    const python = candidate.skills.find((entry) => entry.skill === 'python')
    if (python) assert.match(candidate.cvText, /Python/)
  }
  for (const company of HUB.companies) assert.match(company.name, /^(Demo |\(데모\) )/)
  const vietnameseCv = HUB.candidates.filter((candidate) => candidate.cvText.includes('Kỹ năng:'))
  const koreanCv = HUB.candidates.filter((candidate) => /[가-힣]/.test(candidate.cvText))
  assert.ok(vietnameseCv.length > 10 && koreanCv.length > 0)
})

test('demo logins cover every role with one shared demo password', () => {
  const emails = HUB.accounts.map((account) => account.email)
  assert.deepEqual(emails, [
    'operator@demo.ieum.example',
    'reviewer@demo.ieum.example',
    'company1@demo.ieum.example',
    'company2@demo.ieum.example',
    'company3@demo.ieum.example',
    'candidate1@demo.ieum.example',
    'candidate2@demo.ieum.example',
    'candidate3@demo.ieum.example',
  ])
  assert.ok(HUB.accounts.every((account) => account.password === DEMO_PASSWORD))
  assert.deepEqual(
    HUB.accounts.filter((account) => account.role === 'company').map((account) => account.companyKey),
    ['demo-co-01', 'demo-co-02', 'demo-co-03'],
  )
  const [first, second] = HUB.accounts.filter((account) => account.role === 'candidate')
  assert.equal(first?.locale, 'vi', 'candidate 1 is a Vietnamese student abroad')
  assert.equal(second?.locale, 'en', 'candidate 2 is a foreign student in Korea')
  assert.equal(HUB.candidates[0]?.residenceCountry, 'VN')
  assert.equal(HUB.candidates[1]?.residenceCountry, 'KR')
  assert.equal(HUB.accounts[0]?.locale, 'ko')
})

test('out-of-range options throw a bad_request AppError', () => {
  for (const options of [
    { seed: 1.5 },
    { seed: 1, candidates: -1 },
    { seed: 1, candidates: 2.5 },
    { seed: 1, companies: 7 },
    { seed: 1, companies: 21 },
  ]) {
    assert.throws(
      () => generateDemoHub(options),
      (error) => error instanceof AppError && error.code === 'bad_request',
    )
  }
})
