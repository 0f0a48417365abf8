import type { TestVault } from './vault';

/** One record of each module, made through the API as the DPO would. */
export async function seedRecords(tv: TestVault) {
  const incident = await tv.ok('incidents.create', {
    title: 'Customer database exposed',
    discoveredAt: '2026-11-29T01:00:00.000Z',
    individualsAffected: 1_200,
    jurisdictions: ['CN'],
    piCategories: ['name', 'phone'],
  });
  const request = await tv.ok('inbox.create', {
    channel: 'email',
    requester: { name: '张伟', contact: 'zhang.wei@example.cn' },
    jurisdiction: 'CN',
    type: 'deletion',
    subject: '请删除我的个人信息',
    body: '我要求删除我的账户中的全部个人信息。',
  });
  return { incident, request };
}

/** Sends bytes through the upload channels in the chunk size main asks for, as the window does. */
export async function uploadBytes(tv: TestVault, owner: { module: 'incidents' | 'notices' | 'transfers' | 'inbox'; recordId: string; subjectId?: string | null }, name: string, bytes: Buffer, role: string = 'evidence') {
  const begin = await tv.ok('attachments.beginUpload', { owner, role: role as never, name, size: bytes.length });
  for (let i = 0, off = 0; off < bytes.length; i++, off += begin.chunkSize) {
    await tv.ok('attachments.uploadChunk', { uploadId: begin.uploadId, index: i, data: bytes.subarray(off, off + begin.chunkSize).toString('base64') });
  }
  return tv.ok('attachments.finishUpload', { uploadId: begin.uploadId });
}
