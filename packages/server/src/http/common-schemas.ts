import { isIsoDate } from '@weijian/domain';
import { z } from 'zod';
import { bilingual } from './problem.js';

/** A calendar date as YYYY-MM-DD that exists (2025-02-30 is refused), independent of time zones. */
export const isoDateSchema = z.string().refine(isIsoDate, {
  message: bilingual(
    '日期无效（应为存在的日期，格式 YYYY-MM-DD）',
    'invalid date (expected an existing date as YYYY-MM-DD)',
  ),
});

export const citationSchema = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'Citation' });
