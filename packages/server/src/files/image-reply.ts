import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import sharp from 'sharp';
import { z } from 'zod';
import { bilingual } from '../http/problem.js';

// One libvips thread and no operation cache: a thumbnail is small work, and the server's memory
// should stay flat however many photos are viewed.
sharp.concurrency(1);
sharp.cache(false);

/** The longest side of a thumbnail, in pixels: two columns of photos on a phone at 2× density. */
export const THUMBNAIL_SIDE = 320;

/** `?size=thumb` asks for the thumbnail; the original (the evidence) is the default. */
export const imageSizeQuery = z.object({
  size: z
    .enum(['full', 'thumb'], {
      error: bilingual('size 只能是 full（原图）或 thumb（缩略图）', 'size is full (the original) or thumb'),
    })
    .default('full'),
});

/**
 * A JPEG no larger than THUMBNAIL_SIDE on either side, turned upright by its EXIF orientation (phones
 * store photos sideways and say so in EXIF). Made on request rather than stored: the original stays
 * the one record of what was photographed, and the browser keeps the thumbnail (immutable, by hash).
 */
export function thumbnailOf(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 72 })
    .toBuffer();
}

/**
 * Sends a stored photo, or its thumbnail when asked. The tag is the original's SHA-256 (and the size),
 * so a browser that has it asks no more. Only images get thumbnails: another file (a PDF among the
 * evidence), or a photo the image library cannot read (it passed the upload check by its first
 * bytes), is sent whole rather than not at all.
 */
export async function sendImage(
  reply: FastifyReply,
  log: FastifyBaseLogger,
  image: {
    bytes: Buffer;
    mediaType: string;
    sha256: string;
    size: 'full' | 'thumb';
    /** Enforcement evidence is not kept by the browser: `private, no-store`. */
    cacheControl?: string;
  },
): Promise<FastifyReply> {
  reply
    .header('cache-control', image.cacheControl ?? 'private, max-age=86400, immutable')
    .header('x-content-sha256', image.sha256)
    .header('etag', `"${image.sha256}${image.size === 'thumb' ? '-thumb' : ''}"`);
  if (image.size === 'thumb' && image.mediaType.startsWith('image/')) {
    try {
      return reply.type('image/jpeg').send(await thumbnailOf(image.bytes));
    } catch (e) {
      log.warn({ err: e, sha256: image.sha256 }, 'thumbnail failed; sending the original');
    }
  }
  return reply.type(image.mediaType).send(image.bytes);
}
