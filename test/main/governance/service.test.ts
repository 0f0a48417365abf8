import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// PI protection officer (CAC notice of 2025-07-18): reaching 1,000,000 opens a 30-working-day
// report clock; each material change opens another; a report meets the open one.

let tv: TestVault;
afterEach(() => tv?.cleanup());

describe('PI protection officer report', () => {
  it.each([
    [999_999, 0, 'one below 1,000,000: no report due'],
    [1_000_000, 1, '1,000,000 is "100万人以上": the clock opens'],
  ])('%i individuals → %i clocks (%s)', async (n, clocks) => {
    tv = await makeTestVault();
    const g = await tv.ok('governance.update', { individualsTotal: n, asOf: '2026-11-02', officerName: '王芳', officerContact: 'pio@example.cn' });
    expect(g.threshold).toBe(1_000_000);
    expect(g.deadlines).toHaveLength(clocks);
    if (clocks) expect(g.deadlines[0]).toMatchObject({ module: 'governance', dueAt: '2026-12-14T15:59:59.999Z', state: 'open' });
  });

  it('a report meets the clock; a new officer opens another; each step is audited', async () => {
    tv = await makeTestVault();
    await tv.ok('governance.update', { individualsTotal: 1_200_000, asOf: '2026-11-02', officerName: '王芳', officerContact: 'pio@example.cn' });
    const reported = await tv.ok('governance.recordReport', { date: '2026-11-20', reference: 'BJ-CAC-2026-118' });
    expect(reported.deadlines.map((d) => d.state)).toEqual(['met']);
    const changed = await tv.ok('governance.update', { officerName: '李雷', note: 'new officer' });
    expect(changed.events.map((e) => e.kind)).toEqual(['reached', 'reported', 'materialChange']);
    expect(changed.deadlines.map((d) => [d.state, d.rule.en])).toEqual([
      ['met', 'Report the PI protection officer (threshold reached)'],
      ['open', 'Re-report the PI protection officer (change: new officer)'],
    ]);
    const actions = (await tv.ok('audit.list', { limit: 5 })).items.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['governance.update', 'governance.recordReport', 'governance.update']);
    expect((await tv.ok('deadlines.counts', {})).byModule.find((m) => m.module === 'governance')).toBeTruthy();
  });

  it('refuses a report when none is due and a future date', async () => {
    tv = await makeTestVault();
    expect(await tv.call('governance.recordReport', { date: '2026-11-20', reference: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await tv.call('governance.update', { individualsTotal: 5, asOf: '2027-01-01' })).toMatchObject({ ok: false, error: { fields: { asOf: 'Cannot be in the future' } } });
  });
});
