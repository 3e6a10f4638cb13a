import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { THUMBNAIL_SIDE, thumbnailOf } from './image-reply.js';

/** A phone photo: 4000×3000 pixels stored landscape, with EXIF saying "turn 90° clockwise to view". */
const phonePhoto = () =>
  sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();

describe('thumbnailOf', () => {
  it('makes a small upright JPEG of a large photo', async () => {
    const original = await phonePhoto();
    const thumb = await thumbnailOf(original);
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe('jpeg');
    // Upright: the 4000×3000 landscape pixels, turned by EXIF orientation 6, are a portrait view.
    expect(meta.height).toBe(THUMBNAIL_SIDE);
    expect(meta.width).toBe(240);
    expect(thumb.length).toBeLessThan(original.length / 10);
  });

  it('does not enlarge a photo smaller than a thumbnail', async () => {
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const meta = await sharp(await thumbnailOf(small)).metadata();
    expect([meta.width, meta.height]).toEqual([40, 30]);
  });

  it('refuses bytes that are not an image', async () => {
    await expect(thumbnailOf(Buffer.from('\x89PNG\r\n\x1a\nnot really'))).rejects.toThrow();
  });
});
