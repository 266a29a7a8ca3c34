import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The project's own ESLint config, as `npm run lint` runs it. */
const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the import rules that `code` breaks in a file at `filePath`. */
async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-imports',
    )
    .map((m) => m.message);
}

interface Row {
  row: string;
  file: string;
  wrong: string[];
  right: string;
}

/** Each row of ARCHITECTURE.md's layout table: imports it refuses, and one it takes. */
const rows: Row[] = [
  {
    row: 'main/agent',
    file: 'main/agent/example.ts',
    wrong: ["import { Http } from '../transport/http';", "import { a } from '../index';"],
    right: "import type { Engine } from '../engine';",
  },
  {
    row: 'main/sync',
    file: 'main/sync/example.ts',
    wrong: [
      "import { readFileSync } from 'node:fs';",
      "import type { StateDb } from '../store';",
      "import type { Connection } from '../../preload/contract';",
    ],
    right: "import { plan } from './plan';",
  },
  {
    row: 'main/engine',
    file: 'main/engine/example.ts',
    wrong: [
      "import type { RunSummary } from '../../preload/contract';",
      "import type { SchedDirectory } from '../agent/ports';",
      "import { isReauthError } from '../auth';",
    ],
    right: "import type { StateDb } from '../store';",
  },
  {
    row: 'main/providers',
    file: 'main/providers/sched/example.ts',
    wrong: [
      "import type { RequestCounting } from '../../engine/types';",
      "import type { SchedDirectory } from '../../agent/ports';",
      "import { isReauthError } from '../../auth/classify-auth-error';",
      "import { SyncSettingsSchema } from '../../../preload/contract';",
      "import type { StateDb } from '../../store';",
    ],
    right:
      "import type { SchedResource } from '../../../preload/contract';\nimport type { SyncItem } from '../../sync';",
  },
  {
    row: 'main/auth',
    file: 'main/auth/example.ts',
    wrong: ["import type { StateDb } from '../store';", "import { AuthError } from '../providers/port';"],
    right: "import type { SecretStore } from '../secrets/secret-store';",
  },
  {
    row: 'main/secrets',
    file: 'main/secrets/example.ts',
    wrong: ["import { GoogleAccount } from '../auth';"],
    right: "import type { SecretStore } from './secret-store';",
  },
  {
    row: 'main/store',
    file: 'main/store/example.ts',
    wrong: ["import type { Engine } from '../engine';", "import type { SyncItem } from '../sync';"],
    right: "import { SyncSettingsSchema } from '../../preload/contract';",
  },
  {
    row: 'main/scheduler',
    file: 'main/scheduler/example.ts',
    wrong: ["import type { Engine } from '../engine';", "import type { StateDb } from '../store';"],
    right: "import type { ServiceClients } from '../agent/ports';",
  },
  {
    row: 'main/transport',
    file: 'main/transport/example.ts',
    wrong: ["import type { Engine } from '../engine';", "import type { StateDb } from '../store';"],
    right:
      "import { AgentError } from '../agent/agent-error';\nimport { operations } from '../../preload/contract';",
  },
  {
    row: 'main/shell',
    file: 'main/shell/example.ts',
    wrong: ["import type { StateDb } from '../store';"],
    right: "import type { ServiceClients } from '../agent/ports';\nimport { Tray } from 'electron';",
  },
  {
    row: 'main/index.ts',
    file: 'main/index.ts',
    wrong: ["import { startSandbox } from '../sandbox/server';"],
    right: "import { Engine } from './engine';",
  },
  {
    row: 'main/errors',
    file: 'main/errors/example.ts',
    wrong: [
      "import type { StateDb } from '../store';",
      "import type { Connection } from '../../preload/contract';",
    ],
    right: 'export class Example extends Error {}',
  },
  {
    row: 'preload/contract.ts',
    file: 'preload/contract.ts',
    wrong: ["import type { Engine } from '../main/engine';"],
    right: "import { z } from 'zod';",
  },
  {
    row: 'preload/index.ts',
    file: 'preload/index.ts',
    wrong: ["import { Agent } from '../main/agent/agent';"],
    right: "import { channelOf } from './contract';",
  },
  {
    row: 'renderer',
    file: 'renderer/src/example.ts',
    wrong: [
      "import { Agent } from '../../main/agent/agent';",
      "import { bridge } from '../../preload/index';",
    ],
    right: "import type { Connection } from '../../preload/contract';",
  },
  {
    row: 'sandbox',
    file: 'sandbox/example.ts',
    wrong: ["import { Agent } from '../main/agent/agent';"],
    right: "import { sched } from './sched/server';",
  },
];

describe('the layout table as lint rules (ARCHITECTURE.md)', () => {
  for (const { row, file, wrong, right } of rows) {
    for (const code of wrong) {
      it(`refuses in ${row}: ${code}`, async () => {
        const errors = await importErrors(file, code);

        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain(`(ARCHITECTURE.md layout: ${row})`);
      });
    }

    it(`takes in ${row}: ${right.split('\n')[0]}`, async () => {
      expect(await importErrors(file, right)).toEqual([]);
    });
  }

  it('lets the composition roots, tests and bench import anything', async () => {
    const sandbox = "import { startSandbox } from '../sandbox/server';";

    expect(
      await importErrors(
        'main/cli/headless-agent.ts',
        `import { startSandbox } from '../../sandbox/server';`,
      ),
    ).toEqual([]);
    expect(await importErrors('main/agent-wiring.ts', sandbox)).toEqual([]);
    expect(
      await importErrors('test/unit/example.test.ts', "import { Engine } from '../../main/engine';"),
    ).toEqual([]);
    expect(await importErrors('bench/example.ts', "import { Engine } from '../main/engine';")).toEqual([]);
  });
});
