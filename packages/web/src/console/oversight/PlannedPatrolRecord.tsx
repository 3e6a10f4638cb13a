import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRIDS_KEY, recordPatrol } from '../../api/oversight';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { PatrolPhotoPicker, type PatrolShot } from './PatrolPhotoPicker';

/** Records a planned patrol where it was planned: the findings, whether a problem was found, photos. */
export function PlannedPatrolRecord({ patrolId }: { patrolId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [findings, setFindings] = useState('');
  const [problem, setProblem] = useState(false);
  const [shots, setShots] = useState<PatrolShot[]>([]);
  const [uploading, setUploading] = useState(false);
  const record = useMutation({
    mutationFn: () =>
      recordPatrol(patrolId, { findings, problemFound: problem, photos: shots.map((s) => s.sha256) }),
    onSuccess: () => client.invalidateQueries({ queryKey: GRIDS_KEY }),
  });
  return (
    <div data-testid={`planned-patrol-${patrolId}`}>
      <Space wrap>
        <Input
          aria-label={t('oversight.findings')}
          placeholder={t('oversight.findings')}
          value={findings}
          onChange={(e) => setFindings(e.target.value)}
        />
        <Checkbox checked={problem} onChange={(e) => setProblem(e.target.checked)}>
          {t('oversight.problemFound')}
        </Checkbox>
        <PatrolPhotoPicker shots={shots} onChange={setShots} onBusy={setUploading} />
        <Button
          size="small"
          onClick={() => record.mutate()}
          disabled={!findings.trim() || uploading}
          loading={record.isPending}
        >
          {t('oversight.recordPatrol')}
        </Button>
      </Space>
      {record.error && <ProblemAlert error={record.error} />}
    </div>
  );
}
