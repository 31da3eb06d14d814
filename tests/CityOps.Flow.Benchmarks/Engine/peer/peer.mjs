// Runs a BPMN process many times in bpmn-engine (the Node peer of the `engine` benchmark) and prints instances per
// second: one JSON line, then `RESULT peer_per_s=<n>`. Each instance starts with { amount: i % 200, approved: i is even }
// and every user task is completed (signalled) as soon as it waits. The run fails unless every instance ends.
//
//   node peer.mjs [<bpmn> [<instances>]] [--warmup 1000] [--concurrency 1]
//   node peer.mjs --bpmn ../approval.bpmn --instances 10000
//
// Our processes write conditions in FEEL (`=amount > 100`); bpmn-engine evaluates JavaScript, so simple FEEL
// conditions (names, numbers, strings, comparisons, and/or/not) are translated before loading.
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';

const here = path.dirname(fileURLToPath(import.meta.url));
const options = parseArguments(process.argv.slice(2), {
  bpmn: path.join(here, 'approval.bpmn'),
  instances: 10000,
  warmup: 1000,
  concurrency: 1,
});
const source = translateFeelConditions(readFileSync(options.bpmn, 'utf8'));
// Parse once, as our engine parses once at deployment; each instance still gets its own engine.
const moddleContext = await new BpmnModdle().fromXML(source);
const version = JSON.parse(readFileSync(path.join(here, 'node_modules', 'bpmn-engine', 'package.json'), 'utf8')).version;

await runMany(options.warmup, options.concurrency);
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const outcome = await runMany(options.instances, options.concurrency);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

if (outcome.ended !== options.instances || outcome.ends.undefined) {
  console.error(JSON.stringify({ error: 'not every instance reached an end event', ...outcome }));
  process.exit(1);
}

const perSecond = options.instances / seconds;
console.log(JSON.stringify({
  engine: 'bpmn-engine',
  version,
  node: process.version,
  bpmn: path.basename(options.bpmn),
  instances: options.instances,
  concurrency: options.concurrency,
  seconds: round(seconds, 3),
  instancesPerSecond: round(perSecond, 1),
  // Wall-clock rate suffers when the machine is busy; the rate per CPU second of this process does less.
  cpuSeconds: round(cpuSeconds, 3),
  instancesPerCpuSecond: round(options.instances / cpuSeconds, 1),
  ends: outcome.ends,
}));
console.log(`RESULT peer_per_s=${Math.round(perSecond)}`);

async function runMany(count, concurrency) {
  const outcome = { ended: 0, ends: {} };
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const end = await runOne({ amount: index % 200, approved: index % 2 === 0 });
      outcome.ended++;
      outcome.ends[end] = (outcome.ends[end] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return outcome;
}

function runOne(variables) {
  return new Promise((resolve, reject) => {
    const engine = new Engine({ name: 'peer', moddleContext });
    const listener = new EventEmitter();
    let endEvent;
    listener.on('wait', (task) => task.signal({ ...variables }));
    listener.on('activity.end', (activity) => {
      if (activity.type === 'bpmn:EndEvent') endEvent = activity.id;
    });
    engine.once('end', () => resolve(endEvent));
    engine.once('error', reject);
    engine.execute({ listener, variables: { ...variables } }).catch(reject);
  });
}

/** Rewrites each FEEL condition (`=...`) into a JavaScript condition bpmn-engine runs. */
function translateFeelConditions(xml) {
  return xml.replace(
    /<((?:\w+:)?)conditionExpression([^>]*)>\s*=([\s\S]*?)<\/(?:\w+:)?conditionExpression>/g,
    (_, prefix, attributes, feel) => {
      const script = `next(null, ${feelToJavaScript(decodeXml(feel.trim()))});`;
      return `<${prefix}conditionExpression${attributes} language="javascript">${encodeXml(script)}</${prefix}conditionExpression>`;
    });
}

function feelToJavaScript(feel) {
  const tokens = feel.match(/"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?|[A-Za-z_][\w.]*|<=|>=|!=|[=<>()]|\S/g) ?? [];
  return tokens.map((token) => {
    if (/^"/.test(token) || /^\d/.test(token) || ['(', ')', '<', '>', '<=', '>='].includes(token)) return token;
    if (token === '=') return '===';
    if (token === '!=') return '!==';
    if (token === 'and') return '&&';
    if (token === 'or') return '||';
    if (token === 'not') return '!';
    if (['true', 'false', 'null'].includes(token)) return token;
    if (/^[A-Za-z_]/.test(token)) return `environment.variables.${token}`;
    console.error(`the FEEL condition '${feel}' uses '${token}', which the peer does not translate`);
    process.exit(2);
  }).join(' ');
}

function decodeXml(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function encodeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function parseArguments(args, defaults) {
  const parsed = { ...defaults };
  const positional = ['bpmn', 'instances'];
  for (let i = 0; i < args.length; i++) {
    let name;
    let value;
    if (args[i].startsWith('--')) {
      name = args[i].slice(2);
      value = args[++i];
    } else {
      name = positional.shift();
      value = args[i];
    }
    if (!(name in defaults) || value === undefined) {
      console.error(`unknown or incomplete argument '${args[i]}'; usage: node peer.mjs [<bpmn> [<instances>]] [--warmup N] [--concurrency C]`);
      process.exit(2);
    }
    parsed[name] = typeof defaults[name] === 'number' ? Number(value) : path.resolve(value);
  }
  return parsed;
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
