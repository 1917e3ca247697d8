import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { CompanyInputSchema, patchSchemaOf } from '../../domain/index.ts'
import { createCompany, getCompany, listCompanies, updateCompany } from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const CompanyParams = z.strictObject({ companyId: z.uuid() })

const COMPANY_ROLES = ['operator', 'reviewer', 'company'] as const

/** Companies of the hub. */
export async function registerCompanyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/companies',
    { config: { access: COMPANY_ROLES }, schema: { tags: ['companies'] } },
    (request) => listCompanies(readContext(app, request)),
  )
  app.post(
    '/api/companies',
    { config: { access: ['operator'] }, schema: { tags: ['companies'], body: CompanyInputSchema } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inTransaction(app, request, (context) => createCompany(context, request.body))),
  )
  app.get(
    '/api/companies/:companyId',
    { config: { access: COMPANY_ROLES }, schema: { tags: ['companies'], params: CompanyParams } },
    (request) => getCompany(readContext(app, request), request.params.companyId),
  )
  app.patch(
    '/api/companies/:companyId',
    {
      config: { access: ['operator', 'company'] },
      schema: { tags: ['companies'], params: CompanyParams, body: patchSchemaOf(CompanyInputSchema) },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        updateCompany(context, request.params.companyId, request.body),
      ),
  )
}
