import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface UserUnit {
  id: number;
  name: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
}

export interface UserRole {
  code: string;
  /** Chinese name. */
  name: string;
  nameEn: string;
}

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  kind: 'staff' | 'institution';
  unit: UserUnit | null;
  /** For institution users: the establishment the account acts for. */
  establishmentId: number | null;
  roles: UserRole[];
  permissions: string[];
  secondFactorEnabled: boolean;
  /** Administrators must enrol a second factor before anything but onboarding is allowed. */
  secondFactorSetupRequired: boolean;
  mustChangePassword: boolean;
}

export const roleName = (role: UserRole, language: string) =>
  language === 'en' ? role.nameEn || role.name : role.name;

export interface SignInInput {
  username: string;
  password: string;
  totpCode?: string;
}

export const ME_KEY = ['auth', 'me'] as const;

export const signIn = (input: SignInInput) => api.post<{ user: CurrentUser }>('/auth/sign-in', input);
export const signOut = () => api.post<unknown>('/auth/sign-out');
export const fetchMe = (signal?: AbortSignal) =>
  api.get<{ user: CurrentUser }>('/auth/me', undefined, signal);

/** The signed-in user; a 401 ApiError when nobody is signed in (never retried). */
export function useCurrentUser() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => fetchMe(signal).then((r) => r.user),
    staleTime: 60_000,
  });
}

/** Signs out, forgets every cached answer, and resolves when done (errors are ignored). */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await signOut();
    } catch {
      // Already signed out or server unreachable: the local state is cleared either way.
    }
    queryClient.clear();
  };
}

export function hasPermission(user: CurrentUser, permission: string | null): boolean {
  return permission === null || user.permissions.includes(permission);
}
