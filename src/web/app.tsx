import type { i18n } from 'i18next'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, UiLocale } from '../domain/index.ts'
import { fetchMe, type Me, primaryRoleOf, saveLocale, signOut } from './api-client.ts'
import { AppHeader } from './app-header.tsx'
import { CandidateHome } from './candidate-home.tsx'
import { CompanyHome } from './company-home.tsx'
import { describeError } from './describe-error.ts'
import { resolveLocale, writeStoredLocale } from './i18n.ts'
import { matchRoute, navigateTo, usePath } from './navigation.ts'
import { NotificationsPage } from './notifications-page.tsx'
import { ProgramPage } from './program-page.tsx'
import { ProgramsHome } from './programs-home.tsx'
import { SignInPage } from './sign-in-page.tsx'
import { SignUpPage } from './sign-up-page.tsx'

type Session =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'signed_out' }
  | { readonly status: 'signed_in'; readonly me: Me }

/** The application: session, language, header, and the page for the current path and role. */
export function App(props: { readonly i18n: i18n }) {
  const { t } = useTranslation()
  const [session, setSession] = useState<Session>({ status: 'loading' })
  const [localeError, setLocaleError] = useState<unknown>(null)
  // A language picked on the sign-in page becomes the account's choice if it has none yet.
  const pickedBeforeSignIn = useRef<UiLocale | null>(null)
  const path = usePath()
  const instance = props.i18n

  const applySession = useCallback(
    async (me: Me | null, isFreshSignIn: boolean) => {
      if (!me) {
        setSession({ status: 'signed_out' })
        return
      }
      const picked = isFreshSignIn ? pickedBeforeSignIn.current : null
      const locale =
        me.locale ??
        picked ??
        resolveLocale({ savedLocale: null, role: primaryRoleOf(me), browserLanguages: navigator.languages })
      await instance.changeLanguage(locale)
      let current = me
      if (!me.locale && picked) {
        try {
          await saveLocale(picked)
          current = { ...me, locale: picked }
        } catch {
          // not fatal: the language still applies to this visit
        }
      }
      setSession({ status: 'signed_in', me: current })
    },
    [instance],
  )

  const loadSession = useCallback(
    async (isFreshSignIn: boolean) => {
      try {
        await applySession(await fetchMe(), isFreshSignIn)
      } catch (error) {
        setSession({ status: 'failed', error })
      }
    },
    [applySession],
  )

  useEffect(() => {
    void loadSession(false)
  }, [loadSession])

  const language = instance.language
  useEffect(() => {
    document.documentElement.lang = language
    document.title = t('app.title')
  }, [language, t])

  const handleLocaleChange = async (locale: UiLocale) => {
    setLocaleError(null)
    await instance.changeLanguage(locale)
    writeStoredLocale(locale)
    if (session.status !== 'signed_in') {
      pickedBeforeSignIn.current = locale
      return
    }
    try {
      await saveLocale(locale)
      setSession({ status: 'signed_in', me: { ...session.me, locale } })
    } catch (error) {
      setLocaleError(error)
    }
  }

  const handleSignOut = async () => {
    try {
      await signOut()
    } catch {
      // the session may already be gone; either way show the sign-in page
    }
    pickedBeforeSignIn.current = null
    setSession({ status: 'signed_out' })
    navigateTo('/', { replace: true })
  }

  const me = session.status === 'signed_in' ? session.me : null
  const role = me ? primaryRoleOf(me) : null
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppHeader me={me} role={role} onLocaleChange={handleLocaleChange} onSignOut={handleSignOut} />
      <main id="main" className="page" tabIndex={-1}>
        {localeError ? (
          <p className="notice notice-error" role="alert">
            {describeError(localeError, t)}
          </p>
        ) : null}
        {session.status === 'loading' ? (
          <p className="notice notice-muted" role="status">
            {t('common.loading')}
          </p>
        ) : null}
        {session.status === 'failed' ? (
          <div className="notice notice-error" role="alert">
            <span>{describeError(session.error, t)}</span>
            <button type="button" className="button button-small" onClick={() => void loadSession(false)}>
              {t('common.retry')}
            </button>
          </div>
        ) : null}
        {session.status === 'signed_out' && matchRoute(path).name === 'sign-up' ? (
          <SignUpPage
            onLocaleChange={handleLocaleChange}
            onSignedUp={async () => {
              navigateTo('/', { replace: true })
              await loadSession(true)
            }}
          />
        ) : null}
        {session.status === 'signed_out' && matchRoute(path).name !== 'sign-up' ? (
          <SignInPage onSignedIn={() => loadSession(true)} />
        ) : null}
        {me ? <SignedInPage me={me} role={role} path={path} /> : null}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  )
}

function SignedInPage(props: { readonly me: Me; readonly role: Role | null; readonly path: string }) {
  const { t } = useTranslation()
  const { me, role } = props
  if (!role) {
    return (
      <p className="notice notice-muted" role="status">
        {t('home.noRole')}
      </p>
    )
  }
  const route = matchRoute(props.path)
  if (route.name === 'notifications') return <NotificationsPage />
  if (route.name === 'program')
    return (
      <ProgramPage
        key={route.programId}
        programId={route.programId}
        {...(route.section !== undefined && { section: route.section })}
        role={role}
        companyIds={me.companies.map((company) => company.id)}
      />
    )
  if (role === 'operator' || role === 'reviewer') return <ProgramsHome me={me} role={role} />
  if (role === 'company') return <CompanyHome />
  return <CandidateHome />
}
