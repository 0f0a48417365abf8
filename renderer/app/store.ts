import { create } from 'zustand';
import type { Language } from '../../preload/contract/common';
import type { FailedUnlocks } from '../../preload/contract/vault';
import { detectLanguage } from '../i18n';
import { setDisplayZone as setFormatZone } from '../components/format';

export type PageName = 'dashboard' | 'incidents' | 'notices' | 'transfers' | 'inbox' | 'audit' | 'settings' | 'overview';
export interface Route {
  page: PageName;
  /** The open record, when the page shows one. */
  id?: string;
  /**
   * A list filter handed over by a link (the overview's chart elements, issue 17), with the words
   * that say what it is; not in the address: a reload shows the whole list.
   */
  filter?: { values: Record<string, string | boolean>; label: string };
}
export type ThemeChoice = 'system' | 'light' | 'dark';
export type VaultState = 'unknown' | 'none' | 'locked' | 'unlocked';

interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  /** One action on the toast (e.g. "Undo" the last save); the toast stays longer then. */
  action?: { label: string; run(): void };
}

interface AppState {
  vaultState: VaultState;
  route: Route;
  language: Language;
  theme: ThemeChoice;
  toasts: Toast[];
  /** Bumped on lock so every feature drops what it had loaded. */
  sessionEpoch: number;
  /** The zone every instant is shown in (Settings); pages re-render when it changes. */
  displayZone: string;
  setDisplayZone(zone: string): void;
  /** Bumped after every call that wrote to the vault: alerts, counts and lists reload on it. */
  dataEpoch: number;
  bumpData(): void;
  /** Unlocked with the recovery code: the shell shows only "choose a new passphrase". */
  recoveryPending: boolean;
  /** Failed attempts before the last unlock, said once in the shell. */
  unlockNotice: FailedUnlocks | null;
  setVaultState(state: VaultState): void;
  setRecoveryPending(pending: boolean): void;
  setUnlockNotice(notice: FailedUnlocks | null): void;
  navigate(route: Route): void;
  setLanguage(language: Language): void;
  setTheme(theme: ThemeChoice): void;
  toast(text: string, kind?: Toast['kind'], action?: Toast['action']): void;
  dismissToast(id: number): void;
}

const stored = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};

/** A record id from the address; a malformed escape (#/incidents/%E0%A4%A) opens no record rather than breaking the app. */
const decodedId = (raw: string): string | undefined => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
};

const routeFromHash = (): Route => {
  const [page, id] = window.location.hash.replace(/^#\/?/, '').split('/');
  const pages: PageName[] = ['dashboard', 'incidents', 'notices', 'transfers', 'inbox', 'audit', 'settings', 'overview'];
  return pages.includes(page as PageName) ? { page: page as PageName, id: id ? decodedId(id) : undefined } : { page: 'dashboard' };
};

let toastSeq = 0;

export const useApp = create<AppState>((set, get) => ({
  vaultState: 'unknown',
  route: window.location.hash.startsWith('#token=') ? { page: 'dashboard' } : routeFromHash(),
  language: (stored('dpo.language') as Language | null) ?? detectLanguage(navigator.languages ?? [navigator.language]),
  theme: (stored('dpo.theme') as ThemeChoice | null) ?? 'system',
  toasts: [],
  sessionEpoch: 0,
  dataEpoch: 0,
  displayZone: 'Asia/Shanghai',
  setDisplayZone(zone) {
    setFormatZone(zone);
    set({ displayZone: zone });
  },
  bumpData() {
    set({ dataEpoch: get().dataEpoch + 1 });
  },
  recoveryPending: false,
  unlockNotice: null,
  setRecoveryPending(pending) {
    set({ recoveryPending: pending });
  },
  setUnlockNotice(notice) {
    set({ unlockNotice: notice });
  },
  setVaultState(state) {
    const was = get().vaultState;
    // Locking drops every feature's data: the epoch keys the routed page, so it remounts empty.
    set({ vaultState: state, ...(was === 'unlocked' && state !== 'unlocked' ? { sessionEpoch: get().sessionEpoch + 1 } : {}) });
  },
  navigate(route) {
    const hash = `#/${route.page}${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route });
  },
  setLanguage(language) {
    localStorage.setItem('dpo.language', language);
    set({ language });
  },
  setTheme(theme) {
    localStorage.setItem('dpo.theme', theme);
    set({ theme });
  },
  toast(text, kind = 'info', action) {
    const id = ++toastSeq;
    set({ toasts: [...get().toasts, { id, text, kind, action }] });
    setTimeout(() => get().dismissToast(id), action ? 12000 : 6000);
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

window.addEventListener('popstate', () => useApp.setState({ route: routeFromHash() }));
