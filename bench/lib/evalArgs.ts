/** Flags shared by the eval and bench commands: `--data <dir>`, `--json`, `--with-dev`, `--ablation`. */
export interface EvalArgs {
  readonly data: string | undefined;
  readonly json: boolean;
  readonly withDev: boolean;
  /** Also train and report the variants without word vectors and without context. */
  readonly ablation: boolean;
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let data: string | undefined;
  let json = false;
  let withDev = false;
  let ablation = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data') data = argv[++i];
    else if (arg.startsWith('--data=')) data = arg.slice('--data='.length);
    else if (arg === '--json') json = true;
    else if (arg === '--with-dev') withDev = true;
    else if (arg === '--ablation') ablation = true;
    else throw new Error(`unknown argument "${arg}" (expected --data <dir>, --json, --with-dev, --ablation)`);
  }
  return { data, json, withDev, ablation };
}
