/**
 * Command-line wiring only: argv → options → a command → an exit code.
 * Never calls process.exit; only bin/ does (ESLint's cli.js).
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../util/version.js';
import { isKnownError, UsageError } from '../util/errors.js';
import { processIO, type CliIO } from './io.js';
// Commands load lazily: --version and --help must not pay for the engine (issue 6).
import type { LintCliOptions } from './commands/lint.js';
import { CHANNELS } from '../types.js';

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  const program = new Command('plainspoke');
  program
    .description('Lint customer-support content for plain language, care and accessibility')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'plainspoke: ')),
    })
    .showSuggestionAfterError(true)
    // Options after a subcommand belong to it (`merge-reports a.json --format json`), not to the lint command.
    .enablePositionalOptions()
    .argument('[paths...]', 'files, folders or globs to lint (default: the current folder)')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('-f, --format <name>', 'stylish, json, sarif, github, junit or html', 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--channel <name>', 'lint every file as this channel').choices(CHANNELS as unknown as string[]))
    .option('--rule <id:severity>', "override one rule's severity (repeatable), e.g. passive-voice:error", collect, [])
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', integer)
    .option('--quiet', 'report errors only')
    .option('--fix', 'apply safe fixes in place')
    .option('--fix-dry-run', 'print the safe fixes as a diff; change nothing')
    .option('--stdin', 'lint standard input')
    .option('--stdin-filename <name>', 'file name for standard input (sets Markdown or HTML and the config)')
    .option('--cache', 'skip files whose content and config did not change')
    .option('--cache-location <path>', 'cache file', '.plainspokecache')
    .option('--baseline [file]', 'report only findings that are not in the baseline file')
    .option('--update-baseline', 'write every current finding to the baseline file')
    .option('--no-axe', 'skip the axe-core checks (fast mode for editors and hooks)')
    .option('--jobs <n>', 'worker threads (default: number of CPUs)', integer)
    .option('--shard <i/n>', 'lint only shard i of n (CI matrix); merge the reports with merge-reports')
    .option('--no-progress', 'never show the progress line')
    .option('--color', 'force colour')
    .option('--no-color', 'never use colour (also NO_COLOR)')
    .option('--debug', 'print stack traces for internal errors')
    .action(async (paths: string[], opts: LintCliOptions) => {
      const { runLint } = await import('./commands/lint.js');
      code = await runLint(paths, opts, io);
    });

  program
    .command('rules')
    .description('list every rule: id, family, default severity, channels, fixable, docs')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { runRulesCommand } = await import('./commands/rules.js');
      code = runRulesCommand(opts, io);
    });
  program
    .command('explain')
    .description("print a rule's doc: why, how to fix, good and bad examples")
    .argument('<rule-id>', 'the rule to explain')
    .action(async (id: string) => {
      const { runExplain } = await import('./commands/explain.js');
      code = runExplain(id, io);
    });
  program
    .command('init')
    .description('write a starter .plainspoke.yml for this folder')
    .option('--force', 'replace an existing .plainspoke.yml')
    .action(async (opts: { force?: boolean }) => {
      const { runInit } = await import('./commands/init.js');
      code = runInit(opts, io);
    });
  program
    .command('merge-reports')
    .description('merge the JSON reports of --shard runs into one report, in any format')
    .argument('<reports...>', 'JSON reports (written with --format json)')
    .option('-f, --format <name>', 'stylish, json, sarif, github, junit or html', 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', integer)
    .option('--color', 'force colour')
    .option('--no-color', 'never use colour (also NO_COLOR)')
    .action(async (reports: string[], opts: { format: string; outputFile?: string; maxWarnings?: number; color?: boolean }) => {
      const { runMergeReports } = await import('./commands/merge-reports.js');
      code = await runMergeReports(reports, opts, io);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.version' || e.code === 'commander.helpDisplayed' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (isKnownError(e)) {
      io.stderr.write(`plainspoke: ${e.message}\n`);
      if (debug) io.stderr.write(`${e.stack}\n`);
      return 2;
    }
    io.stderr.write(`plainspoke: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    io.stderr.write(debug ? `${(e as Error)?.stack}\n` : 'Run again with --debug for details, and please report it.\n');
    return 2;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`'${value}' is not a whole number`);
  return n;
}
