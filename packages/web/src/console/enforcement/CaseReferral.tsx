import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKey, ENFORCEMENT_KEY } from '../../api/enforcement';
import { sendReferral } from '../../api/enforcementFollowUp';
import { ActionForm } from './ActionForm';

/** Departments a health unit refers to (seed 002 annex 3, the responsibility map). */
const DEPARTMENTS = ['police', 'market', 'insurance', 'environment', 'health'];

/**
 * 移送 from a case: to another department in the system (it receives a lead and acknowledges it) or
 * to the judiciary for a suspected crime (行政处罚法 §27). The server names which fields a choice needs.
 */
export function CaseReferral({ caseId, departmentCode }: { caseId: number; departmentCode: string }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`enforcementFollowUp.${k}` as 'enforcementFollowUp.refer');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{f('refer')}</Button>
      {open && (
        <ActionForm
          open
          title={f('referTitle')}
          fields={[
            {
              name: 'toKind',
              kind: 'select',
              required: true,
              initial: 'department',
              label: f('toKind'),
              options: ['department', 'judiciary'].map((k) => ({ value: k, label: f(`toKinds.${k}`) })),
            },
            {
              name: 'toDepartmentCode',
              kind: 'select',
              label: f('toDepartment'),
              options: DEPARTMENTS.filter((d) => d !== departmentCode).map((d) => ({
                value: d,
                label: f(`departments.${d}`),
              })),
            },
            { name: 'toBodyName', kind: 'text', max: 200, label: f('toBodyName') },
            { name: 'reason', kind: 'textarea', required: true, max: 4000, label: f('reason') },
            { name: 'suspectedCrime', kind: 'bool', label: f('suspectedCrime') },
            { name: 'materials', kind: 'textarea', max: 4000, label: f('materials') },
          ]}
          onClose={() => setOpen(false)}
          send={(v) =>
            sendReferral({
              caseId,
              ...v,
              // A department referral names no judicial body, and the other way round.
              ...(v.toKind === 'department' ? { toBodyName: undefined } : { toDepartmentCode: undefined }),
            })
          }
          onSent={() => {
            void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
            void queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY });
          }}
          onDone={() => setOpen(false)}
        />
      )}
    </>
  );
}
