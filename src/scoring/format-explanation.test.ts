import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { createScoringIndex } from './create-scoring-index.ts'
import { explainFit, explainPair } from './explain-fit.ts'
import { formatExplanation } from './format-explanation.ts'
import { programArbitrary } from './program-arbitrary.ts'

test('renders the PyTorch/TensorFlow example in en, ko and vi', () => {
  const explanation = explainFit(
    { id: 'c', skills: [{ skill: 'tensorflow', level: 4 }] },
    { id: 'p', requiredSkills: [{ skill: 'pytorch', minLevel: 3 }] },
  )
  const line = (locale: 'en' | 'ko' | 'vi'): string =>
    formatExplanation(explanation, locale).components[0]!.lines[0]!
  assert.equal(line('en'), 'needs PyTorch ≥ level 3; candidate has TensorFlow level 4 (related)')
  assert.equal(line('ko'), '파이토치 레벨 3 이상 필요, 후보자는 텐서플로 레벨 4 보유 (관련 기술)')
  assert.equal(line('vi'), 'cần PyTorch ≥ cấp 3; ứng viên có TensorFlow cấp 4 (liên quan)')
  assert.equal(formatExplanation(explanation, 'ko').components[0]!.label, '필수 기술')
})

test('every item of random pairs renders without leftover placeholders in every locale', () => {
  fc.assert(
    fc.property(programArbitrary(3, 3, true), ({ candidates, positions }) => {
      const index = createScoringIndex(candidates, positions)
      for (let c = 0; c < candidates.length; c++) {
        for (let p = 0; p < positions.length; p++) {
          for (const locale of ['en', 'ko', 'vi'] as const) {
            const formatted = formatExplanation(explainPair(index, c, p), locale)
            const lines = [
              formatted.headline,
              ...formatted.exclusions,
              ...formatted.components.flatMap((x) => x.lines),
            ]
            for (const text of lines) assert.ok(!/[{}]/.test(text) && !text.includes('undefined'), text)
          }
        }
      }
    }),
    { numRuns: 60 },
  )
})
