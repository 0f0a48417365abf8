import { performance } from 'node:perf_hooks';
import { readRow, versusPlain } from './measure';
import type { BenchRow, BenchSection } from './types';

// Issue 7: with 1,000,000 requests, the inbox's first page filtered by state and sorted by due
// p95 ≤ 5 ms; .eml import ≥ 200 messages/s. The requests are in the shared vault at scale
// (bench/million); the import runs the real use-case end to end on that same vault.

const STATES = ['new', 'verifying', 'inProgress'] as const;

export const inboxBench: BenchSection = async (ctx) => {
  const m = await ctx.million();
  const n = m.sizes.requests;
  const { api } = m;
  const plain = m.plain();
  const rows: BenchRow[] = [];
  rows.push(readRow(`list first page (50) by state, sorted by due, of ${n}`, await versusPlain(api, plain, 200, (i) => ['inbox.list', { state: STATES[i % 3], limit: 50 }]), { op: '<=', value: 5 }));
  rows.push(readRow('list first page, no filter', await versusPlain(api, plain, 100, () => ['inbox.list', { limit: 50 }])));
  rows.push(readRow('list first page, overdue', await versusPlain(api, plain, 100, () => ['inbox.list', { overdue: true, limit: 50 }])));
  rows.push(readRow('list first page, type + state', await versusPlain(api, plain, 100, () => ['inbox.list', { type: 'deletion', state: 'new', limit: 50 }])));
  const page1 = (await api('inbox.list', { state: 'inProgress', limit: 50 })) as { ok: true; value: { nextCursor: string; items: { id: string }[] } };
  rows.push(readRow('list next page by state (keyset)', await versusPlain(api, plain, 100, () => ['inbox.list', { state: 'inProgress', limit: 50, cursor: page1.value.nextCursor }])));
  const ids = page1.value.items.map((r) => r.id);
  rows.push(readRow('open one request (get)', await versusPlain(api, plain, 100, (i) => ['inbox.get', { id: ids[i % ids.length] }]), { op: '<=', value: 5 }, 0));

  // .eml import through the real use-case, 200 files a call, as the open dialog or a drop of a
  // folder's messages sends them (one call carries every file picked).
  const total = Math.max(200, Math.round(2_000 * Math.min(1, ctx.scale * 10)));
  const BATCH = 200;
  const batches = Array.from({ length: Math.ceil(total / BATCH) }, (_, b) =>
    Array.from({ length: Math.min(BATCH, total - b * BATCH) }, (_, k) => message(b * BATCH + k)),
  );
  const i0 = performance.now();
  let imported = 0;
  for (const files of batches) {
    const r = (await api('inbox.importEml', { files })) as { ok: true; value: { results: { ok: boolean }[] } };
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
    imported += r.value.results.filter((x) => x.ok).length;
  }
  const seconds = (performance.now() - i0) / 1000;
  if (imported !== total) throw new Error(`imported ${imported} of ${total}`);
  rows.push({ name: `.eml import (${total} messages, ${BATCH} per call)`, value: total / seconds, unit: 'msg/s', goal: { op: '>=', value: 200 } });
  return rows;
};

/** Alternately a UTF-8 (Chinese) and a GBK-declared (ASCII) complaint, each with its own Message-ID. */
function message(i: number): { name: string; base64: string } {
  const utf8 = i % 2 === 0;
  const body = utf8 ? `您好，我要求删除我的个人信息。编号 ${i}。\r\n` : `Please delete my account data. No. ${i}.\r\n`;
  const text = [
    `From: "User ${i}" <user${i}@example.cn>`,
    'To: privacy@example.com',
    `Subject: =?UTF-8?B?${Buffer.from(`删除请求 ${i}`).toString('base64')}?=`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0800',
    `Message-ID: <bench-${i}@example.cn>`,
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${utf8 ? 'utf-8' : 'GBK'}`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(body).toString('base64'),
    '',
  ].join('\r\n');
  return { name: `bench-${i}.eml`, base64: Buffer.from(text).toString('base64') };
}
