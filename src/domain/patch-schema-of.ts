import { z } from 'zod'

/** A field's schema without its `.default()`, so that leaving the field out means "unchanged". */
type WithoutDefault<Field> = Field extends z.ZodDefault<infer Inner> ? Inner : Field

/** The shape of a patch: every field optional and free of defaults. */
export type PatchShape<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[Key]>>
}

/**
 * The PATCH schema of an input schema: every field optional, unknown fields refused, and no defaults.
 * `schema.partial()` is not enough in zod 4: it still fills a left-out field that has a `.default()`, so a
 * patch of one field would reset every other defaulted field (a description to '', skills to []).
 */
export function patchSchemaOf<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
): z.ZodObject<PatchShape<Shape>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)
    shape[key] = inner.optional()
  }
  return z.strictObject(shape) as unknown as z.ZodObject<PatchShape<Shape>, z.core.$strict>
}
