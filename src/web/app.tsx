import type { i18n } from 'i18next'
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEMO_HUB_SLUG, type Role, type UiLocale } from '../domain/index.ts'
import { fetchMe, type Me, primaryRoleOf, saveLocale, signOut } from './api-client.ts'
import { AppHeader } from './app-header.tsx'
import { CandidateHome } from './candidate-home.tsx'
import { CompanyHome } from './company-home.tsx'
import { CompanyRankingPage } from './company-ranking-page.tsx'
import { CompanyResultsPage } from './company-results-page.tsx'
import { describeError } from './describe-error.ts'
import { EligibilityPage } from './eligibility-page.tsx'
import { resolveLocale, switchLocale, writeStoredLocale } from './i18n.ts'
import { InvitationAcceptPage } from './invitation-accept-page.tsx'
import { MatchComparePage } from './match-compare-page.tsx'
import { matchRoute, navigateTo, usePath } from './navigation.ts'
import { NotificationsPage } from './notifications-page.tsx'
import { OperatorNav } from './operator-nav.tsx'
import { OutboxPage } from './outbox-page.tsx'
import { peopleRoleOf } from './people-nav-link.tsx'
import { PeoplePage } from './people-page.tsx'
import { PrivacyRequestsPage } from './privacy-requests-page.tsx'
import { ProgramPage } from './program-page.tsx'
import { ProgramsHome } from './programs-home.tsx'
import { ResetPasswordPage } from './reset-password-page.tsx'
import { SignInPage } from './sign-in-page.tsx'
import { SignUpPage } from './sign-up-page.tsx'

// The operator's set-up and import screens load on first use (a chunk of their own).
const ProgramSetupPage = lazy(async () => ({
  default: (await import('./program-setup-page.tsx')).ProgramSetupPage,
}))
const ImportPage = lazy(async () => ({ default: (await import('./import-page.tsx')).ImportPage }))

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
      try {
        await switchLocale(instance, locale)
      } catch (error) {
        setLocaleError(error) // signed in all the same, in the language already showing
      }
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
    try {
      if (!(await switchLocale(instance, locale))) return // another language was picked meanwhile
    } catch (error) {
      setLocaleError(error)
      return
    }
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
  const route = matchRoute(path)
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
        {route.name === 'reset-password' ? (
          <ResetPasswordPage key={route.token ?? ''} token={route.token} />
        ) : route.name === 'invite' ? (
          // Public: an invitation link works signed out (and replaces another login's session on accept).
          <InvitationAcceptPage
            key={route.token}
            token={route.token}
            me={me}
            onSignedIn={async () => {
              await loadSession(true)
              navigateTo('/', { replace: true })
            }}
          />
        ) : (
          <>
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
            {session.status === 'signed_out' && route.name === 'sign-up' ? (
              <SignUpPage
                onLocaleChange={handleLocaleChange}
                onSignedUp={async () => {
                  navigateTo('/', { replace: true })
                  await loadSession(true)
                }}
              />
            ) : null}
            {session.status === 'signed_out' && route.name !== 'sign-up' ? (
              <SignInPage onSignedIn={() => loadSession(true)} />
            ) : null}
            {me ? <SignedInPage me={me} role={role} path={path} /> : null}
          </>
        )}
      </main>
      <footer className="app-footer">
        <p>
          {t('app.footer')}
          {me?.hub?.slug === DEMO_HUB_SLUG ? ` ${t('app.demoNotice')}` : null}
        </p>
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
  if (role === 'operator')
    return (
      <>
        <OperatorNav path={props.path} />
        <RoutedPage me={me} role={role} path={props.path} />
      </>
    )
  return <RoutedPage me={me} role={role} path={props.path} />
}

function RoutedPage(props: { readonly me: Me; readonly role: Role; readonly path: string }) {
  const { t } = useTranslation()
  const { me, role } = props
  const route = matchRoute(props.path)
  const peopleRole = peopleRoleOf(me)
  if (route.name === 'people' && peopleRole) return <PeoplePage me={me} role={peopleRole} />
  if (route.name === 'privacyRequests' && role === 'operator') return <PrivacyRequestsPage />
  const companyIds = me.companies.map((company) => company.id)
  if (route.name === 'company-ranking' && (role === 'company' || role === 'operator'))
    return (
      <CompanyRankingPage
        key={`${route.programId}:${route.positionId ?? ''}`}
        programId={route.programId}
        positionId={route.positionId}
        role={role}
        companyIds={companyIds}
      />
    )
  if (route.name === 'company-results' && (role === 'company' || role === 'operator'))
    return (
      <CompanyResultsPage
        key={route.programId}
        programId={route.programId}
        role={role}
        companyIds={companyIds}
      />
    )
  // Set-up and imports are the operator's; other roles see their home instead.
  const loading = (
    <p className="notice notice-muted" role="status">
      {t('common.loading')}
    </p>
  )
  if (role === 'operator' && route.name === 'programNew')
    return (
      <Suspense fallback={loading}>
        <ProgramSetupPage programId={null} />
      </Suspense>
    )
  if (role === 'operator' && route.name === 'programEdit')
    return (
      <Suspense fallback={loading}>
        <ProgramSetupPage key={route.programId} programId={route.programId} />
      </Suspense>
    )
  if (role === 'operator' && route.name === 'imports')
    return (
      <Suspense fallback={loading}>
        <ImportPage programId={route.programId} />
      </Suspense>
    )
  if (route.name === 'programEligibility')
    return <EligibilityPage key={route.programId} programId={route.programId} role={role} />
  if (route.name === 'runCompare')
    return (
      <MatchComparePage
        key={`${route.baseRunId}:${route.otherRunId}`}
        programId={route.programId}
        baseRunId={route.baseRunId}
        otherRunId={route.otherRunId}
        role={role}
      />
    )
  if (route.name === 'outbox') return <OutboxPage role={role} />
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
