import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { createScoringIndex } from './create-scoring-index.ts'
import { EVALUATION_SET } from './data/evaluation-set.ts'
import { explainFit, explainPair } from './explain-fit.ts'
import { extractCandidateProfile } from './extract-candidate-profile.ts'
import { extractPositionProfile } from './extract-position-profile.ts'
import { candidateArbitrary, positionArbitrary, programArbitrary } from './program-arbitrary.ts'
import { scoreMatrix } from './score-matrix.ts'
import { scorePair } from './score-pair.ts'
import { EXCLUDED_SCORE, type ScoringCandidate, type ScoringPosition } from './scoring-types.ts'
import { toScoringCandidate, toScoringPosition } from './to-scoring-profile.ts'

const score = (candidate: ScoringCandidate, position: ScoringPosition): number =>
  scorePair(createScoringIndex([candidate], [position]), 0, 0)

const POSITION: ScoringPosition = {
  id: 'p',
  requiredSkills: [
    { skill: 'pytorch', minLevel: 3 },
    { skill: 'computer-vision', minLevel: 3 },
  ],
  preferredSkills: [{ skill: 'docker', minLevel: 2 }],
  languages: [{ code: 'ko', minLevel: 4 }],
  workMode: 'remote',
  utcOffsetMinutes: 540,
  startDate: '2026-03-02',
  hoursPerWeek: 40,
}
const CANDIDATE: ScoringCandidate = {
  id: 'c',
  skills: [
    { skill: 'pytorch', level: 4 },
    { skill: 'object-detection', level: 4 },
    { skill: 'docker', level: 3 },
  ],
  languages: [{ code: 'ko', level: 4 }],
  workModes: ['remote'],
  location: 'VN-Hanoi',
  utcOffsetMinutes: 420,
  availableFrom: '2026-03-01',
  hoursPerWeek: 40,
  assessmentScore: 80,
}

test('a strong remote candidate from Hanoi for a Seoul position scores high; components add up', () => {
  const explanation = explainFit(CANDIDATE, POSITION)
  const total = explanation.components.reduce((sum, component) => sum + component.points, 0)
  assert.ok(Math.abs(total - explanation.score) < 0.05)
  assert.ok(explanation.score > 90, `${explanation.score}`)
  const timeZone = explanation.components.find((component) => component.component === 'workMode')!.items
  assert.ok(timeZone.some((item) => item.code === 'time_zone_difference' && item.params.hours === 2))
})

test('taxonomy-aware skill credit: exact > more specific > related > more general > none; levels matter', () => {
  const withSkill = (skill: string, level: number): number =>
    score(
      { id: 'c', skills: [{ skill, level }] },
      { id: 'p', requiredSkills: [{ skill: 'pytorch', minLevel: 3 }] },
    )
  const general = (skill: string): number =>
    score(
      { id: 'c', skills: [{ skill, level: 4 }] },
      { id: 'p', requiredSkills: [{ skill: 'deep-learning', minLevel: 3 }] },
    )
  assert.ok(withSkill('pytorch', 3) > withSkill('tensorflow', 4))
  assert.ok(withSkill('tensorflow', 4) > withSkill('deep-learning', 4))
  assert.ok(withSkill('deep-learning', 4) > withSkill('python', 5))
  assert.ok(general('pytorch') > general('tensorflow') || general('pytorch') === general('tensorflow'))
  assert.ok(withSkill('pytorch', 3) > withSkill('pytorch', 2))
  assert.ok(withSkill('pytorch', 2) > withSkill('pytorch', 1))
  assert.equal(withSkill('pytorch', 5), withSkill('pytorch', 3))
})

test('explanation says what is missing and what counted partly', () => {
  const explanation = explainFit(
    { id: 'c', skills: [{ skill: 'tensorflow', level: 4 }] },
    {
      id: 'p',
      requiredSkills: [
        { skill: 'pytorch', minLevel: 3 },
        { skill: 'ros', minLevel: 2 },
      ],
    },
  )
  const items = explanation.components[0]!.items
  assert.deepEqual(items[0], {
    code: 'skill_matched_related',
    params: { skill: 'pytorch', minLevel: 3, via: 'tensorflow', level: 4, relation: 'related', credit: 0.6 },
  })
  assert.deepEqual(items[1], { code: 'skill_missing', params: { skill: 'ros', minLevel: 2 } })
})

test('scores are deterministic and independent of input order', () => {
  fc.assert(
    fc.property(programArbitrary(6, 4, true), ({ candidates, positions }) => {
      const first = scoreMatrix(createScoringIndex(candidates, positions))
      const again = scoreMatrix(createScoringIndex(structuredClone(candidates), structuredClone(positions)))
      const shuffled = candidates.map((candidate) => ({
        ...candidate,
        skills: [...candidate.skills].reverse(),
      }))
      const reordered = scoreMatrix(createScoringIndex(shuffled, positions))
      assert.deepEqual(again, first)
      assert.deepEqual(reordered, first)
      return first.every((value) => value === EXCLUDED_SCORE || (value >= 0 && value <= 100))
    }),
    { numRuns: 150 },
  )
})

test('duplicated skills (keyword stuffing) never raise a score', () => {
  fc.assert(
    fc.property(
      candidateArbitrary('c'),
      positionArbitrary('p', true),
      fc.nat(5),
      (candidate, position, times) => {
        const stuffed = {
          ...candidate,
          skills: [...candidate.skills, ...Array.from({ length: times }, () => candidate.skills).flat()],
        }
        return score(stuffed, position) === score(candidate, position)
      },
    ),
    { numRuns: 300 },
  )
})

