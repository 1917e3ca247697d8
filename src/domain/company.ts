import { z } from 'zod'
import { ExternalKeySchema, IdSchema, LongTextSchema, ShortTextSchema } from './common.ts'

/** Head-count bands used by Korean startup programs. */
export const COMPANY_SIZES = ['1-9', '10-49', '50-249', '250+'] as const

/** What an operator or company member may write about a company. */
export const CompanyInputSchema = z.strictObject({
  externalKey: ExternalKeySchema.optional(),
  name: ShortTextSchema,
  domain: ShortTextSchema.describe('industry domain, e.g. "3D bin-picking robots"'),
  size: z.enum(COMPANY_SIZES),
  location: ShortTextSchema.describe('city, e.g. "Gwangju"'),
  description: LongTextSchema.default(''),
  website: z.url().max(300).optional(),
})
/** Company fields as written. */
export type CompanyInput = z.infer<typeof CompanyInputSchema>

/** A startup or company that takes part in the hub's programs. */
export const CompanySchema = CompanyInputSchema.extend({
  id: IdSchema,
  hubId: IdSchema,
  isVerified: z.boolean(),
  createdAt: z.string(),
})
/** A stored company. */
export type Company = z.infer<typeof CompanySchema>
