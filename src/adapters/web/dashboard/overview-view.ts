/** The dashboard's first page: headline figures, charts, prompt noise, and the evidence log's state. */
import { PERIOD_EXAMPLES } from '../../../core/audit/period.js';
import { AUDIT_PACK_DEFAULT_PERIOD } from '../../../core/dashboard/audit-pack.js';
import type { DashboardFigures } from '../../../core/dashboard/figures.js';
import { REVIEW_SOON_DAYS } from '../../../core/dashboard/figures.js';
import type { VerificationStatus } from '../../../core/dashboard/verification.js';
import { IMPACTS } from '../../../core/domain/decision-check.js';
import { SENTIMENTS } from '../../../core/domain/feedback.js';
import { knowledgeKindLabel } from '../../../core/domain/knowledge.js';
import { areaLabel } from '../../../core/domain/responsibility.js';
import { REQUIREMENT_CATEGORIES, REQUIREMENT_STATUSES, REQUIREMENT_TYPES } from '../../../core/domain/requirement.js';
import { IMPACT_LABELS } from '../../../core/forms/catalogue.js';
import { count, plural, words, zoneMinute } from '../format.js';
import { type SafeHtml, html } from '../html.js';
import { COLOURS, type ChartSpec, chartFigure } from './charts.js';
import type { DashboardLink } from './links.js';

interface Card {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly detail: string;
  /** Draws the eye when something needs attention (overdue, failed). */
  readonly alert?: boolean;
}

function card(item: Card): SafeHtml {
  return html`<li class="card${item.alert ? ' card-alert' : ''}" data-figure="${item.id}"><span class="card-label">${item.label}</span><span class="card-value">${count(item.value)}</span><span class="card-detail">${item.detail}</span></li>`;
}

function cards(figures: DashboardFigures, verification: VerificationStatus | undefined): SafeHtml {
  const week = figures.trend.at(-1);
  const items: Card[] = [
    {
      id: 'checks-this-week',
      label: 'Decision checks this week',
      value: week?.started ?? 0,
      detail: `${count(week?.answered ?? 0)} answered, ${count(week?.awaiting ?? 0)} waiting`,
    },
    {
      id: 'actions-open',
      label: 'Open follow-up actions',
      value: figures.actions.open,
      detail: `${count(figures.actions.overdue)} overdue, ${count(figures.actions.dueSoon)} due within 7 days`,
      alert: figures.actions.overdue > 0,
    },
    {
      id: 'requirements-active',
      label: 'Requirements in the register',
      value: figures.requirements.active,
      detail: `${count(figures.requirements.retired)} retired`,
    },
    {
      id: 'reviews-overdue',
      label: 'Requirement reviews overdue',
      value: figures.reviews.overdue,
      detail: `${count(figures.reviews.dueSoon)} more due within ${REVIEW_SOON_DAYS} days`,
      alert: figures.reviews.overdue > 0,
    },
    {
      id: 'feedback-12-weeks',
      label: 'Customer feedback, 12 weeks',
      value: figures.feedback.total,
      detail: `${count(figures.feedback.bySentiment.negative)} negative, ${count(figures.feedback.bySentiment.positive)} positive`,
      alert: figures.feedback.bySentiment.negative > 0,
    },
    ...(verification
      ? [
          {
            id: 'evidence-entries',
            label: 'Evidence entries',
            value: verification.lastSeq,
            detail: verification.state === 'verified' ? 'log verified' : 'verification FAILED',
            alert: verification.state === 'failed',
          },
        ]
      : []),
  ];
  return html`<ul class="cards" aria-label="Headline figures">${items.map(card)}</ul>`;
}

