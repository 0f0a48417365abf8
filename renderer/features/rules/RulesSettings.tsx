import { Fragment, useEffect, useMemo, useState } from 'react';
import type { RegimeCode, RuleDto } from '../../../preload/contract/rules';
import { useQuery } from '../../app/api';
import { ErrorBanner, SelectField, TextField } from '../../components/Field';
import { EmptyState } from '../../components/EmptyState';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { PackPanel } from './PackPanel';
import { Publishers } from './Publishers';
import { RuleDetail } from './RuleDetail';
import { rulesText } from './i18n';
import { useSpan } from './span';
import './rules.css';

const REGIMES: RegimeCode[] = ['CN', 'policy', 'EU', 'UK', 'US', 'US-CA', 'US-NY', 'US-TX', 'US-CO', 'US-WA', 'US-FL'];

/** Settings → Rules: every rule the engines apply, its basis, source kind and dates; edit or add a version. */
export function RulesSettings() {
  const t = useT(rulesText);
  const L = useLocalized();
  const span = useSpan();
  const [version, setVersion] = useState(0);
  const list = useQuery('rules.list', {}, [version]);
  const [rules, setRules] = useState<RuleDto[]>([]);
  useEffect(() => setRules(list.data?.rules ?? []), [list.data]);
  const [regime, setRegime] = useState<RegimeCode | ''>('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return rules.filter((r) => {
      if (regime && r.regime !== regime) return false;
      if (!q) return true;
      const v = r.versions.find((x) => x.current) ?? r.versions[r.versions.length - 1];
      return [r.key, v?.name.en, v?.name.zh, v?.basis.en, v?.basis.zh].some((s) => s?.toLowerCase().includes(q));
    });
  }, [rules, regime, search]);

  return (
    <div className="rules-settings">
      <section className="card" aria-labelledby="rules-title">
        <h2 id="rules-title">{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
        <ErrorBanner error={list.error} />
        <div className="form-grid rules-filter">
          <SelectField<RegimeCode | ''> label={t('filterRegime')} value={regime} onChange={setRegime} options={[{ value: '', label: t('allRegimes') }, ...REGIMES.map((r) => ({ value: r, label: t(`reg_${r}`) }))]} />
          <TextField label={t('search')} type="search" value={search} onChange={setSearch} />
        </div>
        {list.data && shown.length === 0 ? <EmptyState title={t('noMatch')} /> : null}
        {shown.length ? (
          <table className="data rules-table">
            <thead>
              <tr>
                <th scope="col">{t('rule')}</th>
                <th scope="col">{t('regimeCol')}</th>
                <th scope="col">{t('sourceCol')}</th>
                <th scope="col">{t('inForce')}</th>
                <th scope="col">{t('versions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const v = r.versions.find((x) => x.current) ?? r.versions[r.versions.length - 1];
                const isOpen = open === r.key;
                return (
                  <Fragment key={r.key}>
                    <tr className={isOpen ? 'rules-table__open' : undefined}>
                      <th scope="row">
                        <button type="button" className="link" aria-expanded={isOpen} aria-label={t(isOpen ? 'closeRule' : 'open', { name: L(v.name) })} onClick={() => setOpen(isOpen ? null : r.key)}>
                          {L(v.name)}
                        </button>
                        <div className="muted rules-table__basis">{L(v.basis)}</div>
                      </th>
                      <td>
                        {t(`reg_${r.regime}`)}
                        <div className="muted">{t(`kindR_${r.kind}`)}</div>
                      </td>
                      <td>
                        <Pill tone={v.source.kind === 'official' ? 'info' : 'warn'}>{v.source.kind === 'official' ? t('official') : t('commentary')}</Pill>
                        <div className="muted">{v.source.article}</div>
                      </td>
                      <td>{span(v)}</td>
                      <td>{r.versions.length}</td>
                    </tr>
                    {isOpen ? (
                      <tr>
                        <td colSpan={5}>
                          <RuleDetail
                            rule={r}
                            onChanged={(next) => {
                              setRules(next);
                              setVersion((x) => x + 1);
                            }}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      <PackPanel onImported={() => setVersion((x) => x + 1)} />
      <Publishers />
    </div>
  );
}
