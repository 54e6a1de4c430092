import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { buildTeamsPackage } from './teamsPackage';

/** `npm run teams:package`: writes dist/tandem-teams.zip with MICROSOFT_APP_ID as the bot id. */
function main(): number {
  const root = join(__dirname, '..', '..');
  try {
    const config = loadConfig();
    const zip = buildTeamsPackage({ teamsDir: join(root, 'teams'), botId: config.MICROSOFT_APP_ID });
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
