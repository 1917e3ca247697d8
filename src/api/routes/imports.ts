import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createImportTemplate,
  describeImportColumns,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  type ExportFile,
  exportRecords,
  IMPORT_KINDS,
  importRecords,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
} from '../../services/imports/index.ts'
import { inTransaction } from './route-context.ts'

/** Largest CSV text an import accepts (characters). */
export const MAX_IMPORT_CHARS = 8 * 1024 * 1024

// Base64 writes 4 characters for every 3 bytes.
const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4

// JSON escaping (\r\n, \") and multi-byte Korean text make the body larger than the CSV it carries.
const IMPORT_BODY_LIMIT = 12 * 1024 * 1024

/**
 * An import request: the file's name (for messages and the audit log) and either its CSV text (`content`)
 * or the bytes of a .csv or .xlsx file in base64 (`contentBase64`; the format is read from the bytes).
 * `programId` adds imported positions or candidates to that program.
 */
export const ImportBodySchema = z
  .strictObject({
    fileName: z.string().trim().min(1).max(200),
    content: z.string().min(1).max(MAX_IMPORT_CHARS).optional(),
    contentBase64: z.base64().min(1).max(MAX_BASE64_CHARS).optional(),
    programId: z.uuid().optional(),
  })
  .superRefine((body, context) => {
    if ((body.content === undefined) === (body.contentBase64 === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['content'],
        message:
          'send the file either as content (CSV text) or as contentBase64 (the bytes of a .csv or .xlsx file)',
      })
    }
  })

const ImportQuerySchema = z.strictObject({ dryRun: z.stringbool().default(false) })

const ExportQuerySchema = z.strictObject({ programId: z.uuid().optional() })

const ResultsQuerySchema = z.strictObject({ programId: z.uuid(), runId: z.uuid().optional() })

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body)
}

/** CSV/XLSX imports, their templates, and exports. */
export async function registerImportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/imports/columns',
    { config: { access: ['operator'] }, schema: { tags: ['imports'] } },
    async () => ({
      limits: { maxRows: MAX_IMPORT_ROWS, maxBytes: MAX_IMPORT_BYTES },
      columns: describeImportColumns(),
    }),
  )
  for (const kind of IMPORT_KINDS) {
    app.post(
      `/api/imports/${kind}`,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { access: ['operator'] },
        schema: { tags: ['imports'], body: ImportBodySchema, querystring: ImportQuerySchema },
      },
      (request) => {
        const { fileName, content, contentBase64, programId } = request.body
        return inTransaction(app, request, (context) =>
          importRecords(context, {
            kind,
            fileName,
            content: content ?? Buffer.from(contentBase64 ?? '', 'base64'),
            dryRun: request.query.dryRun,
            ...(programId !== undefined && { programId }),
          }),
        )
      },
    )
    for (const format of EXPORT_FORMATS) {
      app.get(
        `/api/imports/${kind}/template.${format}`,
        { config: { access: ['operator'] }, schema: { tags: ['imports'] } },
        async (_request, reply) => sendFile(reply, await createImportTemplate(kind, format)),
      )
    }
  }
  for (const kind of EXPORT_KINDS) {
    for (const format of EXPORT_FORMATS) {
      app.get(
        `/api/exports/${kind}.${format}`,
        {
          config: { access: ['operator'] },
          schema: {
            tags: ['imports'],
            querystring: kind === 'results' ? ResultsQuerySchema : ExportQuerySchema,
          },
        },
        async (request, reply) => {
          const query = request.query as { programId?: string; runId?: string }
          const file = await inTransaction(app, request, (context) =>
            exportRecords(context, {
              kind,
              format,
              ...(query.programId !== undefined && { programId: query.programId }),
              ...(query.runId !== undefined && { runId: query.runId }),
            }),
          )
          return sendFile(reply, file)
        },
      )
    }
  }
}
