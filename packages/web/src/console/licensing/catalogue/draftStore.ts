import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../api/client';
import { LICENSING_KEY } from '../../../api/licensing';
import type { EditorValues } from './editorForm';

/**
 * Drafts of new versions are shared work in progress on the server (GET/PUT/DELETE
 * /permit-types/{code}/draft): one per permit type, seen by every administrator whose level and
 * department cover it, never public, removed when a version is published or the draft discarded.
 */
export interface StoredDraft {
  savedAt: string;
  savedBy: string;
  baseVersion: number;
  values: EditorValues;
}

const path = (code: string) => `/permit-types/${code}/draft`;

/** The type's draft, or null when it has none. */
export function useDraft(code: string) {
  return useQuery({
    queryKey: [...LICENSING_KEY, 'permit-draft', code],
    queryFn: async ({ signal }) =>
      (await api.get<{ draft: StoredDraft | null }>(path(code), undefined, signal)).draft,
    // The editor takes the draft once, as its starting values.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

export const saveDraft = (code: string, baseVersion: number, values: EditorValues) =>
  api.put<StoredDraft>(path(code), { baseVersion, values });

export async function discardDraft(code: string): Promise<void> {
  try {
    await api.delete<null>(path(code));
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
}
