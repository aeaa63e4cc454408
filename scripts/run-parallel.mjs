#!/usr/bin/env node
/**
 * Runs the given npm scripts at the same time (`node scripts/run-parallel.mjs typecheck lint build:web`)
 * and fails if any of them fails. `npm test` used to run them one after the other; none needs
 * another's output (lint has no type-aware rules, the web build does not type-check), so on two
 * cores they overlap. Each script's output is printed whole when it ends, so it reads as if run alone.
 */
/* global process, Buffer, console */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs <npm script>...');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    let finished = false;
    const finish = (code, error) => {
      if (finished) return;
      finished = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const output = Buffer.concat(chunks).toString();
      process.stdout.write(`\n> ${name} (${seconds} s)\n${output}${error ? `${error.message}\n` : ''}`);
      if (code !== 0) process.stdout.write(`> ${name} FAILED (exit ${code})\n`);
      resolve(code === 0);
    };
    child.on('error', (error) => finish(1, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

const results = await Promise.all(names.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
