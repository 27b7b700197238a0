/**
 * Addresses inside one dashboard. Every one carries the signed link (`t`) in its query, which the
 * access log leaves out, and the workspace in its path, which the link must match.
 */
import type { TableName } from '../../../core/dashboard/tables.js';

export const VIEWS = ['overview', 'requirements', 'knowledge', 'checks', 'actions', 'feedback', 'evidence'] as const;
export type ViewName = (typeof VIEWS)[number];

export type Params = Readonly<Record<string, string | undefined>>;

export class DashboardLink {
  constructor(
    readonly workspaceId: string,
    readonly token: string,
  ) {}

  private base(): string {
    return `/dashboard/${encodeURIComponent(this.workspaceId)}`;
  }

  private query(params: Params): string {
    const search = new URLSearchParams({ t: this.token });
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, value);
    return search.toString();
  }

  /** The page itself; the form actions use it without a query (the form sends `t`). */
  pagePath(): string {
    return this.base();
  }

  view(view: ViewName, params: Params = {}): string {
    return `${this.base()}?${this.query(view === 'overview' ? params : { view, ...params })}`;
  }

  download(table: TableName, params: Params = {}): string {
    return `${this.base()}/download/${table}?${this.query(params)}`;
  }

  auditPackPath(): string {
    return `${this.base()}/audit-pack`;
  }
}
