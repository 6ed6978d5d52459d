// Turns a one-time link token into the console URL an admin copies: the token rides in the fragment, which
// browsers never send to a server, so it stays out of access logs and Referer headers.
import { SET_PASSWORD_PATH, type IssuedLink } from '../../../shared/account-model';
import type { IssuedToken } from '../../domain/identity/account-links';

export const linkUrl = (origin: string, token: string): string => `${origin}${SET_PASSWORD_PATH}#${token}`;

export const issuedLink = (origin: string, issued: IssuedToken): IssuedLink => ({
  url: linkUrl(origin, issued.token),
  purpose: issued.purpose,
  expiresAt: issued.expiresAt,
});
