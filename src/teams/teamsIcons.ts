import { encodePng } from './png';

/** Tandem's mark: two overlapping rings (the bot and the person), in fractions of the icon size. */
const rings = [
  { cx: 0.385, cy: 0.5, r: 0.215 },
  { cx: 0.615, cy: 0.5, r: 0.215 },
];

const accent = [0x2f, 0x5d, 0x8a] as const;

/** Fraction (0..1) of the pixel at (px, py) that the rings cover, from a 4×4 supersample. */
function coverage(px: number, py: number, size: number, stroke: number): number {
  const samples = 4;
  let hits = 0;
  for (let sy = 0; sy < samples; sy += 1) {
    for (let sx = 0; sx < samples; sx += 1) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      const inside = rings.some(({ cx, cy, r }) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= stroke / 2);
      if (inside) hits += 1;
    }
  }
  return hits / (samples * samples);
}

/** Teams colour icon: full-bleed accent background with the white mark (192×192 by default). */
export function drawColorIcon(size = 192): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size, 0.075);
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k += 1) pixels[i + k] = Math.round(accent[k]! * (1 - c) + 255 * c);
      pixels[i + 3] = 255;
    }
  }
  return encodePng(size, size, pixels);
}

/** Teams outline icon: the mark in white on a transparent background (32×32 by default). */
export function drawOutlineIcon(size = 32): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      pixels[i] = 255;
      pixels[i + 1] = 255;
      pixels[i + 2] = 255;
      pixels[i + 3] = Math.round(255 * coverage(x, y, size, 0.09));
    }
  }
  return encodePng(size, size, pixels);
}
