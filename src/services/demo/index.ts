/** Seeded, synthetic demo data for a hub: one program, its startups, positions, applicants and logins. */
export type { DemoCompanyTemplate, DemoPositionTemplate } from './demo-companies.ts'
export { DEMO_COMPANIES } from './demo-companies.ts'
export type { DemoApplication, DemoCandidate } from './generate-demo-candidates.ts'
export type { DemoCompany, DemoPosition } from './generate-demo-companies.ts'
export type { DemoAccount, DemoHub, DemoHubOptions } from './generate-demo-hub.ts'
export {
  DEMO_DEFAULT_CANDIDATES,
  DEMO_DEFAULT_COMPANIES,
  DEMO_MAX_CANDIDATES,
  DEMO_MIN_COMPANIES,
  DEMO_PASSWORD,
  generateDemoHub,
} from './generate-demo-hub.ts'
export { type DemoLogin, type DemoSeedResult, seedDemoHub } from './seed-demo-hub.ts'
export type { SeededRandom } from './seeded-random.ts'
export { createSeededRandom } from './seeded-random.ts'
