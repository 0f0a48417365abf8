import { registerActivity, type ActivityMessage } from '../../components/activity';

// The audit log's own events, exports and evidence packs, from the stored parameters.

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const short = (sha: unknown) => (typeof sha === 'string' ? `${sha.slice(0, 12)}…` : '');
const REGISTER: Record<string, { en: string; zh: string }> = {
  incidents: { en: 'incident register', zh: '安全事件台账' },
  notices: { en: 'notice register', zh: '通知台账' },
  transfers: { en: 'transfer register', zh: '数据出境台账' },
  inbox: { en: 'request register', zh: '请求与投诉台账' },
  requests: { en: 'request register', zh: '请求与投诉台账' },
  deadlines: { en: 'deadline board', zh: '期限看板' },
  audit: { en: 'audit log', zh: '审计日志' },
};
const reg = (code: unknown, lang: 'en' | 'zh') => REGISTER[String(code)]?.[lang] ?? String(code ?? '');

registerActivity({
  'audit.export': both(
    (p, h) => `Audit log exported as ${String(p.format ?? '').toUpperCase()}: ${h.n(p.count)} entries (#${h.s('firstSeq')}–#${h.s('lastSeq')}) to ${h.s('fileName')}`,
    (p, h) => `审计日志已导出为 ${String(p.format ?? '').toUpperCase()}：${h.n(p.count)} 条（#${h.s('firstSeq')}–#${h.s('lastSeq')}），文件 ${h.s('fileName')}`,
  ),
  'audit.anchorCreated': both(
    (_p, h) => `No audit anchor was found beside the vault; one was made from the verified chain (#${h.s('seq')})`,
    (_p, h) => `保险库旁未找到审计锚点；已根据校验通过的链创建（#${h.s('seq')}）`,
  ),
  'audit.openCheckBroken': both(
    (_p, h) => `No audit anchor was found beside the vault, and the full check of the log found entry #${h.s('firstBroken') || '?'} broken; no anchor was made`,
    (_p, h) => `保险库旁未找到审计锚点，且对日志的完整校验发现第 #${h.s('firstBroken') || '?'} 条已损坏；未创建锚点`,
  ),
  'audit.anchorMismatch': both(
    (_p, h) => `The audit log does not match its anchor outside the vault (anchored #${h.s('anchoredSeq') || '?'}, last #${h.s('lastSeq')})`,
    (_p, h) => `审计日志与保险库外的锚点不一致（锚定 #${h.s('anchoredSeq') || '?'}，最新 #${h.s('lastSeq')}）`,
  ),
  'audit.resetAnchor': both(
    (p, h) => `Audit anchor reset by the DPO (was #${String((p.before as { seq?: number } | null)?.seq ?? '—')})${h.dash(p.reason)}`,
    (p, h) => `DPO 重置了审计锚点（原为 #${String((p.before as { seq?: number } | null)?.seq ?? '—')}）${h.dash(p.reason)}`,
  ),
  'audit.triggersRestored': both(
    (p) => `The audit log's append-only guards were missing or altered and have been restored (${((p.restored as string[]) ?? []).join(', ')})`,
    (p) => `审计日志的只增保护缺失或被改动，已恢复（${((p.restored as string[]) ?? []).join('、')}）`,
  ),
  'exports.register': both(
    (p, h) => `Exported the ${reg(p.register, 'en')} as ${String(p.format ?? '').toUpperCase()} (${h.n(p.rows)} rows) to ${h.s('fileName')}`,
    (p, h) => `已将${reg(p.register, 'zh')}导出为 ${String(p.format ?? '').toUpperCase()}（${h.n(p.rows)} 行），文件 ${h.s('fileName')}`,
  ),
  'exports.pack': both(
    (p, h) => `${h.ref ? `${h.ref}: ` : ''}evidence pack written to ${h.s('fileName')} (${h.n(Array.isArray(p.files) ? p.files.length : p.files)} files, SHA-256 ${short(p.sha256)})`,
    (p, h) => `${h.ref ? `${h.ref}：` : ''}证据包已写入 ${h.s('fileName')}（${h.n(Array.isArray(p.files) ? p.files.length : p.files)} 个文件，SHA-256 ${short(p.sha256)}）`,
  ),
});
