import { useState } from 'react';
import type { NoticeDto } from '../../../preload/contract/notices';
import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';
import { stateTone } from './List';

/** Every version (approved ones frozen), each readable, and what changed against the current one. */
export function Versions({ notice, tick, onView }: { notice: NoticeDto; tick: number; onView(v: number): void }) {
  const t = useT(noticesText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const versions = useQuery('notices.versions', { id: notice.id }, [notice.id, tick]);
  const current = versions.data?.[0]?.version ?? notice.version;
  const [from, setFrom] = useState<number | null>(null);
  const diff = useQuery('notices.diff', { id: notice.id, from: from ?? 1, to: current }, [notice.id, from, current, tick], from === null);
  const changed = (diff.data ?? []).filter((d) => d.changed);
  return (
    <section className="card" aria-labelledby="versions-h">
      <h2 id="versions-h">{t('versions')}</h2>
      <ErrorBanner error={versions.error ?? diff.error} />
      <table className="data">
        <tbody>
          {(versions.data ?? []).map((v) => (
            <tr key={v.version}>
              <th scope="row">{t('version', { n: v.version })}</th>
              <td><Pill tone={stateTone(v.state)}>{t(`s_${v.state}`)}</Pill></td>
              <td>{formatInstant(v.createdAt, language)}</td>
              <td>{v.approval ? t('approvedBy', { by: v.approval.by, at: formatInstant(v.approval.at, language) }) : ''}</td>
              <td>
                <button type="button" className="link" onClick={() => onView(v.version)} aria-label={`${t('view')} ${t('version', { n: v.version })}`}>{t('view')}</button>
                {v.version !== current ? (
                  <> · <button type="button" className="link" onClick={() => setFrom(v.version)} aria-label={`${t('compare')}: ${t('version', { n: v.version })}`}>{t('compare')}</button></>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {from !== null && diff.data ? (
        <div className="diff" aria-live="polite">
          <h3>{t('diffTitle', { from, to: current })}</h3>
          {changed.length === 0 ? <p className="muted">{t('noChanges')}</p> : null}
          {changed.map((d) => (
            <div key={`${d.key}/${d.language}`} className="diff__section" lang={d.language}>
              <h4>{L(d.label)} ({d.language === 'zh-CN' ? t('zh') : t('en')})</h4>
              <p>
                {d.parts.map((p, i) =>
                  p.op === 'same' ? <span key={i}>{p.text}</span> : p.op === 'removed' ? <del key={i} title={t('removed')}>{p.text}</del> : <ins key={i} title={t('added')}>{p.text}</ins>,
                )}
              </p>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
