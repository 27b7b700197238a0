/**
 * The dashboard's routes, under /dashboard. Every one checks the signed link first (purpose,
 * workspace in the path, expiry, revocation); a refused link gets the refusal page and nothing
 * else. Pages, downloads and the audit-pack redirect are read-only views of the core's data.
 */
import { type Request, type Response, Router } from 'express';
import { offersAuditPack } from '../../../core/dashboard/audit-pack.js';
import { TABLES, type TableName, type RawFilter, pageOf } from '../../../core/dashboard/tables.js';
import type { DashboardViewer } from '../../../core/dashboard/viewer.js';
import { dateInZone } from '../../../core/domain/dates.js';
import { can } from '../../../core/domain/roles.js';
import type { Workspace } from '../../../core/domain/workspace.js';
import { DomainError } from '../../../core/errors.js';
import type { Core } from '../../../core/index.js';
import type { LinkGrant } from '../../../core/links/signed-links.js';
import { spellCommands } from '../../../core/commands/usage.js';
import { requestId, requestLog } from '../../http/server.js';
import type { SafeHtml } from '../html.js';
import { securityHeaders } from '../security-headers.js';
import { dashboardPage, problemContent } from './dashboard-page.js';
import { DashboardLink, VIEWS, type ViewName } from './links.js';
import { type AuditPackEntry, overviewView } from './overview-view.js';
import { sendRefusal } from './refusal-page.js';
import { actionsTable, checksTable, evidenceTable, feedbackTable, requirementsTable } from './tables-view.js';
import { knowledgeTable } from './knowledge-view.js';
import { serverErrorPage } from './server-error-page.js';

interface Opened {
  readonly grant: LinkGrant;
  readonly workspace: Workspace;
  readonly link: DashboardLink;
  readonly viewer: DashboardViewer;
}

/** Query values as single strings: a repeated parameter counts by its first value. */
function queryParams(req: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') params[name] = first;
  }
  return params;
}

/** The filters of a table view: every parameter but the link, the view and the page. */
function filterParams(params: Record<string, string>): RawFilter {
  const { t: _t, view: _view, ...rest } = params;
  return rest;
}

function sendHtml(res: Response, status: number, body: string): void {
  res.status(status);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.send(body);
}

