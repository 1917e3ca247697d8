import type {
  CandidateInput,
  Education,
  Experience,
  LanguageEntry,
  LanguageLevel,
  SkillLevelEntry,
  WorkMode,
} from '../../domain/index.ts'
import { DEMO_COMPANIES, type DemoPositionTemplate } from './demo-companies.ts'
import { DEMO_COUNTRIES, DEMO_KOREAN_CITIES, type DemoCountry } from './demo-countries.ts'
import { DEMO_SKILL_CLUSTERS, type DemoSkill, type DemoSkillCluster } from './demo-skills.ts'
import type { SeededRandom } from './seeded-random.ts'
import {
  type CvStyle,
  capitalise,
  type Degree,
  type Draft,
  writeCv,
  writeMotivation,
} from './write-demo-cv.ts'

/** A demo candidate: a `CandidateInput` whose `externalKey` is always set. */
export type DemoCandidate = CandidateInput & { readonly externalKey: string }

/** A demo application to the demo program. */
export type DemoApplication = { readonly candidateKey: string; readonly motivation: string }

const ABROAD_INSTITUTIONS = [
  'Demo University of Technology',
  'Demo University of Science',
  'Demo Polytechnic Institute',
  'Demo National University',
] as const

const KOREAN_INSTITUTIONS = [
  'Demo National University',
  'Demo Institute of Science and Technology',
  'Demo University of Technology',
] as const

const EMPLOYERS = [
  'Demo Software JSC',
  'Demo Tech Co., Ltd.',
  'Demo Digital Solutions',
  'Demo Data Labs',
] as const

const JOB_ROLES = ['AI engineer intern', 'Junior ML engineer', 'Data engineer', 'Software engineer'] as const

/** Splits countries' weights into whole counts that sum to `total` (largest remainder). */
function allocateCounts(total: number): number[] {
  const weightSum = DEMO_COUNTRIES.reduce((sum, country) => sum + country.weight, 0)
  const exact = DEMO_COUNTRIES.map((country) => (country.weight * total) / weightSum)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((sum, count) => sum + count, 0)
  // Ties on the remainder go to the earlier (heavier) country, so the split never depends on the seed.
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }))
  order.sort((a, b) => b.rest - a.rest || a.index - b.index)
  for (const { index } of order) {
    if (left-- <= 0) break
    counts[index] = (counts[index] ?? 0) + 1
  }
  return counts
}

/** Demo candidate 1 is a Vietnamese student abroad and candidate 2 a foreign student in Korea. */
function orderCountries(random: SeededRandom, total: number): DemoCountry[] {
  const counts = allocateCounts(total)
  const list = random.shuffle(
    DEMO_COUNTRIES.flatMap((country, index) => Array.from({ length: counts[index] ?? 0 }, () => country)),
  )
  const moveTo = (target: number, isWanted: (country: DemoCountry) => boolean) => {
    const from = list.findIndex((country, index) => index >= target && isWanted(country))
    if (from < 0) return
    const swap = list[target] as DemoCountry
    list[target] = list[from] as DemoCountry
    list[from] = swap
  }
  moveTo(0, (country) => country.code === 'VN')
  moveTo(1, (country) => country.code !== 'VN' && country.code !== 'KR')
  return list
}

function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** `김|Kim` → display `김`, roman `Kim`; plain parts are both. */
function splitNamePart(part: string): readonly [string, string] {
  const [display = part, roman = display] = part.split('|')
  return [display, roman]
}

function clampLevel(level: number): number {
  return Math.min(5, Math.max(1, level))
}

/** The cluster that covers most of a position's skills (ties: the more common cluster). */
function findCluster(target: DemoPositionTemplate): DemoSkillCluster {
  let best = DEMO_SKILL_CLUSTERS[0] as DemoSkillCluster
  let bestScore = -1
  for (const cluster of DEMO_SKILL_CLUSTERS) {
    const skills = new Set<DemoSkill>([...cluster.core, ...cluster.extra])
    const score =
      2 * target.required.filter(([skill]) => skills.has(skill)).length +
      target.preferred.filter(([skill]) => skills.has(skill)).length
    if (score > bestScore || (score === bestScore && cluster.weight > best.weight)) {
      best = cluster
      bestScore = score
    }
  }
  return best
}

