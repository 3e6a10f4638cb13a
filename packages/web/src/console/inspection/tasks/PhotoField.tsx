import { Button, Spin } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Photo, photoUrl, uploadPhoto } from '../../../api/inspection';
import { ProblemAlert } from '../../../ui/ProblemAlert';

interface Props {
  inspectionId: number;
  photos: Photo[];
  onChange: (photos: Photo[]) => void;
}

/**
 * Photos of one checklist item: the phone's camera opens directly (capture), each photo is
 * uploaded at once so nothing is lost if the form is left, and shown as a thumbnail.
 */
export function PhotoField({ inspectionId, photos, onChange }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      const added: Photo[] = [];
      for (const file of Array.from(files)) added.push(await uploadPhoto(inspectionId, file));
      onChange([...photos, ...added]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <div className="wj-photo-row">
        {photos.map((p, i) => (
          <a key={p.id} href={photoUrl(inspectionId, p.id)} target="_blank" rel="noreferrer">
            <img
              className="wj-photo-thumb"
              src={photoUrl(inspectionId, p.id, 'thumb')}
              alt={t('inspection.photoAlt', { n: i + 1 })}
            />
          </a>
        ))}
        <input
          id={inputId}
          className="wj-file-input"
          type="file"
          accept="image/jpeg,image/png"
          capture="environment"
          multiple
          onChange={(e) => {
            void add(e.target.files);
            e.target.value = '';
          }}
        />
        <Button onClick={() => document.getElementById(inputId)?.click()} disabled={busy}>
          {busy ? <Spin size="small" /> : null}{' '}
          {busy ? t('inspection.photoUploading') : t('inspection.addPhoto')}
        </Button>
      </div>
      <ProblemAlert error={error} />
    </div>
  );
}
