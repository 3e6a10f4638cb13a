/**
 * Masking of personal data in lists, pages and publications. No official format exists
 * (standards-and-data.md §5); these follow common practice: ID numbers keep the first 6 and last 4
 * characters, names keep the surname, phone numbers the first 3 and last 4 digits.
 * 个人信息保护法 §28 / §51: sensitive personal information is protected by de-identification.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Surname and `*` for each further character; a two-character compound surname is not guessed. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s|-/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
