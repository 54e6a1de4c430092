import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { PNG, type PNGWithMetadata } from 'pngjs';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const placeholder = '{{MICROSOFT_APP_ID}}';

/** Icon files the manifest names, with the size Teams requires. */
const icons = { 'color.png': 192, 'outline.png': 32 } as const;

function readIcon(teamsDir: string, name: keyof typeof icons): { data: Buffer; png: PNGWithMetadata } {
  const data = readFileSync(join(teamsDir, name));
  try {
    return { data, png: PNG.sync.read(data) };
  } catch (error) {
    throw new Error(`teams/${name} is not a readable PNG: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Builds the Teams app package (manifest.json + icons at the zip root) from `teamsDir`, with the bot
 * id filled in. Throws with a message naming what to fix when the id or an icon is wrong.
 */
export function buildTeamsPackage(options: { teamsDir: string; botId: string }): Buffer {
  if (!guid.test(options.botId)) {
    throw new Error(
      `MICROSOFT_APP_ID must be the bot's Microsoft app id (a GUID such as 00000000-0000-0000-0000-000000000000) to package the Teams app; got "${options.botId}"`,
    );
  }
  const template = readFileSync(join(options.teamsDir, 'manifest.json'), 'utf8');
  if (!template.includes(placeholder)) throw new Error(`teams/manifest.json must contain ${placeholder} where the bot id goes`);
  const manifestText = template.split(placeholder).join(options.botId.toLowerCase());
  const manifest = JSON.parse(manifestText) as { icons?: { color?: string; outline?: string } };
  if (manifest.icons?.color !== 'color.png' || manifest.icons.outline !== 'outline.png') {
    throw new Error('teams/manifest.json must name the icons color.png and outline.png');
  }
  const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(manifestText) };
  for (const [name, size] of Object.entries(icons) as [keyof typeof icons, number][]) {
    const { data, png } = readIcon(options.teamsDir, name);
    if (png.width !== size || png.height !== size) {
      throw new Error(`teams/${name} must be ${size}×${size} pixels, not ${png.width}×${png.height}`);
    }
    if (name === 'outline.png' && !png.alpha) {
      throw new Error('teams/outline.png must have an alpha channel (white on transparent)');
    }
    files[name] = data;
  }
  return Buffer.from(zipSync(files, { level: 9 }));
}
