import { useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../../preload/contract/settings';
import { useMutation, useQuery } from '../../app/api';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useApp } from '../../app/store';
import { CheckboxField, ErrorBanner, fieldError, SelectField, TextField } from '../../components/Field';
import { commonText } from '../../components/i18n';
import { zoneLabel } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { BackupSettings } from '../backup/BackupSettings';
import { CalendarSettings } from '../calendar/CalendarSettings';
import { About } from './About';
import { RecoveryCodeCard } from './RecoveryCodeCard';
import { settingsText } from './i18n';
import { FileRootsSettings } from './FileRootsSettings';
import { PassphraseForm } from './PassphraseForm';
import { PioCard } from './PioCard';
import { RulesSettings } from '../rules/RulesSettings';

/** Zones a DPO of a Beijing company with users abroad is likely to pick. */
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/Brussels', 'Europe/London', 'America/Los_Angeles', 'America/New_York', 'UTC'];

type Tab = 'general' | 'rules' | 'calendars';
const TABS: Tab[] = ['general', 'rules', 'calendars'];

/** Settings, in sections: General (#/settings), Rules (#/settings/rules), Calendars (#/settings/calendars). */
export function SettingsPage({ id }: { id?: string }) {
  const t = useT(settingsText);
  const navigate = useApp((s) => s.navigate);
  const tab: Tab = id === 'rules' || id === 'calendars' ? id : 'general';
  const tabs = (
    <div role="tablist" aria-label={t('tabsLabel')} className="settings-tabs">
      {TABS.map((x) => (
        <button
          key={x}
          type="button"
          role="tab"
          aria-selected={tab === x}
          className={tab === x ? 'primary' : undefined}
          onClick={() => navigate({ page: 'settings', ...(x === 'general' ? {} : { id: x }) })}
        >
          {t(x === 'general' ? 'tabGeneral' : x === 'rules' ? 'tabRules' : 'tabCalendars')}
        </button>
      ))}
    </div>
  );
  if (tab === 'rules')
    return (
      <div className="page">
        <PageHeader title={t('title')} />
        {tabs}
        <RulesSettings />
      </div>
    );
  if (tab === 'calendars')
    return (
      <div className="page page--narrow">
        <PageHeader title={t('title')} />
        {tabs}
        <CalendarSettings />
      </div>
    );
  return <GeneralSettings tabs={tabs} />;
}

