// Runs a BPMN process many times in bpmn-engine (the Node peer of the `engine` benchmark) and prints instances per
// second as JSON. Every user task is completed as soon as it waits, with approved = true for every other instance;
// the run fails if any instance does not end or the approved/rejected split is wrong.
//
//   node peer.mjs [--bpmn approval.bpmn] [--instances 10000] [--warmup 1000] [--concurrency 1]
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
const source = readFileSync(options.bpmn, 'utf8');
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

const expectedApproved = Math.ceil(options.instances / 2);
if (outcome.ended !== options.instances || outcome.ends.approved !== expectedApproved) {
  console.error(JSON.stringify({ error: 'instances did not end as expected', expectedApproved, ...outcome }));
  process.exit(1);
}

console.log(JSON.stringify({
  engine: 'bpmn-engine',
  version,
  node: process.version,
  bpmn: path.basename(options.bpmn),
  instances: options.instances,
  concurrency: options.concurrency,
  seconds: round(seconds, 3),
  instancesPerSecond: round(options.instances / seconds, 1),
  // Wall-clock rate suffers when the machine is busy; the rate per CPU second of this process does less.
  cpuSeconds: round(cpuSeconds, 3),
  instancesPerCpuSecond: round(options.instances / cpuSeconds, 1),
  ends: outcome.ends,
}));

async function runMany(count, concurrency) {
  const outcome = { ended: 0, ends: {} };
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const end = await runOne(index % 2 === 0);
      outcome.ended++;
      outcome.ends[end] = (outcome.ends[end] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcome;
}

function runOne(approved) {
  return new Promise((resolve, reject) => {
    const engine = new Engine({ name: 'approval', moddleContext });
    const listener = new EventEmitter();
    let endEvent = null;
    listener.on('wait', (task) => {
      task.environment.variables.approved = approved;
      task.signal({ approved });
    });
    listener.on('activity.end', (activity) => {
      if (activity.type === 'bpmn:EndEvent') endEvent = activity.id;
    });
    engine.once('end', () => resolve(endEvent));
    engine.once('error', reject);
    engine.execute({ listener, variables: {} }).catch(reject);
  });
}

function parseArguments(args, defaults) {
  const parsed = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, '');
    if (!(name in defaults) || args[i + 1] === undefined) {
      console.error(`unknown or incomplete argument '${args[i]}'; expected --bpmn, --instances, --warmup or --concurrency`);
      process.exit(2);
    }
    parsed[name] = typeof defaults[name] === 'number' ? Number(args[i + 1]) : path.resolve(args[i + 1]);
  }
  return parsed;
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
