/**
 * Policies are linted as policies (issue 14): a file in a folder named
 * `policies`, `policy`, `legal` or `terms` (any case, a leading `_` allowed,
 * as static site generators name collections), or a file whose name starts
 * with `terms`, `privacy`, `policy` or `policies` ("privacy.md",
 * "terms-of-service.md", "privacy-statement.html"), goes in the policy channel
 * unless a config override, front matter or `--channel` says otherwise.
 * `plainspoke init` writes the same choice into the starter config.
 */
const FOLDER = /^[_.]?(polic(y|ies)|legal|terms)$/i;
const NAME_WORD = /^(terms|privacy|polic(y|ies))$/i;

/** Whether a path (relative, `/` or `\` separators) looks like a policy or legal page. */
export function isPolicyPath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..');
  const file = parts.pop();
  if (!file) return false;
  if (parts.some((p) => FOLDER.test(p))) return true;
  return isPolicyFileName(file);
}

/** "privacy.md", "privacy._en.md", "terms-of-service.md": the first word of the name says so ("refund-policy.md" may be an article). */
function isPolicyFileName(file: string): boolean {
  const stem = file.replace(/\.[^.]*$/, '');
  const words = stem.split(/[-_. ]+/).filter(Boolean);
  if (!words.length) return false;
  return NAME_WORD.test(words[0]);
}
