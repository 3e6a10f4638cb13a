import { discloseAs } from '@weijian/domain';
import type { z } from 'zod';
import type {
  approvedListSchema,
  publicCommitmentSchema,
  publicNoticeSchema,
} from '../licensing/schemas/reports.js';

/**
 * The licensing module's public lists (`/public/licensing/*`), passed through the one gate of
 * @weijian/domain disclosure: each key of an item is tied to a declared field of the matching data
 * set, which decides whether it is shown and how it is masked (the same rules as the portal's lists
 * and the open data files).
 */
type Commitment = z.infer<typeof publicCommitmentSchema>['items'][number];
type Notice = z.infer<typeof publicNoticeSchema>['items'][number];
type Approved = z.infer<typeof approvedListSchema>['items'][number];

const COMMITMENT = {
  applicationNumber: 'applicationNumber',
  establishmentName: 'establishmentName',
  permitNameZh: 'permitName',
  licenseNumber: 'licenceNumber',
  decidedOn: 'decidedOn',
  conditions: 'conditions',
  verification: 'verification',
} as const;

const NOTICE = {
  kind: 'kind',
  applicationNumber: 'applicationNumber',
  establishmentName: 'establishmentName',
  address: 'address',
  permitNameZh: 'permitName',
  receivedOn: 'receivedOn',
  from: 'from',
  until: 'until',
  publicBy: 'publicBy',
} as const;

const APPROVED = {
  establishmentName: 'establishmentName',
  permitCode: 'permitCode',
  licenseNameZh: 'licenceName',
  licenseNumber: 'number',
  validFrom: 'validFrom',
  validTo: 'validTo',
} as const;

function gate<T extends Record<string, unknown>>(
  dataset: Parameters<typeof discloseAs>[0],
  items: readonly T[],
  today: string,
  fields: { readonly [K in keyof T]: string },
): T[] {
  const out: T[] = [];
  for (const item of items) {
    const shown = discloseAs(dataset, item, today, fields);
    if (shown) out.push(shown);
  }
  return out;
}

export const discloseCommitments = (items: readonly Commitment[], today: string) =>
  gate('commitments', items, today, COMMITMENT);
export const discloseNotices = (items: readonly Notice[], today: string) =>
  gate('notices', items, today, NOTICE);
export const discloseApproved = (items: readonly Approved[], today: string) =>
  gate('approved_institutions', items, today, APPROVED);
