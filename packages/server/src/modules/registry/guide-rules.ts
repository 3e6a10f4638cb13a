import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';

/** Every department code a guide or the map names must exist. */
export async function checkDepartments(tx: Executor, codes: string[]): Promise<void> {
  const known = new Set(
    (await queryRows<{ code: string }>(tx, sql`SELECT code FROM department`)).map((d) => d.code),
  );
  const unknown = [...new Set(codes)].filter((c) => !known.has(c));
  if (unknown.length) {
    throw new DomainError(
      'unknown_department',
      `部门代码不存在：${unknown.join('、')}`,
      `Unknown department code(s): ${unknown.join(', ')}`,
      {
        errors: unknown.map((c) => ({
          path: 'departmentCode',
          code: 'unknown_department',
          messageZh: `部门代码不存在：${c}`,
          messageEn: `Unknown department: ${c}`,
        })),
      },
    );
  }
}

export function conflict(current: number): DomainError {
  return new DomainError(
    'version_conflict',
    `已有更新的版本 ${current}，请刷新后重试`,
    `A newer version ${current} exists; reload and retry`,
    { currentVersion: current },
  );
}
