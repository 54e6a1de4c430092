import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface Fixture {
  readonly filePath: string;
  readonly code: string;
}

/**
 * Lints fixtures with the project's own eslint.config.mjs, in a child process (the config is an ES
 * module, which jest's module system cannot import) and without type information: these rules need
 * none, and a fixture file is not part of the TypeScript program.
 */
function lintFixtures(fixtures: readonly Fixture[]): string[][] {
  const program = `
    import { ESLint } from 'eslint';
    const fixtures = JSON.parse(process.argv[1]);
    const eslint = new ESLint({
      overrideConfig: {
        languageOptions: { parserOptions: { project: null } },
        rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
      },
    });
    const out = [];
    for (const { filePath, code } of fixtures) {
      const [result] = await eslint.lintText(code + '\\n', { filePath });
      out.push(result.messages
        .filter((m) => m.fatal || m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties')
        .map((m) => (m.ruleId ?? 'fatal') + ': ' + m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const absolute = fixtures.map((f) => ({ ...f, filePath: join(root, f.filePath) }));
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', program, JSON.stringify(absolute)], { cwd: root, encoding: 'utf8' })) as string[][];
}

const violations: ReadonlyArray<readonly [string, string, string]> = [
  ['a dialog imports ioredis', 'dialogs/fixture.ts', "import Redis from 'ioredis';"],
  ['a dialog imports storage', 'dialogs/orders/fixture.ts', "import type { DedupeStore } from '../../src/storage/ports';"],
  ['a dialog imports langchain', 'dialogs/fixture.ts', "import { HumanMessage } from '@langchain/core/messages';"],
  ['a dialog imports restify', 'dialogs/fixture.ts', "import type { Server } from 'restify';"],
  ['a dialog imports the bot', 'dialogs/fixture.ts', "import { turnLogger } from '../src/bot/turnLogger';"],
  ['nlu imports botbuilder', 'src/nlu/intent/fixture.ts', "import type { TurnContext } from 'botbuilder';"],
  ['nlu imports dialogs', 'src/nlu/fixture.ts', "import { MainDialog } from '../../dialogs/mainDialog';"],
  ['the handoff core imports botbuilder-core', 'src/handoff/fixture.ts', "import { ActivityTypes } from 'botbuilder-core';"],
  ['the handoff core imports storage', 'src/handoff/fixture.ts', "import { createStatePorts } from '../storage/createStatePorts';"],
  ['config imports errors', 'src/config/fixture.ts', "import { TandemError } from '../errors';"],
  ['observability imports config', 'src/observability/fixture.ts', "import type { AppConfig } from '../config';"],
  ['errors imports observability', 'src/errors.ts', "import type { Logger } from './observability/logger';"],
  ['domain imports storage', 'src/domain/orders/fixture.ts', "import { keys } from '../../storage/keys';"],
  ['the llm port imports langchain', 'src/llm/fixture.ts', "import { ChatOpenAI } from '@langchain/openai';"],
  ['http imports ioredis', 'src/http/fixture.ts', "import Redis from 'ioredis';"],
  ['the bot reads process.env', 'src/bot/fixture.ts', 'export const port = process.env.PORT;'],
  ['a dialog reads process.env', 'dialogs/fixture.ts', 'export const { PORT } = process.env;'],
];

const permitted: ReadonlyArray<readonly [string, string, string]> = [
  ['storage imports a handoff port', 'src/storage/handoff/fixture.ts', "import type { HandoffStore } from '../../handoff/handoffStore';"],
  ['storage imports ioredis', 'src/storage/redis/fixture.ts', "import Redis from 'ioredis';"],
  ['the langchain client imports langchain', 'src/llm/langchainFixture.ts', "import { ChatOpenAI } from '@langchain/openai';"],
  ['a dialog imports nlu, handoff and domain', 'dialogs/fixture.ts', "import '../src/nlu/types';\nimport '../src/handoff/vocabulary';\nimport '../src/domain/orders/order';"],
  ['config reads process.env', 'src/config/fixture.ts', 'export const port = process.env.PORT;'],
  ['config imports within its folder', 'src/config/fixture.ts', "import { loadConfig } from './loadConfig';"],
  ['http imports restify', 'src/http/fixture.ts', "import type { Server } from 'restify';"],
];

describe('the architecture rules of DESIGN.md §2 are lint errors', () => {
  let results: Map<string, string[]>;
  beforeAll(() => {
    const cases = [...violations, ...permitted];
    const errors = lintFixtures(cases.map(([, filePath, code]) => ({ filePath, code })));
    results = new Map(cases.map(([name], i) => [name, errors[i] ?? []]));
  }, 120_000);

  it.each(violations)('fails when %s', (name) => {
    const errors = results.get(name) ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^no-restricted-(imports|properties): /);
  });

  it.each(permitted)('passes when %s', (name) => {
    expect(results.get(name)).toEqual([]);
  });
});
