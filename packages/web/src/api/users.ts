import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserRole, UserUnit } from './auth';
import { api } from './client';

export interface User {
  id: number;
  kind: 'staff' | 'institution';
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  unit: UserUnit | null;
  establishmentId: number | null;
  roles: UserRole[];
  /** e.g. 138****5678; the full number only through fetchUserSensitive (audited). */
  phoneMasked: string | null;
  idNumberMasked: string | null;
  secondFactorEnabled: boolean;
  mustChangePassword: boolean;
  locked: boolean;
  lockedUntil: string | null;
  createdAt: string;
  passwordChangedAt: string;
}

export interface UserListQuery {
  q?: string;
  unitId?: number;
  role?: string;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
}

export interface UserWithPassword {
  user: User;
  /** Shown once; the user must change it at first sign-in. */
  oneTimePassword: string;
}

export interface CreateUserInput {
  kind: 'staff';
  username: string;
  displayName: string;
  unitId: number;
  roles: string[];
  phone?: string;
  idNumber?: string;
}

export interface UpdateUserInput {
  displayName?: string;
  unitId?: number;
  roles?: string[];
  /** null clears it. */
  phone?: string | null;
  idNumber?: string | null;
}

export interface UserSensitive {
  id: number;
  phone: string | null;
  idNumber: string | null;
}

export type UserAction = 'disable' | 'enable' | 'reset-second-factor' | 'unlock';

export const USERS_KEY = ['users'] as const;

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', query],
    queryFn: ({ signal }) => api.get<{ items: User[]; total: number }>('/users', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export const createUser = (input: CreateUserInput) => api.post<UserWithPassword>('/users', input);
export const updateUser = (id: number, input: UpdateUserInput) => api.patch<User>(`/users/${id}`, input);
export const runUserAction = (id: number, action: UserAction) => api.post<User>(`/users/${id}/${action}`);
export const resetUserPassword = (id: number) => api.post<UserWithPassword>(`/users/${id}/reset-password`);
/** Recorded in the audit trail by the server. */
export const fetchUserSensitive = (id: number) => api.get<UserSensitive>(`/users/${id}/sensitive`);
