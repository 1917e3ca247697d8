import assert from 'node:assert/strict'
import { test } from 'node:test'
import { extractPositionProfile } from './extract-position-profile.ts'
import type { PositionExtraction } from './extraction-types.ts'

const required = (result: PositionExtraction): string[] => result.requiredSkills.map((item) => item.skill)
const preferred = (result: PositionExtraction): string[] => result.preferredSkills.map((item) => item.skill)

test('Korean position: 자격 요건 / 우대 사항 sections, TOPIK requirement marked hard, degree in 우대 ignored', () => {
  const result = extractPositionProfile(`[채용] LLM 엔지니어
자격 요건
- Python 3년 이상, PyTorch 능숙
- RAG 구축 경험
- 한국어 가능자 (TOPIK 4급 이상 필수)
우대 사항
- Kubernetes, MLflow 경험
- 석사 이상`)
  assert.deepEqual(required(result), ['llm', 'python', 'pytorch', 'rag'])
  assert.deepEqual(preferred(result), ['kubernetes', 'mlflow'])
  assert.equal(result.requiredSkills.find((item) => item.skill === 'python')?.level, 4)
  assert.deepEqual(
    result.languages.map((item) => [item.code, item.level, item.isHard]),
    [['ko', 4, true]],
  )
  assert.equal(result.education, null)
})

test('English position: inline "nice to have" and minimum years', () => {
  const result = extractPositionProfile(`MLOps Engineer
Must: Kubernetes, Docker, CI/CD. 3+ years of experience. Bachelor's degree or master's degree.
Nice to have: Kubeflow, AWS. IELTS 6.5 is a plus.`)
  assert.deepEqual(required(result), ['ci-cd', 'docker', 'kubernetes', 'mlops'])
  assert.deepEqual(preferred(result), ['aws', 'kubeflow'])
  assert.equal(result.minYearsOfExperience?.years, 3)
  assert.equal(result.education?.level, 'bachelor')
  assert.deepEqual(result.languages, [])
})

test('Vietnamese position: Yêu cầu / Ưu tiên', () => {
  const result = extractPositionProfile(`Kỹ sư thị giác máy tính
Yêu cầu: phát hiện đối tượng, PyTorch; ít nhất 2 năm kinh nghiệm; tiếng Anh tốt.
Ưu tiên: TensorRT, tiếng Hàn.`)
  assert.deepEqual(required(result), ['computer-vision', 'object-detection', 'pytorch'])
  assert.deepEqual(preferred(result), ['tensorrt'])
  assert.equal(result.minYearsOfExperience?.years, 2)
  assert.deepEqual(
    result.languages.map((item) => [item.code, item.level]),
    [['en', 4]],
  )
})

test('a skill named as required and as a plus stays required', () => {
  const result = extractPositionProfile('Requirements: PyTorch, Docker\nPreferred: Docker on AWS')
  assert.deepEqual(required(result), ['docker', 'pytorch'])
  assert.deepEqual(preferred(result), ['aws'])
})

test('empty or unrelated position text gives "nothing extracted"', () => {
  assert.equal(extractPositionProfile('').reason, 'empty')
  assert.equal(extractPositionProfile('We are a friendly team in Seoul.').status, 'nothing_extracted')
})
