import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { EVALUATION_SET } from './data/evaluation-set.ts'
import { extractCandidateProfile } from './extract-candidate-profile.ts'
import type { CandidateExtraction } from './extraction-types.ts'

const skillsOf = (extraction: CandidateExtraction): string[] => extraction.skills.map((item) => item.skill)
const levelOf = (extraction: CandidateExtraction, skill: string): number | undefined =>
  extraction.skills.find((item) => item.skill === skill)?.level

const KOREAN = `김민수 | 컴퓨터비전 엔지니어
파이토치를 활용한 객체 탐지 모델 개발 (YOLOv8), 자연어처리를 위한 BERT 경험
PyTorch로 3D비전 연구 · 딥러닝 3년 · 경력 4년
서울대학교 전기공학 석사 졸업 2020.02 / 한국어 모국어, TOEIC 905, TOPIK 6급`

const VIETNAMESE = `Nguyễn Văn An — Kỹ sư AI, Hà Nội
Kỹ sư Khoa học Máy tính, Đại học Bách Khoa Hà Nội, tốt nghiệp 06/2021
3 năm kinh nghiệm học máy và xử lý ngôn ngữ tự nhiên; thị giác máy tính cơ bản.
Thành thạo PyTorch (3 năm). Ngoại ngữ: TOPIK II cấp 4, IELTS 6.5`

const ENGLISH = `Jane Doe — ML Engineer
M.Sc. Computer Science, expected graduation 2026-02.
5+ years of experience. Expert in PyTorch; basic Kubernetes. Speech recognition with Whisper.
English C2, Korean B1.`

test('Korean CV: particles attached to words, mixed scripts, levels, education and languages', () => {
  const result = extractCandidateProfile(KOREAN)
  assert.equal(result.status, 'extracted')
  for (const skill of [
    'computer-vision',
    'pytorch',
    'object-detection',
    'yolo',
    'nlp',
    'transformers',
    '3d-vision',
    'deep-learning',
  ]) {
    assert.ok(skillsOf(result).includes(skill), `missing ${skill}: ${skillsOf(result).join(',')}`)
  }
  assert.equal(levelOf(result, 'deep-learning'), 4)
  assert.deepEqual(
    result.languages.map((item) => [item.code, item.level, item.source]),
    [
      ['en', 4, 'toeic'],
      ['ko', 6, 'topik'],
    ],
  )
  assert.equal(result.education?.level, 'master')
  assert.equal(result.education?.status, 'graduated')
  assert.equal(result.education?.graduationDate, '2020-02')
  assert.equal(result.yearsOfExperience?.years, 4)
  assert.ok(result.textLanguages.includes('ko'))
})

test('Vietnamese CV: diacritics, "khoa học máy tính" is not machine learning, levels from words and years', () => {
  const result = extractCandidateProfile(VIETNAMESE)
  assert.deepEqual(skillsOf(result), ['computer-vision', 'machine-learning', 'nlp', 'pytorch'])
  const machineLearning = result.skills.find((item) => item.skill === 'machine-learning')!
  assert.equal(machineLearning.evidence.length, 1)
  assert.equal(machineLearning.evidence[0]!.text, 'học máy')
  assert.equal(levelOf(result, 'computer-vision'), 2)
  assert.equal(levelOf(result, 'pytorch'), 4)
  assert.deepEqual(
    result.languages.map((item) => [item.code, item.level]),
    [
      ['en', 4],
      ['ko', 4],
    ],
  )
  assert.deepEqual([result.education?.level, result.education?.graduationDate], ['bachelor', '2021-06'])
  assert.equal(result.yearsOfExperience?.years, 3)
  assert.ok(result.textLanguages.includes('vi'))
})

test('Vietnamese without diacritics and in decomposed (NFD) form extract the same skills', () => {
  const plain = extractCandidateProfile('Kinh nghiem hoc may, xu ly ngon ngu tu nhien va thi giac may tinh')
  const decomposed = extractCandidateProfile(VIETNAMESE.normalize('NFD'))
  assert.deepEqual(skillsOf(plain), ['computer-vision', 'machine-learning', 'nlp'])
  assert.deepEqual(skillsOf(decomposed), skillsOf(extractCandidateProfile(VIETNAMESE)))
})

