import { useEffect, useState } from 'react';
import { LockCancelledJobs } from '../components/LockCancelledJobs';
import { IntegrityAlert } from '../features/audit/IntegrityAlert';
import { AlertBanner } from '../features/dashboard/AlertBanner';
import { formatInstant } from '../components/format';
import { useT } from '../i18n';
import { api } from './api';
import { CommandPalette } from './CommandPalette';
import { shellText } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { navOrder, routes } from './routes';
import { useApp } from './store';
import { Toasts } from './Toasts';

/** The unlocked app: navigation, header actions, the routed page. */
export function Shell() {
  const t = useT(shellText);
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const epoch = useApp((s) => s.sessionEpoch);
  const setVaultState = useApp((s) => s.setVaultState);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const displayZone = useApp((s) => s.displayZone);
  const setDisplayZone = useApp((s) => s.setDisplayZone);
  const dataEpoch = useApp((s) => s.dataEpoch);
  // The display zone is a setting: read it at unlock and after every write (Settings may change it).
  useEffect(() => {
    void api.call('settings.get', {}).then((r) => r.ok && r.value.displayZone !== useApp.getState().displayZone && setDisplayZone(r.value.displayZone));
  }, [dataEpoch, setDisplayZone]);

  const lock = async () => {
    await api.call('vault.lock', {});
    setVaultState('locked');
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPaletteOpen(true);
      } else if (mod && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      } else if (e.altKey && /^[1-8]$/.test(e.key)) {
        e.preventDefault();
        navigate({ page: navOrder[Number(e.key) - 1] });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigate]);

  const Page = routes[route.page];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <nav className="sidebar" aria-label={t('navLabel')}>
        <div className="sidebar__brand">{t('appName')}</div>
        <ul>
          {navOrder.map((page, i) => (
            <li key={page}>
              <a
                href={`#/${page}`}
                aria-current={route.page === page ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${i + 1}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ page });
                }}
              >
                {t(page)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="shell__body">
        <header className="topbar">
          <button className="topbar__search" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K">
            {t('paletteOpen')}
          </button>
          <div className="topbar__actions">
            <LanguageSwitch />
            <ThemeSwitch />
            <button onClick={() => void lock()} title={t('lockHint')} aria-keyshortcuts="Control+L">
              {t('lock')}
            </button>
          </div>
        </header>
        <AlertBanner />
        <IntegrityAlert />
        <LockCancelledJobs key={epoch} />
        <UnlockNotice />
        <main id="main" className="content" tabIndex={-1}>
          <Page key={`${epoch}-${route.page}-${displayZone}-${route.filter?.label ?? ""}`} id={route.id} />
        </main>
      </div>
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} />
      <Toasts />
    </div>
  );
}

/** "3 failed attempts since your last unlock, the last at …": said once, after the unlock that follows them. */
function UnlockNotice() {
  const t = useT(shellText);
  const notice = useApp((s) => s.unlockNotice);
  const language = useApp((s) => s.language);
  const setUnlockNotice = useApp((s) => s.setUnlockNotice);
  if (!notice) return null;
  const at = formatInstant(notice.lastAt, language);
  return (
    <div className="banner banner--warn unlock-notice" role="status">
      <span>{notice.count === 1 ? t('failedNoticeOne', { at }) : t('failedNotice', { n: String(notice.count), at })}</span>{' '}
      <button type="button" className="link" onClick={() => setUnlockNotice(null)}>{t('dismiss')}</button>
    </div>
  );
}

function ThemeSwitch() {
  const t = useT(shellText);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return (
    <label className="inline-select">
      <span>{t('theme')}</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
        <option value="system">{t('themeSystem')}</option>
        <option value="light">{t('themeLight')}</option>
        <option value="dark">{t('themeDark')}</option>
      </select>
    </label>
  );
}
