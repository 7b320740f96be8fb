/**
 * Content groups: the config's `groups` map (name → globs), else the top folder
 * under the folder all report paths share. Groups are folders and channels
 * only, never people (issue 18).
 */
import picomatch from 'picomatch';
import { posix, relative, sep } from 'node:path';

export interface GroupSpec {
  name: string;
  /** Globs, relative to `dir`. */
  files: string[];
  /** The folder the globs are relative to (the config's), relative to the working folder; '' for the working folder. */
  dir?: string;
}

export type GroupOf = (path: string) => string;

/** Folders every path shares (`a/b/c.md`, `a/b/d/e.md` → `a/b/`). */
export function sharedFolder(paths: readonly string[]): string {
  if (!paths.length) return '';
  let parts = paths[0].split('/').slice(0, -1);
  for (const p of paths.slice(1)) {
    const own = p.split('/').slice(0, -1);
    let i = 0;
    while (i < parts.length && i < own.length && parts[i] === own[i]) i++;
    parts = parts.slice(0, i);
    if (!parts.length) break;
  }
  return parts.length ? `${parts.join('/')}/` : '';
}

/** Top folder under the shared one; files right in the shared folder form a group of their own. */
export function topFolderGroups(paths: readonly string[]): GroupOf {
  const shared = sharedFolder(paths);
  return (path) => {
    const rest = path.startsWith(shared) ? path.slice(shared.length) : path;
    const i = rest.indexOf('/');
    if (i > 0) return rest.slice(0, i);
    return shared ? shared.replace(/\/$/, '').split('/').pop() || '(top folder)' : '(top folder)';
  };
}

/** The config's groups first (the first group whose globs match), then the top folder. */
export function groupsFor(paths: readonly string[], specs: readonly GroupSpec[] = []): GroupOf {
  const fallback = topFolderGroups(paths);
  const matchers = specs.map((s) => {
    const globs = s.files.map((g) => g.replace(/\\/g, '/').replace(/^\.\//, ''));
    const test = picomatch(globs.flatMap((g) => (g.includes('/') ? [g, `${g}/**`] : [g, `**/${g}`, `**/${g}/**`])), { dot: true });
    const dir = s.dir ?? '';
    return { name: s.name, test: (path: string) => test(dir ? posix.relative(dir, path) : path) };
  });
  if (!matchers.length) return fallback;
  return (path) => matchers.find((m) => m.test(path.replace(/^\.\//, '')))?.name ?? fallback(path);
}

/** The `groups` maps of a config chain (farthest first), a nearer config's group replacing a farther one's of the same name. */
export function groupSpecsFrom(layers: readonly { dir: string; groups?: Record<string, string[]> }[], cwd: string): GroupSpec[] {
  const byName = new Map<string, GroupSpec>();
  for (const layer of layers) {
    if (!layer.groups) continue;
    const dir = relative(cwd, layer.dir).split(sep).join('/');
    for (const [name, files] of Object.entries(layer.groups)) {
      byName.delete(name);
      byName.set(name, { name, files, dir });
    }
  }
  return [...byName.values()];
}
