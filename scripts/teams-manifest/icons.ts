/**
 * Draws the NextStep Teams icons with nothing but arithmetic and the PNG encoder in ./png.
 *
 * The mark is a short staircase with an upward arrow rising from its top step ("the next step").
 *  - color.png   192x192: the mark in white on a rounded square in the accent colour, transparent
 *                corners.
 *  - outline.png 32x32:   the same mark in white, alpha-blended, on a fully transparent background
 *                (what Teams requires for the outline icon).
 * Output is deterministic: the same code always writes byte-identical files.
 *
 * Run directly to (re)write manifests/teams/color.png and outline.png:
 *   npx tsx scripts/teams-manifest/icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './png';
import { COLOR_ICON_PATH, OUTLINE_ICON_PATH } from './paths';

/** Accent colour; must equal `accentColor` in manifests/teams/manifest.json (a test checks this). */
export const ACCENT_COLOUR = '#1F6F8B';
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Point = readonly [number, number];
/** Returns true when the point (in the shape's own 0..1 box, y downwards) is inside the shape. */
type Shape = (x: number, y: number) => boolean;

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
}

function triangle(a: Point, b: Point, c: Point): Shape {
  const sign = (p: Point, q: Point, x: number, y: number): number =>
    (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  return (x, y) => {
    const d1 = sign(a, b, x, y);
    const d2 = sign(b, c, x, y);
    const d3 = sign(c, a, x, y);
    const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
    const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(hasNeg && hasPos);
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((s) => s(x, y));
}

/** Two steps and an arrow climbing out of the top one, within the unit box. */
const STEP_MARK: Shape = union(
  rect(0.0, 0.66, 0.3, 1.0), // first step
  rect(0.3, 0.42, 0.6, 1.0), // second step
  rect(0.66, 0.34, 0.9, 1.0), // arrow shaft
  triangle([0.54, 0.36], [1.02, 0.36], [0.78, -0.02]), // arrow head
);

/** A rounded square filling the unit box. */
function roundedSquare(radius: number): Shape {
  return (x, y) => {
    const cx = Math.min(Math.max(x, radius), 1 - radius);
    const cy = Math.min(Math.max(y, radius), 1 - radius);
    const dx = x - cx;
    const dy = y - cy;
    return x >= 0 && x < 1 && y >= 0 && y < 1 && dx * dx + dy * dy <= radius * radius;
  };
}

/** Places a unit-box shape inside the canvas box [offset, offset + scale] (canvas units 0..1). */
function placed(shape: Shape, offset: number, scale: number): Shape {
  return (x, y) => shape((x - offset) / scale, (y - offset) / scale);
}

/** Fraction (0..1) of the pixel at (px, py) covered by the shape, using n x n supersampling. */
function coverage(shape: Shape, px: number, py: number, size: number, n: number): number {
  let hits = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      if (shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
    }
  }
  return hits / (n * n);
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

/** 192x192 full-colour icon: white mark on an accent-coloured rounded square. */
export function drawColorIcon(size = COLOR_ICON_SIZE, accent = ACCENT_COLOUR): RgbaImage {
  const [r, g, b] = parseHex(accent);
  const background = roundedSquare(0.2);
  const mark = placed(STEP_MARK, 0.23, 0.54);
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const bg = coverage(background, px, py, size, 4);
      const fg = bg > 0 ? coverage(mark, px, py, size, 4) : 0;
      const i = (py * size + px) * 4;
      data[i] = Math.round(r + (255 - r) * fg);
      data[i + 1] = Math.round(g + (255 - g) * fg);
      data[i + 2] = Math.round(b + (255 - b) * fg);
      data[i + 3] = Math.round(255 * bg);
    }
  }
  return { width: size, height: size, data };
}

/** 32x32 outline icon: white mark, alpha only, on a transparent background. */
export function drawOutlineIcon(size = OUTLINE_ICON_SIZE): RgbaImage {
  const mark = placed(STEP_MARK, 0.08, 0.84);
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const alpha = Math.round(255 * coverage(mark, px, py, size, 8));
      const i = (py * size + px) * 4;
      // Fully transparent pixels are stored as 0,0,0,0; every visible pixel is pure white.
      const white = alpha > 0 ? 255 : 0;
      data[i] = white;
      data[i + 1] = white;
      data[i + 2] = white;
      data[i + 3] = alpha;
    }
  }
  return { width: size, height: size, data };
}

export interface IconFiles {
  color: Buffer;
  outline: Buffer;
}

export function generateIcons(): IconFiles {
  return { color: encodePng(drawColorIcon()), outline: encodePng(drawOutlineIcon()) };
}

/** Writes both icons; returns the paths written. */
export function writeIcons(colorPath = COLOR_ICON_PATH, outlinePath = OUTLINE_ICON_PATH): string[] {
  const icons = generateIcons();
  mkdirSync(path.dirname(colorPath), { recursive: true });
  mkdirSync(path.dirname(outlinePath), { recursive: true });
  writeFileSync(colorPath, icons.color);
  writeFileSync(outlinePath, icons.outline);
  return [colorPath, outlinePath];
}

if (require.main === module) {
  for (const written of writeIcons()) console.log(`wrote ${path.relative(process.cwd(), written)}`);
}
