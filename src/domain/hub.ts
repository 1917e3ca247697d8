import { z } from 'zod'
import { IdSchema, ShortTextSchema } from './common.ts'

/** A public AI hub: the organisation that runs programs on an Ieum installation. */
export const HubSchema = z.strictObject({
  id: IdSchema,
  name: ShortTextSchema,
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/),
  createdAt: z.string(),
})
/** A stored hub. */
export type Hub = z.infer<typeof HubSchema>

/** The slug of the seeded demo hub; the UI marks its data as synthetic. */
export const DEMO_HUB_SLUG = 'demo-hub'
