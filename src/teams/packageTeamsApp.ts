import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { drawColorIcon, drawOutlineIcon } from './teamsIcons';
import { buildTeamsPackage } from './teamsPackage';

/**
 * `npm run teams:package`: writes dist/tandem-teams.zip with MICROSOFT_APP_ID as the bot id.
 * `npm run teams:icons`: redraws teams/color.png and teams/outline.png.
 */
function main(): number {
  const root = join(__dirname, '..', '..');
  const teamsDir = join(root, 'teams');
  if (process.argv.includes('--icons')) {
    writeFileSync(join(teamsDir, 'color.png'), drawColorIcon());
    writeFileSync(join(teamsDir, 'outline.png'), drawOutlineIcon());
    process.stdout.write('wrote teams/color.png (192×192) and teams/outline.png (32×32)\n');
    return 0;
  }
  try {
    const config = loadConfig();
    const zip = buildTeamsPackage({ teamsDir, botId: config.MICROSOFT_APP_ID });
    const out = join(root, 'dist', 'tandem-teams.zip');
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(`wrote ${relative(process.cwd(), out)} (${zip.length} bytes); upload it in Teams: Apps → Manage your apps → Upload an app\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main();
