import type { UiLocale } from '../../domain/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** Saves the user's preferred interface language. */
export async function setUserLocale({ db, actor, now }: ServiceContext, locale: UiLocale): Promise<void> {
  await db.updateTable('authUser').set({ locale, updatedAt: now() }).where('id', '=', actor.userId).execute()
}
