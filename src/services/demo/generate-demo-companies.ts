import type { CompanyInput, PositionInput, SkillLevelEntry } from '../../domain/index.ts'
import { DEMO_COMPANIES, type DemoCompanyTemplate, type DemoPositionTemplate } from './demo-companies.ts'
import type { SeededRandom } from './seeded-random.ts'

/** A demo company: a `CompanyInput` whose `externalKey` is always set. */
export type DemoCompany = CompanyInput & { readonly externalKey: string }

/** A demo position: a `PositionInput` with its own key and the key of the company that offers it. */
export type DemoPosition = PositionInput & { readonly externalKey: string; readonly companyKey: string }

/** The internship runs from early July; companies choose a summer, a three- or a six-month term. */
const POSITION_START = '2027-07-05'
const POSITION_ENDS = ['2027-08-27', '2027-09-30', '2027-12-24'] as const

function toEntries(skills: DemoPositionTemplate['required']): SkillLevelEntry[] {
  return skills.map(([skill, level]) => ({ skill, level }))
}

function describePosition(
  company: DemoCompanyTemplate,
  template: DemoPositionTemplate,
  endDate: string,
): string {
  const list = (skills: DemoPositionTemplate['required']) =>
    skills.map(([skill, level]) => `${skill} (${level}/5)`).join(', ')
  const lines = [
    `${company.name} — ${company.domain}. ${company.summary}`,
    '',
    `What you will do: ${template.task}.`,
    `Must have: ${list(template.required)}.`,
    `Nice to have: ${list(template.preferred)}.`,
    `Term: ${POSITION_START} to ${endDate}, ${template.workMode}.`,
  ]
  if (template.taskKo) lines.push('', `주요 업무: ${template.taskKo}`)
  lines.push('', 'Synthetic demo position; the company does not exist.')
  return lines.join('\n')
}

/** Picks `count` companies: the mission's core domains first, then extras chosen by the seed. */
function chooseCompanies(random: SeededRandom, count: number): DemoCompanyTemplate[] {
  const core = DEMO_COMPANIES.filter((company) => company.isCore)
  const extra = DEMO_COMPANIES.filter((company) => !company.isCore)
  const chosen = new Set(
    count <= core.length
      ? random.sample(core, count)
      : [...core, ...random.sample(extra, count - core.length)],
  )
  return DEMO_COMPANIES.filter((company) => chosen.has(company))
}

/** Generates `count` synthetic startups and their 1–3 internship positions each. */
export function generateDemoCompanies(
  random: SeededRandom,
  count: number,
): { companies: DemoCompany[]; positions: DemoPosition[] } {
  const companies: DemoCompany[] = []
  const positions: DemoPosition[] = []
  chooseCompanies(random, count).forEach((template, companyIndex) => {
    const companyKey = `demo-co-${String(companyIndex + 1).padStart(2, '0')}`
    const isKoreanName = template.name.startsWith('(데모)')
    companies.push({
      externalKey: companyKey,
      name: template.name,
      domain: template.domain,
      size: template.size,
      location: template.location,
      description: `${template.summary}${isKoreanName ? '\n이 회사는 데모용 가상 기업입니다.' : ''}\nSynthetic demo company.`,
      website: `https://example.org/demo/companies/${template.slug}`,
    })
    const offered = template.positions.length
    const openCount = offered === 1 || random.chance(0.7) ? offered : random.integer(1, offered)
    for (const position of template.positions.slice(0, openCount)) {
      const endDate = random.pick(POSITION_ENDS)
      const hasSubsidy = position.workMode !== 'remote' && random.chance(0.7)
      positions.push({
        externalKey: `demo-pos-${String(positions.length + 1).padStart(2, '0')}`,
        companyKey,
        kind: 'internship',
        title: position.title,
        description: describePosition(template, position, endDate),
        requiredSkills: toEntries(position.required),
        preferredSkills: toEntries(position.preferred),
        languages: position.languages.map(([language, level]) => ({ language, level })),
        workMode: position.workMode,
        location: position.workMode === 'remote' ? 'Remote' : template.location,
        timeZone: 'Asia/Seoul',
        startDate: POSITION_START,
        endDate,
        hoursPerWeek: position.workMode === 'remote' ? random.pick([20, 30, 40]) : 40,
        capacity: random.integer(1, 3),
        stipendKrw: random.integer(12, 25) * 100_000,
        // The hub subsidises housing for interns who come to the office.
        ...(hasSubsidy ? { subsidyKrw: random.pick([500_000, 800_000, 1_000_000]) } : {}),
      })
    }
  })
  return { companies, positions }
}
