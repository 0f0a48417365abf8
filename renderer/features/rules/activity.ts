import { registerActivity, type ActivityMessage } from '../../components/activity';

// Rule catalogue, rule packs, trusted publishers and the PI protection officer record in the
// audit log, from the stored parameters (both languages).

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const short = (sha: unknown) => (typeof sha === 'string' ? `${sha.slice(0, 12)}…` : '');
interface Effects {
  deadlinesChanged?: number;
  grades?: unknown[];
  routes?: unknown[];
}
const effects = (p: Record<string, unknown>) => (p.effects ?? {}) as Effects;
const count = (v: unknown[] | undefined) => v?.length ?? 0;

registerActivity({
  'rules.edit': both(
    (p, h) => `Rule ${h.s('key')}: version corrected${h.dash(p.reason)}; ${h.n(effects(p).deadlinesChanged ?? 0)} open deadlines, ${h.n(count(effects(p).grades))} grades, ${h.n(count(effects(p).routes))} routes changed`,
    (p, h) => `规则 ${h.s('key')}：已更正版本${h.dash(p.reason)}；${h.n(effects(p).deadlinesChanged ?? 0)} 个未完成期限、${h.n(count(effects(p).grades))} 个定级、${h.n(count(effects(p).routes))} 个出境路径随之变化`,
  ),
  'rules.addVersion': both(
    (p, h) => `Rule ${h.s('key')}: new version from ${String((p.after as { effectiveFrom?: string }[] | undefined)?.at?.(-1)?.effectiveFrom ?? '')}${h.dash(p.reason)}; ${h.n(effects(p).deadlinesChanged ?? 0)} open deadlines changed`,
    (p, h) => `规则 ${h.s('key')}：新增自 ${String((p.after as { effectiveFrom?: string }[] | undefined)?.at?.(-1)?.effectiveFrom ?? '')} 起的版本${h.dash(p.reason)}；${h.n(effects(p).deadlinesChanged ?? 0)} 个未完成期限随之变化`,
  ),
  'rules.exportPack': both(
    (p, h) => `Rule pack exported: ${h.n(Array.isArray(p.keys) ? p.keys.length : 0)} rules (SHA-256 ${short(p.sha256)})`,
    (p, h) => `已导出规则包：${h.n(Array.isArray(p.keys) ? p.keys.length : 0)} 条规则（SHA-256 ${short(p.sha256)}）`,
  ),
  'rules.importPack': both(
    (p, h) => `Rule pack imported (SHA-256 ${short(p.sha256)})${h.dash(p.reason)}; ${h.n(effects(p).deadlinesChanged ?? 0)} open deadlines changed`,
    (p, h) => `已导入规则包（SHA-256 ${short(p.sha256)}）${h.dash(p.reason)}；${h.n(effects(p).deadlinesChanged ?? 0)} 个未完成期限随之变化`,
  ),
  'rules.addPublisher': both(
    (_p, h) => `Rule-pack publisher trusted: ${h.s('name')} (SHA-256 ${short(h.s('fingerprint') || h.id)})`,
    (_p, h) => `已信任规则包发布方：${h.s('name')}（SHA-256 ${short(h.s('fingerprint') || h.id)}）`,
  ),
  'rules.removePublisher': both(
    (p, h) => `Rule-pack publisher no longer trusted: ${h.s('name')}${h.dash(p.reason)}`,
    (p, h) => `已不再信任规则包发布方：${h.s('name')}${h.dash(p.reason)}`,
  ),
  'governance.update': both(
    (p) => `PI protection officer record updated${Array.isArray(p.events) && p.events.includes('reached') ? ': 1,000,000 individuals reached, the report clock opened' : ''}`,
    (p) => `个人信息保护负责人记录已更新${Array.isArray(p.events) && p.events.includes('reached') ? '：已达到100万人，报送期限开始计算' : ''}`,
  ),
  'governance.recordReport': both(
    (_p, h) => `PI protection officer reported to the cyberspace administration on ${h.s('date')}${h.s('reference') ? ` (${h.s('reference')})` : ''}`,
    (_p, h) => `已于 ${h.s('date')} 向网信部门报送个人信息保护负责人${h.s('reference') ? `（${h.s('reference')}）` : ''}`,
  ),
});
