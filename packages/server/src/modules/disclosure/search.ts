import { discloseAll } from '@weijian/domain';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { establishmentSearchQuerySchema } from './schemas.js';
import { searchEstablishmentRows } from './sources.js';

/** Counting stops here on the public search: "5,000+" is enough, and stays fast on a million rows. */
const COUNT_CAP = 5_000;

export async function searchEstablishments(
  db: Executor,
  q: z.infer<typeof establishmentSearchQuerySchema>,
  today: string,
) {
  const { rows, total, capped } = await searchEstablishmentRows(db, q, COUNT_CAP);
  return {
    items: discloseAll('establishments', rows, today),
    total,
    capped,
    page: q.page,
    pageSize: q.pageSize,
  };
}
