/**
 * Writes an audit pack as a zip: every file inside one folder named after the pack, so unzipping
 * gives one folder with VERIFY.md, the verifier and the manifest together.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AuditPack } from '../../core/audit/pack.js';

export function zipAuditPack(pack: AuditPack, madeAt: Date): Uint8Array {
  const files: Zippable = {};
  for (const file of pack.files) files[`${pack.name}/${file.path}`] = strToU8(file.content);
  // Deflate level 6: CSV and JSONL shrink to about a fifth; higher levels gain little and cost time.
  return zipSync(files, { level: 6, mtime: madeAt });
}

/** The zip's file name. */
export const packFileName = (pack: AuditPack): string => `${pack.name}.zip`;
