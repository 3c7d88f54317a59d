// The two floors our latency is compared with: serialising the same answer in this process, and a
// bare HTTP server on loopback (a separate process, so it does not share our event loop) that
// answers with the same bytes and does nothing else.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sequential, stats } from './stats.mjs';

export function stringifyFloor(body, count) {
  const samples = [];
  for (let i = 0; i < Math.max(count, 50); i++) {
    const t0 = performance.now();
    JSON.stringify(body);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const SERVER = `
const http = require('node:http');
const bytes = require('node:fs').readFileSync(process.argv[1]);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.end(bytes);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

/** Starts the bare server on the answer's bytes and times `count` sequential requests to it. */
export async function bareHttpFloor(text, count, scratch) {
  const file = path.join(scratch, 'answer.json');
  writeFileSync(file, text);
  const child = spawn(process.execPath, ['-e', SERVER, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise((resolve, reject) => {
      child.once('exit', code =>
        reject(new Error(`bare HTTP server exited with ${code}`)),
      );
      child.stdout.once('data', chunk => resolve(Number(String(chunk).trim())));
    });
    const url = `http://127.0.0.1:${port}/`;
    const request = () => fetch(url);
    await sequential(request, 20); // connection and JIT warm-up, not measured
    return await sequential(request, count);
  } finally {
    child.kill();
  }
}
