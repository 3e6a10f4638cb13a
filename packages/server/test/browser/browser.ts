import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp, WEB_DIST } from '../../src/http/app.js';
import { type TestApp, testApp } from '../support/app.js';

/**
 * Browser tests: Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) driven by playwright-core
 * against the built web app served in-process on a fresh database. Without a browser they are
 * skipped with a visible message, except under CI=true where that is a failure.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

export const browserAvailable = fs.existsSync(CHROMIUM);
if (!browserAvailable) {
  const message = `浏览器测试需要 Chromium（${CHROMIUM}）/ browser tests need Chromium at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`SKIPPED: ${message}`);
}
if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
  throw new Error('the web app is not built: run `npm run build` first (npm run test:browser does)');
}

export interface BrowserRig {
  t: TestApp;
  server: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startRig(demo: Parameters<typeof testApp>[1] = {}): Promise<BrowserRig> {
  // `demo` sizes the demo city (e.g. { registry: 0.04, inspection: true } for modules that read every other one).
  // A real data directory: the server writes files there (the open data files, on PGlite).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-rig-'));
  const t = await testApp('pglite', { ...demo, env: { WEIJIAN_DATA_DIR: dataDir, ...demo.env } });
  // A real browser compares cookie and token lifetimes with its own clock: use the real one.
  t.ctx.now = () => new Date();
  // A second Fastify instance on the same context, this one serving the built web app.
  const server = await buildApp(t.ctx, { serveWeb: true, logger: false });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

export async function newPage(
  rig: BrowserRig,
  viewport = DESKTOP,
): Promise<{ page: Page; errors: string[] }> {
  const context = await rig.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
