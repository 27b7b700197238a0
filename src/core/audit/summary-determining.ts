/**
 * summary.html's answer to the auditor's 5.1.2 questions: how customer requirements are
 * determined, current and future, how obligatory ones are found, and who is responsible.
 */
import { KNOWLEDGE_KINDS, knowledgeKindLabel } from '../domain/knowledge.js';
import { personLabel } from '../domain/person.js';
import { areaLabel } from '../domain/responsibility.js';
import { percent } from '../knowledge/coverage.js';
import type { AuditData } from './audit-data.js';
import { figures, section, table } from './html-parts.js';

/** Ids in number order (REQ-2 before REQ-10), each once. */
const byNumber = (ids: readonly string[]): string[] =>
  [...new Set(ids)].sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));

export function determiningSection(data: AuditData): string {
  const { coverage } = data;
  const kindOrder = (kind: string) => KNOWLEDGE_KINDS.indexOf(kind as (typeof KNOWLEDGE_KINDS)[number]);
  const records = [...data.knowledge].sort(
    (a, b) => kindOrder(a.kind) - kindOrder(b.kind) || b.date.localeCompare(a.date) || a.number - b.number,
  );
  const informedBy = new Map<string, string[]>();
  for (const record of data.knowledge) {
    for (const id of record.requirementIds) informedBy.set(id, [...(informedBy.get(id) ?? []), record.id]);
  }
  const active = data.requirements.filter((r) => r.status !== 'retired');
  const sourcesOf = (id: string, own: readonly string[] | undefined) => byNumber([...(own ?? []), ...(informedBy.get(id) ?? [])]);
  const watcher = data.responsibilities.find((row) => row.area === 'obligatory')?.responsibility;
  const obligatory = active.filter((r) => r.type === 'obligatory');
  const { requirements } = coverage;

  return section(
    'c5-1-2-determine',
    '5.1.2',
    'How we determine customer requirements',
    'Who determines customer requirements for each area, the sources the organisation learned current and future customer needs from (market research, end-user surveys, design briefs, trade press, regulatory watch…), the obligatory requirements and who watches for new ones, and each requirement traced to its sources. csv/customer-knowledge.csv and csv/responsibilities.csv hold the same records.',
    figures([
      [
        'Requirements traced to a source',
        `${requirements.traced} of ${requirements.active} (${percent(requirements.traced, requirements.active)})`,
      ],
      [
        'Requirements about future needs',
        `${requirements.future} of ${requirements.active} (${percent(requirements.future, requirements.active)})`,
      ],
      ['Customer-knowledge records', data.knowledge.length],
      ['Kinds never recorded', coverage.neverRecorded.map(knowledgeKindLabel).join(', ') || 'none'],
      ['Kinds older than their review period', coverage.stale.map((row) => knowledgeKindLabel(row.kind)).join(', ') || 'none'],
      ['Areas with nobody responsible', coverage.unassigned.map(areaLabel).join(', ') || 'none'],
    ]) +
      table(
        'Responsibilities',
        ['Area', 'Responsible', 'Set by', 'Set on'],
        data.responsibilities.map(({ area, responsibility: r }) => [
          areaLabel(area),
          r ? personLabel(r.person) : 'nobody named',
          r ? personLabel(r.setBy) : '',
          r ? r.setAt.slice(0, 10) : '',
        ]),
        'No areas are defined.',
      ) +
      table(
        'Coverage and freshness by kind (at the end of the period)',
        ['Kind', 'Records', 'Latest', 'Date', 'Age (months)', 'Review every (months)', 'State', 'Owner'],
        coverage.kinds.map((row) => [
          knowledgeKindLabel(row.kind),
          row.count,
          row.latest?.id,
          row.latest?.date,
          row.ageMonths,
          row.reviewMonths,
          row.latest ? (row.stale ? 'stale' : 'current') : 'never recorded',
          personLabel(row.responsible),
        ]),
        'No kinds are defined.',
      ) +
      table(
        'Customer-knowledge records by kind',
        ['Kind', 'ID', 'Date', 'Title', 'Link or file', 'Customers', 'Horizon', 'Owner', 'Requirements informed', 'What it found'],
        records.map((k) => [
          knowledgeKindLabel(k.kind),
          k.id,
          k.date,
          k.title,
          k.link ?? k.fileName,
          k.customers,
          k.horizon,
          personLabel(k.owner),
          sourcesOfRequirementsInformed(k.id, k.requirementIds, data.requirements),
          k.summary,
        ]),
        'No customer knowledge was recorded by the end of the period.',
      ) +
      table(
        `Obligatory requirements (watched by ${watcher ? personLabel(watcher.person) : 'nobody named'})`,
        ['ID', 'Statement', 'Law, regulation or standard', 'Status', 'Owner', 'Sources'],
        obligatory.map((r) => [
          r.id,
          r.statement,
          r.reference,
          r.status.replace(/_/g, ' '),
          personLabel(r.owner),
          sourcesOf(r.id, r.knowledgeIds).join(' '),
        ]),
        'No obligatory requirements are in the register.',
      ) +
      table(
        'Requirements traced to their sources',
        ['ID', 'Statement', 'Horizon', 'Customer knowledge', 'Decisions', 'Stated source'],
        active.map((r) => [
          r.id,
          r.statement,
          r.horizon,
          sourcesOf(r.id, r.knowledgeIds).join(' ') || 'none',
          (r.checkRefs ?? []).join(' '),
          [r.source?.text, r.source?.link].filter(Boolean).join(' '),
        ]),
        'No requirements were recorded by the end of the period.',
      ),
  );
}

/** The requirements a record informed, both ways round: named by the record or naming it. */
function sourcesOfRequirementsInformed(knowledgeId: string, named: readonly string[], requirements: AuditData['requirements']): string {
  const naming = requirements.filter((r) => r.knowledgeIds?.includes(knowledgeId)).map((r) => r.id);
  return byNumber([...named, ...naming]).join(' ');
}
