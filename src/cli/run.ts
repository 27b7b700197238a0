#!/usr/bin/env node
// Runs the CLI in this process; the exit code becomes the process's.
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
