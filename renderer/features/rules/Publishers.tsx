import { useState } from 'react';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner, TextField, fieldError } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { useT } from '../../i18n';
import { rulesText } from './i18n';

/** The Ed25519 keys whose signed rule packs the DPO accepts. */
export function Publishers() {
  const t = useT(rulesText);
  const language = useApp((s) => s.language);
  const [version, setVersion] = useState(0);
  const list = useQuery('rules.publishers', {}, [version]);
  const add = useMutation('rules.addPublisher');
  const remove = useMutation('rules.removePublisher');
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [removing, setRemoving] = useState<{ fingerprint: string; name: string } | null>(null);
  const publishers = list.data?.publishers ?? [];
  return (
    <section className="card" aria-labelledby="rules-publishers-title">
      <h2 id="rules-publishers-title">{t('publishersTitle')}</h2>
      <p className="muted">{t('publishersIntro')}</p>
      <ErrorBanner error={list.error ?? remove.error} />
      {list.data && publishers.length === 0 ? <p>{t('noPublishers')}</p> : null}
      <ul className="rules-publishers">
        {publishers.map((p) => (
          <li key={p.fingerprint}>
            <strong>{p.name}</strong> · {t('fingerprint')} <span className="mono">{p.fingerprint}</span> · {t('added', { at: formatInstant(p.addedAt, language) })}{' '}
            <button type="button" className="link" onClick={() => setRemoving({ fingerprint: p.fingerprint, name: p.name })}>
              {t('removePublisher', { name: p.name })}
            </button>
          </li>
        ))}
      </ul>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await add.run({ name, publicKey: key })) {
            setName('');
            setKey('');
            setVersion((v) => v + 1);
          }
        }}
      >
        <ErrorBanner error={add.error} />
        <TextField label={t('pubName')} value={name} onChange={setName} required error={fieldError(add.error, 'name')} />
        <TextField label={t('pubKey')} value={key} onChange={setKey} multiline rows={3} required error={fieldError(add.error, 'publicKey')} />
        <div className="form-actions">
          <button type="submit" disabled={add.busy}>
            {t('addPublisher')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('removePublisher', { name: removing.name }) : ''}
        reasonLabel={t('removeReason')}
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={async (reason) => {
          if (removing && (await remove.run({ fingerprint: removing.fingerprint, reason }))) setVersion((v) => v + 1);
          setRemoving(null);
        }}
      />
    </section>
  );
}
