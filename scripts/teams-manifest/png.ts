/**
 * A tiny, dependency-free PNG encoder and decoder (8-bit RGBA, non-interlaced).
 *
 * Only what the Teams icon tooling needs: encode an RGBA bitmap deterministically, read the
 * IHDR header, and decode the images this module (or any other 8-bit RGBA/RGB encoder) writes
 * so tests can inspect pixels.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An RGBA bitmap: `data` holds width * height * 4 bytes, row-major, top row first. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colourType: number;
  interlace: number;
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  const typeAndBody = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndBody), 0);
  return Buffer.concat([len, typeAndBody, crc]);
}

/** Encodes an RGBA image as a PNG. Same input always gives the same bytes. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`invalid PNG dimensions ${width}x${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new Error(`RGBA buffer is ${data.length} bytes, expected ${width * height * 4}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(data.buffer, data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const idat = deflateSync(raw, { level: 9 });
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface RawChunk {
  type: string;
  data: Buffer;
}

function readChunks(png: Buffer): RawChunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG file (bad signature)');
  }
  const chunks: RawChunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const end = offset + 8 + length;
    if (end + 4 > png.length) throw new Error(`truncated PNG chunk ${type}`);
    const data = png.subarray(offset + 8, end);
    const expected = png.readUInt32BE(end);
    if (crc32(png.subarray(offset + 4, end)) !== expected) throw new Error(`bad CRC in PNG chunk ${type}`);
    chunks.push({ type, data });
    offset = end + 4;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Reads the IHDR chunk (the first chunk of every valid PNG). */
export function readPngInfo(png: Buffer): PngInfo {
  const first = readChunks(png)[0];
  if (!first || first.type !== 'IHDR' || first.data.length !== 13) throw new Error('PNG has no IHDR chunk');
  return {
    width: first.data.readUInt32BE(0),
    height: first.data.readUInt32BE(4),
    bitDepth: first.data[8] ?? 0,
    colourType: first.data[9] ?? 0,
    interlace: first.data[12] ?? 0,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG into RGBA pixels. */
export function decodePng(png: Buffer): RgbaImage {
  const info = readPngInfo(png);
  if (info.bitDepth !== 8 || (info.colourType !== 6 && info.colourType !== 2) || info.interlace !== 0) {
    throw new Error(
      `unsupported PNG (bit depth ${info.bitDepth}, colour type ${info.colourType}, interlace ${info.interlace})`,
    );
  }
  const channels = info.colourType === 6 ? 4 : 3;
  const idat = Buffer.concat(readChunks(png).filter((c) => c.type === 'IDAT').map((c) => c.data));
  const raw = inflateSync(idat);
  const stride = info.width * channels;
  if (raw.length !== (stride + 1) * info.height) throw new Error('PNG image data has the wrong length');

  const pixels = Buffer.alloc(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      let value: number;
      switch (filter) {
        case 0: value = cur; break;
        case 1: value = cur + left; break;
        case 2: value = cur + up; break;
        case 3: value = cur + ((left + up) >> 1); break;
        case 4: value = cur + paeth(left, up, upLeft); break;
        default: throw new Error(`unknown PNG filter type ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  if (channels === 4) return { width: info.width, height: info.height, data: pixels };
  const rgba = Buffer.alloc(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    rgba[i * 4] = pixels[i * 3] ?? 0;
    rgba[i * 4 + 1] = pixels[i * 3 + 1] ?? 0;
    rgba[i * 4 + 2] = pixels[i * 3 + 2] ?? 0;
    rgba[i * 4 + 3] = 255;
  }
  return { width: info.width, height: info.height, data: rgba };
}
