/** `VERIFY.md`: how an auditor checks a pack without trusting the bot or the people who ran it. */
import type { AuditData } from './audit-data.js';
import { zoneMinute } from '../domain/dates.js';
import { sealLabel } from './seal.js';
import { VERIFIER_FILE } from './verifier-script.js';

export function verifyInstructions(data: AuditData): string {
  const seal = data.verification.latestSeal;
  const sealLine = seal
    ? `When this pack was made, the latest seal was **${sealLabel(seal)}** (full hash \`${seal.hash}\`), made ${zoneMinute(seal.at, data.workspace.settings.timeZone)}.`
    : 'When this pack was made, the log had no seal yet.';
  return `# How to verify this audit pack

Workspace \`${data.workspace.id}\`, period ${data.period.from} to ${data.period.to} (both days included,
${data.workspace.settings.timeZone}), generated ${zoneMinute(data.generatedAt, data.workspace.settings.timeZone)}.

Three independent checks. None needs the bot, a network connection or anything installed beyond
Node.js for the second.

## 1. No file was changed since the pack was made

Every file's SHA-256 is listed in \`manifest.json\` and, in the format \`sha256sum\` reads, in
\`SHA256SUMS\`. In the pack's folder:

\`\`\`sh
sha256sum -c SHA256SUMS            # Linux
shasum -a 256 -c SHA256SUMS        # macOS
\`\`\`

On Windows (PowerShell): \`Get-FileHash -Algorithm SHA256 <file>\` for each file, compared with
\`SHA256SUMS\`. Every line must say \`OK\`.

## 2. The evidence entries and seals are intact

\`\`\`sh
node ${VERIFIER_FILE}
\`\`\`

\`${VERIFIER_FILE}\` is a short script with no dependencies (Node.js 18 or newer); read it before
running it. It checks each file against \`manifest.json\`, then recomputes:

- each evidence entry's SHA-256 over its facts (\`evidence/entries.jsonl\`). Personal and free-text
  fields (names, message snapshots, quotes) enter that hash only through their own SHA-256, stored
  beside them, so a field that was later redacted for data protection (shown as \`null\`) still
  verifies, and a field that is present must match its hash;
- each seal (\`evidence/seals.jsonl\`): its own hash, its link to the previous seal, and the digest
  of the entries it covers. Entries a seal covers that fall outside this period appear only as
  hashes, in \`evidence/sealed-outside-period.jsonl\`.

It ends with \`PASSED\`, or with \`FAILED\` and the first file, entry or seal that fails and why.
Entries newer than the latest seal are protected only by their own hashes; the script says how many.

## 3. The seals match a copy kept outside the bot

${sealLine}
Each weekly digest posted in Slack or Microsoft Teams shows the latest seal at that moment, so a
copy of the chain exists outside the bot's store. Compare the seal the verifier names with the one
in the first digest after that time: the same number must show the same hash. Someone who rewrote
the log and all its seals could not have rewritten those chat messages.

The bot also records every export in its evidence log (type \`evidence.exported\`, with this
pack's manifest SHA-256, which the verifier prints). A later pack, or \`customer-focus verify\` run
by the quality manager, shows that entry.

## What the files are

| file | contents |
|---|---|
| \`summary.html\` | the evidence organised by ISO 9001:2015 clause (5.1.2, 8.2.2, 8.5.6, 9.1.2, 9.3.2) |
| \`csv/*.csv\` | requirements, reviews, decision checks, answers, follow-up actions, feedback, digests, the audit trail of settings and roles, and current roles (UTF-8, RFC 4180; cells that a spreadsheet would run as formulas start with \`'\`) |
| \`evidence/evidence.csv\` | the period's evidence entries as a table |
| \`evidence/entries.jsonl\` | the same entries exactly as stored, one JSON object per line |
| \`evidence/seals.jsonl\` | the seals that cover the period's entries |
| \`evidence/sealed-outside-period.jsonl\` | sequence number and hash of entries those seals cover outside the period |
| \`manifest.json\`, \`SHA256SUMS\` | each file's SHA-256 |
| \`${VERIFIER_FILE}\` | the standalone verifier |
`;
}
