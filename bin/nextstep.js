#!/usr/bin/env node
'use strict';
// Runs the compiled CLI when it is at least as new as the source (a production image, or a fresh
// `npm run build`), otherwise the TypeScript source through tsx, so a stale `dist/` left behind
// by an earlier build never runs in place of the code in front of you.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist', 'cli', 'main.js');
const source = path.join(root, 'src');

function newestChange(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (!fs.existsSync(compiled)) return false;
  if (!fs.existsSync(source)) return true;
  return fs.statSync(compiled).mtimeMs >= newestChange(source);
}

const entry = compiledIsCurrent() ? compiled : (require('tsx/cjs'), path.join(source, 'cli', 'main.ts'));
const { runCli } = require(entry);
runCli(process.argv.slice(2)).then((code) => process.exit(code));
