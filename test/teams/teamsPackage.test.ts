import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { buildTeamsPackage } from '../../src/teams/teamsPackage';

const teamsDir = join(__dirname, '..', '..', 'teams');
const botId = '3F2A1B4C-1234-4ABC-9DEF-0123456789AB';

function withTeamsDir(icons: { color: PNG; outline: PNG }, run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-teams-'));
  try {
    copyFileSync(join(teamsDir, 'manifest.json'), join(dir, 'manifest.json'));
    writeFileSync(join(dir, 'color.png'), PNG.sync.write(icons.color));
    writeFileSync(join(dir, 'outline.png'), PNG.sync.write(icons.outline, { colorType: 6 }));
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the committed Teams icons', () => {
  it('are a 192×192 opaque colour icon and a 32×32 white-on-transparent outline that is not empty', () => {
    const color = PNG.sync.read(readFileSync(join(teamsDir, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(join(teamsDir, 'outline.png')));
    expect([outline.width, outline.height, outline.alpha]).toEqual([32, 32, true]);
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3]! === 0) continue;
      opaque += 1;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
    expect(opaque).toBeLessThan((32 * 32) / 2);
  });
});

describe('buildTeamsPackage', () => {
  it('packs manifest.json (bot id filled in) and both icons at the zip root', () => {
    const entries = unzipSync(buildTeamsPackage({ teamsDir, botId }));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as Record<string, unknown> & {
      bots: { botId: string; scopes: string[] }[];
    };
    expect(manifest).toMatchObject({ manifestVersion: '1.16', id: botId.toLowerCase(), icons: { color: 'color.png', outline: 'outline.png' } });
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: botId.toLowerCase(), scopes: ['personal'] })]);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(Buffer.from(entries['color.png']!).equals(readFileSync(join(teamsDir, 'color.png')))).toBe(true);
    expect(Buffer.from(entries['outline.png']!).equals(readFileSync(join(teamsDir, 'outline.png')))).toBe(true);
  });

  it('refuses a missing or malformed bot id, naming MICROSOFT_APP_ID', () => {
    for (const bad of ['', 'not-a-guid', '3f2a1b4c12344abc9def0123456789ab']) {
      expect(() => buildTeamsPackage({ teamsDir, botId: bad })).toThrow(/MICROSOFT_APP_ID/);
    }
  });

  it('refuses icons of the wrong size', () => {
    withTeamsDir({ color: new PNG({ width: 96, height: 96 }), outline: new PNG({ width: 32, height: 32 }) }, (dir) => {
      expect(() => buildTeamsPackage({ teamsDir: dir, botId })).toThrow(/color\.png must be 192×192 pixels, not 96×96/);
    });
  });

  it('refuses a file that is not a PNG, naming it', () => {
    withTeamsDir({ color: new PNG({ width: 192, height: 192 }), outline: new PNG({ width: 32, height: 32 }) }, (dir) => {
      writeFileSync(join(dir, 'outline.png'), 'not an image');
      expect(() => buildTeamsPackage({ teamsDir: dir, botId })).toThrow(/teams\/outline\.png is not a readable PNG/);
    });
  });
});
