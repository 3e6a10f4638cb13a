import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type EditableInspector, useSaveInspector } from '../../../api/inspectionEditors';
import { useProblemText } from '../../../ui/ProblemAlert';

/** An officer's buttons for roster managers: edit, deactivate or reactivate. */
export function OfficerActions({
  officer,
  onEdit,
  onDeactivate,
}: {
  officer: EditableInspector;
  onEdit: () => void;
  onDeactivate: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const save = useSaveInspector(officer.id);
  return (
    <Space size={4} wrap>
      <Button
        size="small"
        onClick={onEdit}
        aria-label={`${t('inspectionEditors.editInspector')} ${officer.name}`}
      >
        {t('inspectionEditors.editInspector')}
      </Button>
      {officer.available ? (
        <Button
          size="small"
          danger
          onClick={onDeactivate}
          aria-label={`${t('inspectionEditors.deactivate')} ${officer.name}`}
        >
          {t('inspectionEditors.deactivate')}
        </Button>
      ) : (
        <Button
          size="small"
          loading={save.isPending}
          aria-label={`${t('inspectionEditors.reactivate')} ${officer.name}`}
          onClick={() =>
            save
              .mutateAsync({ available: true, expectedVersion: officer.version })
              .then(() => message.success(t('inspectionEditors.reactivated')))
              .catch((err: unknown) => message.error(problemText(err)))
          }
        >
          {t('inspectionEditors.reactivate')}
        </Button>
      )}
    </Space>
  );
}
