import { AppError } from '../../domain/app-error.ts'

/** The seed option with its default (1), refused unless a non-negative safe integer. */
export function readSeed(seed: number | undefined): number {
  const value = seed ?? 1
  if (!Number.isSafeInteger(value) || value < 0)
    throw new AppError('bad_request', `seed must be a non-negative integer, got ${value}`)
  return value
}
