import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { EXPORT_KINDS, exportRecords, IMPORT_KINDS, importRecords } from '../../services/imports/index.ts'
import { inTransaction } from './route-context.ts'

/** Largest CSV text an import accepts (characters). */
export const MAX_IMPORT_CHARS = 8 * 1024 * 1024
// JSON escaping (\r\n, \") and multi-byte Korean text make the body larger than the CSV it carries.
const IMPORT_BODY_LIMIT = 12 * 1024 * 1024

/** An import request: the file's name (for messages and the audit log) and its CSV text. */
export const ImportBodySchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  content: z.string().min(1).max(MAX_IMPORT_CHARS),
})
const ImportQuerySchema = z.strictObject({ dryRun: z.stringbool().default(false) })
const ExportQuerySchema = z.strictObject({ programId: z.uuid().optional() })

/**
 * CSV import (`POST /api/imports/{candidates|companies|positions}`, `?dryRun=true` validates only) and
 * export (`GET /api/exports/{applicants|positions|companies}.csv`), for operators. One literal route per
 * kind, so an unknown kind is a plain 404.
 */
export async function registerImportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  for (const kind of IMPORT_KINDS) {
    app.post(
      `/api/imports/${kind}`,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { access: ['operator'] },
        schema: { tags: ['imports'], body: ImportBodySchema, querystring: ImportQuerySchema },
      },
      (request) =>
        inTransaction(app, request, (context) =>
          importRecords(context, {
            kind,
            fileName: request.body.fileName,
            content: request.body.content,
            dryRun: request.query.dryRun,
          }),
        ),
    )
  }
  for (const kind of EXPORT_KINDS) {
    app.get(
      `/api/exports/${kind}.csv`,
      { config: { access: ['operator'] }, schema: { tags: ['imports'], querystring: ExportQuerySchema } },
      async (request, reply) => {
        const { programId } = request.query
        const text = await inTransaction(app, request, (context) =>
          exportRecords(context, { kind, ...(programId !== undefined && { programId }) }),
        )
        const day = new Date().toISOString().slice(0, 10)
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="ieum-${kind}-${day}.csv"`)
          .header('cache-control', 'no-store')
          .send(text)
      },
    )
  }
}
