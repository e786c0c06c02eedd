#!/usr/bin/env node
'use strict';
// Runs the compiled CLI when built (production image), otherwise the TypeScript source through tsx.
const path = require('node:path');
const fs = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
const entry = fs.existsSync(compiled) ? compiled : (require('tsx/cjs'), path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
const { runCli } = require(entry);
runCli(process.argv.slice(2)).then((code) => process.exit(code));
