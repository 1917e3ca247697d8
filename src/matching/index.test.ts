import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  allocateProjects,
  assignReviewers,
  buildMentorMarket,
  buildPriorityMarket,
  composeTeams,
  drawSingleLottery,
  drawTeamBaseline,
  enrolByPriority,
  fillFromWaitlist,
  matchMentors,
  scheduleInterviews,
  selectByQuota,
  solveFairShare,
} from './index.ts'

test('the engine’s front door exports every allocation family', () => {
  const families = [
    solveFairShare,
    assignReviewers,
    selectByQuota,
    fillFromWaitlist,
    enrolByPriority,
    buildPriorityMarket,
    drawSingleLottery,
    allocateProjects,
    composeTeams,
    drawTeamBaseline,
    matchMentors,
    buildMentorMarket,
    scheduleInterviews,
  ]
  for (const family of families) assert.equal(typeof family, 'function')
})
