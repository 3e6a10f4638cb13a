import {
  checkUscc,
  classifyPhone,
  combineFlags,
  DomainError,
  type FieldProblem,
  isMaskedMobile,
  maskMobile,
  resolveCategory,
  resolveClinicalSubject,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import type { EstablishmentRecord } from './establishment-record.js';
import type { EstablishmentInput } from './schemas.js';
import { regionInScope } from './scope.js';

/** An establishment's values after every check, ready to be written. */
export interface ResolvedEstablishment {
  name: string;
  uscc: string | null;
  usccCheckFailed: boolean;
  kind: string;
  categoryCode: string;
  regionCode: string;
  address: string;
  legalRepresentative: string | null;
  contactPhone: string | null;
  mobile: { enc: string; hash: string; masked: string } | null;
  ownership: 'public' | 'private' | null;
  forProfit: boolean | null;
  level: EstablishmentInput['level'];
  beds: number | null;
  clinicalSubjects: string[];
  status: EstablishmentInput['status'];
  flags: string[];
}

export interface ResolveResult {
  value: ResolvedEstablishment;
  /** A failing code accepted in this request (recorded by the caller in the same transaction). */
  newAcceptance: { uscc: string; reason: string } | null;
}

const problem = (path: string, code: string, messageZh: string, messageEn: string): FieldProblem => ({
  path,
  code,
  messageZh,
  messageEn,
});

/** Checks an establishment as the registry rules require; all problems are reported together (422). */
export async function resolveEstablishmentInput(
  tx: Executor,
  ctx: Pick<AppContext, 'secrets'>,
  actor: Actor,
  input: EstablishmentInput & { usccAcceptReason?: string | undefined },
  prior: EstablishmentRecord | null,
): Promise<ResolveResult> {
  const problems: FieldProblem[] = [];
  const category = resolveCategory(input.categoryCode);
  if (!category)
    problems.push(
      problem(
        'categoryCode',
        'unknown_category',
        `机构类别无法识别：${input.categoryCode}`,
        `Unknown category: ${input.categoryCode}`,
      ),
    );
  const medical = category?.kind === 'medical';

  const region = await queryOne<{ level: string; retired: boolean }>(
    tx,
    sql`SELECT level, retired FROM region WHERE code = ${input.regionCode}`,
  );
  if (!region)
    problems.push(
      problem(
        'regionCode',
        'unknown_region',
        `行政区划代码 ${input.regionCode} 不存在`,
        `Region ${input.regionCode} does not exist`,
      ),
    );
  else if (region.retired)
    problems.push(
      problem(
        'regionCode',
        'region_retired',
        `行政区划代码 ${input.regionCode} 已停用`,
        `Region ${input.regionCode} is retired`,
      ),
    );
  else if (region.level !== 'county' && region.level !== 'town')
    problems.push(
      problem('regionCode', 'region_level', '应为县级或乡镇（街道）级代码', 'Must be a county or town code'),
    );
  else if (!regionInScope(actor, input.regionCode))
    problems.push(
      problem(
        'regionCode',
        'region_out_of_scope',
        `行政区划 ${input.regionCode} 不在您的管辖范围内`,
        `Region ${input.regionCode} is outside your area`,
      ),
    );

  let uscc: string | null = null;
  let usccCheckFailed = false;
  let newAcceptance: ResolveResult['newAcceptance'] = null;
  if (input.uscc) {
    const check = checkUscc(input.uscc);
    uscc = check.normalized;
    if (!check.valid) {
      const format = check.errors.some((e) => e.code === 'uscc_format' || e.code === 'uscc_division_code');
      const accepted = format
        ? undefined
        : await queryOne<{ uscc: string }>(tx, sql`SELECT uscc FROM uscc_acceptance WHERE uscc = ${uscc}`);
      if (accepted) usccCheckFailed = true;
      else if (!format && input.usccAcceptReason && actor.permissions.has('registry.uscc.accept')) {
        usccCheckFailed = true;
        newAcceptance = { uscc, reason: input.usccAcceptReason };
      } else {
        const e = check.errors[0]!;
        const how = format ? '' : '；确系登记机关核发的，可由有权限的人员填写确认理由（usccAcceptReason）';
        problems.push(problem('uscc', e.code, `${e.messageZh}${how}`, e.messageEn));
      }
    }
  }

  let contactPhone: string | null = null;
  let mobile: ResolvedEstablishment['mobile'] = null;
  if (input.contactPhone) {
    if (isMaskedMobile(input.contactPhone)) {
      if (
        prior?.contact_mobile_masked === input.contactPhone.trim() &&
        prior.contact_mobile_enc &&
        prior.contact_mobile_hash
      ) {
        mobile = {
          enc: prior.contact_mobile_enc,
          hash: prior.contact_mobile_hash,
          masked: prior.contact_mobile_masked,
        };
      } else
        problems.push(
          problem(
            'contactPhone',
            'masked_phone',
            '联系电话是脱敏号码，请填写完整号码',
            'The phone number is masked; enter it in full',
          ),
        );
    } else {
      const phone = classifyPhone(input.contactPhone);
      if (!phone)
        problems.push(
          problem(
            'contactPhone',
            'phone_format',
            `联系电话格式不正确：${input.contactPhone}`,
            `Not a phone number: ${input.contactPhone}`,
          ),
        );
      else if (phone.kind === 'landline') contactPhone = phone.normalized;
      else {
        const hash = ctx.secrets.lookupHash(phone.normalized);
        mobile =
          prior?.contact_mobile_hash === hash && prior.contact_mobile_enc
            ? { enc: prior.contact_mobile_enc, hash, masked: prior.contact_mobile_masked! }
            : { enc: ctx.secrets.encrypt(phone.normalized), hash, masked: maskMobile(phone.normalized) };
      }
    }
  }

  const subjects: string[] = [];
  for (const token of input.clinicalSubjects) {
    const s = resolveClinicalSubject(token);
    if (!s)
      problems.push(
        problem(
          'clinicalSubjects',
          'unknown_subject',
          `诊疗科目无法识别：${token}`,
          `Unknown clinical subject: ${token}`,
        ),
      );
    else if (!subjects.includes(s.code)) subjects.push(s.code);
  }
  if (category && !medical) {
    if (subjects.length)
      problems.push(
        problem(
          'clinicalSubjects',
          'subjects_not_applicable',
          '只有医疗卫生机构填写诊疗科目',
          'Only medical institutions have clinical subjects',
        ),
      );
    if (input.level)
      problems.push(
        problem(
          'level',
          'level_not_applicable',
          '只有医疗卫生机构有医院等级',
          'Only medical institutions have a level',
        ),
      );
  }
  if (medical && input.ownership === null)
    problems.push(
      problem(
        'ownership',
        'required',
        '医疗卫生机构须填写举办主体',
        'Medical institutions need an ownership',
      ),
    );
  if (medical && input.forProfit === null)
    problems.push(
      problem(
        'forProfit',
        'required',
        '医疗卫生机构须填写经营性质',
        'Medical institutions need a profit status',
      ),
    );

  if (problems.length) {
    throw new DomainError(
      'invalid_establishment',
      '监管对象信息有误，请检查标出的字段。',
      'The establishment has errors; check the listed fields.',
      { errors: problems },
    );
  }
  const clinicalSubjects = subjects.sort();
  return {
    value: {
      name: input.name,
      uscc,
      usccCheckFailed,
      kind: category!.kind,
      categoryCode: category!.code,
      regionCode: input.regionCode,
      address: input.address,
      legalRepresentative: input.legalRepresentative || null,
      contactPhone,
      mobile,
      ownership: input.ownership,
      forProfit: input.forProfit,
      level: input.level,
      beds: input.beds,
      clinicalSubjects,
      status: input.status,
      flags: combineFlags({ categoryCode: category!.code, clinicalSubjects, uscc }, input.manualFlags),
    },
    newAcceptance,
  };
}
