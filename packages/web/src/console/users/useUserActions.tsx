import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { ApiError, pickMessage } from '../../api/problem';
import {
  resetUserPassword,
  runUserAction,
  USERS_KEY,
  type User,
  type UserAction,
  type UserWithPassword,
} from '../../api/users';
import { useProblemText } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';

export type UserCommand = UserAction | 'edit' | 'reset-password' | 'sensitive';

/** The dialogs the users page shows on top of the list. */
export type UserDialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; result: UserWithPassword; reason: 'created' | 'reset' }
  | { kind: 'sensitive'; user: User };

/** Commands that change an account in a way the user feels (sign-out, lost factor) ask first. */
const CONFIRMED: Partial<Record<UserCommand, true>> = {
  disable: true,
  'reset-password': true,
  'reset-second-factor': true,
};

/**
 * What the signed-in administrator may do to one user (as far as the client can tell; the server
 * decides), and running it: confirmation, the call, refreshing the list, a clear problem message.
 */
export function useUserActions() {
  const { t, i18n } = useTranslation();
  const me = useConsoleUser();
  const { modal, message } = App.useApp();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const canManage = hasPermission(me, 'identity.user.manage');
  const canSeeSensitive = hasPermission(me, 'identity.person.read-sensitive');

  const available = (u: User): UserCommand[] => {
    const self = u.id === me.id;
    const list: UserCommand[] = [];
    if (canManage) list.push('edit');
    if (canSeeSensitive && (u.phoneMasked || u.idNumberMasked)) list.push('sensitive');
    if (canManage && !self) list.push('reset-password');
    if (canManage && !self && u.secondFactorEnabled) list.push('reset-second-factor');
    if (canManage && u.locked) list.push('unlock');
    if (canManage && !self && u.status === 'active') list.push('disable');
    if (canManage && u.status === 'disabled') list.push('enable');
    return list;
  };

  const showProblem = (error: unknown) =>
    modal.error({
      title: t('users.actionFailed'),
      content: (
        <>
          <p>{problemText(error)}</p>
          {error instanceof ApiError &&
            (error.problem.errors ?? []).map((e) => <p key={e.code}>{pickMessage(e, i18n.language)}</p>)}
        </>
      ),
      okText: t('common.ok'),
    });

  const execute = async (command: UserCommand, u: User) => {
    try {
      if (command === 'reset-password') {
        const result = await resetUserPassword(u.id);
        setDialog({ kind: 'password', result, reason: 'reset' });
      } else if (command !== 'edit' && command !== 'sensitive') {
        await runUserAction(u.id, command);
        void message.success(t(`users.done.${command}`, { name: u.displayName }));
      }
    } catch (error) {
      showProblem(error);
    } finally {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
    }
  };

  const run = (command: UserCommand, u: User) => {
    if (command === 'edit') return setDialog({ kind: 'edit', user: u });
    if (command === 'sensitive') return setDialog({ kind: 'sensitive', user: u });
    if (!CONFIRMED[command]) return void execute(command, u);
    const key = command as 'disable' | 'reset-password' | 'reset-second-factor';
    modal.confirm({
      title: t(`users.confirm.${key}`, { name: u.displayName, username: u.username }),
      content: t(`users.confirmHelp.${key}`),
      okText: t(`users.command.${key}`),
      okButtonProps: { danger: key !== 'reset-password' },
      cancelText: t('common.cancel'),
      onOk: () => execute(command, u),
    });
  };

  return { available, run, dialog, setDialog, canManage };
}
