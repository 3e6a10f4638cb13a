import { generateSecret, generateURI, verify } from 'otplib';

/** Second factor: TOTP (RFC 6238), 6 digits, 30-second steps, one step of clock drift accepted. */
export const TOTP_PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: '卫监 Weijian', label: username, secret });
}

/**
 * Checks a code at the given instant; returns the accepted time step, or null. `afterStep` refuses
 * a code already used (replay protection).
 */
export async function checkTotp(
  secret: string,
  code: string,
  at: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: TOTP_PERIOD,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  if (!result.valid) return null;
  return Math.floor(epoch / TOTP_PERIOD) + result.delta;
}
