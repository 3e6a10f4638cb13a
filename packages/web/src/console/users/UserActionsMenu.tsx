import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/users';
import type { UserCommand } from './useUserActions';

interface Props {
  user: User;
  commands: UserCommand[];
  onCommand: (command: UserCommand, user: User) => void;
  block?: boolean;
}

/** "操作 ▾": the commands available for one user. */
export function UserActionsMenu({ user, commands, onCommand, block }: Props) {
  const { t } = useTranslation();
  if (commands.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: commands.map((c) => ({
          key: c,
          label: t(`users.command.${c}`),
          danger: c === 'disable',
        })),
        onClick: ({ key }) => onCommand(key as UserCommand, user),
      }}
    >
      <Button size="small" block={block} aria-label={t('users.actionsFor', { name: user.displayName })}>
        {t('common.actions')} ▾
      </Button>
    </Dropdown>
  );
}
