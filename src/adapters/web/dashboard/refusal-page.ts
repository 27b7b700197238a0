/**
 * The page a link that does not open the dashboard gets: what is wrong in plain words and how to
 * get a new link, and nothing else. Status codes as for download links: 410 for a link that no
 * longer works (expired, revoked), 403 for one that never opens this page, 400 for a damaged
 * link, 401 for none. No workspace name, no figures, no hint of what the link would have shown.
 */
import type { Response } from 'express';
import type { LinkRefusal } from '../../../core/links/signed-links.js';
import { sendRefusalPage } from '../refusal-page.js';

export type DashboardRefusal = LinkRefusal | 'missing' | 'unavailable' | 'not-found';

const HOW_TO_ASK =
  'To get a new link, type /customer-focus dashboard in Slack, or dashboard in a chat with the bot in Teams. The bot answers only you, with a link that works for a limited time (24 hours unless your admin set LINK_TTL_HOURS).';

const REFUSALS: Record<DashboardRefusal, { readonly status: number; readonly title: string; readonly text: string }> = {
  missing: {
    status: 401,
    title: 'This page needs a dashboard link',
    text: 'The dashboard opens only from the link the bot sends you; this address has no link in it.',
  },
  malformed: {
    status: 400,
    title: 'This link is damaged',
    text: 'This link is incomplete or damaged. Copy the whole link from the message, or ask for a new one.',
  },
  forged: {
    status: 403,
    title: 'This link is not valid',
    text: 'This link was not issued by this bot, or it was changed after it was issued.',
  },
  expired: {
    status: 410,
    title: 'This link has expired',
    text: 'Dashboard links work for a limited time (24 hours unless your admin set LINK_TTL_HOURS), and this one is past it.',
  },
  revoked: {
    status: 410,
    title: 'This link was revoked',
    text: 'Someone in your workspace revoked this link, so it no longer opens anything.',
  },
  'wrong-workspace': {
    status: 403,
    title: 'This link is for another workspace',
    text: 'This link belongs to another workspace and does not open this one. Open it exactly as the bot sent it, or ask for a link in the workspace you want to see.',
  },
  'wrong-purpose': {
    status: 403,
    title: 'This link is not a dashboard link',
    text: 'This link was made for something else (an audit pack download), not for the dashboard.',
  },
  unavailable: {
    status: 503,
    title: 'Dashboard links are not set up',
    text: 'This bot cannot check dashboard links yet: its admin needs to set LINK_SECRET and PUBLIC_URL (see the README, section Dashboard).',
  },
  'not-found': { status: 404, title: 'Nothing here', text: 'This address is not a page of the dashboard.' },
};

export function refusalStatus(reason: DashboardRefusal): number {
  return REFUSALS[reason].status;
}

export function sendRefusal(res: Response, reason: DashboardRefusal): void {
  const refusal = REFUSALS[reason];
  sendRefusalPage(res, {
    ...refusal,
    reason,
    brand: 'Customer focus dashboard',
    ...(reason === 'unavailable' || reason === 'not-found' ? {} : { hint: HOW_TO_ASK }),
  });
}
