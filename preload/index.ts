// The Electron preload: exposes the one DpoClient to the sandboxed renderer. Bundled into a
// single file (scripts/build.mjs) because a sandboxed preload can only require 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, type DpoClient, type DpoEvent } from './contract';

const known = new Set<string>(channels);

const client: DpoClient = {
  host: 'electron',
  call: (channel, input) => {
    if (!known.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel: ${channel}` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  onEvent(listener) {
    const handler = (_event: unknown, payload: DpoEvent) => listener(payload);
    ipcRenderer.on('dpo:event', handler);
    return () => ipcRenderer.removeListener('dpo:event', handler);
  },
};

contextBridge.exposeInMainWorld('dpo', client);
