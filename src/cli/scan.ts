/**
 * npm run --silent scan -- [--json] FILE...
 * Lists the figures named in HTML files: one JSON object per line per mention with --json
 * ({file, figure, text, block, start, end}), a readable table otherwise.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import dataset from 'virtual:dataset';
import { Matcher } from '../core/matcher';
import { scanHtml, type ScannedMention } from './scan-html';

const USAGE = 'usage: npm run --silent scan -- [--json] FILE...';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    console.error(`scan: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const json = parsed.values.json === true;
  const files = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (files.length === 0) {
    console.error(`scan: no files given\n${USAGE}`);
    return 2;
  }
  const matcher = new Matcher(dataset);
  let failed = 0;
  for (const file of files) {
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch (error) {
      failed++;
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      console.error(`scan: ${file}: ${reason}`);
      continue;
    }
    const mentions = scanHtml(html, matcher, dataset);
    if (json) {
      for (const m of mentions) process.stdout.write(`${JSON.stringify({ file, ...m })}\n`);
    } else {
      printTable(file, mentions);
    }
  }
  return failed ? 1 : 0;
}

function printTable(file: string, mentions: ScannedMention[]): void {
  console.log(`${file}: ${mentions.length} mention(s) of ${new Set(mentions.map((m) => m.figure)).size} figure(s)`);
  if (mentions.length === 0) return;
  const width = Math.max(...mentions.map((m) => m.figure.length));
  for (const m of mentions) console.log(`  ${m.figure.padEnd(width)}  ${JSON.stringify(m.text)}  (block ${m.block}, ${m.start}–${m.end})`);
}

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('scan failed:', error);
    process.exitCode = 1;
  },
);
