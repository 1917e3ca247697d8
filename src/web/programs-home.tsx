import { useTranslation } from 'react-i18next'
import { fetchPrograms, type Me } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { importPath, NEW_PROGRAM_PATH } from './navigation.ts'
import { ProgramList } from './program-list.tsx'
import { useApiData } from './use-api-data.ts'

/** Home of hub operators and reviewers: the hub's programs with their counts. */
export function ProgramsHome(props: { readonly me: Me; readonly role: 'operator' | 'reviewer' }) {
  const { t } = useTranslation()
  const programs = useApiData('programs', fetchPrograms)
  return (
    <>
      <section className="page-head">
        <h1>{t(`home.${props.role}.title`)}</h1>
        <p className="lead">{t(`home.${props.role}.intro`, { hub: props.me.hub?.name ?? 'Ieum' })}</p>
        {props.role === 'operator' ? (
          <div className="form-actions page-actions">
            <AppLink to={NEW_PROGRAM_PATH} className="button">
              {t('programSetup.newProgram')}
            </AppLink>
            <AppLink to={importPath()} className="button button-secondary">
              {t('importPage.openImport')}
            </AppLink>
          </div>
        ) : null}
      </section>
      <section className="section" aria-label={t(`home.${props.role}.title`)}>
        <AsyncView data={programs}>{(data) => <ProgramList programs={data} />}</AsyncView>
      </section>
    </>
  )
}
