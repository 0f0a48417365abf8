import { useQuery } from '../../app/api';
import { ErrorBanner } from '../../components/Field';
import { commonText } from '../../components/i18n';
import { useT } from '../../i18n';
import { settingsText } from './i18n';
import './about.css';

/** Settings → About: which build this is, as main reports it (the same facts go into backups and evidence packs). */
export function About() {
  const t = useT(settingsText);
  const c = useT(commonText);
  const info = useQuery('app.info', {}, []);
  return (
    <section className="card" aria-labelledby="settings-about">
      <h2 id="settings-about">{t('about')}</h2>
      <ErrorBanner error={info.error} />
      {info.loading && <p className="muted">{c('loading')}</p>}
      {info.data && (
        <dl className="about">
          <div className="about__row">
            <dt>{t('appVersion')}</dt>
            <dd>{info.data.version}</dd>
          </div>
          <div className="about__row">
            <dt>{t('schemaVersion')}</dt>
            <dd>{info.data.schemaVersion}</dd>
          </div>
          <div className="about__row">
            <dt>{t('buildId')}</dt>
            <dd className="mono">{info.data.buildId}</dd>
          </div>
        </dl>
      )}
      <p className="muted">{t('aboutHint')}</p>
    </section>
  );
}
