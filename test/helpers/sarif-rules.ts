/**
 * The SARIF checks GitHub code scanning applies, written out because
 * Microsoft's `Sarif.Multitool validate --rule-kind "Gh;Ghas"` needs .NET,
 * which cannot be installed here (issue 17). Two parts:
 *
 * 1. `sarifSchemaErrors`: the SARIF 2.1.0 JSON schema (rtm.5, the one GitHub
 *    code scanning validates against, as shipped by Microsoft's
 *    @microsoft/jest-sarif, MIT) through ajv. The schema is draft-04 and one of
 *    its patterns is not valid with the `u` flag; ajv 8 reads it without
 *    `id`/`$schema`, with `unicodeRegExp: false` and the three formats it uses.
 * 2. `githubSarifProblems`: the rules of Sarif.Multitool's GitHub rule kind
 *    (GH1001–GH1007) and the rule-metadata checks GitHub's upload reports
 *    (SARIF2012: a rule `name` distinct from its id, `fullDescription`,
 *    `help` with text and markdown), plus GitHub's documented limits
 *    (docs.github.com, "SARIF support for code scanning").
 *
 * Each function returns a list of problems; [] is a pass.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const file = join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const isUri = (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', (s: string) => isUri(s) || isUri(new URL(s, 'file:///base/').href));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  validator = ajv.compile(schema);
  return validator;
}

export function sarifSchemaErrors(log: unknown): string[] {
  const v = schemaValidator();
  return v(log) ? [] : (v.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`);
}

// GitHub's limits per upload (docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
const LIMITS = { runs: 20, resultsPerRun: 25_000, rulesPerRun: 25_000, tagsPerRule: 20, locationsPerResult: 1_000, relatedLocations: 1_000, threadFlowLocations: 10_000 };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => {
  const t = obj(v).text;
  return typeof t === 'string' && t.trim() ? t : undefined;
};

export function githubSarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const root = obj(log);
  if (root.version !== '2.1.0') problems.push('version must be 2.1.0');
  const runs = arr(root.runs);
  if (runs.length > LIMITS.runs) problems.push(`GH1004: ${runs.length} runs (GitHub takes ${LIMITS.runs})`);
  runs.forEach((runValue, r) => {
    const run = obj(runValue);
    const at = `runs[${r}]`;
    const driver = obj(obj(run.tool).driver);
    if (typeof driver.name !== 'string' || !driver.name) problems.push(`${at}: tool.driver.name is required`);
    if (run.columnKind !== undefined && run.columnKind !== 'utf16CodeUnits') problems.push(`${at}: GitHub reads columns as utf16CodeUnits, not ${String(run.columnKind)}`);
    const rules = arr(driver.rules).map(obj);
    if (rules.length > LIMITS.rulesPerRun) problems.push(`GH1004: ${at} has ${rules.length} rules`);
    rules.forEach((rule, i) => {
      const rat = `${at}.tool.driver.rules[${i}] (${String(rule.id)})`;
      if (typeof rule.id !== 'string' || !rule.id) problems.push(`${rat}: id is required`);
      // SARIF2012 ProvideRuleProperties, which GitHub's upload checks.
      if (typeof rule.name !== 'string' || !rule.name) problems.push(`${rat}: name is required`);
      else {
        if (rule.name === rule.id) problems.push(`${rat}: name must differ from the id`);
        if (!/^[A-Z][A-Za-z0-9]*$/.test(rule.name)) problems.push(`${rat}: name should be a PascalCase identifier, got '${rule.name}'`);
      }
      if (!text(rule.shortDescription)) problems.push(`${rat}: shortDescription.text is required`);
      if (!text(rule.fullDescription)) problems.push(`${rat}: fullDescription.text is required`);
      const help = obj(rule.help);
      if (typeof help.text !== 'string' || !help.text.trim()) problems.push(`${rat}: help.text is required`);
      if (typeof help.markdown !== 'string' || !help.markdown.trim()) problems.push(`${rat}: help.markdown is required`);
      if (typeof rule.helpUri === 'string' && !/^https?:\/\//.test(rule.helpUri)) problems.push(`${rat}: helpUri must be an http(s) URL`);
      const tags = arr(obj(rule.properties).tags);
      if (tags.length > LIMITS.tagsPerRule) problems.push(`GH1004: ${rat} has ${tags.length} tags`);
      const level = obj(rule.defaultConfiguration).level;
      if (level !== undefined && !['none', 'note', 'warning', 'error'].includes(String(level))) problems.push(`${rat}: defaultConfiguration.level ${String(level)}`);
    });
    const bases = obj(run.originalUriBaseIds);
    const results = arr(run.results).map(obj);
    if (results.length > LIMITS.resultsPerRun) problems.push(`GH1004: ${at} has ${results.length} results`);
    results.forEach((res, i) => {
      const at2 = `${at}.results[${i}]`;
      // GH1007 ProvideFullyFormattedMessageStrings.
      if (!text(res.message)) problems.push(`GH1007: ${at2}: message.text is required`);
      if (typeof res.ruleId !== 'string') problems.push(`${at2}: ruleId is required`);
      if (typeof res.ruleIndex === 'number' && obj(rules[res.ruleIndex]).id !== res.ruleId) problems.push(`${at2}: ruleIndex ${res.ruleIndex} does not point at ${String(res.ruleId)}`);
      // GH1001 ProvideRequiredLocationProperties.
      const locations = arr(res.locations).map(obj);
      if (locations.length === 0) problems.push(`GH1001: ${at2}: at least one location is required`);
      if (locations.length > LIMITS.locationsPerResult) problems.push(`GH1004: ${at2}: ${locations.length} locations`);
      if (arr(res.relatedLocations).length > LIMITS.relatedLocations) problems.push(`GH1004: ${at2}: too many related locations`);
      for (const flow of arr(res.codeFlows)) {
        for (const tf of arr(obj(flow).threadFlows)) {
          const tfl = arr(obj(tf).locations);
          if (tfl.length > LIMITS.threadFlowLocations) problems.push(`GH1004: ${at2}: too many thread flow locations`);
          // GH1002 InlineThreadFlowLocations.
          for (const l of tfl) if (!obj(l).location) problems.push(`GH1002: ${at2}: thread flow locations must hold their location inline`);
        }
      }
      locations.forEach((loc, j) => {
        const lat = `${at2}.locations[${j}]`;
        const phys = obj(loc.physicalLocation);
        if (!loc.physicalLocation) {
          problems.push(`GH1001: ${lat}: physicalLocation is required`);
          return;
        }
        const art = obj(phys.artifactLocation);
        const uri = art.uri;
        if (typeof uri !== 'string' || !uri) problems.push(`GH1001: ${lat}: artifactLocation.uri is required`);
        else {
          // GH1005 LocationsMustBeRelativeUrisOrFilePaths.
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1];
          if (scheme && scheme.toLowerCase() !== 'file') problems.push(`GH1005: ${lat}: uri '${uri}' must be relative or a file: URI`);
          // GH1006 ProvideCheckoutPath: a relative URI needs a base GitHub can resolve.
          if (!scheme && art.uriBaseId !== undefined && !obj(bases[String(art.uriBaseId)]).uri) problems.push(`GH1006: ${lat}: uriBaseId ${String(art.uriBaseId)} is not defined in originalUriBaseIds`);
          if (/\\/.test(uri)) problems.push(`GH1005: ${lat}: uri '${uri}' uses backslashes`);
        }
        // GH1003 ProvideRequiredRegionProperties.
        const region = obj(phys.region);
        if (!phys.region) problems.push(`GH1003: ${lat}: region is required`);
        else {
          const { startLine, startColumn, endLine, endColumn } = region as Record<string, number | undefined>;
          if (!Number.isInteger(startLine) || startLine! < 1) problems.push(`GH1003: ${lat}: region.startLine is required`);
          if (startColumn !== undefined && !(startColumn >= 1)) problems.push(`${lat}: startColumn must be ≥ 1`);
          if (endLine !== undefined && startLine !== undefined && endLine < startLine) problems.push(`${lat}: endLine before startLine`);
          if (endColumn !== undefined && startColumn !== undefined && (endLine ?? startLine) === startLine && endColumn < startColumn) problems.push(`${lat}: endColumn before startColumn`);
        }
      });
      for (const [k, v] of Object.entries(obj(res.partialFingerprints))) if (typeof v !== 'string') problems.push(`${at2}: partialFingerprints.${k} must be a string`);
    });
  });
  return problems;
}
