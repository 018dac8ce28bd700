#!/usr/bin/env node
// The CLI runs from the compiled output; `npm install` builds it (prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err?.stack ?? String(err)); process.exitCode = 1; },
);
