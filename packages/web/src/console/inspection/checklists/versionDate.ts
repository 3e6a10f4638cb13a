/** The day a version was saved; the shipped defaults carry the epoch (migration defaults), shown as such. */
export const versionDate = (createdAt: string, shipped: string) =>
  createdAt.startsWith('1970-01-01') ? shipped : createdAt.slice(0, 10);
