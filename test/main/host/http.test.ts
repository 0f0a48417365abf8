import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../../main/host/http';
import { VaultManager } from '../../../main/vault/service';
import { TEST_KDF, TEST_PASSPHRASE, TEST_PROFILE } from '../../helpers/vault';

let dir: string;
let host: HttpHost;
let vault: VaultManager;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dpo-http-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>DPO</title>');
  vault = new VaultManager({ dataDir: join(dir, 'vault'), kdf: TEST_KDF });
  host = await startHttpHost({ port: 0, vault, rendererDir: join(dir, 'renderer') });
});
afterAll(async () => {
  await host.close();
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw request, so the test controls Host and Origin exactly (fetch would not let it). */
function raw(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const good = () => ({ Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

describe('loopback HTTP host', () => {
  it('listens on 127.0.0.1 with a 32-byte token in the printed URL', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{43}$`));
  });

  it('answers an authorised call with the result envelope', async () => {
    const res = await raw({ path: '/api/vault.status', headers: good(), body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { state: 'none' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a missing or wrong token with 401 and does nothing', async () => {
    const create = JSON.stringify({ passphrase: TEST_PASSPHRASE, profile: TEST_PROFILE });
    const { Authorization: _a, ...noToken } = good();
    expect((await raw({ path: '/api/vault.create', headers: noToken, body: create })).status).toBe(401);
    expect((await raw({ path: '/api/vault.create', headers: { ...good(), Authorization: 'Bearer nope' }, body: create })).status).toBe(401);
    expect(vault.status()).toBe('none');
  });

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    const res = await raw({ path: '/api/vault.status', headers: { ...good(), Host: `evil.example:${host.port}` }, body: '{}' });
    expect(res.status).toBe(403);
    const page = await raw({ path: '/', method: 'GET', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin with 403 and does nothing', async () => {
    const create = JSON.stringify({ passphrase: TEST_PASSPHRASE, profile: TEST_PROFILE });
    const res = await raw({ path: '/api/vault.create', headers: { ...good(), Origin: 'http://evil.example' }, body: create });
    expect(res.status).toBe(403);
    expect(vault.status()).toBe('none');
    const own = await raw({ path: '/api/vault.status', headers: { ...good(), Origin: `http://localhost:${host.port}` }, body: '{}' });
    // Another loopback name is another origin: the page the host served is the only caller.
    expect(own.status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const res = await raw({ path: '/api/vault.status', headers: { ...good(), Origin: `http://127.0.0.1:${host.port}` }, body: '{}' });
    expect(res.status).toBe(200);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await raw({ path: '/api/vault.status', headers: { ...good(), 'Content-Length': String(40 * 1024 * 1024) }, body: '{}' });
    expect(res.status).toBe(413);
  });

  it('answers a non-JSON body with VALIDATION', async () => {
    const res = await raw({ path: '/api/vault.status', headers: good(), body: '{not json' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the renderer with a strict Content-Security-Policy, and never a file outside it', async () => {
    const page = await raw({ path: '/', method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const escape = await raw({ path: '/../vault/vault.key', method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(escape.body).not.toContain('dpo-vault-key');
  });

  // Issue 10, item 8: a malformed escape made decodeURIComponent throw, answered 500.
  it.each(['/api/%E0%A4%A', '/api/notices.%', '/api/%ZZ'])('answers a malformed escape in an API address (%s) with 400, not 500', async (path) => {
    const res = await raw({ path, headers: good(), body: '{}' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it.each(['/%E0%A4%A', '/assets/%C0', '/%00'])('answers a malformed or NUL escape in a page address (%s) with 400, not 500', async (path) => {
    const res = await raw({ path, method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(400);
  });
});
