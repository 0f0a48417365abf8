import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../preload/contract';

// What the sandboxed preload hands the page: one object, and through it only the contract's channels.
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async () => ({ ok: true, value: {} }));
const on = vi.fn();
const removeListener = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, on, removeListener },
}));

beforeEach(() => {
  exposed.clear();
  vi.resetModules();
  invoke.mockClear();
});

async function bridge() {
  await import('../../preload/index');
  return exposed.get('dpo') as { host: string; call: (c: string, i: unknown) => Promise<unknown>; onEvent: (l: (e: unknown) => void) => () => void };
}

describe('the Electron preload bridge', () => {
  it('exposes window.dpo only, with host, call and onEvent, and no Electron or Node object', async () => {
    const dpo = await bridge();
    expect([...exposed.keys()]).toEqual(['dpo']);
    expect(Object.keys(dpo).sort()).toEqual(['call', 'host', 'onEvent']);
    expect(dpo.host).toBe('electron');
    for (const value of Object.values(dpo)) expect(value === invoke || value === on).toBe(false);
  });

  it('forwards a contract channel to main, and answers any other name itself without IPC', async () => {
    const dpo = await bridge();
    await dpo.call(channels[0], { a: 1 });
    expect(invoke).toHaveBeenCalledWith(channels[0], { a: 1 });
    invoke.mockClear();
    for (const name of ['dpo:event', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'vault.status ']) {
      expect(await dpo.call(name, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('listens only on dpo:event and hands the page the payload, not the IPC event', async () => {
    const dpo = await bridge();
    const seen: unknown[] = [];
    const stop = dpo.onEvent((e) => seen.push(e));
    expect(on).toHaveBeenCalledWith('dpo:event', expect.any(Function));
    const handler = on.mock.calls.at(-1)![1] as (event: unknown, payload: unknown) => void;
    handler({ sender: 'the IPC event' }, { type: 'locked', reason: 'idle' });
    expect(seen).toEqual([{ type: 'locked', reason: 'idle' }]);
    stop();
    expect(removeListener).toHaveBeenCalledWith('dpo:event', handler);
  });
});
