import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { EligibilityRulesSchema, IsoDateSchema, type UiLocale, UiLocaleSchema } from '../../domain/index.ts'
import {
  checkProgramEligibility,
  clearEligibilityOverride,
  getEligibilityRules,
  getOwnEligibility,
  listProgramEligibility,
  localizeEligibilityRules,
  localizeEligibilityVerdict,
  overrideEligibility,
  previewEligibilityRules,
  setEligibilityRules,
} from '../../services/eligibility/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })

const ApplicationParams = z.strictObject({ applicationId: z.uuid() })

const LocaleQuery = z.object({ locale: UiLocaleSchema.optional() })

const ALL_ROLES = ['operator', 'reviewer', 'company', 'candidate'] as const

/** The body of `PUT …/eligibility-rules`: the whole rule set, replacing the old one. */
export const EligibilityRulesBodySchema = z.strictObject({ rules: EligibilityRulesSchema })

/** The body of `POST …/eligibility-check`. */
export const EligibilityCheckBodySchema = z
  .strictObject({ referenceDate: IsoDateSchema.optional().describe('default: the eligibility-check day') })
  .default({})

/** The body of `POST …/eligibility-override`. */
export const EligibilityOverrideBodySchema = z.strictObject({
  isEligible: z.boolean(),
  reason: z.string().trim().min(3).max(1000),
})

/** The body of `POST …/eligibility-rules/preview`: a draft rule set and, optionally, the day to measure from. */
export const EligibilityPreviewBodySchema = z.strictObject({
  rules: EligibilityRulesSchema,
  referenceDate: IsoDateSchema.optional().describe('default: the eligibility-check day'),
})

/** The body of `POST …/eligibility-override/clear`: why the override is removed (kept in the audit log). */
export const EligibilityOverrideClearBodySchema = z.strictObject({
  reason: z.string().trim().min(3).max(1000),
})

/** The language to answer in: `?locale=`, else the user's own, else English. */
function localeOf(request: FastifyRequest, query: { locale?: UiLocale | undefined }): UiLocale {
  return query.locale ?? request.actor?.locale ?? 'en'
}

/** Eligibility rules, checks, overrides and verdicts, and the candidate's own verdict. */
export async function registerEligibilityRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.put(
    '/api/programs/:programId/eligibility-rules',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['eligibility'],
        params: ProgramParams,
        querystring: LocaleQuery,
        body: EligibilityRulesBodySchema,
      },
    },
    async (request) => {
      const { programId } = request.params
      const rules = await inTransaction(app, request, (context) =>
        setEligibilityRules(context, programId, request.body.rules),
      )
      const locale = localeOf(request, request.query)
      return { programId, locale, rules: localizeEligibilityRules(rules, locale) }
    },
  )
  app.get(
    '/api/programs/:programId/eligibility-rules',
    {
      config: { access: ALL_ROLES },
      schema: { tags: ['eligibility'], params: ProgramParams, querystring: LocaleQuery },
    },
    async (request) => {
      const { programId } = request.params
      const rules = await getEligibilityRules(readContext(app, request), programId)
      const locale = localeOf(request, request.query)
      return { programId, locale, rules: localizeEligibilityRules(rules, locale) }
    },
  )
  app.post(
    '/api/programs/:programId/eligibility-rules/preview',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['eligibility'],
        params: ProgramParams,
        querystring: LocaleQuery,
        body: EligibilityPreviewBodySchema,
      },
    },
    async (request) => {
      const { programId } = request.params
      const { rules, referenceDate } = request.body
      // A read: nothing is stored, so no transaction.
      const impact = await previewEligibilityRules(readContext(app, request), programId, rules, {
        ...(referenceDate !== undefined && { referenceDate }),
      })
      const locale = localeOf(request, request.query)
      return { programId, locale, rules: localizeEligibilityRules(rules, locale), impact }
    },
  )
  app.post(
    '/api/programs/:programId/eligibility-check',
    {
      config: { access: ['operator'] },
      schema: { tags: ['eligibility'], params: ProgramParams, body: EligibilityCheckBodySchema },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        checkProgramEligibility(context, request.params.programId, {
          ...(request.body.referenceDate !== undefined && { referenceDate: request.body.referenceDate }),
        }),
      ),
  )
  app.get(
    '/api/programs/:programId/eligibility',
    {
      config: { access: ['operator', 'reviewer'] },
      schema: { tags: ['eligibility'], params: ProgramParams, querystring: LocaleQuery },
    },
    async (request) => {
      const locale = localeOf(request, request.query)
      const list = await inTransaction(app, request, (context) =>
        listProgramEligibility(context, request.params.programId),
      )
      return list.map((entry) => ({
        ...entry,
        verdict: entry.verdict && localizeEligibilityVerdict(entry.verdict, locale),
      }))
    },
  )
  app.post(
    '/api/applications/:applicationId/eligibility-override',
    {
      config: { access: ['operator'] },
      schema: { tags: ['eligibility'], params: ApplicationParams, body: EligibilityOverrideBodySchema },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        overrideEligibility(context, request.params.applicationId, request.body),
      ),
  )
  app.post(
    '/api/applications/:applicationId/eligibility-override/clear',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['eligibility'],
        params: ApplicationParams,
        body: EligibilityOverrideClearBodySchema,
      },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        clearEligibilityOverride(context, request.params.applicationId, request.body),
      ),
  )
  app.get(
    '/api/me/programs/:programId/eligibility',
    {
      config: { access: ['candidate'] },
      schema: { tags: ['me', 'eligibility'], params: ProgramParams, querystring: LocaleQuery },
    },
    async (request) => {
      const own = await getOwnEligibility(readContext(app, request), request.params.programId)
      const locale = localeOf(request, request.query)
      return { ...own, locale, verdict: own.verdict && localizeEligibilityVerdict(own.verdict, locale) }
    },
  )
}
