// A command's flags through node:util parseArgs, alike for the build and the bench: an unknown
// flag or a stray argument is an error (exit code 2, with the usage), never silently ignored;
// --help (-h) prints the usage.
import { parseArgs } from 'node:util';

export function readFlags(command, options, usage, args = process.argv.slice(2)) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    console.error(`${command}: ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed.values;
}
