import assert from 'node:assert/strict'
import { test } from 'node:test'
import { EVALUATION_SET } from './data/evaluation-set.ts'
import { computeNdcg, evaluateScoring } from './evaluate-scoring.ts'
import { SKILL_TAXONOMY } from './skill-taxonomy.ts'

test('the evaluation set is large enough, trilingual and labelled with taxonomy ids', () => {
  assert.ok(EVALUATION_SET.cvs.length >= 40)
  assert.ok(EVALUATION_SET.positions.length >= 15)
  const texts = [...EVALUATION_SET.cvs, ...EVALUATION_SET.positions].map((item) => item.text)
  assert.ok(texts.filter((text) => /[\uac00-\ud7a3]{4}/.test(text)).length >= 10)
  assert.ok(texts.filter((text) => /[ăâđêôơư]/i.test(text)).length >= 10)
  const cvIds = new Set(EVALUATION_SET.cvs.map((cv) => cv.id))
  for (const item of [...EVALUATION_SET.cvs, ...EVALUATION_SET.positions]) {
    for (const skill of item.expectedSkills)
      assert.ok(SKILL_TAXONOMY.indexById.has(skill), `${item.id}: ${skill}`)
  }
  for (const position of EVALUATION_SET.positions) {
    for (const id of position.expectedTopMatches) assert.ok(cvIds.has(id), `${position.id}: ${id}`)
  }
})

test('extraction meets the targets (precision ≥ 0.9, recall ≥ 0.8), also in Korean and Vietnamese', () => {
  const report = evaluateScoring()
  assert.ok(report.extraction.precision >= 0.9, `precision ${report.extraction.precision}`)
  assert.ok(report.extraction.recall >= 0.8, `recall ${report.extraction.recall}`)
  for (const language of ['ko', 'vi'] as const) {
    const score = report.extractionByLanguage[language]!
    assert.ok(score.texts >= 10 && score.precision >= 0.9 && score.recall >= 0.8, language)
  }
  assert.ok(report.meanNdcgAt5 >= 0.8, `nDCG@5 ${report.meanNdcgAt5}`)
  assert.deepEqual(evaluateScoring(), report)
})

test('nDCG: perfect order is 1, reversed is lower, nothing relevant is 0', () => {
  assert.equal(computeNdcg(['a', 'b', 'c'], ['a', 'b', 'c'], 5), 1)
  assert.ok(computeNdcg(['c', 'b', 'a'], ['a', 'b', 'c'], 5) < 1)
  assert.equal(computeNdcg(['x', 'y'], ['a'], 5), 0)
})
