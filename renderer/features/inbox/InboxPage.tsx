import { shellText } from '../../app/i18n';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n';

// Placeholder until the inbox module's screens land (its issue replaces this file).
export function InboxPage({ id }: { id?: string }) {
  const t = useT(shellText);
  void id;
  return <EmptyState title={t('inbox')} />;
}
