import { KNOWLEDGE_KINDS } from '../domain/knowledge.js';

/**
 * Usage texts, written once for both platforms. `{requirement}`, `{feedback}`, `{knowledge}`,
 * `{check}` and `{focus}` stand for the command as the platform spells it (Slack `/requirement`, Teams
 * `requirement`); adapters call {@link spellCommands} before showing any core text.
 */
export const USAGE = {
  requirement: [
    '*Customer requirements*',
    '• `{requirement} add <statement> customer:"Acme AS" type:stated|implied|obligatory category:product|price|delivery|communication|service|support|other owner:@someone review:90d` (with no text: opens a form)',
    '  also `ref:"EU 2019/882"` for obligatory ones, `source:"contract §4"`, `link:https://…`, `horizon:current|future`',
    '• `{requirement} list [open|met|at_risk|not_met|retired] [type:…] [category:…] [owner:@someone] [customer:…] [due] [page:2]`',
    '• `{requirement} show REQ-1`',
    '• `{requirement} edit REQ-1 owner:@someone category:service "new statement"`',
    '• `{requirement} review REQ-1 still_valid|met|at_risk|not_met|retire [note]` (with no outcome: opens a form)',
    '• `{requirement} reassign REQ-1 @new-owner` or `{requirement} reassign @old-owner @new-owner`',
    '• `{requirement} retire REQ-1 [reason]` (managers)',
  ].join('\n'),
  feedback: [
    '*Customer feedback* — what a customer actually said',
    '• `{feedback} <quote or summary> customer:"Acme AS" sentiment:positive|neutral|negative kind:complaint|compliment|survey|review|other link:https://… req:REQ-1,REQ-4` (with no text: opens a form)',
  ].join('\n'),
  knowledge: [
    '*Customer knowledge* — the sources you learn customer needs from (research, surveys, design briefs, regulatory watch…)',
    '• `{knowledge} add "Q3 end-user survey" kind:end-user-survey link:https://… date:2026-09-30 for:"small shops" horizon:current|future req:REQ-4,REQ-9 owner:@someone summary:"what it found"` (with no text: opens a form)',
    `  kinds: ${KNOWLEDGE_KINDS.join(', ')}; \`file:"report.pdf"\` instead of a link for a file kept elsewhere`,
    '• `{knowledge} list [kind]` and `{knowledge} show K-3` (with the requirements it informed)',
    '• A requirement names its sources with `source:K-3` (customer knowledge) or `source:D-12` (a decision check): `{requirement} edit REQ-4 source:K-3,D-12`',
    '• `{knowledge} review-every market-research 6m` (admins) — after how long a kind counts as stale (default 12 months)',
  ].join('\n'),
  check: ['*Decision checks*', '• `{check} <the decision>` asks "How does this decision affect customers?" about it'].join('\n'),
  focus: [
    '*Customer focus*',
    "• `{focus}status` — this week's figures",
    '• `{focus}dashboard` — a private link to the read-only dashboard, valid for 24 hours',
    '• `{focus}settings [timezone:Europe/Oslo] [digest:"mon 09:00"] [cap:5] [quiet:"18:00-08:00"] [retention:365d|keep]` (admins): time zone, digest time, most unasked prompts per channel and day, quiet hours, how long decision-message text is kept in the evidence',
    '• `{focus}digest here|preview|send` — where the weekly digest goes, a preview, or send it now (admins)',
    '• `{focus}role @person member|manager|admin|auditor` (admins) and `{focus}roles`',
    '• `{focus}responsible category:delivery @dana` (also `obligatory`, `future`) — who determines customer requirements there (admins); `… none` leaves it with nobody; `{focus}responsible` lists them',
    '• `{focus}detection auto|mention-only|off|snooze` — decision detection in this channel; snooze pauses it for a week (admins)',
    '• `{focus}verify [full]` — checks the evidence log against its seals; `full` re-checks every entry',
    '• `{focus}export <period>` (managers, auditors) — a private download link to the audit pack, e.g. `2026-Q1`, `last-quarter`, `2026-01-01..2026-03-31`; `{focus}revoke-link <id>` stops a link',
  ].join('\n'),
} as const;

/** Where the person reads the text: Slack, Teams, or the `customer-focus` command line. */
export type CommandStyle = 'slack' | 'teams' | 'cli';

const SPELLING: Record<CommandStyle, Record<string, string>> = {
  slack: {
    requirement: '/requirement',
    feedback: '/customer-feedback',
    knowledge: '/customer-knowledge',
    check: '/customer-check',
    focus: '/customer-focus ',
  },
  teams: { requirement: 'requirement', feedback: 'feedback', knowledge: 'knowledge', check: 'check', focus: '' },
  // The command line has `requirements list|add|import`, `knowledge list|import` and the audit commands, not feedback or checks.
  cli: {
    requirement: 'customer-focus requirements',
    feedback: 'feedback (in chat)',
    knowledge: 'customer-focus knowledge',
    check: 'check (in chat)',
    focus: 'customer-focus ',
  },
};

/** Replaces the command placeholders in a core text with the platform's spelling. */
export function spellCommands(text: string, style: CommandStyle): string {
  // The command line lists, adds and imports; everything else about a requirement is done in chat,
  // so those hints keep the chat spelling rather than name a command line that does not exist.
  const cliText = style === 'cli' ? text.replace(/\{requirement\} (?!list|add|import)/g, `${SPELLING.slack.requirement} `) : text;
  return cliText.replace(/\{(requirement|feedback|knowledge|check|focus)\}/g, (_, name: string) => SPELLING[style][name] ?? name);
}

/** Every usage text together, for `help`. */
export const FULL_HELP = [USAGE.requirement, USAGE.feedback, USAGE.knowledge, USAGE.check, USAGE.focus].join('\n\n');
