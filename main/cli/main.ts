#!/usr/bin/env node
/** The `sched-sync` bin entry: runs the command and exits with its code once output is flushed. */
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2));
// Exit explicitly: libraries may keep timers alive after the sandbox or agent has closed cleanly.
process.stdout.write('', () => process.exit(code));
