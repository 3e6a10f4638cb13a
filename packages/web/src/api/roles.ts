import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface Role {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string;
  /** Shipped with Weijian: its permissions can be edited, the role cannot be deleted. */
  builtin: boolean;
  forKind: 'staff' | 'institution';
  permissions: string[];
  /** Users in the reader's scope holding the role. */
  userCount: number;
}

export interface PermissionEntry {
  name: string;
  /** The module prefix, e.g. identity, registry. */
  module: string;
  labelZh: string;
  labelEn: string;
}

export interface RoleInput {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string;
  forKind: 'staff' | 'institution';
  permissions: string[];
}

export const ROLES_KEY = ['roles'] as const;

export function useRoles() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: ({ signal }) => api.get<{ items: Role[] }>('/roles', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: ({ signal }) =>
      api.get<{ items: PermissionEntry[] }>('/permissions', undefined, signal).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

export const createRole = (input: RoleInput) => api.post<Role>('/roles', input);
export const updateRole = (code: string, input: Partial<Omit<RoleInput, 'code' | 'forKind'>>) =>
  api.patch<Role>(`/roles/${encodeURIComponent(code)}`, input);
export const deleteRole = (code: string) => api.delete<null>(`/roles/${encodeURIComponent(code)}`);

export const roleLabel = (role: Pick<Role, 'nameZh' | 'nameEn'>, language: string) =>
  language === 'en' ? role.nameEn || role.nameZh : role.nameZh;

export const permissionLabel = (p: PermissionEntry, language: string) =>
  language === 'en' ? p.labelEn : p.labelZh;

/** The catalogue grouped by module prefix, in the catalogue's order. */
export function groupByModule(entries: PermissionEntry[]): [string, PermissionEntry[]][] {
  const groups = new Map<string, PermissionEntry[]>();
  for (const e of entries) groups.set(e.module, [...(groups.get(e.module) ?? []), e]);
  return [...groups];
}
