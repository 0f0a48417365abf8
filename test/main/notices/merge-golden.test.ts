import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MergeFormat } from '../../../preload/contract/notices';
import { makeTestVault, type TestVault } from '../../helpers/vault';
import { approvedPolicyChange } from '../../fixtures/notices/approved';

// Issue 16 made the merge faster (one write buffer handed to a worker thread that hashes and
// writes it, fewer objects per message). Its output must be byte for byte what the merge wrote
// before: these SHA-256s were taken from the merge as it was (commit 8225e85) on the same input,
// with the only two random parts of a run (the MIME boundary base and the run's id in each
// Message-ID) replaced by fixed text. A change in any byte of any message changes them.

let tv: TestVault;
beforeEach(async () => {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z', allowDir: true });
});
afterEach(() => tv.cleanup());

const personal = { 'zh-CN': '尊敬的{{recipient.name}}（{{recipient.email}}）：', en: 'Dear {{recipient.name}} <{{recipient.email}}>,' };

/** 3,000 recipients: Chinese, Latin, quoted, HTML-looking, long (folded headers), emoji, bad and duplicate rows. */
function recipients(): string {
  const names = ['张三', 'Li "Ray" <b>Lei</b>', 'Ö. Müller-Lüdenscheidt', '欧阳'.repeat(30), 'Émile 😀 Zola', 'a,b', "O'Brien & Sons", '李四'];
  const lines = ['\ufeffemail,name,phone,userId'];
  for (let i = 0; i < 3_000; i++) {
    const email = i % 97 === 5 ? 'not-an-email' : i % 101 === 7 ? 'user1@example.com' : `user${i}@example.com`;
    const name = names[i % names.length];
    const quoted = /[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
    lines.push(`${email},${quoted},+86 138 ${String(1000_0000 + i).slice(0, 4)} ${String(i).padStart(4, '0')},u-${i}`);
  }
  return lines.join('\r\n') + '\r\n';
}

const normalise = (text: string) => text.replace(/_NmP-[0-9a-f]+-Part_/g, '_NmP-BOUNDARY-Part_').replace(/(\.v\d+\.)[0-9a-f]{8}(\.\d+@)/g, '$1RUN$2');
const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

async function run(format: MergeFormat, language: 'zh-CN' | 'en'): Promise<string> {
  const n = await approvedPolicyChange(tv, { opening: personal });
  const csvPath = join(tv.dir, 'recipients.csv');
  writeFileSync(csvPath, recipients());
  const { name } = await tv.ok('notices.mergeOutputName', { id: n.id, language, format });
  const out = join(tv.dir, name);
  const mode = format === 'emlFolder' ? 'folder' : 'save';
  const started = await tv.ok('notices.mailMergeStart', {
    id: n.id,
    language,
    format,
    source: { grantId: (await tv.ok('files.grantPath', { purpose: 'recipients', mode: 'open', path: csvPath })).grantId },
    output: { grantId: (await tv.ok('files.grantPath', { purpose: 'mergeOutput', mode, path: out })).grantId },
  });
  const job = await tv.vault.jobs.wait(started.jobId);
  expect(job.state).toBe('done');
  if (format !== 'emlFolder') return sha(normalise(readFileSync(out, 'utf8')));
  // The folder: every file (in name order) and the SHA256SUMS manifest as written.
  const files = readdirSync(out).sort();
  return sha(files.map((f) => `${f}\n${f === 'SHA256SUMS' ? 'manifest' : normalise(readFileSync(join(out, f), 'utf8'))}`).join('\n'));
}

describe('mail-merge output is byte for byte what it was before issue 16', () => {
  it.each([
    ['mbox', 'zh-CN', '19f84ee531835925d6cf4791aff9a5e9adb1fef8974f21993c4c3bff02212e32'],
    ['mbox', 'en', 'd4e645a3fae7102f6e0fb50ec2a2fa944e60a47fb92798e17b9728f2d2d60964'],
    ['emlFolder', 'zh-CN', 'd3e770d47e81faa3e4fd96d1e74dcd881eba6ee9ba3748fca21b789df752c565'],
    ['smsText', 'zh-CN', '21d17af0aacd4b62d18e4b77bbc12c56e2984f1bbd971630139531ec6b6ed7c8'],
    ['pushText', 'en', 'bf5f7e9d178d6c26e37ea3cbba834e412ca9987a8cd0fe88c675599f230fafdc'],
  ] as const)('%s, %s', async (format, language, golden) => {
    expect(await run(format, language)).toBe(golden);
  });
});
