// The bin speaks LSP over --node-ipc as well as --stdio (stdio is covered by the other suites).
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node.js';
import { SERVER } from './harness.js';

void describe('lsp: transports', () => {
  void it('initializes over --node-ipc and shuts down cleanly', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
    try {
      const result = await conn.sendRequest<{ capabilities: { renameProvider?: unknown; definitionProvider?: unknown } }>('initialize', {
        processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {},
      });
      assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
      assert.equal(result.capabilities.definitionProvider, true);
      await conn.sendNotification('initialized', {});
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
