import type { AuditRow } from './queries.js';

/**
 * The columns of an exported audit trail, headed in Chinese and English. Times are shown in China
 * time (UTC+8) for the reader, with the exact UTC instant alongside (the one the hash covers).
 */
export interface ExportColumn {
  header: string;
  width: number;
  value: (r: AuditRow) => string | number;
}

const chinaTime = (v: string) =>
  new Date(new Date(v).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);

export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: '编号 ID', width: 10, value: (r) => Number(r.id) },
  { header: '时间（北京时间）Time (UTC+8)', width: 20, value: (r) => chinaTime(r.occurred_at) },
  { header: '时间（UTC）Time (UTC)', width: 26, value: (r) => new Date(r.occurred_at).toISOString() },
  { header: '操作人 Actor', width: 18, value: (r) => r.actor_name ?? '' },
  {
    header: '操作人编号 Actor ID',
    width: 10,
    value: (r) => (r.actor_user_id === null ? '' : Number(r.actor_user_id)),
  },
  {
    header: '角色 Roles',
    width: 16,
    value: (r) => (Array.isArray(r.actor_roles) ? r.actor_roles.join(' ') : ''),
  },
  { header: '单位 Unit', width: 28, value: (r) => r.actor_unit_name ?? '' },
  { header: '来源地址 IP', width: 16, value: (r) => r.source_ip ?? '' },
  { header: '操作 Action', width: 32, value: (r) => r.action },
  { header: '对象类型 Entity type', width: 14, value: (r) => r.entity_type },
  { header: '对象编号 Entity ID', width: 14, value: (r) => r.entity_id ?? '' },
  {
    header: '变更内容 Changes',
    width: 60,
    value: (r) => (typeof r.diff === 'string' ? r.diff : JSON.stringify(r.diff ?? {})),
  },
  { header: '请求编号 Request ID', width: 38, value: (r) => r.request_id ?? '' },
  { header: '哈希 Hash', width: 66, value: (r) => r.hash },
];

/**
 * Text a spreadsheet would read as a formula (=, +, -, @, tab, CR at the start) is prefixed with a
 * quote, so a crafted name in the trail cannot run in the auditor's Excel (CSV injection).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function exportFileName(format: 'csv' | 'xlsx', at: Date): string {
  const stamp = new Date(at.getTime() + 8 * 3600_000)
    .toISOString()
    .slice(0, 19)
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `audit-events-${stamp}.${format}`;
}
