import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DEFAULT_SCORE_WEIGHTS, SCORE_WEIGHT_COMPONENTS } from '../../src/domain/index.ts'
import { DEFAULT_SCORING_WEIGHTS, FIT_COMPONENTS } from '../../src/scoring/index.ts'
import { buildProgramMarket } from '../../src/services/match-runs/index.ts'
import { TEST_ENGINES } from '../support/open-test-db.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

interface Issue {
  path: string
  message: string
}

const TIMELINE = [
  { phase: 'call_open', startsOn: '2027-03-02' },
  { phase: 'eligibility_check', startsOn: '2027-04-05' },
  { phase: 'ranking', startsOn: '2027-04-19' },
  { phase: 'ranking_freeze', startsOn: '2027-05-07' },
  { phase: 'match', startsOn: '2027-05-10' },
  { phase: 'publish', startsOn: '2027-05-12' },
  { phase: 'acceptance_deadline', startsOn: '2027-05-19' },
  { phase: 'second_round', startsOn: '2027-05-24' },
]

for (const engine of TEST_ENGINES)
  describe(`program set-up through the API (${engine})`, () => {
    let t: TestApp
    let operator = ''
    let company = ''

    before(async () => {
      t = await startTestApp(engine)
      const login = (role: string) => t.demo.logins.find((l) => l.role === role)!.email
      operator = await t.signIn(login('operator'))
      company = await t.signIn(login('company'))
    })
    after(async () => {
      await t.close()
    })

    const call = (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      url: string,
      payload?: Record<string, unknown>,
      cookie = operator,
    ) => t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined && { payload }) })

    test('the form vocabulary in the domain matches the scoring library', () => {
      assert.deepEqual([...SCORE_WEIGHT_COMPONENTS], [...FIT_COMPONENTS])
      assert.deepEqual({ ...DEFAULT_SCORE_WEIGHTS }, { ...DEFAULT_SCORING_WEIGHTS })
    })

    test('a program is created with its timeline and matching configuration, then edited', async () => {
      const companyRow = await t.store.db.selectFrom('company').select('id').executeTakeFirstOrThrow()
      const created = await call('POST', '/api/programs', {
        kind: 'internship',
        title: '2028 글로벌 인턴십',
        description: 'Ten weeks in Gwangju',
        capacity: 20,
        timeline: TIMELINE,
        matchingConfig: {
          mechanism: 'candidate-proposing',
          tieBreakSeed: 42,
          stableImprovementCycles: false,
          groupCap: { attribute: 'nationality', maxPerCompany: 2 },
          scoreWeights: { requiredSkills: 50, languages: 20 },
          companyCaps: { [companyRow.id]: 3 },
        },
      })
      assert.equal(created.statusCode, 201, created.body)
      const program = created.json()
      assert.equal(program.phase, 'call_open')
      assert.deepEqual(program.timeline, TIMELINE)
      assert.equal(program.matchingConfig.tieBreakSeed, 42)
      assert.deepEqual(program.matchingConfig.companyCaps, { [companyRow.id]: 3 })

      const patched = await call('PATCH', `/api/programs/${program.id}`, {
        title: '2028 Global Internship',
        kind: 'mentoring',
        timeline: TIMELINE.slice(0, 3),
      })
      assert.equal(patched.statusCode, 200, patched.body)
      assert.equal(patched.json().title, '2028 Global Internship')
      assert.equal(patched.json().kind, 'mentoring')
      assert.equal(patched.json().timeline.length, 3)
      assert.equal(patched.json().matchingConfig.tieBreakSeed, 42, 'untouched settings stay')
      assert.equal(patched.json().description, 'Ten weeks in Gwangju')
      // Changing only the phase (as the match-runs panel does) leaves the timeline and configuration alone.
      const phase = await call('PATCH', `/api/programs/${program.id}`, { phase: 'eligibility_check' })
      assert.equal(phase.json().timeline.length, 3)
      assert.equal(phase.json().matchingConfig.groupCap.maxPerCompany, 2)
      assert.equal(phase.json().capacity, 20)
    })

    test('bad settings name their field: dates out of order, a phase twice, an unknown weight, all weights 0, a cap on an unknown company', async () => {
      const base = { kind: 'course', title: 'LLM course', capacity: 30 }
      const outOfOrder = TIMELINE.map((step) =>
        step.phase === 'match' ? { ...step, startsOn: '2027-05-01' } : step,
      )
      const order = await call('POST', '/api/programs', { ...base, timeline: outOfOrder })
      assert.equal(order.statusCode, 400)
      const orderPaths = order.json().error.issues.map((issue: Issue) => issue.path)
      assert.ok(orderPaths.includes('body.timeline.4.startsOn'), orderPaths.join(', '))

      const twice = await call('POST', '/api/programs', {
        ...base,
        timeline: [TIMELINE[0], { phase: 'call_open', startsOn: '2027-03-05' }],
      })
      assert.ok(twice.json().error.issues.some((issue: Issue) => issue.path === 'body.timeline.1.phase'))

      const weight = await call('POST', '/api/programs', {
        ...base,
        matchingConfig: { scoreWeights: { charisma: 10 } },
      })
      assert.equal(weight.statusCode, 400)
      assert.ok(
        weight
          .json()
          .error.issues.some((issue: Issue) => issue.path.startsWith('body.matchingConfig.scoreWeights')),
        weight.body,
      )
      const zero = Object.fromEntries(SCORE_WEIGHT_COMPONENTS.map((name) => [name, 0]))
      const allZero = await call('POST', '/api/programs', { ...base, matchingConfig: { scoreWeights: zero } })
      assert.equal(allZero.statusCode, 400)

      const stranger = '00000000-0000-4000-8000-000000000000'
      const cap = await call('POST', '/api/programs', {
        ...base,
        matchingConfig: { companyCaps: { [stranger]: 2 } },
      })
      assert.equal(cap.statusCode, 400)
      assert.equal(cap.json().error.issues[0].path, `body.matchingConfig.companyCaps.${stranger}`)
      const programs = await t.store.db
        .selectFrom('program')
        .select('id')
        .where('title', '=', 'LLM course')
        .execute()
      assert.equal(programs.length, 0, 'nothing was stored')
    })

    test('positions and seats: the catalog lists the hub, a PUT sets the offer, caps reach the market', async () => {
      const created = await call('POST', '/api/programs', {
        kind: 'internship',
        title: 'Seats test',
        capacity: 4,
      })
      const programId = created.json().id
      const catalog = await call('GET', `/api/programs/${programId}/position-catalog`)
      assert.equal(catalog.statusCode, 200, catalog.body)
      const positions = catalog.json() as {
        id: string
        companyId: string
        capacity: number
        isInProgram: boolean
      }[]
      const hubPositions = await t.store.db.selectFrom('position').select('id').execute()
      assert.equal(positions.length, hubPositions.length)
      assert.ok(positions.every((entry) => !entry.isInProgram))

      const [first, second, third] = positions as [
        (typeof positions)[number],
        (typeof positions)[number],
        (typeof positions)[number],
      ]
      const set = await call('PUT', `/api/programs/${programId}/positions`, {
        positions: [
          { positionId: first.id, seats: 5 },
          { positionId: second.id, seats: null },
        ],
      })
      assert.equal(set.statusCode, 200, set.body)
      const offered = set.json() as { id: string; seats: number }[]
      assert.deepEqual(
        offered.map((entry) => [entry.id, entry.seats]).sort(),
        [
          [first.id, 5],
          [second.id, second.capacity],
        ].sort(),
      )
      const overview = (await call('GET', `/api/programs/${programId}`)).json()
      assert.equal(overview.seatCount, 5 + second.capacity)

      const again = (await call('GET', `/api/programs/${programId}/position-catalog`)).json() as {
        id: string
        isInProgram: boolean
        programSeats: number | null
      }[]
      assert.deepEqual(
        again
          .filter((entry) => entry.isInProgram)
          .map((entry) => [entry.id, entry.programSeats])
          .sort(),
        [
          [first.id, 5],
          [second.id, null],
        ].sort(),
      )

      // Replace: the second leaves, the third joins.
      const replaced = await call('PUT', `/api/programs/${programId}/positions`, {
        positions: [
          { positionId: first.id, seats: 1 },
          { positionId: third.id, seats: 2 },
        ],
      })
      assert.deepEqual(
        (replaced.json() as { id: string }[]).map((entry) => entry.id).sort(),
        [first.id, third.id].sort(),
      )

      const twice = await call('PUT', `/api/programs/${programId}/positions`, {
        positions: [
          { positionId: first.id, seats: 1 },
          { positionId: first.id, seats: 2 },
        ],
      })
      assert.equal(twice.statusCode, 400)
      assert.equal(twice.json().error.issues[0].path, 'body.positions.1.positionId')
      const unknown = await call('PUT', `/api/programs/${programId}/positions`, {
        positions: [{ positionId: '00000000-0000-4000-8000-000000000000', seats: 1 }],
      })
      assert.equal(unknown.statusCode, 404)

      // A company cap set in the configuration is the company's capacity in the market the engine reads.
      const patched = await call('PATCH', `/api/programs/${programId}`, {
        matchingConfig: { companyCaps: { [first.companyId]: 1 } },
      })
      assert.equal(patched.statusCode, 200, patched.body)
      const market = await buildProgramMarket(t.store.db, programId, { round: 1 })
      const capped = market.companies?.find((entry) => entry.id === first.companyId)
      assert.equal(capped?.capacity, 1)
      assert.ok(
        market.companies?.filter((entry) => entry.id !== first.companyId).every((e) => e.capacity === null),
      )

      // Companies may not change a program's offer.
      const forbidden = await call('PUT', `/api/programs/${programId}/positions`, { positions: [] }, company)
      assert.equal(forbidden.statusCode, 403)
      const catalogForbidden = await call(
        'GET',
        `/api/programs/${programId}/position-catalog`,
        undefined,
        company,
      )
      assert.equal(catalogForbidden.statusCode, 403)
    })

    test('a position with placements cannot leave the program', async () => {
      const program = await t.store.db.selectFrom('program').select('id').executeTakeFirstOrThrow()
      const offered = await t.store.db
        .selectFrom('programPosition')
        .select('positionId')
        .where('programId', '=', program.id)
        .execute()
      const candidate = await t.store.db.selectFrom('candidate').select('id').executeTakeFirstOrThrow()
      const run = await t.store.db
        .insertInto('matchRun')
        .values({
          programId: program.id,
          round: 1,
          mechanism: 'candidate-proposing',
          seed: 1,
          status: 'published',
          engineVersion: 'test',
          market: '{}',
          result: '{}',
          marketSha256: '',
          resultSha256: '',
          options: '{}',
          createdBy: null,
          publishedAt: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await t.store.db
        .insertInto('placement')
        .values({
          programId: program.id,
          matchRunId: run.id,
          candidateId: candidate.id,
          positionId: offered[0]!.positionId,
          status: 'offered',
          decidedAt: null,
        })
        .execute()
      const response = await call('PUT', `/api/programs/${program.id}/positions`, {
        positions: offered.slice(1).map((entry) => ({ positionId: entry.positionId, seats: null })),
      })
      assert.equal(response.statusCode, 409, response.body)
      const after = await t.store.db
        .selectFrom('programPosition')
        .select('positionId')
        .where('programId', '=', program.id)
        .execute()
      assert.equal(after.length, offered.length, 'nothing changed')
    })
  })
