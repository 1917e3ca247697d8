import type { FastifyInstance } from 'fastify'
import { registerAuditRoutes } from './audit-routes.ts'
import { registerAuthRoutes } from './auth-routes.ts'
import { registerCandidateRoutes } from './candidate-routes.ts'
import { registerCompanyRoutes } from './company-routes.ts'
import { registerEligibilityRoutes } from './eligibility-routes.ts'
import { registerImportRoutes } from './import-routes.ts'
import { registerInvitationRoutes } from './invitation-routes.ts'
import { registerMatchRoutes } from './match-routes.ts'
import { registerMeRoutes } from './me-routes.ts'
import { registerPasswordRoutes } from './password-routes.ts'
import { registerProgramRoutes } from './program-routes.ts'
import { registerRankingRoutes } from './ranking-routes.ts'
import { registerScoringRoutes } from './scoring-routes.ts'
import { registerSystemRoutes } from './system-routes.ts'

/** Registers every API route. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await registerAuthRoutes(app)
  await registerMeRoutes(app)
  await registerProgramRoutes(app)
  await registerCompanyRoutes(app)
  await registerCandidateRoutes(app)
  await registerAuditRoutes(app)
  await registerImportRoutes(app)
  await registerEligibilityRoutes(app)
  await registerRankingRoutes(app)
  await registerMatchRoutes(app)
  await registerScoringRoutes(app)
  await registerInvitationRoutes(app)
  await registerSystemRoutes(app)
  await registerPasswordRoutes(app)
}
