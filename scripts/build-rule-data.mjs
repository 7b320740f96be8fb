// Compiles rules/*.yml into dist/rule-data.json (validated by the same code the
// linter uses), so a run never parses YAML. Runs after tsc.
import { writeFileSync } from 'node:fs';
import { readTablesFromYaml } from '../dist/rules/data.js';

try {
  const tables = readTablesFromYaml();
  writeFileSync(new URL('../dist/rule-data.json', import.meta.url), JSON.stringify({ tables }));
  console.log(`rule data: ${Object.keys(tables).length} tables compiled to dist/rule-data.json`);
} catch (e) {
  console.error(`rule data: ${e.message}`);
  process.exit(1);
}
