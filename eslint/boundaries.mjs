/**
 * The dependency rules of DESIGN.md §2, checked by the linter: `main → http → bot → dialogs →
 * {nlu, handoff, domain, llm}`, `storage → handoff` (never the reverse), and the few places allowed to
 * touch Redis, langchain, restify and the environment. Relative imports are matched by the folder they
 * reach (`../storage/…`, `../../src/storage/…`).
 */

/** An import of one of our top-level folders (src/<folder> or a root folder such as dialogs/). */
const folder = (name, why) => ({ regex: `^(\\.\\./)+(src/)?${name}(/|$)`, message: why });
const packages = (names, why) => ({ regex: `^(${names.join('|')})(/|$)`, message: why });

const onlyStorageTalksToRedis = packages(['ioredis'], 'Only src/storage talks to Redis; depend on a port instead.');
const onlyLangchainClient = packages(['langchain', '@langchain/[^/]+'], 'Only src/llm/langchain* imports langchain; depend on the LlmClient port.');
const onlyHttpServes = packages(['restify'], 'Only src/http, src/web and the composition root know restify.');
const noBotFramework = packages(
  ['botbuilder(-[a-z-]+)?', 'botframework-[a-z-]+'],
  'nlu and the handoff core never import the Bot Framework, so they survive the move to the Microsoft 365 Agents SDK.',
);
const compositionRoot = (layer) => [
  folder('main', `${layer} never imports the composition root.`),
  folder('buildApp', `${layer} never imports the composition root.`),
];
const upward = (layer) => [
  ...compositionRoot(layer),
  folder('http', `Dependencies point main → http → bot → dialogs: ${layer} never imports http.`),
  folder('web', `Dependencies point main → http → bot → dialogs: ${layer} never imports the web pages.`),
];
const aboveDialogs = (layer) => [...upward(layer), folder('bot', `Dependencies point bot → dialogs → ${layer}, never back.`)];
const aboveCore = (layer) => [...aboveDialogs(layer), folder('dialogs', `Dependencies point dialogs → ${layer}, never back.`)];
const noStorage = (layer) => folder('storage', `${layer} never imports storage: storage implements ${layer}'s ports.`);
const importsNothingOfOurs = (layer, leaving) => ({ regex: leaving, message: `${layer} imports nothing of ours (DESIGN.md §2).` });
const everywhere = [onlyStorageTalksToRedis, onlyLangchainClient, onlyHttpServes];

/** One entry per part of the code; `files` never overlap, because a later rule setting replaces an earlier one. */
const layers = [
  { files: ['src/config/**/*.ts'], forbid: [importsNothingOfOurs('src/config', '^\\.\\./'), ...everywhere] },
  { files: ['src/observability/**/*.ts'], forbid: [importsNothingOfOurs('src/observability', '^\\.\\./'), ...everywhere] },
  { files: ['src/errors.ts'], forbid: [importsNothingOfOurs('src/errors.ts', '^\\.'), ...everywhere] },
  { files: ['src/bot/**/*.ts'], forbid: [...upward('src/bot'), ...everywhere] },
  { files: ['dialogs/**/*.ts'], forbid: [...aboveDialogs('dialogs'), noStorage('dialogs'), ...everywhere] },
  { files: ['src/nlu/**/*.ts'], forbid: [...aboveCore('src/nlu'), noStorage('src/nlu'), folder('handoff', 'nlu never imports handoff.'), folder('llm', 'nlu never imports llm.'), noBotFramework, ...everywhere] },
  { files: ['src/handoff/**/*.ts'], forbid: [...aboveCore('src/handoff'), noStorage('src/handoff'), noBotFramework, ...everywhere] },
  { files: ['src/domain/**/*.ts'], forbid: [...aboveCore('src/domain'), noStorage('src/domain'), ...everywhere] },
  { files: ['src/llm/**/*.ts'], ignores: ['src/llm/langchain*'], forbid: [...aboveCore('src/llm'), noStorage('src/llm'), ...everywhere] },
  { files: ['src/llm/langchain*'], forbid: [...aboveCore('src/llm'), noStorage('src/llm'), onlyStorageTalksToRedis, onlyHttpServes] },
  // storage may import http: it implements the rate-limit port declared there.
  {
    files: ['src/storage/**/*.ts'],
    forbid: [...compositionRoot('src/storage'), folder('bot', 'storage never imports the bot.'), folder('dialogs', 'storage never imports dialogs.'), onlyLangchainClient, onlyHttpServes],
  },
  { files: ['src/http/**/*.ts', 'src/web/**/*.ts', 'src/buildApp.ts', 'src/main.ts'], forbid: [onlyStorageTalksToRedis, onlyLangchainClient] },
];

const layered = layers.flatMap((layer) => layer.files);

export const boundaries = [
  ...layers.map(({ files, ignores, forbid }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns: forbid }] },
  })),
  {
    files: ['src/**/*.ts', 'intents/**/*.ts'],
    ignores: layered,
    rules: { 'no-restricted-imports': ['error', { patterns: everywhere }] },
  },
  {
    files: ['src/**/*.ts', 'dialogs/**/*.ts', 'intents/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config reads process.env; take the value from AppConfig.' },
      ],
    },
  },
];
