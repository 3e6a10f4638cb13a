import { createContext, useContext } from 'react';
import type { CurrentUser } from '../api/auth';

export const ConsoleUserContext = createContext<CurrentUser | null>(null);

/** The signed-in staff user; only valid under the console's guard. */
export function useConsoleUser(): CurrentUser {
  const user = useContext(ConsoleUserContext);
  if (!user) throw new Error('useConsoleUser is used outside the console guard');
  return user;
}
