import { useState } from 'react';
import type { LocalizedText } from '../../../preload/contract/common';
import type { ParamSpec, Period, RuleDto, RuleVersionDto } from '../../../preload/contract/rules';
import { useApp } from '../../app/store';
import { formatInstant, formatNumber } from '../../components/format';
import { commonText } from '../../components/i18n';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { rulesText } from './i18n';
import { RuleEditor } from './RuleEditor';
import { useSpan } from './span';

/** One parameter's value in words (the period's number and unit, a count, a flag, a text). */
function useParamText() {
  const t = useT(rulesText);
  const c = useT(commonText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const one = (spec: ParamSpec, value: unknown): string => {
    switch (spec.type) {
      case 'period': {
        const p = value as Period & Record<string, unknown>;
        const n = (p.hours ?? p.days ?? p.months ?? p.years) as number | undefined;
        return n === undefined ? t(`pk_${p.kind}`) : `${formatNumber(n, language)} ${t(`pk_${p.kind}`)}`;
      }
      case 'int':
        return formatNumber(value as number, language);
      case 'bool':
        return value ? c('yes') : c('no');
      case 'sourceKind':
        return value === 'official' ? t('official') : t('commentary');
      case 'text':
        return L(value as LocalizedText) || '—';
      case 'list':
        return '';
      default:
        return String(value ?? '') || '—';
    }
  };
  return one;
}

function ParamsView({ rule, version }: { rule: RuleDto; version: RuleVersionDto }) {
  const L = useLocalized();
  const text = useParamText();
  return (
    <dl className="rule-params">
      {Object.entries(rule.fields).map(([name, spec]) => (
        <div key={name} className="rule-params__row">
          <dt>{L(spec.label)}</dt>
          <dd>
            {spec.type === 'list' ? (
              <ol>
                {((version.params[name] as Record<string, unknown>[]) ?? []).map((row, i) => (
                  <li key={i}>
                    {Object.entries(spec.item)
                      .map(([k, s]) => `${L(s.label)}: ${text(s, row[k])}`)
                      .join(' · ')}
                  </li>
                ))}
              </ol>
            ) : (
              text(spec, version.params[name])
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A rule's versions with their basis, source, dates and parameters; edit one or add one. */
export function RuleDetail({ rule, onChanged }: { rule: RuleDto; onChanged(rules: RuleDto[]): void }) {
  const t = useT(rulesText);
  const L = useLocalized();
  const span = useSpan();
  const language = useApp((s) => s.language);
  const [editing, setEditing] = useState<{ mode: 'edit' | 'add'; version: RuleVersionDto } | null>(null);
  const latest = rule.versions.find((v) => v.current) ?? rule.versions[rule.versions.length - 1];
  return (
    <div className="rule-detail">
      <p className="muted">
        <span className="mono">{rule.key}</span> · {t('usedBy')}: {rule.usedBy.map((m) => t(`mod_${m}`)).join(', ')}
        {rule.zone ? ` · ${rule.zone}` : ''}
      </p>
      <ol className="rule-versions">
        {rule.versions.map((v) => (
          <li key={v.id} className={`rule-version${v.current ? ' rule-version--current' : ''}`}>
            <h4>
              {t('versionHead', { span: span(v) })} <Pill tone={v.current ? 'ok' : 'neutral'}>{v.current ? t('current') : t('notInForce')}</Pill>{' '}
              <Pill tone={v.source.kind === 'official' ? 'info' : 'warn'}>{v.source.kind === 'official' ? t('official') : t('commentary')}</Pill>
            </h4>
            <p>
              <strong>{L(v.name)}</strong>
            </p>
            <p>
              {t('basis')}: {L(v.basis)}
            </p>
            <p className="muted">
              {t('source')}: {L(v.source.instrument)}
              {v.source.article ? `, ${v.source.article}` : ''}
              {v.source.note ? ` — ${L(v.source.note)}` : ''}
            </p>
            <ParamsView rule={rule} version={v} />
            <p className="muted">
              {v.origin === 'shipped' ? t('origin_shipped') : t(`origin_${v.origin}`, { by: v.changedBy, at: formatInstant(v.changedAt, language) })}
              {v.revision > 1 ? ` · ${t('revision', { n: v.revision })}` : ''}
              {v.origin !== 'shipped' && v.reason ? ` · ${t('reasonIs', { r: v.reason })}` : ''}
            </p>
            {!editing ? (
              <button type="button" onClick={() => setEditing({ mode: 'edit', version: v })}>
                {t('editVersion')}
              </button>
            ) : null}
            {editing?.version.id === v.id && editing.mode === 'edit' ? (
              <RuleEditor rule={rule} base={v} mode="edit" onCancel={() => setEditing(null)} onDone={(rules) => (setEditing(null), onChanged(rules))} />
            ) : null}
          </li>
        ))}
      </ol>
      {!editing ? (
        <button type="button" onClick={() => setEditing({ mode: 'add', version: latest })}>
          {t('addVersion')}
        </button>
      ) : null}
      {editing?.mode === 'add' ? <RuleEditor rule={rule} base={editing.version} mode="add" onCancel={() => setEditing(null)} onDone={(rules) => (setEditing(null), onChanged(rules))} /> : null}
    </div>
  );
}