test('English CV: expert/basic levels, enrolled master, CEFR levels', () => {
  const result = extractCandidateProfile(ENGLISH)
  assert.equal(levelOf(result, 'pytorch'), 5)
  assert.equal(levelOf(result, 'kubernetes'), 2)
  assert.ok(skillsOf(result).includes('speech-recognition'))
  assert.ok(skillsOf(result).includes('machine-learning'))
  assert.deepEqual([result.education?.level, result.education?.status], ['master', 'enrolled'])
  assert.equal(result.yearsOfExperience?.years, 5)
  assert.deepEqual(
    result.languages.map((item) => [item.code, item.level, item.source]),
    [
      ['en', 6, 'cefr'],
      ['ko', 3, 'cefr'],
    ],
  )
})

test('evidence spans point into the original text', () => {
  for (const text of [KOREAN, VIETNAMESE, ENGLISH, VIETNAMESE.normalize('NFD')]) {
    const result = extractCandidateProfile(text)
    for (const skill of result.skills) {
      for (const evidence of skill.evidence) {
        assert.equal(text.slice(evidence.start, evidence.end), evidence.text)
        assert.ok(evidence.context.length > 0)
      }
    }
  }
})

test('empty, unreadable and unrecognised texts give "nothing extracted", never a profile', () => {
  const cases: [string, string][] = [
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['\u0000\u0001\ufffd\ufffd\ufffd%%$$##@@!!', 'unreadable'],
    ['0101 1100 0110 1111 ==== ---- ++++ 1234', 'unreadable'],
    ['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 'no_recognised_content'],
    ['안녕하세요 저는 요리를 좋아합니다', 'no_recognised_content'],
    ['Tôi thích nấu ăn và đi du lịch', 'no_recognised_content'],
  ]
  for (const [text, reason] of cases) {
    const result = extractCandidateProfile(text)
    assert.equal(result.status, 'nothing_extracted', text)
    assert.equal(result.reason, reason, text)
    assert.deepEqual(
      [result.skills, result.languages, result.education, result.yearsOfExperience],
      [[], [], null, null],
    )
  }
})

test('random garbage never produces an invented profile with a reason missing', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      const result = extractCandidateProfile(text)
      return result.status === 'extracted' ? result.reason === undefined : result.reason !== undefined
    }),
    { numRuns: 300 },
  )
})

test('repeating the text or a keyword never raises a level and never adds a skill', () => {
  for (const cv of EVALUATION_SET.cvs.slice(0, 12)) {
    const once = extractCandidateProfile(cv.text)
    const twice = extractCandidateProfile(`${cv.text}\n${cv.text}`)
    assert.deepEqual(
      twice.skills.map((item) => item.skill),
      once.skills.map((item) => item.skill),
    )
    for (const item of twice.skills) assert.ok(item.level <= levelOf(once, item.skill)!)
    const first = once.skills[0]!
    const stuffed = extractCandidateProfile(`${cv.text}\n${`${first.evidence[0]!.text} `.repeat(40)}`)
    assert.deepEqual(
      stuffed.skills.map((item) => item.skill),
      once.skills.map((item) => item.skill),
    )
    for (const item of stuffed.skills) assert.ok(item.level <= levelOf(once, item.skill)!)
    assert.ok(stuffed.warnings.includes('keyword_stuffing_suspected'))
  }
})

test('a line dumping dozens of keywords caps those skills at level 2', () => {
  const dump =
    'Skills: Python, PyTorch, TensorFlow, JAX, Keras, CUDA, ROS, SLAM, Docker, Kubernetes, Spark, Airflow, Kafka, MLflow, Kubeflow, LangChain, RAG, LLM, NLP, OCR, YOLO, OpenCV'
  const result = extractCandidateProfile(dump)
  assert.ok(result.skills.length >= 20)
  assert.ok(result.skills.every((item) => item.level <= 2 && item.confidence <= 0.5))
  assert.deepEqual(result.warnings, ['keyword_stuffing_suspected'])
})

test('a denied skill is not extracted', () => {
  const skills = (text: string): string[] => extractCandidateProfile(text).skills.map((item) => item.skill)
  assert.deepEqual(skills('PyTorch 3 years; no experience with Kubernetes'), ['pytorch'])
  assert.deepEqual(skills('파이토치 능숙, 쿠버네티스 경험 없음'), ['pytorch'])
  assert.deepEqual(skills('Thành thạo PyTorch, chưa có kinh nghiệm Kubernetes'), ['pytorch'])
})
