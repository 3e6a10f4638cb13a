import { useSyncExternalStore } from 'react';
import zhCN from '../i18n/publicPortal.zh-CN';

/**
 * The portal's own small translator: only the publicPortal strings (Chinese built in, English loaded
 * when first chosen), no i18next, no dayjs. It shares the stored choice (`wj.lang`) with the console's
 * i18n, so switching language on either side carries over.
 */
export type PortalLanguage = 'zh-CN' | 'en';
type Messages = typeof zhCN;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type Vars = Record<string, string | number | boolean | null | undefined> & { defaultValue?: string };
export type Translate = (key: MessageKey, vars?: Vars) => string;

const STORAGE_KEY = 'wj.lang';
const catalogues: Partial<Record<PortalLanguage, Messages>> = { 'zh-CN': zhCN };
const listeners = new Set<() => void>();

function stored(): PortalLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let language: PortalLanguage = 'zh-CN';

function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translate(lng: PortalLanguage, key: MessageKey, vars?: Vars): string {
  const found = lookup(catalogues[lng], key) ?? lookup(zhCN, key);
  const template = found ?? vars?.defaultValue ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}

function apply(lng: PortalLanguage): void {
  language = lng;
  document.documentElement.lang = lng;
  document.title = translate(lng, 'pub.shell.documentTitle');
  for (const l of listeners) l();
}

async function load(lng: PortalLanguage): Promise<void> {
  if (!catalogues[lng]) catalogues[lng] = (await import('../i18n/publicPortal.en')).default;
}

export async function setLanguage(lng: PortalLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts for this page only.
  }
  await load(lng);
  apply(lng);
}

/** Follows a choice made elsewhere (the console, another tab) when a portal page mounts. */
export function syncLanguage(): Promise<void> {
  const want = stored();
  return want === language ? Promise.resolve() : load(want).then(() => apply(want));
}

/** Resolves once the stored language's strings are in: the first render is already in that language. */
export const languageReady: Promise<void> = syncLanguage();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current language and its translator; re-renders when the language changes. */
export function useT(): { t: Translate; lang: PortalLanguage; en: boolean } {
  const lang = useSyncExternalStore(subscribe, () => language);
  return { t: (key, vars) => translate(lang, key, vars), lang, en: lang === 'en' };
}

/** Picks the Chinese or English half of a bilingual value. */
export const bilingual = (lang: PortalLanguage, zh: string, en: string): string =>
  lang === 'en' ? en || zh : zh || en;