function charts(figures: DashboardFigures): SafeHtml {
  const weekLabels = figures.trend.map((week) => `${week.week.slice(5)} (${week.from.slice(5)})`);
  const specs: ChartSpec[] = [
    {
      id: 'chart-checks-trend',
      title: 'Decision checks per week, last 12 weeks',
      labelHeading: 'Week (Monday)',
      type: 'bar',
      labels: weekLabels,
      series: [
        { label: 'Started', values: figures.trend.map((week) => week.started), colour: COLOURS.sky },
        { label: 'Answered', values: figures.trend.map((week) => week.answered), colour: COLOURS.blue },
        { label: 'Not a decision', values: figures.trend.map((week) => week.dismissed), colour: COLOURS.grey },
      ],
      empty: 'No decision checks in the last 12 weeks yet.',
    },
    {
      id: 'chart-impact-mix',
      title: 'Customer impact of decisions, last 12 weeks',
      labelHeading: 'Impact',
      type: 'doughnut',
      labels: IMPACTS.map((impact) => IMPACT_LABELS[impact]),
      series: [
        {
          label: 'Answers',
          values: IMPACTS.map((impact) => figures.impactMix[impact]),
          colour: [COLOURS.green, COLOURS.vermillion, COLOURS.grey, COLOURS.orange],
        },
      ],
      empty: 'No answers in the last 12 weeks yet.',
    },
    {
      id: 'chart-requirements-type',
      title: 'Requirements by type',
      labelHeading: 'Type',
      type: 'bar',
      labels: REQUIREMENT_TYPES.map(words),
      series: [{ label: 'Requirements', values: REQUIREMENT_TYPES.map((type) => figures.requirements.byType[type]), colour: COLOURS.blue }],
      empty: 'The register is empty.',
    },
    {
      id: 'chart-requirements-category',
      title: 'Requirements by category',
      labelHeading: 'Category',
      type: 'bar',
      labels: REQUIREMENT_CATEGORIES.map(words),
      series: [
        {
          label: 'Requirements',
          values: REQUIREMENT_CATEGORIES.map((category) => figures.requirements.byCategory[category]),
          colour: COLOURS.blue,
        },
      ],
      empty: 'The register is empty.',
    },
    {
      id: 'chart-requirements-status',
      title: 'Requirements by status (retired included)',
      labelHeading: 'Status',
      type: 'bar',
      labels: REQUIREMENT_STATUSES.map(words),
      series: [
        {
          label: 'Requirements',
          values: REQUIREMENT_STATUSES.map((status) => figures.requirements.byStatus[status]),
          colour: [COLOURS.sky, COLOURS.green, COLOURS.orange, COLOURS.vermillion, COLOURS.grey],
        },
      ],
      empty: 'The register is empty.',
    },
    {
      id: 'chart-feedback-sentiment',
      title: 'Customer feedback by sentiment, last 12 weeks',
      labelHeading: 'Sentiment',
      type: 'doughnut',
      labels: SENTIMENTS.map(words),
      series: [
        {
          label: 'Feedback',
          values: SENTIMENTS.map((sentiment) => figures.feedback.bySentiment[sentiment]),
          colour: [COLOURS.green, COLOURS.grey, COLOURS.vermillion],
        },
      ],
      empty: 'No customer feedback in the last 12 weeks yet.',
    },
    {
      id: 'chart-affected-customers',
      title: 'Most affected customers, last 12 weeks',
      labelHeading: 'Customer',
      type: 'bar',
      horizontal: true,
      labels: figures.affectedCustomers.map((customer) => customer.name),
      series: [
        { label: 'Answers naming them', values: figures.affectedCustomers.map((customer) => customer.answers), colour: COLOURS.blue },
        { label: 'Of those, negative', values: figures.affectedCustomers.map((customer) => customer.negative), colour: COLOURS.vermillion },
      ],
      empty: 'No answer has named an affected customer in the last 12 weeks.',
    },
  ];
  return html`<section aria-labelledby="charts-title"><h2 id="charts-title">Figures</h2><div class="charts">${specs.map(chartFigure)}</div></section>`;
}

function noise(figures: DashboardFigures): SafeHtml {
  return html`<section aria-labelledby="noise-title" class="panel">
<h2 id="noise-title">Unasked prompts per channel, last 30 days</h2>
<p class="hint">How the bot's own questions were received: many ignored or "not a decision" answers mean the channel finds it noisy.</p>
${
  figures.noise.length === 0
    ? html`<p>No unasked prompts yet.</p>`
    : html`<table class="data" data-table="noise"><caption class="visually-hidden">Unasked prompts per channel</caption>
<thead><tr><th scope="col">Channel</th><th scope="col">Sent</th><th scope="col">Answered</th><th scope="col">Not a decision</th><th scope="col">Ignored a day</th></tr></thead>
<tbody>${figures.noise.map((channel) => html`<tr><th scope="row">${channel.channelId}</th><td>${count(channel.sent)}</td><td>${count(channel.answered)}</td><td>${count(channel.dismissed)}</td><td>${count(channel.ignored)}</td></tr>`)}</tbody></table>`
}
</section>`;
}

