import 'i18next';
import type { Messages } from './zh-CN';

// Typed keys: t('deadline.title') is checked against zh-CN.ts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
