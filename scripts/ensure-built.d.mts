// Types for ensure-built.mjs (plain JS so `npm start` needs no TypeScript loader).
export interface BuildTarget {
  label: string;
  inputs: string[];
  outputs: string[];
  command: string[];
}
export const ROOT: string;
export const CLI_BUNDLE: string;
export const TARGETS: { core: BuildTarget; renderer: BuildTarget };
export function newestMtime(path: string): number;
export function isStale(target: Pick<BuildTarget, 'inputs' | 'outputs'>, root?: string): boolean;
export function ensureBuilt(options?: { renderer?: boolean; core?: boolean; quiet?: boolean }): string[];
