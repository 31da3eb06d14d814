// Computes reference values for the FEEL differential corpus with feelin.
//
// Reads  tests/CityOps.Flow.Engine.Tests/FeelDifferential/corpus.json
// Writes tests/CityOps.Flow.Engine.Tests/FeelDifferential/expected.json
//
// Corpus entry: { "id", "kind": "expression" | "unary", "text", "context"?, "input"? }
// A context value (or the unary input) written as { "$feel": "<expression>" } is itself evaluated first,
// so temporal values and ranges reach both engines as their own FEEL values rather than as strings.
//
// Values are written in a typed form both sides can compare without guessing:
//   null, true/false, "string", [list]
//   { "number": "1.5" }   { "date": "2020-01-01" }   { "time": "10:00:00" }   { "dateTime": "2020-01-01T10:00:00" }
//   { "duration": "P1Y2M", "yearsMonths": true }   { "context": { ... } }   { "range": { ... } }   { "function": true }
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import {
  evaluate, unaryTest, FeelDate, FeelTime, FeelDateTime, FeelDuration, isRange, isFunction
} from 'feelin';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = process.argv[2] ?? join(here, '..', 'CityOps.Flow.Engine.Tests', 'FeelDifferential');
const feelinVersion = createRequire(import.meta.url)('feelin/package.json').version;

const corpus = JSON.parse(readFileSync(join(corpusDir, 'corpus.json'), 'utf8'));

function materialise(value) {
  if (Array.isArray(value)) {
    return value.map(materialise);
  }
  if (value !== null && typeof value === 'object') {
    if (typeof value.$feel === 'string') {
      return evaluate(value.$feel, {}).value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v)]));
  }
  return value;
}

// Number.toString gives the shortest text that round-trips the double; keep it exact, the comparison normalises.
function typed(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? { number: String(value) } : { nonFinite: String(value) };
  if (Array.isArray(value)) return value.map(typed);
  if (value instanceof FeelDate) return { date: value.toString() };
  if (value instanceof FeelTime) return { time: value.toString() };
  if (value instanceof FeelDateTime) return { dateTime: value.toString() };
  if (value instanceof FeelDuration) return { duration: value.toString(), yearsMonths: value.yearsMonths };
  if (isRange(value)) {
    return {
      range: {
        start: typed(value.start),
        end: typed(value.end),
        startIncluded: value['start included'],
        endIncluded: value['end included']
      }
    };
  }
  if (isFunction(value) || typeof value === 'function') return { function: true };
  if (typeof value === 'object') {
    return { context: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(v)])) };
  }
  throw new Error(`cannot encode ${typeof value}`);
}

const expected = {};
for (const entry of corpus.entries) {
  const context = materialise(entry.context ?? {});
  let result;
  try {
    result = entry.kind === 'unary'
      ? unaryTest(entry.text, { ...context, '?': materialise(entry.input ?? null) })
      : evaluate(entry.text, context);
    expected[entry.id] = { value: typed(result.value), warnings: result.warnings.map(w => w.type) };
  } catch (error) {
    // feelin throws for syntax errors; the corpus records them as such.
    expected[entry.id] = { syntaxError: true, message: String(error.message ?? error) };
  }
}

const output = { generator: `feelin ${feelinVersion}`, count: corpus.entries.length, expected };
writeFileSync(join(corpusDir, 'expected.json'), JSON.stringify(output, null, 1) + '\n');
console.log(`wrote ${corpus.entries.length} reference values with feelin ${feelinVersion}`);