function drawSkills(
  random: SeededRandom,
  cluster: DemoSkillCluster,
  seniority: number,
  target: DemoPositionTemplate | undefined,
): SkillLevelEntry[] {
  const levels = new Map<DemoSkill, number>()
  const add = (skill: DemoSkill, level: number) =>
    levels.set(skill, Math.max(levels.get(skill) ?? 0, clampLevel(level)))
  add('python', seniority + random.integer(0, 1))
  for (const skill of cluster.core) add(skill, seniority + random.integer(-1, 1))
  for (const skill of random.sample(cluster.extra, random.integer(2, 4)))
    add(skill, seniority - 1 + random.integer(0, 1))
  if (random.chance(0.35)) {
    const other = random.pick(DEMO_SKILL_CLUSTERS.filter((candidate) => candidate.id !== cluster.id))
    for (const skill of random.sample([...other.core, ...other.extra], random.integer(1, 2))) {
      add(skill, random.integer(1, 2))
    }
  }
  if (random.chance(0.5)) add('docker', random.integer(1, 3))
  if (target) {
    for (const [skill, level] of target.required) add(skill, level + random.integer(0, 1))
    for (const [skill, level] of target.preferred)
      if (random.chance(0.5)) add(skill, level - random.integer(0, 1))
  }
  return [...levels].map(([skill, level]) => ({ skill, level }))
}

function drawLanguages(random: SeededRandom, country: DemoCountry, isInKorea: boolean): LanguageEntry[] {
  const languages: LanguageEntry[] = [{ language: country.nativeLanguage, level: 'native' }]
  if (country.nativeLanguage !== 'en')
    languages.push({ language: 'en', level: random.pick(country.englishLevels) })
  if (country.nativeLanguage !== 'ko') {
    if (isInKorea) {
      languages.push({
        language: 'ko',
        level: random.pickWeighted<LanguageLevel>([
          ['A2', 1],
          ['B1', 3],
          ['B2', 3],
          ['C1', 1],
        ]),
      })
    } else if (random.chance(country.code === 'VN' ? 0.5 : 0.25)) {
      languages.push({ language: 'ko', level: random.pick<LanguageLevel>(['A1', 'A1', 'A2']) })
    }
  }
  for (const [language, level] of country.otherLanguages) languages.push({ language, level })
  return languages
}

/** A demo applicant's name, key and e-mail, drawn from their country's names. */
function drawIdentity(random: SeededRandom, index: number, country: DemoCountry) {
  const number = String(index + 1).padStart(3, '0')
  const externalKey = `demo-cand-${number}`
  const isFemale = random.chance(0.42)
  const [givenDisplay, givenRoman] = splitNamePart(random.pick(isFemale ? country.female : country.male))
  const [familyBase, familyRoman] = splitNamePart(random.pick(country.family))
  const family = country.hasGenderedFamilyNames && isFemale ? `${familyBase}a` : familyBase
  const middles = isFemale ? country.middleFemale : country.middleMale
  const middle = middles ? random.pick(middles) : undefined
  const fullName =
    country.code === 'KR'
      ? `${family}${givenDisplay}`
      : country.isFamilyFirst
        ? [family, middle, givenDisplay].filter(Boolean).join(' ')
        : `${givenDisplay} ${family}`
  const slug = `${toAscii(givenRoman)}-${toAscii(country.code === 'KR' ? familyRoman : family)}-${number}`
  const email = `${slug.replaceAll('-', '.')}@example.org`
  return { externalKey, fullName, slug, email }
}

/** A demo applicant's degrees: where, what and when they studied (in Korea or at home). */
function drawEducation(
  random: SeededRandom,
  country: DemoCountry,
  isInKorea: boolean,
  cluster: DemoSkillCluster,
) {
  const degree = random.pickWeighted<Degree>([
    ['bachelor', 60],
    ['master', 32],
    ['doctorate', 8],
  ])
  const isGraduated = random.chance(0.3)
  const seniority = (degree === 'bachelor' ? 2 : degree === 'master' ? 3 : 4) + (isGraduated ? 1 : 0)
  const homeCity = random.pick(country.cities)
  const studyCity = isInKorea ? random.pickWeighted(DEMO_KOREAN_CITIES) : homeCity
  const institution = `${random.pick(isInKorea ? KOREAN_INSTITUTIONS : ABROAD_INSTITUTIONS)}, ${studyCity}`
  const graduationDate = isGraduated
    ? random.pick(
        isInKorea ? ['2025-02-20', '2025-08-22', '2026-02-20'] : ['2024-06-30', '2025-06-30', '2026-06-30'],
      )
    : random.pick(isInKorea ? ['2027-08-20', '2028-02-18'] : ['2027-06-30', '2027-12-31', '2028-06-30'])
  const field = random.pick(cluster.fields)
  const education: Education[] = [
    {
      institution,
      country: isInKorea ? 'KR' : country.code,
      degree,
      field,
      status: isGraduated ? 'graduated' : 'enrolled',
      graduationDate,
    },
  ]
  if (degree !== 'bachelor') {
    education.push({
      institution: `${random.pick(ABROAD_INSTITUTIONS)}, ${homeCity}`,
      country: country.code,
      degree: 'bachelor',
      field,
      status: 'graduated',
      graduationDate: random.pick(['2021-06-30', '2022-06-30', '2023-06-30', '2024-02-20']),
    })
  }
  return { degree, isGraduated, seniority, homeCity, studyCity, institution, education }
}

