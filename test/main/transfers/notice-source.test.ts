import { afterEach, describe, expect, it } from 'vitest';
import { transfersNoticeSource } from '../../../main/transfers/notice-source';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

describe('the Art. 39 separate notice reads the transfer through its notice source', () => {
  it('gives the merge fields the notice needs, and records the dispatch on the transfer', async () => {
    tv = await makeTestVault();
    const t = await tv.ok('transfers.create', {
      recipient: { name: 'Acme Support Inc.', country: 'US', contactPerson: 'Jane Doe', email: 'privacy@acme.example', address: '1 Main St' },
      annex1: { purpose: '客服工单处理', processingMethod: '存储、查询', piCategories: ['姓名', '邮箱'], sensitivePiCategories: ['健康信息'], sensitiveNecessity: '用于理赔', retentionFrom: '2026-10-01', retentionTo: '2028-09-30', storageLocation: 'Virginia' },
      route: { chosen: 'standardContract' },
    });
    const f = transfersNoticeSource.fields(tv.session, t.id)!;
    expect(f.ref).toBe(t.ref);
    expect(f.values).toMatchObject({
      'transfer.recipient.name': 'Acme Support Inc.',
      'transfer.recipient.countryName.zh': '美国',
      'transfer.recipient.countryName.en': 'United States',
      'transfer.purpose': '客服工单处理',
      'transfer.piCategories': '姓名、邮箱',
      'transfer.sensitivePiCategories': '健康信息',
      'transfer.sensitiveNecessity': '用于理赔',
      'transfer.retentionAbroad': '2026-10-01 – 2028-09-30',
      'transfer.rightsExercise': 'Jane Doe, privacy@acme.example; 1 Main St',
    });
    expect(transfersNoticeSource.fields(tv.session, 'no-such-id')).toBeNull();
    expect(t.gaps.map((g) => g.key)).toContain('notice');

    tv.session.tx(() => transfersNoticeSource.onDispatched!(tv.session, t.id, { noticeId: 'N-1', noticeRef: 'NTC-2026-0009', kind: 'transfer.separateConsent', dispatchedAt: '2026-11-29T03:00:00.000Z', channel: 'email' }));
    const after = await tv.ok('transfers.get', { id: t.id });
    expect(after.consent).toMatchObject({ noticeId: 'N-1', noticeSentAt: '2026-11-29T03:00:00.000Z' });
    expect(after.gaps.map((g) => g.key)).not.toContain('notice');
    const audit = await tv.ok('audit.list', { limit: 5, entity: 'transfer', entityId: t.id });
    expect(audit.items[0].action).toBe('transfers.noticeDispatched');

    tv.session.tx(() => transfersNoticeSource.onDispatched!(tv.session, t.id, { noticeId: 'N-2', noticeRef: 'NTC-2026-0009', kind: 'incident.individuals', dispatchedAt: '2026-11-29T04:00:00.000Z', channel: 'email' }));
    expect((await tv.ok('transfers.get', { id: t.id })).consent.noticeId).toBe('N-1');
  });
});
