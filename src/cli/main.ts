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
import { CHANNELS, SOURCE_FORMATS } from '../types.js';
import { safeLine, safeText } from '../util/terminal.js';
import { existsSync } from 'node:fs';
// A server runs long: V8's baseline compiler pays (issue 19, src/boot/short-tier.ts).
import { fullTier } from '../boot/short-tier.js';
import { resolve } from 'node:path';

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
      // Option values come from the command line: never echo control characters (issue 20).
      outputError: (s, write) => write(safeText(s.replace(/^error: /, 'plainspoke: '))),
    })
    .showSuggestionAfterError(true)
    // Options after a subcommand belong to it (`merge-reports a.json --format json`), not to the lint command.
    .enablePositionalOptions()
    .addHelpText('after', "\nRun 'plainspoke help <command>' for the options of one command.")
    .argument('[paths...]', 'files, folders or globs to lint (default: the current folder)')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('-f, --format <name>', 'stylish, json, sarif, github, junit or html, or a formatter module (./my-formatter.js)', 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--channel <name>', 'lint every file as this channel').choices(CHANNELS as unknown as string[]))
    .addOption(new Option('--source-format <name>', 'read .json files as this help-desk export (detected from the shape when left out)').choices(SOURCE_FORMATS as unknown as string[]))
    .option('--rule <id:severity>', 'set one rule (repeatable): passive-voice:error, sentence-length:error:{"max":20} or sentence-length:[error,{max:20}]', collect, [])
    .option('--min-severity <level>', 'report only findings at or above info, warning or error (the exit code follows what is reported)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', integer)
    .option('--quiet', 'report errors only')
    .option('--verbose', 'stylish: show each finding in its line with the words underlined, why it matters and the docs link')
    .option('--fix', 'apply safe fixes in place')
    .option('--fix-dry-run', 'print the safe fixes as a diff, then the report; change nothing')
    .option('--changed [base]', 'lint only files added, modified, renamed or copied since base (default: the merge base with the default branch)')
    .option('--stdin', 'lint standard input')
    .option('--stdin-filename <name>', 'file name for standard input (sets Markdown or HTML and the config)')
    .option('--cache', 'skip files whose content and config did not change')
    .option('--cache-location <path>', 'cache file', '.plainspokecache')
    .option('--baseline [file]', 'report only findings that are not in the baseline file')
    .option('--update-baseline', 'write every current finding to the baseline file')
    .option('--history <folder>', 'earlier JSON reports, for the trends in the HTML report')
    .option('--no-axe', 'skip the axe-core checks (fast mode for editors and hooks)')
    .option('--browser', 'run the axe-core checks in headless Chromium, with layout and real CSS (needs playwright-core)')
    .option('--browser-path <file>', 'the Chromium or Chrome program for --browser (default: PLAINSPOKE_CHROMIUM, CHROME_PATH, then common paths)')
    .option('--no-inline-config', 'ignore plainspoke-disable comments')
    .option('--ignore-path <file>', 'read ignore patterns (.gitignore syntax) from this file instead of .gitignore')
    .option('--no-ignore', "lint ignored files too (.gitignore, --ignore-path and the config's ignore list)")
    .option('--print-config <file>', 'print the settings for one file and where each came from, then stop')
    .option('--jobs <n>', 'worker threads (default: number of CPUs)', integer)
    .option('--shard <i/n>', 'lint only shard i of n (CI matrix); merge the reports with merge-reports')
    .option('--no-progress', 'never show the progress line')
    .option('--color', 'force colour')
    .option('--no-color', 'never use colour (also NO_COLOR)')
    .option('--debug', 'log the config files found and the files linted, and print stack traces for internal errors')
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
    .command('drill')
    .description("the five-minute practice drill: rewrite a few sentences from your own content's findings")
    .argument('[paths...]', 'files, folders or globs to take the sentences from (default: the current folder)')
    .option('--seed <text>', "what picks the sentences (default: today's date, so a team gets the same set)")
    .option('--count <n>', 'how many sentences, 3 to 5', integer, 5)
    .option('-f, --format <name>', 'text (ask in the terminal) or json (print the exercise for other tools)', 'text')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .action(async (paths: string[], opts: { seed?: string; count?: number; format?: string; config?: string }) => {
      const { runDrill } = await import('./commands/drill.js');
      code = await runDrill(paths, opts, io);
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
  // The servers load outside the start-up bundle, only for their own subcommand (issue 15).
  program
    .command('lsp')
    .description('run the language server for editors (Language Server Protocol over stdio)')
    .option('--stdio', 'talk over standard input and output (the default and only transport)')
    .action(async (opts: { stdio?: boolean }) => {
      fullTier();
      const { runLsp } = await import('./commands/lsp.js');
      code = await runLsp(opts, io);
    });
  program
    .command('mcp')
    .description('run the MCP server for AI assistants (Model Context Protocol over stdio)')
    .action(async () => {
      fullTier();
      const { runMcp } = await import('./commands/mcp.js');
      code = await runMcp(io);
    });
  try {
    await program.parseAsync(helpArgs(argv, program, io.cwd), { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.version' || e.code === 'commander.helpDisplayed' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (isKnownError(e)) {
      io.stderr.write(`plainspoke: ${safeLine(e.message)}\n`);
      if (debug) io.stderr.write(`${e.stack}\n`);
      return 2;
    }
    io.stderr.write(`plainspoke: internal error: ${safeLine((e as Error)?.message ?? String(e))}\n`);
    io.stderr.write(debug ? `${(e as Error)?.stack}\n` : 'Run again with --debug for details, and please report it.\n');
    return 2;
  }
}

/**
 * `plainspoke help [command]` (issue 17) becomes `[command] --help`. Many
 * support repositories have a folder named `help`, so `plainspoke help` alone
 * still lints that folder when it exists; `help <command>` always shows help.
 */
function helpArgs(argv: readonly string[], program: Command, cwd: string): string[] {
  if (argv[0] !== 'help') return [...argv];
  const names = program.commands.map((c) => c.name());
  if (argv.length === 2 && names.includes(argv[1])) return [argv[1], '--help'];
  if (argv.length === 1 && !existsSync(resolve(cwd, 'help'))) return ['--help'];
  return [...argv];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`'${value}' is not a whole number`);
  return n;
}
