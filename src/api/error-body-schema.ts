import { z } from 'zod'
import { APP_ERROR_CODES } from '../domain/index.ts'

/** The JSON body of every error answer, for documenting a route's expected refusals in OpenAPI. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(APP_ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})

/** A documented error answer: the shared error body with what it means on this route. */
export function describeErrorResponse(description: string) {
  return ErrorBodySchema.describe(description)
}
