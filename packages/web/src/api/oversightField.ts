import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { type ImageSize, sizedImage } from './images';
import type { GridInput } from './oversight';

// Grids in the field: editing a grid, the patrol form's place, photos, and the record made on the spot.

export const updateGrid = (id: number, input: GridInput & { version: number }) =>
  api.put<{ id: number }>(`/oversight/grids/${id}`, input);

export interface GridEstablishment {
  id: number;
  name: string;
  regionCode: string;
}

export function useGridEstablishments(gridId: number, q: string) {
  return useQuery({
    queryKey: ['oversight', 'grids', gridId, 'establishments', q],
    queryFn: ({ signal }) =>
      api.get<{ items: GridEstablishment[] }>(
        `/oversight/grids/${gridId}/establishments`,
        q ? { q } : undefined,
        signal,
      ),
  });
}

export interface PatrolPhoto {
  sha256: string;
  mediaType: string;
  sizeBytes: number;
}

/** Multipart upload of one patrol photo; the server checks it is an image. */
export function uploadPatrolPhoto(file: File): Promise<PatrolPhoto> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<PatrolPhoto>('/oversight/patrol-photos', form);
}

export interface FieldPatrolInput {
  establishmentId?: number;
  address?: string;
  patrolledAt: string;
  findings: string;
  problemFound: boolean;
  photos: string[];
}

export const recordFieldPatrol = (gridId: number, input: FieldPatrolInput) =>
  api.post<{ id: number }>(`/oversight/grids/${gridId}/patrol-records`, input);

/** A patrol photo: the original, or with `thumb` a small JPEG made from it for lists. */
export const patrolPhotoUrl = (patrolId: number, sha256: string, size?: ImageSize) =>
  sizedImage(`/api/v1/oversight/patrols/${patrolId}/photos/${sha256}`, size);