test('removing a skill from a candidate never raises a score', () => {
  fc.assert(
    fc.property(
      candidateArbitrary('c'),
      positionArbitrary('p', true),
      fc.nat(),
      (candidate, position, pick) => {
        fc.pre(candidate.skills.length > 0)
        const removed = candidate.skills[pick % candidate.skills.length]!.skill
        const without = { ...candidate, skills: candidate.skills.filter((item) => item.skill !== removed) }
        return score(without, position) <= score(candidate, position)
      },
    ),
    { numRuns: 300 },
  )
})

test('repeating keywords in a CV text does not raise its score for any evaluation position', () => {
  const positions = EVALUATION_SET.positions.map((position) =>
    toScoringPosition(position.id, extractPositionProfile(position.text)),
  )
  for (const cv of EVALUATION_SET.cvs.slice(0, 15)) {
    const extraction = extractCandidateProfile(cv.text)
    const keywords = extraction.skills.map((item) => item.evidence[0]!.text).join(', ')
    const stuffed = extractCandidateProfile(`${cv.text}\n${`${keywords}\n`.repeat(10)}`)
    const plain = scoreMatrix(createScoringIndex([toScoringCandidate('c', extraction)], positions))
    const padded = scoreMatrix(createScoringIndex([toScoringCandidate('c', stuffed)], positions))
    for (let p = 0; p < positions.length; p++)
      assert.ok(padded[p]! <= plain[p]!, `${cv.id} × ${positions[p]!.id}`)
  }
})

test('hard filters exclude with a reason', () => {
  const cases: [Partial<ScoringPosition>, Partial<ScoringCandidate>, string][] = [
    [{ requiredSkills: [{ skill: 'ros', minLevel: 3, isMandatory: true }] }, {}, 'missing_mandatory_skill'],
    [{ languages: [{ code: 'ko', minLevel: 5, isHard: true }] }, {}, 'language_below_minimum'],
    [
      { workMode: 'onsite', location: 'KR-Seoul', hard: { isWorkModeRequired: true } },
      {},
      'work_mode_incompatible',
    ],
    [{ hard: { maxTimeZoneDifferenceHours: 1 } }, {}, 'time_zone_too_far'],
    [{ hard: { isStartDateRequired: true }, startDate: '2026-02-01' }, {}, 'not_available_on_start'],
    [{ hard: { minHoursPerWeek: 45 } }, {}, 'hours_below_minimum'],
    [
      { hard: { minEducationLevel: 'master' } },
      { education: { level: 'bachelor', status: 'graduated' } },
      'education_below_minimum',
    ],
    [{ hard: { minYearsOfExperience: 3 } }, { yearsOfExperience: 1 }, 'experience_below_minimum'],
    [{ hard: { minAssessmentScore: 90 } }, {}, 'assessment_below_minimum'],
    [{ hard: { allowedVisas: ['E-7'] } }, { visa: 'D-10' }, 'visa_not_allowed'],
    [{ hard: { allowedNationalities: ['KR'] } }, { nationality: 'VN' }, 'nationality_not_allowed'],
  ]
  for (const [positionChange, candidateChange, code] of cases) {
    const position = { ...POSITION, ...positionChange }
    const candidate = { ...CANDIDATE, ...candidateChange }
    const explanation = explainFit(candidate, position)
    assert.equal(explanation.isExcluded, true, code)
    assert.equal(explanation.score, EXCLUDED_SCORE)
    assert.deepEqual(
      explanation.exclusions.map((reason) => reason.code),
      [code],
    )
    assert.ok(explanation.softScore > 0)
    assert.equal(score(candidate, position), EXCLUDED_SCORE)
  }
  // A more specific skill satisfies a mandatory one; a related one does not.
  const mandatory = { id: 'p', requiredSkills: [{ skill: 'deep-learning', minLevel: 3, isMandatory: true }] }
  assert.notEqual(score({ id: 'c', skills: [{ skill: 'pytorch', level: 3 }] }, mandatory), EXCLUDED_SCORE)
  assert.equal(score({ id: 'c', skills: [{ skill: 'statistics', level: 5 }] }, mandatory), EXCLUDED_SCORE)
})

test('explanations and the batch matrix agree on every pair', () => {
  fc.assert(
    fc.property(programArbitrary(5, 4, true), ({ candidates, positions }) => {
      const index = createScoringIndex(candidates, positions)
      const matrix = scoreMatrix(index)
      for (let c = 0; c < candidates.length; c++) {
        for (let p = 0; p < positions.length; p++) {
          const explanation = explainPair(index, c, p)
          assert.equal(explanation.score, matrix[c * positions.length + p])
          assert.equal(explanation.isExcluded, explanation.exclusions.length > 0)
        }
      }
    }),
    { numRuns: 100 },
  )
})

const SKILLS_ONLY = {
  requiredSkills: 1,
  preferredSkills: 0,
  languages: 0,
  workMode: 0,
  availability: 0,
  education: 0,
  experience: 0,
  assessment: 0,
}

test('weights are per program and rescaled to 100', () => {
  const skillsOnly = createScoringIndex([CANDIDATE], [POSITION], { weights: SKILLS_ONLY })
  assert.equal(scorePair(skillsOnly, 0, 0), (100 * (0.9 + 1)) / 2)
  assert.throws(
    () => createScoringIndex([], [], { weights: { ...SKILLS_ONLY, requiredSkills: 0 } }),
    /sum to 0/,
  )
})
