import type { CurrentUser } from './auth';
import { api } from './client';

/** The signed-in user's own account: password, second factor (TOTP), sessions. */

export interface SecondFactorSetup {
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: string;
  otpauthUri: string;
  /** An SVG document (server-generated QR code of otpauthUri). */
  qrSvg: string;
}

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
}

export const changePassword = (input: PasswordChangeInput) => api.post<null>('/auth/password', input);
export const beginSecondFactorSetup = () => api.post<SecondFactorSetup>('/auth/second-factor/setup');
export const confirmSecondFactor = (code: string) => api.post<null>('/auth/second-factor/confirm', { code });
export const signOutEverywhere = () => api.post<null>('/auth/sign-out-everywhere');

/** Whether the server still refuses most routes until the user has changed the password or enrolled TOTP. */
export const needsOnboarding = (user: CurrentUser) =>
  user.mustChangePassword || user.secondFactorSetupRequired;

export interface PasswordChecks {
  length: boolean;
  classes: boolean;
  username: boolean;
}

/**
 * The password policy (等保 2.0 8.1.4.1 a), as the server checks it: at least 10 characters, at
 * least three of upper case, lower case, digits and symbols, not containing the username. Shown
 * live as a checklist; the server stays the judge.
 */
export function passwordChecks(password: string, username: string): PasswordChecks {
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  return {
    length: password.length >= 10 && password.length <= 128,
    classes: classes >= 3,
    username:
      password.length > 0 &&
      (username.length < 3 || !password.toLowerCase().includes(username.toLowerCase())),
  };
}

/**
 * The QR code as an <img> source: the server's SVG is shown as an image (scripts inside an SVG
 * loaded through <img> never run), not inserted into the page.
 */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The secret in groups of four, easier to read out and type. */
export const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');