/** One demo applicant and their application; the draws happen in a fixed order, so a seed gives one hub. */
function generateCandidate(
  random: SeededRandom,
  index: number,
  country: DemoCountry,
  forceInKorea: boolean | undefined,
  target: DemoPositionTemplate | undefined,
): { candidate: DemoCandidate; application: DemoApplication } {
  const { externalKey, fullName, slug, email } = drawIdentity(random, index, country)
  const isInKorea = country.code === 'KR' || (forceInKorea ?? random.chance(country.koreaShare))
  const cluster = target
    ? findCluster(target)
    : random.pickWeighted(DEMO_SKILL_CLUSTERS.map((item) => [item, item.weight] as const))
  const { degree, isGraduated, seniority, homeCity, studyCity, institution, education } = drawEducation(
    random,
    country,
    isInKorea,
    cluster,
  )

  const projects = random.sample(cluster.projects, 3)
  const experience: Experience[] = []
  if (isGraduated || random.chance(0.55)) {
    experience.push({
      organisation: `AI Lab, ${institution}`,
      role: 'Research assistant',
      months: random.integer(4, 18),
      summary: capitalise(projects[1] ?? projects[0] ?? ''),
    })
  }
  if (isGraduated || degree !== 'bachelor') {
    experience.push({
      organisation: `${random.pick(EMPLOYERS)}, ${homeCity}`,
      role: random.pick(JOB_ROLES),
      months: random.integer(3, 24),
      summary: capitalise(projects[2] ?? projects[0] ?? ''),
    })
  }

  const visaStatus =
    country.code === 'KR' ? 'none_needed' : !isInKorea ? 'abroad' : isGraduated ? 'D-10' : 'D-2'
  // D-2 students may work only part-time in term, so they offer fewer hours.
  const hoursPerWeek = visaStatus === 'D-2' ? random.pick([20, 25]) : random.pick([20, 30, 40, 40])
  const workModePreference: WorkMode[] = isInKorea
    ? random.pickWeighted<WorkMode[]>([
        [['remote', 'onsite', 'hybrid'], 4],
        [['onsite', 'hybrid'], 3],
        [['remote', 'hybrid'], 2],
        [['onsite'], 1],
      ])
    : random.pickWeighted<WorkMode[]>([
        [['remote'], 5],
        [['remote', 'onsite'], 3],
        [['remote', 'hybrid'], 1],
      ])
  const links = [`https://example.org/demo/${slug}/code`]
  if (random.chance(0.6)) links.push(`https://example.org/demo/${slug}/portfolio`)
  const style: CvStyle =
    country.code === 'KR' ? 'ko' : country.code === 'VN' && random.chance(0.5) ? 'vi' : 'en'
  const draft: Draft = {
    fullName,
    email,
    country,
    city: isInKorea ? studyCity : homeCity,
    cluster,
    degree,
    education,
    skills: drawSkills(random, cluster, seniority, target),
    experience,
    languages: drawLanguages(random, country, isInKorea),
    project: projects[0] ?? '',
    hoursPerWeek,
    isInKorea,
    style,
  }
  const candidate: DemoCandidate = {
    externalKey,
    fullName,
    email,
    nationality: country.code,
    residenceCountry: isInKorea ? 'KR' : country.code,
    city: draft.city,
    timeZone: isInKorea ? 'Asia/Seoul' : country.timeZone,
    languages: [...draft.languages],
    education,
    skills: [...draft.skills],
    experience,
    links,
    availableFrom: random.pick(['2027-06-28', '2027-07-01', '2027-07-05', '2027-07-12']),
    availableTo: random.pick(['2027-08-27', '2027-09-30', '2027-12-24', '2027-12-31']),
    hoursPerWeek,
    workModePreference,
    visaStatus,
    cvText: writeCv(draft),
  }
  return { candidate, application: { candidateKey: externalKey, motivation: writeMotivation(random, draft) } }
}

/** Generates `count` synthetic applicants (Vietnam-heavy, ~19 countries) and their applications. */
export function generateDemoCandidates(
  random: SeededRandom,
  count: number,
): { candidates: DemoCandidate[]; applications: DemoApplication[] } {
  const countries = orderCountries(random, count)
  // Every other applicant is shaped after one position template, taken round-robin, so that each
  // position in the demo has a few applicants who meet all its required skills.
  const targets = random.shuffle(DEMO_COMPANIES.flatMap((company) => company.positions))
  const candidates: DemoCandidate[] = []
  const applications: DemoApplication[] = []
  countries.forEach((country, index) => {
    const forceInKorea = index === 0 ? false : index === 1 ? true : undefined
    const target = index % 2 === 0 ? targets[(index / 2) % targets.length] : undefined
    const { candidate, application } = generateCandidate(random, index, country, forceInKorea, target)
    candidates.push(candidate)
    applications.push(application)
  })
  return { candidates, applications }
}