function GeneralSettings({ tabs }: { tabs: ReactNode }) {
  const t = useT(settingsText);
  const c = useT(commonText);
  const toast = useApp((s) => s.toast);
  const language = useApp((s) => s.language);
  const setDisplayZone = useApp((s) => s.setDisplayZone);
  const query = useQuery('settings.get', {}, []);
  const save = useMutation('settings.update');
  const [draft, setDraft] = useState<Settings | undefined>();
  useEffect(() => setDraft(query.data), [query.data]);
  if (!draft) return <p>{c('loading')}</p>;

  const profile = (k: keyof Settings['profile']) => (v: string) => setDraft({ ...draft, profile: { ...draft.profile, [k]: v } });
  const fe = (path: string) => fieldError(save.error, path);

  return (
    <div className="page page--narrow">
      <PageHeader title={t('title')} />
      {tabs}
      <form
        noValidate
        className="card"
        aria-labelledby="settings-profile"
        onSubmit={async (e) => {
          e.preventDefault();
          // The granted folders have their own card and save; this form never writes them back.
          const { fileRoots: _ownCard, ...update } = draft;
          const saved = await save.run(update);
          if (saved) {
            setDraft(saved);
            setDisplayZone(saved.displayZone);
            window.dispatchEvent(new CustomEvent('dpo:autolock-minutes', { detail: saved.autoLockMinutes }));
            toast(c('saved'));
          }
        }}
      >
        <h2 id="settings-profile">{t('profile')}</h2>
        <p className="muted">{t('profileHint')}</p>
        <ErrorBanner
          error={save.error}
          labels={{
            'profile.legalName': t('legalName'),
            'profile.registeredAddress': t('registeredAddress'),
            'profile.legalNameEn': t('legalNameEn'),
            'profile.registeredAddressEn': t('registeredAddressEn'),
            'profile.dpoName': t('dpoName'),
            'profile.dpoEmail': t('dpoEmail'),
            'profile.phone': t('phone'),
            displayZone: t('displayZone'),
            autoLockMinutes: t('autoLock'),
            dueSoonHours: t('dueSoon'),
          }}
        />
        <TextField label={t('legalName')} value={draft.profile.legalName} onChange={profile('legalName')} required error={fe('profile.legalName')} />
        <TextField label={t('registeredAddress')} value={draft.profile.registeredAddress} onChange={profile('registeredAddress')} error={fe('profile.registeredAddress')} />
        <TextField label={t('legalNameEn')} hint={t('inEnglishHint')} value={draft.profile.legalNameEn} onChange={profile('legalNameEn')} error={fe('profile.legalNameEn')} />
        <TextField label={t('registeredAddressEn')} value={draft.profile.registeredAddressEn} onChange={profile('registeredAddressEn')} error={fe('profile.registeredAddressEn')} />
        <TextField label={t('dpoName')} value={draft.profile.dpoName} onChange={profile('dpoName')} required error={fe('profile.dpoName')} />
        <TextField label={t('dpoEmail')} type="email" value={draft.profile.dpoEmail} onChange={profile('dpoEmail')} required error={fe('profile.dpoEmail')} />
        <TextField label={t('phone')} type="tel" value={draft.profile.phone} onChange={profile('phone')} error={fe('profile.phone')} />

        <h2>{t('behaviour')}</h2>
        <SelectField
          label={t('defaultLanguage')}
          value={draft.defaultLanguage}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(v) => setDraft({ ...draft, defaultLanguage: v })}
        />
        <SelectField
          label={t('displayZone')}
          hint={t('displayZoneHint')}
          value={draft.displayZone}
          options={[...new Set([draft.displayZone, ...ZONES])].map((z) => ({ value: z, label: `${zoneLabel(z, language)} · ${z}` }))}
          onChange={(v) => setDraft({ ...draft, displayZone: v })}
          error={fe('displayZone')}
        />
        <TextField
          label={t('autoLock')}
          type="number"
          min={0}
          max={240}
          value={String(draft.autoLockMinutes)}
          onChange={(v) => setDraft({ ...draft, autoLockMinutes: Number(v) })}
          error={fe('autoLockMinutes')}
        />
        <TextField
          label={t('dueSoon')}
          type="number"
          min={1}
          max={720}
          value={String(draft.dueSoonHours)}
          onChange={(v) => setDraft({ ...draft, dueSoonHours: Number(v) })}
          error={fe('dueSoonHours')}
        />
        <CheckboxField label={t('cii')} hint={t('ciiHint')} checked={draft.ciiOperator} onChange={(v) => setDraft({ ...draft, ciiOperator: v })} />
        <TextField
          label={t('attachmentMax')}
          type="number"
          min={1}
          max={2048}
          value={String(draft.attachmentMaxMB)}
          onChange={(v) => setDraft({ ...draft, attachmentMaxMB: Number(v) })}
          error={fe('attachmentMaxMB')}
        />
        <CheckboxField
          label={t('pauseClock')}
          hint={t('pauseClockHint')}
          checked={draft.pauseClockForIdentity}
          onChange={(v) => setDraft({ ...draft, pauseClockForIdentity: v })}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.busy}>{c('save')}</button>
        </div>
      </form>

      <section className="card" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('appearance')}</h2>
        <LanguageSwitch />
      </section>

      <PioCard />
      <PassphraseForm />
      <RecoveryCodeCard />
      <BackupSettings />
      <FileRootsSettings />
      <About />
    </div>
  );
}
