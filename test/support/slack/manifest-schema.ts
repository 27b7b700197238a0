/**
 * Validates a Slack app manifest against Slack's own JSON schema (slackapi/manifest-schema,
 * vendored in manifests/slack/schema/, see SOURCE.md there), offline. Each error reads
 * "<field path> <what is wrong>", e.g. "features.shortcuts[1].name should NOT be longer than 24
 * characters", so a failing test names the field to fix.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const SCHEMA_PATH = fileURLToPath(new URL('../../../manifests/slack/schema/manifest.schema.1.0.0.json', import.meta.url));

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

export function slackSchemaErrors(manifest: unknown): string[] {
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => {
    const extra = 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : '';
    return `${error.dataPath.replace(/^\./, '')} ${error.message ?? 'is not valid'}${extra}`;
  });
}
