/**
 * `summary.html`: the pack read as a person reads it, organised by the ISO 9001:2015 clauses the
 * evidence serves. One self-contained file (no scripts, no external resources); every value from
 * the store is escaped, so text people typed can never become markup.
 */
import { localMinute, zoneMinute } from '../domain/dates.js';
import { currentAnswers, type DecisionCheck, type ImpactAnswer } from '../domain/decision-check.js';
import type { EvidenceEntry } from '../domain/evidence.js';
import { personLabel } from '../domain/person.js';
import { plural } from '../wording.js';
import type { AuditData } from './audit-data.js';
import { type Cell, type Markup, type Row, cellHtml, escapeHtml, figures, section, short, table } from './html-parts.js';
import { determiningSection } from './summary-determining.js';
import { DIGEST_TYPES, SETTINGS_TRAIL_TYPES } from './pack-tables.js';
import { actorNames, entryTypeWords, readableFacts } from './readable-facts.js';
import { sealLabel } from './seal.js';
import { verdictSentence } from './verify-view.js';

/** An entry's facts as "field: value" lines. */
function detailsCell(entry: EvidenceEntry, timeZone: string): Markup {
  return {
    html: readableFacts(entry.data, timeZone)
      .map((fact) => `<span class="fact">${escapeHtml(fact.label)}: ${escapeHtml(fact.value)}</span>`)
      .join('<br>'),
  };
}

/** A link to a row of another table in this file. */
const rowLink = (anchor: string, text: string): Markup => ({ html: `<a href="#${escapeHtml(anchor)}">${escapeHtml(text)}</a>` });
const anchorOf = (kind: 'req' | 'check', id: string): string => `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const excerpt = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${n} ${name.replace(/_/g, ' ')}`).join(', ') || 'none';
}

function impactSummary(answers: readonly ImpactAnswer[]): string {
  const current = currentAnswers(answers);
  return current.length === 0 ? 'no answer' : countBy(current, (a) => a.impact);
}

