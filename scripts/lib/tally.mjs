// Counts by cause for the counts-only diagnostic scripts (scripts/*-causes.mjs). They may run on blind folders,
// so they print counts; with --ids (for folders you may read) each count also lists the items behind it.

/** Whether two spans { start, end } share a character. */
export const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * Tables of counts that the script keeps itself (`add(counts.missed, key, id)`), with the ids of each key
 * across all tables when `showIds`. `show` prints one table, the largest count first.
 */
export function flatTally(showIds) {
  const ids = {};
  return {
    ids,
    add(table, key, id) {
      table[key] = (table[key] ?? 0) + 1;
      if (showIds && id) (ids[key] ??= []).push(id);
    },
    show(title, table) {
      console.log(title);
      for (const [k, n] of Object.entries(table).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(4)}  ${k}${showIds && ids[k] ? `  ${ids[k].join(' ')}` : ''}`);
    },
  };
}

/**
 * Counts in named groups (`add('hold-permission', key, id)`), with the ids of each key per group when `showIds`.
 * `print` lists the groups in the order given, each with its keys in sort order and, under --ids, their ids.
 */
export function groupTally(showIds) {
  const counts = {};
  const ids = {};
  return {
    counts,
    ids,
    add(group, key, id) {
      const table = (counts[group] ??= {});
      table[key] = (table[key] ?? 0) + 1;
      if (showIds && id) ((ids[group] ??= {})[key] ??= []).push(id);
    },
    print(groups) {
      for (const group of groups) {
        console.log(`\n== ${group}`);
        for (const [k, n] of Object.entries(counts[group] ?? {}).sort()) {
          console.log(`${String(n).padStart(4)}  ${k}`);
          if (showIds) console.log(`        ${(ids[group]?.[k] ?? []).join(' ')}`);
        }
      }
    },
  };
}
