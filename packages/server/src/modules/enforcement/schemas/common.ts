import { PENALTY_KINDS } from '@weijian/domain';
import { z } from 'zod';

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const expectedVersion = z
  .number()
  .int()
  .positive()
  .meta({ description: 'The version the client saw (409 conflict when stale)' });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
/** Free text: stored as text and shown escaped everywhere; never interpreted as markup. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();
export const yuan = z.number().min(0).max(1_000_000_000).multipleOf(0.01);

export const penaltyKindSchema = z.enum(PENALTY_KINDS).meta({
  id: 'PenaltyKind',
  description:
    'warning 警告 · criticism 通报批评 · fine 罚款 · confiscation 没收 · licence_suspension 暂扣许可证件 · qualification_downgrade 降低资质等级 · revocation 吊销许可证件 · suspension 责令停产停业（暂停执业） · closure 责令关闭 · practice_restriction 限制从业',
});
export const circumstanceSchema = z
  .enum(['minor', 'general', 'serious'])
  .meta({ id: 'Circumstance', description: '情节：轻微 / 一般 / 严重' });
export const severitySchema = z
  .enum(['minor', 'general', 'serious'])
  .meta({ id: 'PenaltySeverity', description: '公示严重程度：轻微 / 一般 / 严重' });
export const partyKindSchema = z
  .enum(['organisation', 'individual_business', 'person'])
  .meta({ id: 'PartyKind', description: '法人及非法人组织 / 个体工商户 / 自然人' });

export const actionOptionSchema = z
  .object({ action: z.string(), labelZh: z.string(), labelEn: z.string() })
  .meta({ id: 'EnforcementActionOption' });

export const unitRefSchema = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: 'EnforcementUnitRef' });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .meta({ id });
}