export function verificationPanel(status: VerificationStatus | undefined): SafeHtml {
  if (!status) return html``;
  const seal = status.latestSeal;
  return html`<section aria-labelledby="verification-title" class="panel verification verification-${status.state}" data-verification="${status.state}">
<h2 id="verification-title">Evidence log: ${status.state === 'verified' ? 'verified' : 'verification FAILED'}</h2>
<p>${status.verdict}</p>
<dl class="facts">
<dt>Entries numbered</dt><dd>${count(status.lastSeq)}</dd>
<dt>Latest seal</dt><dd>${seal ? html`#${seal.number}, covers entries up to ${count(seal.toSeq)}, made ${zoneMinute(seal.at, status.timeZone)}, hash <code>${seal.hash.slice(0, 16)}</code>…` : 'none yet (seals are made hourly)'}</dd>
<dt>Not yet sealed</dt><dd>${plural(status.report.unsealed, 'entry', 'entries')}, each checked against its own hash</dd>
</dl>
${status.report.failure ? html`<p class="alert">Tell your quality manager: the log is not changed by checking it, and a full check in chat ("/customer-focus verify full") names what changed.</p>` : ''}
</section>`;
}

/** How requirements are determined (ISO 9001 5.1.2): responsibilities, sources by kind and their age, traceability. */
function determining(figures: DashboardFigures, link: DashboardLink): SafeHtml {
  const { kinds, requirements, responsibilities } = figures.knowledge;
  const share = (part: number) => (requirements.active ? `${Math.round((part / requirements.active) * 100)}%` : '—');
  return html`<section aria-labelledby="determining-title" class="panel" data-panel="determining">
<h2 id="determining-title">How we determine customer requirements (5.1.2)</h2>
<p>${count(requirements.traced)} of ${plural(requirements.active, 'requirement', 'requirements')} traced to a source (${share(requirements.traced)}); ${count(requirements.future)} about future needs (${share(requirements.future)}).</p>
<table class="data" data-table="knowledge-kinds"><caption>Customer knowledge by kind</caption>
<thead><tr><th scope="col">Kind</th><th scope="col">Latest</th><th scope="col">Date</th><th scope="col">Age</th><th scope="col">State</th><th scope="col">Owner</th><th scope="col">Requirements informed</th></tr></thead>
<tbody>${kinds.map(
    (row) =>
      html`<tr><th scope="row">${knowledgeKindLabel(row.kind)}</th><td>${row.latest ? html`<a href="${link.view('knowledge', { q: row.latest.id })}" title="${row.latest.title}">${row.latest.id}</a>` : ''}</td><td>${row.latest?.date ?? ''}</td><td>${row.ageMonths === undefined ? '' : plural(row.ageMonths, 'month', 'months')}</td><td>${row.latest ? (row.stale ? html`<span class="overdue">stale (review every ${plural(row.reviewMonths, 'month', 'months')})</span>` : 'current') : html`<span class="hint">never recorded</span>`}</td><td>${row.responsible?.name ?? row.responsible?.id ?? ''}</td><td>${(row.latest?.requirementIds ?? []).map((id, index) => html`${index ? ', ' : ''}<a href="${link.view('requirements', { q: id, status: 'all' })}">${id}</a>`)}</td></tr>`,
  )}</tbody></table>
<table class="data" data-table="responsibilities"><caption>Who determines customer requirements</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Responsible</th><th scope="col">Set</th></tr></thead>
<tbody>${responsibilities.map(
    (row) =>
      html`<tr><th scope="row">${areaLabel(row.area)}</th><td>${row.responsibility ? (row.responsibility.person.name ?? row.responsibility.person.id) : html`<span class="overdue">nobody named</span>`}</td><td>${row.responsibility ? row.responsibility.setAt.slice(0, 10) : ''}</td></tr>`,
  )}</tbody></table>
</section>`;
}

/** What the auditor typed in the audit-pack form, and why it was refused (shown next to the field). */
export interface AuditPackEntry {
  readonly period: string;
  readonly error: string;
}

function auditPack(link: DashboardLink, entry: AuditPackEntry | undefined): SafeHtml {
  const described = entry ? 'audit-period-error audit-period-hint' : 'audit-period-hint';
  return html`<section aria-labelledby="audit-title" class="panel" data-audit-pack>
<h2 id="audit-title">Audit pack</h2>
<p>A zip with the register, decision checks, feedback, the evidence log with its seals, a summary by ISO 9001 clause and how to verify it yourself. The download link is made when you ask for it and is recorded as evidence.</p>
<form method="get" action="${link.auditPackPath()}" class="inline-form">
<input type="hidden" name="t" value="${link.token}">
<label for="audit-period">Period</label>
<input id="audit-period" name="period" value="${entry ? entry.period : AUDIT_PACK_DEFAULT_PERIOD}" aria-describedby="${described}"${entry ? html` aria-invalid="true" autofocus` : ''} maxlength="40">
<button type="submit">Download the audit pack</button>
${entry ? html`<p id="audit-period-error" class="field-error" role="alert">${entry.error}</p>` : ''}
<p id="audit-period-hint" class="hint">For example ${PERIOD_EXAMPLES}.</p>
</form>
</section>`;
}

export function overviewView(
  figures: DashboardFigures,
  verification: VerificationStatus | undefined,
  link: DashboardLink,
  showAuditPack: boolean,
  auditPackEntry?: AuditPackEntry,
): SafeHtml {
  return html`<h1 class="page-title">Overview</h1>
<p class="hint">Weeks run Monday to Sunday in ${figures.workspace.timeZone}; the trend covers ${figures.period.from} to ${figures.period.to}.</p>
${cards(figures, verification)}
${charts(figures)}
${noise(figures)}
${determining(figures, link)}
${verificationPanel(verification)}
${showAuditPack ? auditPack(link, auditPackEntry) : ''}`;
}
