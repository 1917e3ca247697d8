import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UiLocaleSchema } from '../../domain/index.ts'
import {
  countUnreadNotifications,
  listOutbox,
  listOwnNotifications,
  markNotificationsRead,
  markOwnNotificationRead,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const NotificationParams = z.strictObject({ notificationId: z.uuid() })

/** The signed-in user's notifications and the hub's e-mail outbox. */
export async function registerNotificationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/me/notifications/summary',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        summary: 'The unread count and the latest notifications (for the header)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(8),
          locale: UiLocaleSchema.optional().describe('write them in this language (default: as sent)'),
        }),
      },
    },
    async (request) => {
      const context = readContext(app, request)
      const [unread, latest] = await Promise.all([
        countUnreadNotifications(context),
        listOwnNotifications(context, {
          limit: request.query.limit,
          ...(request.query.locale !== undefined && { locale: request.query.locale }),
        }),
      ])
      return { unread, latest }
    },
  )
  app.post(
    '/api/me/notifications/:notificationId/read',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        params: NotificationParams,
        body: z.strictObject({}).optional(),
      },
    },
    async (request, reply) => {
      const { notificationId } = request.params
      await inTransaction(app, request, (context) => markOwnNotificationRead(context, notificationId))
      return reply.code(204).send()
    },
  )
  app.get(
    '/api/me/notifications',
    { config: { access: 'signed_in' }, schema: { tags: ['notifications'] } },
    (request) => listOwnNotifications(readContext(app, request)),
  )
  app.post(
    '/api/me/notifications/read',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['notifications'], body: z.strictObject({}).optional() },
    },
    async (request, reply) => {
      await inTransaction(app, request, (context) => markNotificationsRead(context))
      return reply.code(204).send()
    },
  )
  app.get(
    '/api/outbox',
    { config: { access: ['operator'] }, schema: { tags: ['notifications'] } },
    (request) => listOutbox(readContext(app, request)),
  )
}
