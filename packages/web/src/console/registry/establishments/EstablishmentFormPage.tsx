import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { showFieldErrors } from '../../../api/forms';
import { ApiError, fieldPath, type ProblemFieldError } from '../../../api/problem';
import {
  createEstablishment,
  type Establishment,
  type EstablishmentInput,
  REGISTRY_KEY,
  updateEstablishment,
  useCodeLists,
  useEstablishment,
} from '../../../api/registry';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { EstablishmentFields } from './EstablishmentFields';
import { detailPath } from './EstablishmentList';
import { ACCEPTABLE_USCC_ERRORS, UsccField, type UsccProblem } from './UsccField';

type Values = Omit<EstablishmentInput, 'usccAcceptReason'> & {
  usccAccept?: boolean;
  usccAcceptReason?: string;
};

const FIELDS = [
  'name',
  'uscc',
  'categoryCode',
  'regionCode',
  'address',
  'legalRepresentative',
  'contactPhone',
  'ownership',
  'forProfit',
  'level',
  'beds',
  'clinicalSubjects',
  'status',
  'manualFlags',
] as const;

const blank = (v: string | null | undefined) => v?.trim() || null;

function inputOf(v: Values): EstablishmentInput {
  return {
    name: v.name.trim(),
    uscc: blank(v.uscc),
    categoryCode: v.categoryCode,
    regionCode: v.regionCode,
    address: v.address.trim(),
    legalRepresentative: blank(v.legalRepresentative),
    contactPhone: blank(v.contactPhone),
    ownership: v.ownership ?? null,
    forProfit: v.forProfit ?? null,
    level: v.level ?? null,
    beds: v.beds ?? null,
    clinicalSubjects: v.clinicalSubjects ?? [],
    status: v.status,
    manualFlags: v.manualFlags ?? [],
    ...(v.usccAccept && v.usccAcceptReason?.trim() ? { usccAcceptReason: v.usccAcceptReason.trim() } : {}),
  };
}

function valuesOf(e: Establishment, manual: string[]): Values {
  return {
    name: e.name,
    uscc: e.uscc,
    categoryCode: e.categoryCode,
    regionCode: e.regionCode,
    address: e.address,
    legalRepresentative: e.legalRepresentative,
    contactPhone: e.contactPhone,
    ownership: e.ownership,
    forProfit: e.forProfit,
    level: e.level,
    beds: e.beds,
    clinicalSubjects: e.clinicalSubjects.map((s) => s.code),
    status: e.status,
    manualFlags: e.flags.filter((f) => manual.includes(f)),
  };
}

/** Only what changed (and the version it was read at, so a concurrent change is refused). */
function patchOf(before: EstablishmentInput, after: EstablishmentInput) {
  const patch: Partial<EstablishmentInput> = {};
  for (const k of Object.keys(after) as (keyof EstablishmentInput)[]) {
    if (k === 'usccAcceptReason' || JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      Object.assign(patch, { [k]: after[k] });
  }
  return patch;
}

/** 新建 / 编辑监管对象. /new, or /:id/edit of an establishment. */
export function EstablishmentFormPage() {
  const { id } = useParams();
  const lists = useCodeLists();
  const existing = useEstablishment(Number(id) || 0, !!id);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={existing.error} />
      </div>
    );
  if (!lists.data) return lists.isError ? <ProblemAlert error={lists.error} /> : <PageLoading />;
  const manual = lists.data.flags.filter((f) => f.manual).map((f) => f.code);
  return <EstablishmentForm existing={id ? (existing.data ?? null) : null} manual={manual} />;
}

function EstablishmentForm({ existing, manual }: { existing: Establishment | null; manual: string[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useConsoleUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lists = useCodeLists();
  const [form] = Form.useForm<Values>();
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const [usccProblem, setUsccProblem] = useState<UsccProblem | null>(null);
  const initial: Values = existing
    ? valuesOf(existing, manual)
    : ({ status: 'operating', clinicalSubjects: [], manualFlags: [] } as unknown as Values);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const input = inputOf(v);
      if (!existing) return createEstablishment(input);
      const patch = patchOf(inputOf(initial), input);
      return updateEstablishment(existing.id, { ...patch, expectedVersion: existing.version });
    },
    onMutate: () => setUnmatched([]),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
      void message.success(existing ? t('registry.saved') : t('registry.created'));
      navigate(detailPath(saved.id));
    },
    onError: (error) => {
      const uscc =
        error instanceof ApiError
          ? error.problem.errors?.find(
              (e) => fieldPath(e.path)[0] === 'uscc' && ACCEPTABLE_USCC_ERRORS.includes(e.code),
            )
          : undefined;
      setUsccProblem(uscc ?? null);
      const fields = uscc ? FIELDS.filter((f) => f !== 'uscc') : FIELDS;
      setUnmatched(showFieldErrors(form, error, i18n.language, fields).filter((e) => e !== uscc));
    },
  });
  const back = existing ? detailPath(existing.id) : '/console/registry/establishments';

  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {existing ? t('registry.editTitle', { name: existing.name }) : t('registry.createTitle')}
      </Typography.Title>
      <Card>
        <Form<Values>
          form={form}
          name={existing ? 'establishment-edit' : 'establishment-create'}
          layout="vertical"
          className="wj-modal-form"
          initialValues={initial}
          scrollToFirstError
          onValuesChange={(changed: Partial<Values>) => {
            if ('uscc' in changed) {
              setUsccProblem(null);
              form.setFieldsValue({ usccAccept: false });
            }
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item
            name="name"
            label={t('registry.name')}
            rules={[{ required: true, whitespace: true, max: 200, message: t('registry.nameRequired') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <UsccField
            problem={usccProblem}
            canAccept={hasPermission(user, 'registry.uscc.accept')}
            accepted={existing?.usccAcceptance ?? null}
          />
          <EstablishmentFields lists={lists.data} />
          {(save.isError && !(save.error instanceof ApiError && save.error.problem.errors?.length)) ||
          unmatched.length > 0 ? (
            <div className="wj-gap">
              <ProblemAlert error={save.error} extra={unmatched} />
            </div>
          ) : null}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {existing ? t('common.save') : t('registry.create')}
            </Button>
            <Button onClick={() => navigate(back)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
