/**
 * The web pages' files: Chart.js from its package, and our own small scripts and styles. A fixed
 * list, read once at start-up, so no request can name a file of its own choosing. There is no
 * build step: the files in ./static are served as written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { securityHeaders } from './security-headers.js';

/**
 * Our static files stay in the source tree (tsc copies only TypeScript). This module runs from
 * src/adapters/web or dist/adapters/web, both three levels below the project root.
 */
const STATIC_DIRECTORY = fileURLToPath(new URL('../../../src/adapters/web/static/', import.meta.url));

/** Chart.js's own package exports do not list the UMD file, so find it next to the main entry. */
const chartJsFile = (): string => join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

export const ASSET_NAMES = ['chart.umd.min.js', 'base.css', 'dashboard.js', 'dashboard.css', 'playground.js', 'playground.css'] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

/** The path pages use for an asset. */
export const assetPath = (name: AssetName): string => `/assets/${name}`;

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of ASSET_NAMES) {
    const file = name === 'chart.umd.min.js' ? chartJsFile() : join(STATIC_DIRECTORY, name);
    const body = readFileSync(file);
    const type = name.endsWith('.css') ? TYPES.css : TYPES.js;
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
  }
  return assets;
}

export function assetsRouter(): Router {
  const assets = loadAssets();
  const router = Router();
  router.use(securityHeaders);
  router.get('/:name', (req, res, next) => {
    const asset = assets.get(req.params.name);
    if (!asset) return next();
    // Revalidated on every load: an upgrade of the bot must not leave old scripts in browsers.
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('etag', asset.etag);
    if (req.get('if-none-match') === asset.etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('content-type', asset.type);
    res.status(200).send(asset.body);
  });
  return router;
}
