/**
 * The measured week, recorded through the real use cases on top of the seeded history: 30
 * requirements added, 30 changed and 20 reviewed (some of them seeded ones), 120 decision checks
 * (most answered; negative and unknown answers with follow-up actions; some dismissed, some left
 * unanswered) and 40 pieces of customer feedback, spread over Monday to Monday.
 */
import type { Actor } from '../../../src/core/domain/shared.js';
import type { Result } from '../../../src/core/errors.js';
import type { BenchCore } from './bench-core.js';
import { DIGEST_AT, TIME_ZONE, WEEK_START, WORKSPACE } from './plan.js';

export const ADMIN: Actor = { id: 'U0ADMIN', workspaceId: WORKSPACE, platformAdmin: true };
export const MANAGER: Actor = { id: 'U0MGR', workspaceId: WORKSPACE };

export const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok) throw result.error;
  return result.value;
};

const CATEGORIES = ['product', 'price', 'delivery', 'communication', 'service', 'support'];
const TYPES = ['stated', 'implied', 'obligatory'];

const requirementFields = (i: number) => ({
  statement: `Requirement ${i}: orders confirmed within ${i % 48} hours`,
  customer: `Customer ${i % 40}`,
  type: TYPES[i % 3],
  category: CATEGORIES[i % 6],
  owner: `<@U${(i % 30).toString().padStart(6, '0')}|Owner ${i % 30}>`,
  review: `${30 + (i % 300)}d`,
});

/** Seeded requirements that are not retired, spread over the register: the week changes some of those. */
async function liveRequirements(bench: BenchCore, count: number, registerSize: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; ids.length < count && n <= registerSize; n += 97) {
    const requirement = await bench.core.deps.requirements.get(WORKSPACE, `REQ-${n}`);
    if (requirement && requirement.status !== 'retired') ids.push(requirement.id);
  }
  return ids;
}

export async function recordWeek(bench: BenchCore, registerSize: number): Promise<void> {
  const { core, setNow } = bench;
  const at = (i: number, of: number) => setNow(WEEK_START + Math.floor(((DIGEST_AT - WEEK_START - 60_000) * i) / of));
  at(0, 1);
  unwrap(await core.changeSettings(ADMIN, { timezone: TIME_ZONE, digest: 'mon 09:00' }));
  unwrap(await core.setRole(ADMIN, `<@${MANAGER.id}|Mia>`, 'manager'));
  const seeded = await liveRequirements(bench, 50, registerSize);
  for (let i = 0; i < 30; i++) {
    at(i, 30);
    unwrap(await core.addRequirement(ADMIN, requirementFields(registerSize + i)));
    unwrap(await core.editRequirement(ADMIN, seeded[i] ?? `REQ-${registerSize + 1 + i}`, { category: CATEGORIES[(i + 1) % 6] }));
  }
  for (let i = 0; i < 20; i++) {
    at(i, 20);
    unwrap(await core.reviewRequirement(ADMIN, seeded[30 + i] ?? `REQ-${registerSize + 1 + i}`, i % 5 === 0 ? 'at_risk' : 'still_valid'));
  }
  for (let i = 0; i < 120; i++) {
    at(i, 120);
    const person: Actor = { id: `U${(i % 30).toString().padStart(6, '0')}`, workspaceId: WORKSPACE };
    const check = unwrap(
      await core.startCheck(person, {
        text: `Decision ${i}: we change the delivery terms for region ${i % 9}`,
        place: { platform: 'slack', channelId: `C${i % 6}`, permalink: `https://bench.slack.com/archives/C${i % 6}/p${i}` },
        origin: i % 3 === 0 ? 'detected' : 'command',
      }),
    );
    if (i % 10 === 9) continue; // left unanswered
    if (i % 10 === 8) {
      unwrap(await core.dismissCheck(person, check.id));
      continue;
    }
    const impact = i % 7 === 0 ? 'negative' : i % 11 === 0 ? 'unknown' : 'positive';
    const followUp =
      impact === 'positive'
        ? {}
        : {
            followUp: {
              kind: 'action' as const,
              description: `Follow up decision ${i}`,
              owner: `<@${person.id}|Owner>`,
              dueOn: '2026-11-27',
            },
          };
    unwrap(
      await core.answerCheck(person, check.id, {
        impact,
        ...(impact === 'negative' ? { explanation: 'Some customers lose a delivery day' } : {}),
        ...followUp,
      }),
    );
  }
  for (let i = 0; i < 40; i++) {
    at(i, 40);
    unwrap(
      await core.recordFeedback(ADMIN, {
        summary: `Feedback ${i}: delivery was ${i % 3 === 0 ? 'late' : 'fine'}`,
        fields: { customer: `Customer ${i % 40}`, sentiment: ['negative', 'neutral', 'positive'][i % 3] ?? 'neutral', kind: 'survey' },
      }),
    );
  }
}
