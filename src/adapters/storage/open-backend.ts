/**
 * Opens the store named by STORE_URL. The scheme picks the backend; the namespace keeps one
 * deployment's (or one test's) data apart from another's on a shared server.
 */
import { openMemoryBackend } from './memory-backend.js';
import { checkNamespace, DEFAULT_NAMESPACE } from './namespace.js';
import type { Backend } from './primitives.js';
import { openSqliteBackend } from './sqlite-backend.js';
import type { StoreLogger } from './store-logger.js';

export interface OpenBackendOptions {
  /** Default `cfb`. Lowercase letters, digits and underscores, starting with a letter. */
  readonly namespace?: string;
  readonly logger?: StoreLogger;
}

const ALLOWED_SCHEMES = [
  'memory:// (tests only; nothing is kept)',
  'sqlite://./data/store.sqlite (relative) or sqlite:///var/lib/cfb/store.sqlite (absolute)',
  'redis://localhost:6379 or rediss://user:password@host:6380',
  'postgres://user:password@localhost:5432/cfb or postgresql://…',
].join('; ');

export async function openBackend(storeUrl: string, options: OpenBackendOptions = {}): Promise<Backend> {
  const namespace = checkNamespace(options.namespace ?? DEFAULT_NAMESPACE);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(storeUrl)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'memory':
      return openMemoryBackend(options.logger);
    case 'sqlite':
      return openSqliteBackend(storeUrl, namespace, options.logger);
    case 'redis':
    case 'rediss':
      // Loaded only for the store in use: each client library holds 3–4 MB of heap for as long
      // as the process runs (SQLite, the default, is loaded above).
      return (await import('./redis-backend.js')).openRedisBackend(storeUrl, namespace, options.logger);
    case 'postgres':
    case 'postgresql':
      return (await import('./postgres-backend.js')).openPostgresBackend(storeUrl, namespace, options.logger);
    default:
      // Only the scheme is quoted: the rest of the URL may hold a password.
      throw new Error(`Unsupported store URL${scheme ? ` scheme "${scheme}://"` : ` (no scheme)`}. Use one of: ${ALLOWED_SCHEMES}.`);
  }
}
