import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13: "Show voided" on the register lists. Voided records come back into the list with
// their void reason; the total (and the inbox's state counts) still leave them out; the keyset
// pages walk the same order with or without them.

let tv: TestVault;
afterEach(() => tv?.cleanup());

type Lister = (extra: Record<string, unknown>) => Promise<{ items: { id: string; voided: { reason: string } | null }[]; nextCursor: string | null; total: number }>;

/** Three records, the middle one voided; the list with and without "show voided", paged one by one. */
async function checkList(module: 'incidents' | 'inbox' | 'transfers' | 'notices', create: () => Promise<string>, list: Lister) {
  const ids = [await create(), await create(), await create()];
  tv.setNow('2026-11-29T02:10:00.000Z');
  await tv.ok('records.void', { module, recordId: ids[1], reason: 'Created twice by mistake' });
  const plain = await list({});
  expect(plain.items.map((i) => i.id).sort()).toEqual([ids[0], ids[2]].sort());
  expect(plain.total).toBe(2);
  expect(plain.items.every((i) => i.voided === null)).toBe(true);

  const all = await list({ showVoided: true });
  expect(all.items.map((i) => i.id).sort()).toEqual([...ids].sort());
  expect(all.total).toBe(2); // still out of the count
  expect(all.items.find((i) => i.id === ids[1])!.voided).toMatchObject({ reason: 'Created twice by mistake', by: 'Li Wei' });

  // Keyset pages of one: the same order as the single page, each record once.
  const walked: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list({ showVoided: true, limit: 1, ...(cursor ? { cursor } : {}) });
    walked.push(...page.items.map((i) => i.id));
    expect(page.total).toBe(2);
    cursor = page.nextCursor;
  } while (cursor);
  expect(walked).toEqual(all.items.map((i) => i.id));
}

describe('"Show voided" lists voided records greyed with their reason, out of the counts', () => {
  it('incidents', async () => {
    tv = await makeTestVault();
    let n = 0;
    await checkList(
      'incidents',
      async () => (await tv.ok('incidents.create', { title: `Leak ${++n}`, discoveredAt: `2026-11-29T01:0${n}:00.000Z`, individualsAffected: 10, jurisdictions: ['CN'] })).id,
      (extra) => tv.ok('incidents.list', extra),
    );
    // The other sort key pages the same way.
    const byDue = await tv.ok('incidents.list', { showVoided: true, sort: 'nextDue' });
    expect(byDue.items).toHaveLength(3);
  });

  it('inbox requests; the state counts leave the voided one out', async () => {
    tv = await makeTestVault();
    let n = 0;
    await checkList(
      'inbox',
      async () => (await tv.ok('inbox.create', { channel: 'email', requester: { name: `R${++n}`, contact: `r${n}@example.cn` }, jurisdiction: 'CN', type: 'access', subject: `request ${n}` })).id,
      (extra) => tv.ok('inbox.list', extra),
    );
    expect((await tv.ok('inbox.list', { showVoided: true })).counts.new).toBe(2);
  });

  it('transfers', async () => {
    tv = await makeTestVault();
    let n = 0;
    await checkList(
      'transfers',
      async () => (await tv.ok('transfers.create', { recipient: { name: `Acme ${++n}`, country: 'US' }, route: { chosen: 'standardContract' } })).id,
      (extra) => tv.ok('transfers.list', extra),
    );
  });

  it('notices', async () => {
    tv = await makeTestVault();
    let n = 0;
    await checkList(
      'notices',
      async () => {
        tv.setNow(`2026-11-29T02:0${++n}:00.000Z`);
        return (await tv.ok('notices.create', { kind: 'policy.change', language: 'zh-CN' })).id;
      },
      (extra) => tv.ok('notices.list', extra),
    );
  });
});
