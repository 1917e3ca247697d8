/**
 * fast-check generators of small scoring programs for the property tests (test support only; not
 * exported from the library's index).
 */
import fc from 'fast-check'
import type { ScoringCandidate, ScoringPosition, WorkMode } from './scoring-types.ts'

/** A pool of taxonomy ids with parents, children and related pairs among them, plus one unknown id. */
export const SKILL_POOL = [
  'python',
  'pytorch',
  'tensorflow',
  'jax',
  'deep-learning',
  'machine-learning',
  'computer-vision',
  'object-detection',
  'nlp',
  'llm',
  'rag',
  'docker',
  'kubernetes',
  'custom-skill-x',
] as const

const MODES: readonly WorkMode[] = ['remote', 'onsite', 'hybrid']
const LOCATIONS = ['KR-Seoul', 'KR-Daejeon', 'VN-Hanoi', 'VN-HCMC'] as const
const OFFSETS = [420, 540, 60, -300] as const
const DATES = ['2026-03-01', '2026-03-15', '2026-05-01', '2026-09-01'] as const

/** One candidate with random, sometimes missing, facts. */
export function candidateArbitrary(id: string): fc.Arbitrary<ScoringCandidate> {
  return fc.record(
    {
      id: fc.constant(id),
      skills: fc.array(
        fc.record({ skill: fc.constantFrom(...SKILL_POOL), level: fc.integer({ min: 1, max: 5 }) }),
        { maxLength: 6 },
      ),
      languages: fc.array(
        fc.record({ code: fc.constantFrom('ko', 'en', 'vi'), level: fc.integer({ min: 0, max: 6 }) }),
        { maxLength: 3 },
      ),
      workModes: fc.subarray([...MODES]),
      location: fc.constantFrom(...LOCATIONS),
      utcOffsetMinutes: fc.constantFrom(...OFFSETS),
      availableFrom: fc.constantFrom(...DATES),
      hoursPerWeek: fc.integer({ min: 10, max: 40 }),
      assessmentScore: fc.integer({ min: 0, max: 100 }),
      yearsOfExperience: fc.integer({ min: 0, max: 10 }),
      visa: fc.constantFrom('D-10', 'E-7', 'F-2'),
    },
    { requiredKeys: ['id', 'skills'] },
  )
}

/** One position; hard filters only when `withHard`. */
export function positionArbitrary(id: string, withHard: boolean): fc.Arbitrary<ScoringPosition> {
  const required = fc.array(
    fc.record({
      skill: fc.constantFrom(...SKILL_POOL),
      minLevel: fc.integer({ min: 1, max: 5 }),
      isMandatory: withHard ? fc.boolean() : fc.constant(false),
    }),
    { maxLength: 4 },
  )
  return fc.record(
    {
      id: fc.constant(id),
      requiredSkills: required,
      preferredSkills: fc.array(
        fc.record({ skill: fc.constantFrom(...SKILL_POOL), minLevel: fc.integer({ min: 1, max: 5 }) }),
        { maxLength: 3 },
      ),
      languages: fc.array(
        fc.record({
          code: fc.constantFrom('ko', 'en'),
          minLevel: fc.integer({ min: 1, max: 6 }),
          isHard: withHard ? fc.boolean() : fc.constant(false),
        }),
        { maxLength: 2 },
      ),
      workMode: fc.constantFrom(...MODES),
      location: fc.constantFrom(...LOCATIONS),
      utcOffsetMinutes: fc.constantFrom(...OFFSETS),
      startDate: fc.constantFrom(...DATES),
      hoursPerWeek: fc.integer({ min: 10, max: 40 }),
      minYearsOfExperience: fc.integer({ min: 0, max: 5 }),
      hard: withHard
        ? fc.record(
            {
              allowedVisas: fc.subarray(['D-10', 'E-7', 'F-2']),
              minAssessmentScore: fc.integer({ min: 0, max: 90 }),
              isWorkModeRequired: fc.boolean(),
            },
            { requiredKeys: [] },
          )
        : fc.constant({}),
    },
    { requiredKeys: ['id', 'requiredSkills'] },
  )
}

/** A small program: up to `maxCandidates` candidates and `maxPositions` positions with distinct ids. */
export function programArbitrary(
  maxCandidates: number,
  maxPositions: number,
  withHard: boolean,
): fc.Arbitrary<{ candidates: ScoringCandidate[]; positions: ScoringPosition[] }> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxCandidates }), fc.integer({ min: 1, max: maxPositions }))
    .chain(([candidateCount, positionCount]) =>
      fc.record({
        candidates: fc.tuple(
          ...Array.from({ length: candidateCount }, (_, i) =>
            candidateArbitrary(`c${String(i).padStart(2, '0')}`),
          ),
        ),
        positions: fc.tuple(
          ...Array.from({ length: positionCount }, (_, i) =>
            positionArbitrary(`p${String(i).padStart(2, '0')}`, withHard),
          ),
        ),
      }),
    )
}
