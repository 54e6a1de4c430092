/** Flags shared by the eval and bench commands: `--data <dir>`, `--json`, `--with-dev`. */
export interface EvalArgs {
  readonly data: string | undefined;
  readonly json: boolean;
  readonly withDev: boolean;
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let data: string | undefined;
  let json = false;
  let withDev = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data') data = argv[++i];
    else if (arg.startsWith('--data=')) data = arg.slice('--data='.length);
    else if (arg === '--json') json = true;
    else if (arg === '--with-dev') withDev = true;
    else throw new Error(`unknown argument "${arg}" (expected --data <dir>, --json, --with-dev)`);
  }
  return { data, json, withDev };
}
