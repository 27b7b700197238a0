/**
 * Turns a CSV file's bytes into text, refusing to guess. UTF-8 (with or without a byte-order mark)
 * is read as is; UTF-16 is read when its byte-order mark says so; any other encoding must be
 * named (`--encoding windows-1252`, what Excel writes by default in Western locales). Bytes that
 * are not valid in the encoding stop the import with the line they are on, instead of arriving as
 * `M�ller`.
 */
import { TextDecoder } from 'node:util';

export class CsvEncodingError extends Error {
  override readonly name = 'CsvEncodingError';
}

/** How to fix a file that is not UTF-8, for every message that says so. */
const SAVE_AS_UTF8 =
  'Save it as UTF-8 and import it again: in Excel choose File → Save As → "CSV UTF-8 (Comma delimited)"; in LibreOffice tick "Edit filter settings" and choose "Unicode (UTF-8)"; ' +
  'or, if you know it is Windows-1252 ("ANSI", Excel\'s default in Western Europe and the Americas), import it with --encoding windows-1252.';

/** The byte offset of the first sequence UTF-8 does not allow, or -1 when every byte is valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // Lead bytes and the range their second byte must fall in (no overlong forms, no surrogates).
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0];
    if (length === 0) return i;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

const lineAt = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
};

const hex = (byte: number | undefined): string => `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

function decoderFor(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new CsvEncodingError(
      `"${encoding}" is not an encoding I know. Use utf-8, windows-1252, iso-8859-15, utf-16le or utf-16be (names as in the WHATWG Encoding Standard).`,
    );
  }
}

/**
 * The file's text. `encoding` names the encoding when it is not UTF-8; without it, UTF-8, or
 * UTF-16 announced by a byte-order mark.
 */
export function decodeCsv(bytes: Uint8Array, encoding?: string): string {
  if (encoding !== undefined) {
    const decoder = decoderFor(encoding);
    try {
      return decoder.decode(bytes);
    } catch {
      throw new CsvEncodingError(`The file is not valid ${decoder.encoding}. Check which encoding it was saved in. ${SAVE_AS_UTF8}`);
    }
  }
  // A byte-order mark says UTF-16 for certain; TextDecoder drops the mark itself.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.includes(0)) {
    // UTF-16 without its mark: every other byte of plain text is zero.
    throw new CsvEncodingError(
      `The file holds zero bytes, which text in UTF-8 never does: it is probably UTF-16 saved without a byte-order mark. ${SAVE_AS_UTF8}`,
    );
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    throw new CsvEncodingError(
      `The file is not UTF-8: line ${lineAt(bytes, invalid)} has a byte (${hex(bytes[invalid])}) that UTF-8 does not allow, so letters such as ü or ß would arrive garbled. ${SAVE_AS_UTF8}`,
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CsvEncodingError(
      `The file starts as ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()} further on. ${SAVE_AS_UTF8}`,
    );
  }
}
