import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { verifyAuditChain } from '../../api/audit';
import { hasPermission } from '../../api/auth';
import { api } from '../../api/client';
import type { Region } from '../../api/regions';
import { useProblemText } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';

/**
 * 校验哈希链: recomputes the whole chain on the server. Only cross-department administrators at
 * city or province level may (they see every row); the button is shown to them alone.
 */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const { modal } = App.useApp();
  const problemText = useProblemText();
  const crossDepartment = hasPermission(user, 'identity.scope.all-departments');
  const regionCode = user.unit?.regionCode;
  const region = useQuery({
    queryKey: ['regions', 'one', regionCode],
    queryFn: ({ signal }) => api.get<Region>(`/regions/${regionCode}`, undefined, signal),
    enabled: crossDepartment && regionCode !== undefined,
    staleTime: 60 * 60_000,
  });
  const verify = useMutation({
    mutationFn: verifyAuditChain,
    onSuccess: (v) =>
      v.ok
        ? modal.success({
            title: t('audit.chainOk'),
            content: t('audit.chainOkHelp', { rows: v.rows }),
            okText: t('common.ok'),
          })
        : modal.error({
            title: t('audit.chainBroken'),
            content: t('audit.chainBrokenHelp', {
              id: v.brokenAt,
              rows: v.rows,
              reason: v.reason === 'prev_hash_mismatch' ? t('audit.reasonPrev') : t('audit.reasonHash'),
            }),
            okText: t('common.ok'),
          }),
    onError: (error) =>
      modal.error({ title: t('audit.chainFailed'), content: problemText(error), okText: t('common.ok') }),
  });
  const level = region.data?.level;
  if (!crossDepartment || (level !== 'city' && level !== 'province')) return null;
  return (
    <Button onClick={() => verify.mutate()} loading={verify.isPending}>
      {t('audit.verify')}
    </Button>
  );
}
