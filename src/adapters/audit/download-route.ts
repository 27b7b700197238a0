/**
 * `GET /audit/download/<workspace>?t=<token>`: the audit pack behind a signed download link. The
 * token is in the query because the access log leaves queries out.
 *
 * The token alone grants the pack (no login), so every refusal is a small HTML page that says
 * why and carries no data: 403 for links that are not ours or are used for another workspace,
 * 410 for expired or revoked ones. Link-preview robots (Slack and Teams unfurl links) get a page
 * without the pack, so a preview never downloads evidence or records an export.
 */
import { type Request, type Response, Router } from 'express';
import { DomainError } from '../../core/errors.js';
import { LINK_REFUSAL_TEXT, type LinkRefusal, type LinkSigner } from '../../core/links/signed-links.js';
import type { Core } from '../../core/index.js';
import { type HttpServer, requestLog } from '../http/server.js';
import { sendRefusalPage } from '../web/refusal-page.js';
import { packFileName, zipAuditPack } from './zip.js';

/** Where the route is mounted; the core builds links as `/audit/download/…` (export.ts `downloadPath`). */
export const AUDIT_ROUTE_PREFIX = '/audit';

const GONE: ReadonlySet<LinkRefusal> = new Set(['expired', 'revoked']);

/** User agents of the robots that fetch a link to show a preview of it. */
const PREVIEW_ROBOTS = /Slackbot|SkypeUriPreview|facebookexternalhit|Twitterbot|LinkedInBot|Discordbot|WhatsApp|TelegramBot|embedly/i;

const BRAND = 'Customer focus audit pack';

const HOW_TO_ASK =
  'An auditor or admin gets a new download link by typing /customer-focus export and the period (for example /customer-focus export 2026-Q1) in Slack, or export and the period in a chat with the bot in Teams.';

/** The dashboard's refusal page, so every link that does not work looks and reads the same. */
function refuse(res: Response, status: number, reason: string, text: string): void {
  sendRefusalPage(res, { status, reason, title: 'This download link does not work', text, hint: HOW_TO_ASK, brand: BRAND });
}

/** The address carries the token: keep it out of caches and referrers; the pages cannot be framed. */
function privateHeaders(res: Response): void {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  // The pages load our own style sheets (/assets) and the empty data: icon, nothing else; nothing may run.
  res.setHeader(
    'content-security-policy',
    "default-src 'none'; style-src 'self'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
}

/** The token from `?t=`; a repeated parameter counts by its first value. */
function tokenOf(req: Request): string {
  const value = req.query.t;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export function auditRouter(options: { web: Core['web']; now: () => Date; signer: LinkSigner }): Router {
  const router = Router();

  const checked = async (req: Request, res: Response) => {
    privateHeaders(res);
    const workspaceId = String(req.params.workspace ?? '');
    const result = await options.signer.check(tokenOf(req), { purpose: 'download', workspaceId });
    if (!result.ok) {
      requestLog(res).info({ refusal: result.reason }, 'audit download link refused');
      refuse(res, GONE.has(result.reason) ? 410 : 403, result.reason, LINK_REFUSAL_TEXT[result.reason]);
      return undefined;
    }
    return result.grant;
  };

  router.head('/download/:workspace', async (req, res) => {
    if (await checked(req, res)) res.status(200).type('application/zip').end();
  });

  router.get('/download/:workspace', async (req, res) => {
    const grant = await checked(req, res);
    if (!grant) return;
    if (PREVIEW_ROBOTS.test(req.get('user-agent') ?? '')) {
      sendRefusalPage(res, {
        status: 200,
        reason: 'preview',
        title: 'Audit pack',
        text: 'Open this link in a browser to download the audit pack.',
        brand: BRAND,
      });
      return;
    }
    let pack;
    try {
      pack = await options.web.auditPack(grant);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The workspace was purged, or the grant does not cover a pack.
      refuse(res, 410, 'unavailable', error.message);
      return;
    }
    const zip = zipAuditPack(pack, options.now());
    requestLog(res).info({ workspaceId: grant.workspaceId, linkId: grant.id, bytes: zip.byteLength }, 'audit pack downloaded');
    res
      .status(200)
      .type('application/zip')
      .setHeader('content-disposition', `attachment; filename="${packFileName(pack)}"`)
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });

  return router;
}

/** Mounts the download route on the bot's one server; call before `listen()`. */
export function mountAuditRoutes(server: HttpServer, options: { web: Core['web']; now: () => Date; signer: LinkSigner }): void {
  server.mount(AUDIT_ROUTE_PREFIX, auditRouter(options));
}
