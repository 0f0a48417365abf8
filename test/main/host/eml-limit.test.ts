import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHttpHost, type HttpHost } from '../../../main/host/http';
import { VaultManager } from '../../../main/vault/service';
import { EML_MAX_BYTES } from '../../../preload/contract/inbox';
import { TEST_KDF, TEST_PASSPHRASE, TEST_PROFILE } from '../../helpers/vault';

let dir: string;
let host: HttpHost;
let vault: VaultManager;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dpo-eml-limit-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  vault = new VaultManager({ dataDir: join(dir, 'vault'), kdf: TEST_KDF });
  await vault.create(TEST_PASSPHRASE, TEST_PROFILE);
  host = await startHttpHost({ port: 0, vault, rendererDir: join(dir, 'renderer') });
});
afterAll(async () => {
  await host.close();
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A message of exactly `size` bytes: headers, then a body padded with text lines. */
function message(size: number, tag: string): Buffer {
  const head = Buffer.from(`From: Li <li@example.com>\r\nSubject: ${tag}\r\nMessage-ID: <${tag}@example.com>\r\n\r\n`, 'latin1');
  const line = Buffer.from(`${'x'.repeat(76)}\r\n`, 'latin1');
  const body = Buffer.alloc(size - head.length);
  for (let at = 0; at < body.length; at += line.length) line.copy(body, at, 0, Math.min(line.length, body.length - at));
  return Buffer.concat([head, body]);
}

async function post(name: string, bytes: Buffer) {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/inbox.importEml`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: [{ name, size: bytes.length, base64: bytes.toString('base64') }] }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: { results: { ok: boolean; error?: { code: string } }[] } } };
}

// Issue 10, item 10: a 24.5 MB message got HTTP 413 "Body too large" (32 MiB body limit, 35 M
// base64 characters, 25 MiB per message). Now one limit, per file, at the boundary.
describe('the .eml limit through the HTTP host', () => {
  it('the body limit is derived from the one per-file limit with base64 overhead', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(Math.ceil((EML_MAX_BYTES + 1024 * 1024) / 3) * 4);
  });

  it.each([
    { what: 'a 24.5 MB message (the issue’s case)', size: 24_500_000, expected: 'ok' },
    { what: 'a message of exactly the limit', size: EML_MAX_BYTES, expected: 'ok' },
    { what: 'one byte over the limit', size: EML_MAX_BYTES + 1, expected: 'TOO_LARGE' },
  ])('$what: HTTP 200 with the per-file answer $expected, never 413', async ({ size, expected }) => {
    const r = await post(`m${size}.eml`, message(size, `m${size}`));
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    const [result] = r.body.value!.results;
    expect(result.ok ? 'ok' : result.error?.code).toBe(expected);
  });
});
