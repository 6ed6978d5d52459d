// What the accounts API answers: the signed-in agent's account, sessions, one-time links, two-factor enrolment.
import type { AgentView } from './model';

/** The signed-in agent as sign-in and /api/auth/me answer it. */
export interface AccountView extends AgentView {
  /** Signed in with a generated password: the console shows the change screen before anything else. */
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  /** The console's language the agent chose; null: the browser's decides. */
  locale: ConsoleLocale | null;
  /** The IANA time zone the agent chose for clock times; null: the browser's. */
  timeZone: string | null;
}

/** The languages the console speaks. */
export const CONSOLE_LOCALES = ['en', 'zh-CN'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

export interface SessionView {
  id: string;
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  /** The client address the session was last used from, as the server sees it. */
  address: string | null;
  userAgent: string | null;
  /** The session this request came with. */
  current: boolean;
}

/** An invite or password-reset link, shown once to the admin who asked for it. */
export interface IssuedLink {
  url: string;
  purpose: 'invite' | 'reset';
  expiresAt: number;
}

/** What a link's page shows before the person chooses a password. */
export interface LinkInfo {
  email: string;
  name: string;
  purpose: 'invite' | 'reset';
  expiresAt: number;
  /** Two-factor stays on through a reset: the person signs in with a code afterwards. */
  twoFactorEnabled: boolean;
}

export interface TwoFactorEnrolment {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** otpauth:// URI, for a QR code or a click on a phone. */
  uri: string;
}

/** Where a console link to set a password lives; the token is in the fragment so it never reaches a server log. */
export const SET_PASSWORD_PATH = '/console/set-password';
