import { type EstablishmentKind, mergeChecklists } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { CampaignRow } from './campaign-queries.js';
import { currentChecklists, inspectionList } from './reference-queries.js';

/**
 * Freezes the merged checklist of each kind in a campaign (进一次门、查多件事): for every item-list
 * entry of the campaign that applies to the kind, its department's current checklist of that kind.
 */
export async function freezeCampaignChecklists(tx: Executor, c: CampaignRow): Promise<void> {
  const items = await inspectionList(tx, 'items', c.item_list_version);
  const entries = items.entries.filter((e) => c.item_codes.includes(e.code));
  const lists = await currentChecklists(tx, { kinds: c.kinds, departments: c.departments });
  for (const kind of c.kinds as EstablishmentKind[]) {
    const departments = new Set(
      entries.filter((e) => e.objectKinds.includes(kind)).map((e) => e.departmentCode),
    );
    const used = lists.filter((l) => l.kind === kind && departments.has(l.departmentCode));
    const merged = mergeChecklists(used, c.departments);
    await tx.execute(sql`INSERT INTO campaign_checklist (campaign_id, kind, items, checklists)
      VALUES (${c.id}, ${kind}, ${JSON.stringify(merged)}::jsonb,
        ${JSON.stringify(used.map((l) => ({ id: l.id, departmentCode: l.departmentCode, version: l.version, title: l.title })))}::jsonb)`);
  }
}

export interface MergedItem {
  code: string;
  what: string;
  basis: string;
  severity: 'minor' | 'major' | 'critical';
  departments: string[];
}

export async function campaignChecklist(
  db: Executor,
  campaignId: number,
  kind: string,
): Promise<MergedItem[]> {
  const rows = await queryRows<{ items: MergedItem[] }>(
    db,
    sql`SELECT items FROM campaign_checklist WHERE campaign_id = ${campaignId} AND kind = ${kind}`,
  );
  return rows[0]?.items ?? [];
}
