/**
 * Scoring benchmark (issue 3): top-20 candidates for one position among 100,000 candidates through the skill
 * index (target ≤ 50 ms), all pairs of a 5,000-candidate × 500-position program into a Float64Array
 * (target ≤ 2 s), and memory. Seeded synthetic programs built from the real taxonomy around role archetypes.
 * `npm run bench -- scoring`.
 */
import {
  createScoringIndex,
  recommendCandidates,
  recommendPositions,
  type ScoringCandidate,
  type ScoringIndex,
  type ScoringPosition,
  SKILL_TAXONOMY,
  scoreMatrix,
  type WorkMode,
} from '../src/scoring/index.ts'

/** mulberry32: small seeded generator, so every run sees the same program. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ARCHETYPES: readonly (readonly string[])[] = [
  ['computer-vision', 'pytorch', 'object-detection', 'opencv', 'yolo', 'image-segmentation', 'cnn'],
  ['nlp', 'llm', 'rag', 'langchain', 'vector-database', 'hugging-face', 'transformers', 'llm-fine-tuning'],
  ['speech', 'speech-recognition', 'speech-synthesis', 'audio-signal-processing', 'pytorch'],
  ['recommender-systems', 'collaborative-filtering', 'learning-to-rank', 'spark', 'sql', 'ab-testing'],
  ['mlops', 'kubernetes', 'docker', 'mlflow', 'kubeflow', 'model-serving', 'ci-cd'],
  ['data-engineering', 'spark', 'airflow', 'kafka', 'etl', 'data-warehouse', 'sql'],
  ['robotics', 'ros', 'slam', 'motion-planning', 'cpp', 'sensor-fusion'],
  ['embedded-ai', 'quantization', 'tensorrt', 'onnx', 'nvidia-jetson', 'cpp', 'cuda'],
  ['3d-vision', 'point-cloud', 'lidar', '3d-reconstruction', 'pytorch', 'cpp'],
  ['time-series', 'forecasting', 'anomaly-detection', 'pandas', 'lightgbm', 'rnn'],
  ['data-science', 'statistics', 'sql', 'data-visualization', 'pandas', 'ab-testing'],
  ['backend', 'fastapi', 'postgresql', 'docker', 'aws', 'redis'],
]
const COMMON = ['python', 'docker', 'git', 'sql', 'linux', 'numpy', 'machine-learning', 'deep-learning']
const MODES: readonly WorkMode[] = ['remote', 'onsite', 'hybrid']
const PLACES = [
  ['VN-Hanoi', 420],
  ['VN-HCMC', 420],
  ['KR-Seoul', 540],
  ['KR-Daejeon', 540],
  ['KR-Busan', 540],
  ['IN-Bangalore', 330],
] as const

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

function generateCandidates(count: number, seed: number): ScoringCandidate[] {
  const random = createRandom(seed)
  const allSkills = SKILL_TAXONOMY.ids
  return Array.from({ length: count }, (_, i) => {
    const archetype = pick(random, ARCHETYPES)
    const skills = [
      ...archetype.filter(() => random() < 0.6),
      ...COMMON.filter(() => random() < 0.35),
      ...Array.from({ length: Math.floor(random() * 3) }, () => pick(random, allSkills)),
    ].map((skill) => ({ skill, level: 1 + Math.floor(random() * 5) }))
    const [location, offset] = pick(random, PLACES)
    return {
      id: `c${String(i).padStart(6, '0')}`,
      skills,
      languages: [
        { code: 'vi', level: random() < 0.6 ? 6 : 0 },
        { code: 'ko', level: Math.floor(random() * 7) },
        { code: 'en', level: 2 + Math.floor(random() * 5) },
      ],
      education: {
        level: random() < 0.3 ? 'master' : 'bachelor',
        status: random() < 0.8 ? 'graduated' : 'enrolled',
      },
      yearsOfExperience: Math.floor(random() * 10),
      workModes: MODES.filter(() => random() < 0.6),
      location,
      utcOffsetMinutes: offset,
      isWillingToRelocate: random() < 0.4,
      availableFrom: `2026-0${1 + Math.floor(random() * 6)}-01`,
      hoursPerWeek: pick(random, [20, 30, 40]),
      ...(random() < 0.7 ? { assessmentScore: Math.floor(random() * 101) } : {}),
      visa: pick(random, ['D-10', 'E-7', 'F-2', 'citizen']),
    }
  })
}

function generatePositions(count: number, seed: number): ScoringPosition[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, (_, i) => {
    const archetype = pick(random, ARCHETYPES)
    const shuffled = [...archetype].sort(() => random() - 0.5)
    const [location, offset] = pick(
      random,
      PLACES.filter(([place]) => place.startsWith('KR')),
    )
    return {
      id: `p${String(i).padStart(4, '0')}`,
      requiredSkills: shuffled.slice(0, 3 + Math.floor(random() * 2)).map((skill) => ({
        skill,
        minLevel: 2 + Math.floor(random() * 3),
        isMandatory: random() < 0.1,
      })),
      preferredSkills: [...shuffled.slice(4), pick(random, COMMON)].map((skill) => ({ skill, minLevel: 2 })),
      languages: [
        {
          code: random() < 0.5 ? 'ko' : 'en',
          minLevel: 3 + Math.floor(random() * 2),
          isHard: random() < 0.2,
        },
      ],
      workMode: pick(random, MODES),
      location,
      utcOffsetMinutes: offset,
      startDate: '2026-03-02',
      hoursPerWeek: pick(random, [20, 40]),
      education: { minLevel: 'bachelor' },
      minYearsOfExperience: Math.floor(random() * 4),
      seats: 1 + Math.floor(random() * 3),
      ...(random() < 0.2 ? { hard: { allowedVisas: ['E-7', 'F-2', 'citizen'] } } : {}),
    }
  })
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!
const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`
const heap = (): number => {
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

function typedBytes(index: ScoringIndex): number {
  let bytes = 0
  for (const value of Object.values(index)) if (ArrayBuffer.isView(value)) bytes += value.byteLength
  return bytes
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now()
  const result = run()
  return [result, performance.now() - start]
}

let failed = false
function report(name: string, ms: number, targetMs: number, extra = ''): void {
  const isMet = ms <= targetMs
  if (!isMet) failed = true
  console.log(
    `${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  target ≤ ${targetMs} ms  ${isMet ? 'ok' : 'MISSED'}${extra}`,
  )
}

// 1. Top-20 among 100,000 candidates.
{
  const candidates = generateCandidates(100_000, 1)
  const positions = generatePositions(500, 2)
  gc()
  const before = heap()
  const [index, buildMs] = time(() => createScoringIndex(candidates, positions))
  gc()
  console.log(
    `index of 100,000 candidates × 500 positions: built in ${buildMs.toFixed(0)} ms, typed arrays ${mb(typedBytes(index))}, heap +${mb(heap() - before)}`,
  )
  const queries = index.positionIds.slice(0, 50)
  for (const id of queries.slice(0, 5)) recommendCandidates(index, id, 20) // warm-up
  const times = queries.map((id) => time(() => recommendCandidates(index, id, 20))[1])
  report(
    'top-20 candidates for one position among 100,000 (median)',
    median(times),
    50,
    `; max ${Math.max(...times).toFixed(1)} ms over ${times.length} positions`,
  )
  const positionTimes = index.candidateIds
    .slice(0, 200)
    .map((id) => time(() => recommendPositions(index, id, 20))[1])
  report('top-20 positions for one candidate among 500 (median)', median(positionTimes), 50)
}

// 2. All pairs of a 5,000 × 500 program.
{
  gc()
  const candidates = generateCandidates(5_000, 3)
  const positions = generatePositions(500, 4)
  const before = heap()
  const [result, totalMs] = time(() => {
    const index = createScoringIndex(candidates, positions)
    return scoreMatrix(index)
  })
  const excluded = result.reduce((count, value) => count + (value < 0 ? 1 : 0), 0)
  report('all 2,500,000 pairs of 5,000 × 500 (index + matrix)', totalMs, 2000, `; ${excluded} excluded`)
  const index = createScoringIndex(candidates, positions)
  const out = new Float64Array(candidates.length * positions.length)
  const runs = [0, 1, 2].map(() => time(() => scoreMatrix(index, out))[1])
  report(
    '  matrix only, reused buffer (median of 3)',
    median(runs),
    2000,
    `; ${((median(runs) * 1e6) / out.length).toFixed(0)} ns/pair`,
  )
  gc()
  console.log(
    `memory: matrix ${mb(out.byteLength)}, heap +${mb(heap() - before)}, rss ${mb(process.memoryUsage().rss)}`,
  )
}

process.exit(failed ? 1 : 0)
