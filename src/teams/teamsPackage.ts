import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPngInfo } from './png';
import { createZip } from './zip';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const placeholder = '{{MICROSOFT_APP_ID}}';

/** Icon files the manifest names, with the size Teams requires. */
const icons = { 'color.png': 192, 'outline.png': 32 } as const;

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
  const iconEntries = Object.entries(icons).map(([name, size]) => {
    const data = readFileSync(join(options.teamsDir, name));
    const info = readPngInfo(data);
    if (info.width !== size || info.height !== size) {
      throw new Error(`teams/${name} must be ${size}×${size} pixels, not ${info.width}×${info.height}`);
    }
    if (name === 'outline.png' && info.colorType !== 6 && info.colorType !== 4) {
      throw new Error('teams/outline.png must have an alpha channel (white on transparent)');
    }
    return { name, data };
  });
  return createZip([{ name: 'manifest.json', data: Buffer.from(manifestText) }, ...iconEntries]);
}
