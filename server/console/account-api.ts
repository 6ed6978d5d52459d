// The console's client of the accounts API (docs/api.md#accounts): own password, sessions, two-factor sign-in,
// one-time links, and the admin's invites and resets.
import type { AccountView, ConsoleLocale, IssuedLink, LinkInfo, SessionView, TwoFactorEnrolment } from '../../shared/account-model';
import type { InviteAgentSchema } from '../../shared/account-schemas';
import type { AdminAgent } from '../../shared/routing-model';
import type * as v from 'valibot';
import { call } from './api';

export const accountApi = {
  signIn: (email: string, password: string, code?: string) =>
    call<AccountView>('POST', '/api/auth/sign-in', code === undefined ? { email, password } : { email, password, code }),
  me: () => call<AccountView>('GET', '/api/auth/me'),
  setLocale: (locale: ConsoleLocale) => call<AccountView>('PUT', '/api/auth/locale', { locale }),
  setTimeZone: (timeZone: string | null) => call<AccountView>('PUT', '/api/auth/time-zone', { timeZone }),
  changePassword: (currentPassword: string, newPassword: string) => call<AccountView>('POST', '/api/auth/password', { currentPassword, newPassword }),
  sessions: () => call<SessionView[]>('GET', '/api/auth/sessions'),
  revokeSession: (id: string) => call<null>('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`),
  revokeOtherSessions: () => call<{ ended: number }>('DELETE', '/api/auth/sessions'),
  twoFactorSetup: () => call<TwoFactorEnrolment>('POST', '/api/auth/two-factor/setup'),
  twoFactorConfirm: (code: string) => call<{ enabled: boolean }>('POST', '/api/auth/two-factor/confirm', { code }),
  twoFactorDisable: (code: string) => call<{ enabled: boolean }>('POST', '/api/auth/two-factor/disable', { code }),
  checkLink: (token: string) => call<LinkInfo>('POST', '/api/auth/links/check', { token }),
  setPassword: (token: string, password: string) =>
    call<{ signedIn: boolean; agent: AccountView | null }>('POST', '/api/auth/links/set-password', { token, password }),

  invite: (input: v.InferInput<typeof InviteAgentSchema>) => call<{ agent: AdminAgent; link: IssuedLink }>('POST', '/api/admin/invites', input),
  resetPassword: (agentId: string) => call<{ link: IssuedLink }>('POST', `/api/admin/agents/${agentId}/password-reset`),
  resetTwoFactor: (agentId: string) => call<null>('POST', `/api/admin/agents/${agentId}/two-factor/reset`),
  signOutEverywhere: (agentId: string) => call<{ ended: number }>('DELETE', `/api/admin/agents/${agentId}/sessions`),
};
