import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerModules } from '../modules/index.js';
import type { AppContext } from './context.js';
import { registerMetrics } from './metrics.js';
import { errorHandler, problem, sendProblem } from './problem.js';
import { databaseRateLimitStore } from './rate-limit-store.js';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface BuildAppOptions {
  /** Serve the built web app (off in API-only tests). */
  serveWeb?: boolean;
  logger?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS writes <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only makes sense behind HTTPS; the reverse proxy sets it (docs/deployment).
    strictTransportSecurity: false,
  });
  registerMetrics(app, ctx);
  await app.register(cookie);
  // Counters in the database, shared by every process (src/http/rate-limit-store.ts).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(ctx.database) });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '卫监 Weijian API',
        version: ctx.version,
        description:
          'Licensing and supervision of health-sector establishments. Errors are application/problem+json (RFC 9457) with a stable code and messages in Chinese and English.',
      },
      servers: [],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wj_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Served from the package's own files: deployments are often offline, so no CDN.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      await registerModules(api);
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api/v1' },
  );

  const serveWeb = opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (serveWeb && request.method === 'GET' && !url.startsWith('/api/')) {
      // The web app routes on the client: /console/…, /my/… all get index.html.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(
      reply,
      problem(
        request.id,
        'route_not_found',
        `接口不存在：${request.method} ${url}`,
        `No such route: ${request.method} ${url}`,
      ),
    );
  });
  return app;
}
