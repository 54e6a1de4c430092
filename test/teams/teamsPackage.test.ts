import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { readPngInfo } from '../../src/teams/png';
import { drawColorIcon, drawOutlineIcon } from '../../src/teams/teamsIcons';
import { buildTeamsPackage } from '../../src/teams/teamsPackage';
import { readZip } from './readZip';

const teamsDir = join(__dirname, '..', '..', 'teams');
const botId = '3F2A1B4C-1234-4ABC-9DEF-0123456789AB';

/** RGBA pixels of a PNG this project wrote (filter 0 on every row). */
function pixelsOf(png: Buffer): Uint8Array {
  const { width, height } = readPngInfo(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    out.set(rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return out;
}

describe('Teams icons', () => {
  it('draws a 192×192 opaque colour icon', () => {
    const png = drawColorIcon();
    expect(readPngInfo(png)).toEqual({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    const pixels = pixelsOf(png);
    expect(pixels.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
  });

  it('draws a 32×32 outline icon that is only white on transparent, and not empty', () => {
    const png = drawOutlineIcon();
    expect(readPngInfo(png)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    const pixels = pixelsOf(png);
    const opaque = [];
    for (let i = 0; i < pixels.length; i += 4) {
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      if (pixels[i + 3]! > 0) opaque.push(i);
    }
    expect(opaque.length).toBeGreaterThan(50);
    expect(opaque.length).toBeLessThan(32 * 32 / 2);
  });

  it('keeps the committed icons in teams/ the same as the drawing code', () => {
    expect(readFileSync(join(teamsDir, 'color.png')).equals(drawColorIcon())).toBe(true);
    expect(readFileSync(join(teamsDir, 'outline.png')).equals(drawOutlineIcon())).toBe(true);
  });
});

describe('buildTeamsPackage', () => {
  it('packs manifest.json (bot id filled in) and both icons at the zip root', () => {
    const entries = readZip(buildTeamsPackage({ teamsDir, botId }));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as Record<string, unknown> & {
      bots: { botId: string; scopes: string[] }[];
    };
    expect(manifest).toMatchObject({ manifestVersion: '1.16', id: botId.toLowerCase(), icons: { color: 'color.png', outline: 'outline.png' } });
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: botId.toLowerCase(), scopes: ['personal'] })]);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(entries[1]!.data.equals(readFileSync(join(teamsDir, 'color.png')))).toBe(true);
  });

  it('refuses a missing or malformed bot id, naming MICROSOFT_APP_ID', () => {
    for (const bad of ['', 'not-a-guid', '3f2a1b4c12344abc9def0123456789ab']) {
      expect(() => buildTeamsPackage({ teamsDir, botId: bad })).toThrow(/MICROSOFT_APP_ID/);
    }
  });

  it('refuses icons of the wrong size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-teams-'));
    try {
      copyFileSync(join(teamsDir, 'manifest.json'), join(dir, 'manifest.json'));
      writeFileSync(join(dir, 'color.png'), drawColorIcon(96));
      writeFileSync(join(dir, 'outline.png'), drawOutlineIcon());
      expect(() => buildTeamsPackage({ teamsDir: dir, botId })).toThrow(/color\.png must be 192×192 pixels, not 96×96/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
