import { createHash, randomBytes } from 'node:crypto';

/**
 * An API key is `wjk_` + 32 random bytes in base64url. Only its SHA-256 is stored (a random
 * 256-bit secret needs no slow hash); the first 8 characters are kept to tell keys apart.
 */
export const API_KEY_PREFIX = 'wjk_';

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 8), hash: apiKeyHash(key) };
}

export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return /^wjk_[A-Za-z0-9_-]{43}$/.test(token);
}