export function dashboardRouter(core: Core): Router {
  const web = core.web;
  const router = Router();
  router.use(securityHeaders);

  /** Checks the link against the workspace in the path; answers the refusal itself when it fails. */
  async function open(req: Request<{ workspace: string }>, res: Response): Promise<Opened | undefined> {
    if (!web.links) {
      sendRefusal(res, 'unavailable');
      return undefined;
    }
    const token = queryParams(req).t;
    if (!token) {
      sendRefusal(res, 'missing');
      return undefined;
    }
    const checked = await web.links.check(token, { purpose: 'dashboard', workspaceId: req.params.workspace });
    if (!checked.ok) {
      requestLog(res).info({ refusal: checked.reason }, 'dashboard link refused');
      sendRefusal(res, checked.reason);
      return undefined;
    }
    const workspace = await web.workspace(checked.grant.workspaceId);
    if (!workspace) {
      sendRefusal(res, 'not-found');
      return undefined;
    }
    const { grant } = checked;
    return {
      grant,
      workspace,
      link: new DashboardLink(grant.workspaceId, token),
      viewer: { workspaceId: grant.workspaceId, role: grant.role },
    };
  }

  /** The overview; with a refused audit-pack period, the page stays and the error sits next to the field. */
  async function overview(opened: Opened, auditPackEntry?: AuditPackEntry): Promise<SafeHtml> {
    const { viewer, link } = opened;
    const [figures, verification] = await Promise.all([web.figures(viewer), web.verification(viewer)]);
    return overviewView(figures, verification, link, offersAuditPack(viewer.role), auditPackEntry);
  }

  async function content(opened: Opened, view: ViewName, params: Record<string, string>): Promise<SafeHtml> {
    const { viewer, link, workspace } = opened;
    const timeZone = workspace.settings.timeZone;
    const filters = filterParams(params);
    const { page: rawPage, ...filter } = filters;
    const context = { link, timeZone, params: filters, canDownload: true };
    switch (view) {
      case 'overview':
        return overview(opened);
      case 'requirements': {
        const { rows } = await web.requirements(viewer, filter);
        return requirementsTable(pageOf(rows, rawPage), context, dateInZone(core.now(), timeZone));
      }
      case 'knowledge': {
        const { rows } = await web.knowledge(viewer, filter);
        return knowledgeTable(pageOf(rows, rawPage), context);
      }
      case 'checks': {
        const { rows, filter: applied } = await web.checks(viewer, filter);
        const page = pageOf(rows, rawPage);
        const [summaries, requirements] = await Promise.all([
          web.answerSummaries(viewer.workspaceId, page.rows),
          web.requirementsFromChecks(viewer.workspaceId, page.rows),
        ]);
        return checksTable(page, summaries, context, applied.window, requirements);
      }
      case 'actions': {
        const { rows } = await web.actions(viewer, filter);
        return actionsTable(pageOf(rows, rawPage), context);
      }
      case 'feedback': {
        const { rows, filter: applied } = await web.feedback(viewer, filter);
        return feedbackTable(pageOf(rows, rawPage), context, applied.window);
      }
      case 'evidence': {
        const { rows, filter: applied } = await web.evidence(viewer, filter);
        return evidenceTable(pageOf(rows, rawPage), { ...context, canDownload: can(viewer.role, 'evidence.export') }, applied.window);
      }
    }
  }

  router.get('/', (_req, res) => sendRefusal(res, 'missing'));

  router.get('/:workspace', async (req, res) => {
    const opened = await open(req, res);
    if (!opened) return;
    const params = queryParams(req);
    const view = (VIEWS as readonly string[]).includes(params.view ?? '') ? (params.view as ViewName) : 'overview';
    try {
      sendHtml(res, 200, dashboardPage({ ...opened, view, content: await content(opened, view, params) }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = error.code === 'permission.denied' ? 403 : 400;
      sendHtml(
        res,
        status,
        dashboardPage({ ...opened, view, content: problemContent(view, spellCommands(error.message, 'slack'), opened.link) }),
      );
    }
  });

  router.get('/:workspace/download/:table', async (req, res) => {
    const opened = await open(req, res);
    if (!opened) return;
    const table = req.params.table;
    if (!(TABLES as readonly string[]).includes(table)) return sendRefusal(res, 'not-found');
    const params = queryParams(req);
    try {
      const download = await web.downloadTable(
        { ...opened.viewer, linkId: opened.grant.id, issuedTo: opened.grant.issuedTo },
        table as TableName,
        filterParams(params),
      );
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${download.fileName}"`);
      // The byte-order mark makes spreadsheet programs read the file as UTF-8.
      res.status(200).send(`\uFEFF${download.csv}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const view = table as ViewName;
      sendHtml(
        res,
        error.code === 'permission.denied' ? 403 : 400,
        dashboardPage({ ...opened, view, content: problemContent(view, spellCommands(error.message, 'slack'), opened.link) }),
      );
    }
  });

  router.get('/:workspace/audit-pack', async (req, res) => {
    const opened = await open(req, res);
    if (!opened) return;
    const period = queryParams(req).period ?? '';
    try {
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, await web.auditPackDownload(opened.grant, period));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'input.invalid') {
        const entry = { period, error: spellCommands(error.message, 'slack') };
        return sendHtml(res, 400, dashboardPage({ ...opened, view: 'overview', content: await overview(opened, entry) }));
      }
      sendHtml(
        res,
        error.code === 'permission.denied' ? 403 : 400,
        dashboardPage({
          ...opened,
          view: 'overview',
          content: problemContent('overview', spellCommands(error.message, 'slack'), opened.link),
        }),
      );
    }
  });

  router.use((_req, res) => sendRefusal(res, 'not-found'));

  // Unexpected failures get a page with the request id, never a stack trace.
  router.use((error: unknown, _req: Request, res: Response, next: (error?: unknown) => void) => {
    if (res.headersSent) return next(error);
    requestLog(res).error({ err: error }, 'dashboard request failed');
    sendHtml(res, 500, serverErrorPage(requestId(res)));
  });

  return router;
}
