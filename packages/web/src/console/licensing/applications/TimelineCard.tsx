import { Card, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaTime } from '../../../api/audit';
import type { TimelineEntry } from '../../../api/licensing';
import { useLicensingLabels } from '../labels';

/** What happened to the application, oldest first, with who did it. */
export function TimelineCard({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  return (
    <Card size="small" title={t('licensing.timeline')} className="wj-gap">
      <Timeline
        items={entries.map((e, i) => ({
          key: `${e.at}-${i}`,
          children: (
            <span className="wj-stack">
              <span>
                {e.onDate} {labels.act(e.action)}
              </span>
              <span className="wj-muted wj-small">
                {chinaTime(e.at)} · {e.actorName ?? '—'}
              </span>
              {typeof e.details.reasons === 'string' && <span>{e.details.reasons}</span>}
              {Array.isArray(e.details.items) && <span>{(e.details.items as string[]).join('；')}</span>}
            </span>
          ),
        }))}
      />
    </Card>
  );
}
