/**
 * Decodes the PNGs we ship (8-bit greyscale, RGB or RGBA, with or without alpha, not interlaced)
 * into RGBA pixels, so tests can look at what Teams will show: the corners of an icon, for one.
 * Small on purpose; any other kind of PNG is refused with a message that says which.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** RGBA of the pixel at column x, row y. */
  pixel(x: number, y: number): [r: number, g: number, b: number, a: number];
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Buffer): DecodedPng {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body.readUInt8(9);
      if (body.readUInt8(8) !== 8 || body.readUInt8(12) !== 0 || CHANNELS[colourType] === undefined) {
        throw new Error(`unsupported PNG: bit depth ${body.readUInt8(8)}, colour type ${colourType}, interlace ${body.readUInt8(12)}`);
      }
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const channels = CHANNELS[colourType]!;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unsupported PNG row filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel(x, y) {
      const at = y * stride + x * channels;
      const [first = 0, second = 0, third = 0, fourth = 0] = pixels.subarray(at, at + channels);
      if (channels === 1) return [first, first, first, 255];
      if (channels === 2) return [first, first, first, second];
      if (channels === 3) return [first, second, third, 255];
      return [first, second, third, fourth];
    },
  };
}
