#!/usr/bin/env node
// The installed command. `npm ci` compiles src/ into dist/ (the `prepare` script).
import '../dist/cli/run.js';
