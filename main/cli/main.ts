#!/usr/bin/env node
/**
 * The `sched-sync` bin entry: runs the command and exits with its code once output is flushed. `sched-sync agent`
 * first starts itself again with the options only a starting process reads (agent-start-options.ts), before the
 * rest of the program is loaded, so that restart costs one start of Node and nothing more.
 */
import { restartWithStartOptions } from './agent-start-options';

if (process.argv[2] === 'agent') restartWithStartOptions();
const { runCli } = await import('./run-cli');
const code = await runCli(process.argv.slice(2));
// Exit explicitly: libraries may keep timers alive after the sandbox or agent has closed cleanly.
process.stdout.write('', () => process.exit(code));
