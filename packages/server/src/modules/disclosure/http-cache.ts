import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Conditional GET for the public read-only API: a strong ETag (a route may set its own — the open
 * data files carry their SHA-256 — else one is computed from the body), `If-None-Match` answered
 * with 304, `If-Modified-Since` too when the route set Last-Modified, and a short public
 * Cache-Control (the data changes during the day: penalties are withdrawn, results published).
 * Registered inside the disclosure plugin, so it touches only its routes.
 */
export function registerHttpCache(app: FastifyInstance, maxAge: number): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200) return payload;
    const preset = reply.getHeader('etag');
    if (!preset && typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = preset
      ? String(preset)
      : `"${createHash('sha256')
          .update(payload as string | Buffer)
          .digest('base64url')
          .slice(0, 27)}"`;
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', `public, max-age=${maxAge}`);
    reply.header('vary', 'accept-encoding');
    const match = request.headers['if-none-match'];
    const since = request.headers['if-modified-since'];
    const lastModified = reply.getHeader('last-modified');
    const notModified = match
      ? match.split(',').some((m) => m.trim() === etag || m.trim() === `W/${etag}`)
      : !!since &&
        !!lastModified &&
        Math.floor(Date.parse(String(lastModified)) / 1000) <= Math.floor(Date.parse(since) / 1000);
    if (notModified) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
