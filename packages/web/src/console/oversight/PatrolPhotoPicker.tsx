import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type PatrolPhoto, uploadPatrolPhoto } from '../../api/oversightField';
import { ProblemAlert } from '../../ui/ProblemAlert';

export interface PatrolShot extends PatrolPhoto {
  preview: string;
}

/**
 * Photos of a patrol, taken or chosen on the phone: each is uploaded as soon as it is picked (the
 * server accepts JPEG and PNG only, by their first bytes) and shown as a thumbnail; the record that
 * is saved afterwards claims them by their hashes.
 */
export function PatrolPhotoPicker({
  shots,
  onChange,
  onBusy,
}: {
  shots: PatrolShot[];
  onChange: (update: (before: PatrolShot[]) => PatrolShot[]) => void;
  onBusy?: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      onBusy?.(true);
      try {
        for (const f of files) {
          const p = await uploadPatrolPhoto(f);
          const shot = { ...p, preview: URL.createObjectURL(f) };
          onChange((before) => (before.some((b) => b.sha256 === shot.sha256) ? before : [...before, shot]));
        }
      } finally {
        onBusy?.(false);
      }
    },
  });
  return (
    <>
      <Button onClick={() => picker.current?.click()} loading={upload.isPending}>
        {t('oversight.patrolForm.addPhoto')}
      </Button>
      <input
        ref={picker}
        type="file"
        accept="image/jpeg,image/png"
        multiple
        style={{ display: 'none' }}
        aria-label={t('oversight.patrolForm.addPhoto')}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) upload.mutate(files);
        }}
      />
      {upload.isPending && <span className="wj-muted"> {t('oversight.patrolForm.uploading')}</span>}
      {upload.error && <ProblemAlert error={upload.error} />}
      {shots.length > 0 && (
        <div className="wj-patrol-photos" data-testid="patrol-new-photos">
          {shots.map((s, i) => (
            <img
              key={s.sha256}
              src={s.preview}
              className="wj-patrol-thumb"
              alt={t('oversight.patrolForm.photoAlt', { n: i + 1 })}
            />
          ))}
        </div>
      )}
    </>
  );
}
