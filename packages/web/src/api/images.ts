/** A stored photo as the server sends it: the original (the evidence) or a small JPEG made from it. */
export type ImageSize = 'full' | 'thumb';

/** The address of a stored photo in the given size (`?size=thumb` on the server's photo routes). */
export const sizedImage = (path: string, size: ImageSize = 'full') =>
  size === 'thumb' ? `${path}?size=thumb` : path;
