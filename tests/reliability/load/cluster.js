// `npm run load -- --processes N`: N copies of the built API behind one port (Node cluster), as a
// deployment with several processes on one PostgreSQL database runs them (docs/performance.md#several-processes-under-load).
// The primary only hands connections to the workers; each worker is `node api/dist/main.js`.
// Workers start one after the other (each migrates and cleans up on start), then the primary prints
// LOAD-CLUSTER-READY. SIGTERM and SIGUSR2 (the GC probe) are passed on to every worker. Test-only.
const cluster = require('node:cluster');
const path = require('node:path');

const count = Number(process.env.LOAD_PROCESSES ?? '2');
const workerArgs = (process.env.LOAD_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
cluster.setupPrimary({ exec: path.join(__dirname, '../../../api/dist/main.js'), execArgv: workerArgs });

const workers = [];
const exits = [];

async function start() {
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    workers.push(worker);
    exits.push(new Promise((resolve) => worker.on('exit', (code, signal) => resolve({ code, signal }))));
    await new Promise((resolve, reject) => {
      worker.once('listening', resolve);
      worker.once('exit', (code) => reject(new Error(`worker ${i + 1} exited during start-up (${code})`)));
    });
  }
  process.stdout.write(`LOAD-CLUSTER-READY ${count}\n`);
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    for (const worker of workers) worker.process.kill('SIGTERM');
    const results = await Promise.all(exits);
    process.exit(results.every((r) => r.code === 0) ? 0 : 1);
  });
}
process.on('SIGUSR2', () => {
  for (const worker of workers) worker.process.kill('SIGUSR2');
});

start().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  for (const worker of workers) worker.process.kill('SIGKILL');
  process.exit(1);
});
