import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as matching from './index.ts'

test('the engine’s front door exports every allocation family', () => {
  const families = [
    'solveFairShare',
    'assignReviewers',
    'selectByQuota',
    'fillFromWaitlist',
    'enrolByPriority',
    'buildPriorityMarket',
    'drawSingleLottery',
    'allocateProjects',
    'composeTeams',
    'drawTeamBaseline',
    'matchMentors',
    'buildMentorMarket',
  ] as const
  for (const name of families) assert.equal(typeof matching[name], 'function', name)
})
