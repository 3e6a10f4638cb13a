import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationDetail,
  applicationKey,
  deleteMaterial,
  materialUrl,
  uploadMaterial,
} from '../../../api/licensing';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useLicensingLabels } from '../labels';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const MAX_MB = 10;

/**
 * The materials the permit type asks for: those the reform removed are marked with the data lookup
 * that replaces them; the rest are uploaded here (while the application is a draft or in correction).
 */
export function MaterialsCard({
  application: a,
  editable,
}: {
  application: ApplicationDetail;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKey(a.id) });
  const lookupName = (code: string) => {
    const l = a.lookups.find((x) => x.materialCode === code);
    return l ? labels.name(l) : code;
  };

  return (
    <Card size="small" title={t('licensing.materials')} className="wj-gap">
      {editable && <p className="wj-muted wj-small">{t('licensing.uploadHint', { mb: MAX_MB })}</p>}
      {error !== null && <ProblemAlert error={error} />}
      <List
        dataSource={a.materialRequirements}
        renderItem={(m) => {
          const files = a.materials.filter((f) => f.materialCode === m.code);
          return (
            <List.Item key={m.code} className="wj-material" data-material={m.code}>
              <div className="wj-stack wj-full">
                <span>
                  {labels.name(m)}{' '}
                  {m.removed ? (
                    <Tag color="green">{t('licensing.removed')}</Tag>
                  ) : m.required ? (
                    <Tag color={files.length ? 'blue' : 'red'}>
                      {files.length ? t('licensing.materialRequired') : t('licensing.materialMissing')}
                    </Tag>
                  ) : (
                    <Tag>{t('licensing.materialOptional')}</Tag>
                  )}
                </span>
                {m.removed && (
                  <span className="wj-muted wj-small">
                    {m.removed.replacedBy ? t('licensing.removedBy', { lookup: lookupName(m.code) }) : null}{' '}
                    {labels.citation(m.removed.citation)}
                  </span>
                )}
                {files.map((f) => (
                  <span key={f.id}>
                    <a href={materialUrl(a.id, f.id)}>{f.fileName}</a>{' '}
                    <span className="wj-muted wj-small">{Math.ceil(f.sizeBytes / 1024)} KB</span>
                    {editable && (
                      <Button
                        size="small"
                        type="link"
                        danger
                        onClick={async () => {
                          try {
                            await deleteMaterial(a.id, f.id);
                            await refresh();
                          } catch (e) {
                            setError(e);
                          }
                        }}
                      >
                        {t('licensing.removeFile')}
                      </Button>
                    )}
                  </span>
                ))}
                {editable && !m.removed && (
                  <Upload
                    accept={ACCEPT}
                    showUploadList={false}
                    customRequest={async ({ file, onSuccess, onError }) => {
                      setError(null);
                      try {
                        const stored = await uploadMaterial(a.id, m.code, file as File);
                        onSuccess?.(stored);
                        message.success(t('licensing.uploaded', { name: stored.fileName }));
                        await refresh();
                      } catch (e) {
                        setError(e);
                        onError?.(e as Error);
                      }
                    }}
                  >
                    <Button size="small" aria-label={`${t('licensing.upload')} ${labels.name(m)}`}>
                      {t('licensing.upload')}
                    </Button>
                  </Upload>
                )}
              </div>
            </List.Item>
          );
        }}
      />
      {a.lookups.length > 0 && (
        <>
          <h3 className="wj-subtitle">{t('licensing.lookups')}</h3>
          <ul className="wj-plain-list">
            {a.lookups.map((l) => (
              <li key={l.materialCode}>
                <Tag color={l.found ? 'green' : 'red'}>
                  {l.found ? t('licensing.lookupFound') : t('licensing.lookupMissing')}
                </Tag>
                {labels.name(l)}：{l.summary}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
