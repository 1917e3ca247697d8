import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PositionInputSchema, patchSchemaOf } from '../../domain/index.ts'
import { createPosition, getPosition, listCompanyPositions, updatePosition } from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const CompanyParams = z.strictObject({ companyId: z.uuid() })

const PositionParams = z.strictObject({ positionId: z.uuid() })

const COMPANY_ROLES = ['operator', 'reviewer', 'company'] as const

/** Positions: a company's positions and one position. */
export async function registerPositionRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/companies/:companyId/positions',
    { config: { access: COMPANY_ROLES }, schema: { tags: ['positions'], params: CompanyParams } },
    (request) => listCompanyPositions(readContext(app, request), request.params.companyId),
  )
  app.post(
    '/api/companies/:companyId/positions',
    {
      config: { access: ['operator', 'company'] },
      schema: { tags: ['positions'], params: CompanyParams, body: PositionInputSchema },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inTransaction(app, request, (context) =>
            createPosition(context, request.params.companyId, request.body),
          ),
        ),
  )
  app.get(
    '/api/positions/:positionId',
    {
      config: { access: ['operator', 'reviewer', 'company', 'candidate'] },
      schema: { tags: ['positions'], params: PositionParams },
    },
    (request) => getPosition(readContext(app, request), request.params.positionId),
  )
  app.patch(
    '/api/positions/:positionId',
    {
      config: { access: ['operator', 'company'] },
      schema: { tags: ['positions'], params: PositionParams, body: patchSchemaOf(PositionInputSchema) },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        updatePosition(context, request.params.positionId, request.body),
      ),
  )
}
