import type { FastifyInstance } from 'fastify'
import { registerAccountRoutes } from './accounts.ts'
import { registerApplicationRoutes } from './applications.ts'
import { registerAuditRoutes } from './audit.ts'
import { registerCandidateRoutes } from './candidates.ts'
import { registerCompanyRoutes } from './companies.ts'
import { registerEligibilityRoutes } from './eligibility.ts'
import { registerImportRoutes } from './imports.ts'
import { registerInvitationRoutes } from './invitations.ts'
import { registerMatchRunRoutes } from './match-runs.ts'
import { registerNotificationRoutes } from './notifications.ts'
import { registerPositionRoutes } from './positions.ts'
import { registerPrivacyRoutes } from './privacy.ts'
import { registerProgramRoutes } from './programs.ts'
import { registerRankingRoutes } from './rankings.ts'
import { registerResultRoutes } from './results.ts'
import { registerScoringRoutes } from './scoring.ts'
import { registerSignInRoutes } from './sign-in.ts'
import { registerSystemRoutes } from './system.ts'

/** Registers every API route, one file per feature (the same feature names as `src/services`). */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await registerAccountRoutes(app)
  await registerCandidateRoutes(app)
  await registerApplicationRoutes(app)
  await registerProgramRoutes(app)
  await registerCompanyRoutes(app)
  await registerPositionRoutes(app)
  await registerAuditRoutes(app)
  await registerImportRoutes(app)
  await registerEligibilityRoutes(app)
  await registerRankingRoutes(app)
  await registerMatchRunRoutes(app)
  await registerResultRoutes(app)
  await registerNotificationRoutes(app)
  await registerScoringRoutes(app)
  await registerInvitationRoutes(app)
  await registerSystemRoutes(app)
  await registerSignInRoutes(app)
  await registerPrivacyRoutes(app)
}
