import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from '../config';
import { canAssignJobs, canWriteCrm, canWritePricebook, canWriteSettings, claimsOf, pickTenant, type UserClaims } from './claims';

const TENANT_KEY = 'lazi.tenant';
const SIGNED_OUT_KEY = 'lazi.signedOut';

/** What the rest of the console knows of the session. */
export interface Auth {
  claims: UserClaims;
  tenant: string;
  setTenant(tenant: string): void;
  canWrite: boolean;
  canWriteCrm: boolean;
  /** `jobs:assign` (OWNER, ADMIN, MANAGER, DISPATCHER). */
  canAssignJobs: boolean;
  /** `settings:write` (OWNER, ADMIN): switch field providers. */
  canWriteSettings: boolean;
  /** The current access token, null once expired. */
  accessToken(): string | null;
  /** The access token's expiry, epoch seconds. */
  expiresAt(): number | null;
  /** Sends the browser to sign in, back to the current route afterwards. */
  signIn(): void;
  signOut(): void;
}

/** The session's context; tests provide a fixed {@link Auth} through it. */
export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) {
    throw new Error('useAuth outside AuthProvider');
  }
  return auth;
}

interface SignInState {
  returnTo: string;
}

export function createUserManager(config: ConsoleConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    // Tokens live as long as the tab: not in localStorage, where other tabs and extensions read them.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
    monitorSession: false,
  });
}

// A code is exchanged once, also when an effect runs twice (React's StrictMode in development).
let callback: Promise<User> | null = null;

function currentRoute(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'signed-in'; user: User }
  | { kind: 'signed-out' }
  | { kind: 'error'; message: string };

/**
 * Signs in with OpenID Connect authorization code + PKCE (oidc-client-ts). Without a session the
 * browser goes to the identity provider at once, unless the user has just signed out. Back from it
 * (`?code=&state=` on `/`), the route the user was on is restored. When the access token expires, the
 * browser goes to sign in again; forms keep their input as drafts (`drafts.ts`).
 */
export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [tenant, setTenantState] = useState<string | null>(() => localStorage.getItem(TENANT_KEY));
  const userRef = useRef<User | null>(null);
  // While signing out, nothing (a closing socket, a refused call) may start a sign-in.
  const signingOut = useRef(false);

  const signIn = useCallback(() => {
    if (signingOut.current) {
      return;
    }
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    const state: SignInState = { returnTo: currentRoute() };
    void manager.signinRedirect({ state });
  }, [manager]);

  useEffect(() => {
    let cancelled = false;
    async function start() {
      const params = new URLSearchParams(window.location.search);
      try {
        if (params.has('code') && params.has('state')) {
          callback ??= manager.signinRedirectCallback();
          const user = await callback;
          const returnTo = (user.state as SignInState | undefined)?.returnTo ?? '/';
          window.history.replaceState(null, '', returnTo.startsWith('/') ? returnTo : '/');
          if (!cancelled) {
            userRef.current = user;
            setPhase({ kind: 'signed-in', user });
          }
          return;
        }
        if (params.has('error')) {
          throw new Error(params.get('error_description') ?? params.get('error') ?? 'Sign-in failed');
        }
        const user = await manager.getUser();
        if (cancelled) {
          return;
        }
        if (user && !user.expired) {
          userRef.current = user;
          setPhase({ kind: 'signed-in', user });
        } else if (sessionStorage.getItem(SIGNED_OUT_KEY)) {
          setPhase({ kind: 'signed-out' });
        } else {
          signIn();
        }
      } catch (error) {
        if (!cancelled) {
          setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    void start();
    return () => {
      cancelled = true;
    };
  }, [manager, signIn]);

  useEffect(() => {
    const expired = () => signIn();
    manager.events.addAccessTokenExpired(expired);
    return () => manager.events.removeAccessTokenExpired(expired);
  }, [manager, signIn]);

  // Ends the identity provider's session too (RP-initiated logout), which removes the stored user.
  const signOut = useCallback(() => {
    signingOut.current = true;
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
    void manager.signoutRedirect({ id_token_hint: userRef.current?.id_token });
  }, [manager]);

  const auth = useMemo<Auth | null>(() => {
    if (phase.kind !== 'signed-in') {
      return null;
    }
    const claims = claimsOf(phase.user.profile as Record<string, unknown>);
    const chosen = pickTenant(claims.tenants, tenant);
    if (!chosen) {
      return null;
    }
    return {
      claims,
      tenant: chosen,
      setTenant: (next: string) => {
        localStorage.setItem(TENANT_KEY, next);
        setTenantState(next);
      },
      canWrite: canWritePricebook(claims.roles),
      canWriteCrm: canWriteCrm(claims.roles),
      canAssignJobs: canAssignJobs(claims.roles),
      canWriteSettings: canWriteSettings(claims.roles),
      accessToken: () => {
        const user = userRef.current;
        return user && !user.expired ? user.access_token : null;
      },
      expiresAt: () => userRef.current?.expires_at ?? null,
      signIn,
      signOut,
    };
  }, [phase, tenant, signIn, signOut]);

  if (phase.kind === 'loading') {
    return <div className="splash" role="status">Signing in…</div>;
  }
  if (phase.kind === 'error') {
    return (
      <div className="splash" role="alert">
        <p>Sign-in failed: {phase.message}</p>
        <button type="button" onClick={signIn}>Sign in again</button>
      </div>
    );
  }
  if (phase.kind === 'signed-out') {
    return (
      <div className="splash">
        <h1>Lazi console</h1>
        <p>You are signed out.</p>
        <button type="button" onClick={signIn}>Sign in</button>
      </div>
    );
  }
  if (!auth) {
    return (
      <div className="splash" role="alert">
        <p>Your account grants no tenant. Ask an administrator for access.</p>
        <button type="button" onClick={signOut}>Sign out</button>
      </div>
    );
  }
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