export function renderSummaryHtml(data: AuditData, fileList: readonly string[]): string {
  const { workspace, period } = data;
  const timeZone = workspace.settings.timeZone;
  // Dates and times as people of the workspace read them, in its zone (named in the headings).
  const day = (iso: string | undefined): string => (iso ? localMinute(iso, timeZone).slice(0, 10) : '');
  const when = (iso: string): string => localMinute(iso, timeZone);
  const whenHeader = short(`When (${timeZone})`);
  const who = actorNames(data.entries);
  const checksById = new Map(data.checks.map((check) => [check.id, check]));
  const requirementIds = new Set(data.requirements.map((requirement) => requirement.id));
  const requirementCell = (id: string): Cell => (requirementIds.has(id) ? rowLink(anchorOf('req', id), id) : id);
  const checkCell = (id: string): Cell => {
    const check = checksById.get(id);
    return check ? rowLink(anchorOf('check', id), excerpt(check.text, 80)) : `a decision outside this period (${id})`;
  };
  const answersByCheck = new Map<string, ImpactAnswer[]>();
  for (const answer of data.answers) answersByCheck.set(answer.checkId, [...(answersByCheck.get(answer.checkId) ?? []), answer]);
  const actionsByCheck = new Map<string, number>();
  for (const action of data.actions) actionsByCheck.set(action.checkId, (actionsByCheck.get(action.checkId) ?? 0) + 1);
  const seal = data.verification.latestSeal;
  const digests = data.entries.filter((entry) => DIGEST_TYPES.has(entry.type));
  const trail = data.entries.filter((entry) => SETTINGS_TRAIL_TYPES.has(entry.type));
  const openActions = data.actions.filter((action) => action.status === 'open');

  const integrity = `<section id="integrity"><h2>Integrity of this evidence</h2>
<p class="${data.verification.failure ? 'bad' : 'good'}">${escapeHtml(verdictSentence(data.verification, timeZone))}</p>
<p>${escapeHtml(seal ? `Latest seal: ${sealLabel(seal)} (full hash ${seal.hash}), made ${zoneMinute(seal.at, timeZone)}. The weekly digest posted in chat after that time shows the same seal: compare them.` : 'The log had no seal yet when this pack was made; its entries are protected by their own hashes.')}</p>
<p>${escapeHtml(`This pack holds ${plural(data.entries.length, 'evidence entry', 'evidence entries')} and ${plural(data.seals.length, 'seal')} for the period. VERIFY.md says how to check every file and every hash with sha256sum and the included verify-pack.mjs.`)}</p></section>`;

  const customerFocus = section(
    'c5-1-2',
    '5.1.2',
    'Customer focus',
    'Customer requirements are determined (the register), the customer impact of decisions is asked and answered in the channels where decisions are made, and negative or uncertain impacts get a follow-up action or an explicitly accepted risk.',
    figures([
      ['Requirements in the register', data.requirements.length],
      ['By status', countBy(data.requirements, (r) => r.status)],
      ['Decision checks in the period', data.checks.length],
      ['Checks by status', countBy(data.checks, (c) => c.status)],
      ['Current answers by impact', countBy(currentAnswers(data.answers), (a) => a.impact)],
      ['Follow-up actions', countBy(data.actions, (a) => a.status)],
      ['Customer feedback received', data.feedback.length],
      ['Evidence entries in the period', data.entries.length],
    ]),
  );

  const determining = determiningSection(data);

  const requirements = section(
    'c8-2-2',
    '8.2.2',
    'Determining the requirements for products and services',
    'The customer requirements register as it stood at the end of the period (stated, implied and obligatory requirements, with their source), and the reviews made during the period.',
    table(
      'Requirements',
      [short('ID'), 'Statement', 'Customer', short('Type'), 'Reference', short('Category'), short('Status'), 'Owner', short('Next review')],
      data.requirements.map((r) => ({
        id: anchorOf('req', r.id),
        cells: [
          r.id,
          r.statement,
          r.customer,
          r.type,
          r.reference,
          r.category,
          r.status.replace(/_/g, ' '),
          personLabel(r.owner),
          r.nextReviewOn,
        ],
      })),
      'No requirements were recorded by the end of the period.',
    ) +
      table(
        'Reviews in the period',
        [short('Date'), short('Requirement'), short('Outcome'), 'Note', 'By'],
        data.reviews.map((r) => [day(r.at), requirementCell(r.requirementId), r.outcome.replace(/_/g, ' '), r.note, personLabel(r.by)]),
        'No requirement was reviewed in the period.',
      ),
  );

  const checkRow = (c: DecisionCheck): Row => ({
    id: anchorOf('check', c.id),
    cells: [
      day(c.startedAt),
      c.text,
      personLabel(c.decidedBy ?? c.startedBy),
      c.place.channelName ?? c.place.channelId,
      c.origin,
      c.status,
      impactSummary(answersByCheck.get(c.id) ?? []),
      actionsByCheck.get(c.id) ?? 0,
    ],
  });
  const changes = section(
    'c8-5-6',
    '8.5.6',
    'Control of changes',
    'Each decision check records a change announced in a channel: who decided, the decision as it was written, its customer impact as the team answered it, and the follow-up actions.',
    table(
      'Decision checks',
      [
        short('Date'),
        'Decision',
        'Decided by',
        'Channel',
        short('How it started'),
        short('Status'),
        'Customer impact',
        short('Follow-up actions'),
      ],
      data.checks.map(checkRow),
      'No decision check was started in the period.',
    ) +
      table(
        'Follow-up actions',
        ['Decision', 'Action', 'Owner', short('Due'), short('Status'), 'Accepted risk reason', short('Closed')],
        data.actions.map((a) => [
          checkCell(a.checkId),
          a.description,
          personLabel(a.owner),
          a.dueOn,
          a.status.replace(/_/g, ' '),
          a.acceptedReason,
          day(a.closedAt),
        ]),
        'No follow-up action was needed in the period.',
      ),
  );

  const satisfaction = section(
    'c9-1-2',
    '9.1.2',
    'Customer satisfaction',
    "What customers actually said in the period (complaints, compliments, surveys, reviews). The team's own impact answers are not customers' perception and are reported under 8.5.6.",
    figures([
      ['By sentiment', countBy(data.feedback, (f) => f.sentiment)],
      ['By kind', countBy(data.feedback, (f) => f.kind)],
    ]) +
      table(
        'Customer feedback',
        [short('Received'), 'Customer', short('Kind'), short('Sentiment'), 'What they said', 'Requirements', 'Recorded by'],
        data.feedback.map((f) => [
          day(f.receivedAt),
          f.customer,
          f.kind,
          f.sentiment,
          f.summary,
          { html: f.requirementIds.map((id) => cellHtml(requirementCell(id))).join(', ') },
          personLabel(f.recordedBy),
        ]),
        'No customer feedback was recorded in the period.',
      ),
  );

  const review = section(
    'c9-3-2',
    '9.3.2',
    'Management review inputs',
    'The weekly digest brings customer satisfaction, feedback and the status of actions to top management; each digest sent, and each confirmation that it was reviewed, is evidence.',
    table(
      'Digests sent and reviewed',
      [whenHeader, short('Event'), 'By', 'Details'],
      digests.map((e) => [when(e.at), e.type === 'digest.sent' ? 'sent' : 'reviewed', who(e), detailsCell(e, timeZone)]),
      'No digest was sent or reviewed in the period.',
    ) +
      table(
        'Follow-up actions still open',
        ['Action', 'Decision', 'Owner', short('Due')],
        openActions.map((a) => [a.description, checkCell(a.checkId), personLabel(a.owner), a.dueOn]),
        'No follow-up action from the period is still open.',
      ),
  );

  const settings = section(
    'trail',
    '—',
    'Audit trail of settings, roles and access',
    'Every change of settings or roles, every download link issued or revoked, every export and every redaction in the period, as recorded in the evidence log.',
    table(
      'Changes',
      [whenHeader, 'What', 'By', 'Subject', 'Details'],
      trail.map((e) => [when(e.at), entryTypeWords(e.type), who(e), `${e.subject.kind} ${e.subject.id}`, detailsCell(e, timeZone)]),
      'No settings, roles or access changed in the period.',
    ),
  );

  const files = `<section id="files"><h2>Files in this pack</h2><ul>${fileList.map((f) => `<li><code>${escapeHtml(f)}</code></li>`).join('')}</ul></section>`;

  const title = `Customer focus evidence — ${workspace.name} — ${period.from} to ${period.to}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #ccc}.clause{color:#555;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word;hyphens:manual}th{background:#f2f2f2}
th,td.short{white-space:nowrap}.scroll{overflow-x:auto}.fact{display:inline-block}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.5rem}.figures div{border:1px solid #ddd;padding:.5rem}
dt{font-size:.8rem;color:#555}dd{margin:0;font-weight:600}.good{color:#0a5d1a}.bad{color:#9b1c1c;font-weight:700}.empty{color:#555;font-style:italic}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`Workspace ${workspace.id}. Period ${period.from} to ${period.to} (both days included, ${workspace.settings.timeZone}). Generated ${zoneMinute(data.generatedAt, timeZone)} by ${data.generatedBy}.`)}</p>
<nav><ul><li><a href="#integrity">Integrity</a></li><li><a href="#c5-1-2">5.1.2 Customer focus</a></li><li><a href="#c5-1-2-determine">5.1.2 How we determine customer requirements</a></li><li><a href="#c8-2-2">8.2.2 Requirements</a></li><li><a href="#c8-5-6">8.5.6 Control of changes</a></li><li><a href="#c9-1-2">9.1.2 Customer satisfaction</a></li><li><a href="#c9-3-2">9.3.2 Management review</a></li><li><a href="#trail">Settings and roles</a></li></ul></nav>
${integrity}
${customerFocus}
${determining}
${requirements}
${changes}
${satisfaction}
${review}
${settings}
${files}
</body></html>
`;
}

export { escapeHtml };
