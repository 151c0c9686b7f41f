import type { ParseArgsConfig } from 'node:util';

export function readFlags(
  command: string,
  options: NonNullable<ParseArgsConfig['options']>,
  usage: string,
  args?: string[],
): Record<string, string | boolean | undefined>;
