/** Today as YYYY-MM-DD in China (the platform's days are Beijing days). */
export const chinaToday = (now = new Date()) =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Days from today until a certificate's last valid day (negative once it has expired). */
export function daysLeft(validUntil: string, today = chinaToday()): number {
  return Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export const KNOWN_SPECIALTIES = [
  'medical',
  'public_place',
  'radiation',
  'pharma',
  'waste',
  'infection',
  'water',
  'school',
  'occupational',
  'insurance',
  'order',
];
