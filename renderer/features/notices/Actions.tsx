import { useState } from 'react';
import type { Checklist, DispatchChannel, NoticeDto } from '../../../preload/contract/notices';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { isoToLocalInput, localInputToIso } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';
import { Modal } from './Modal';

const CHANNELS: DispatchChannel[] = ['email', 'letter', 'sms', 'push', 'announcement', 'portal', 'phone'];
const CHANNEL_OF_FORMAT: Record<string, DispatchChannel> = { eml: 'email', mbox: 'email', emlFolder: 'email', sms: 'sms', smsText: 'sms', push: 'push', pushText: 'push', letter: 'letter' };

/** The state steps: submit → approve (refused, naming what is missing) → record the dispatch. */
export function Actions({ notice, checklist, unsaved, onChanged }: { notice: NoticeDto; checklist: Checklist; unsaved: boolean; onChanged(n?: NoticeDto): void }) {
  const t = useT(noticesText);
  const toast = useApp((s) => s.toast);
  const submit = useMutation('notices.submitForReview');
  const back = useMutation('notices.returnToDraft');
  const approve = useMutation('notices.approve');
  const [confirmApprove, setConfirmApprove] = useState(false);
  const [dispatching, setDispatching] = useState(false);
  const error = submit.error ?? back.error ?? approve.error;
  const L = useLocalized();
  // Approve is offered only when nothing required is missing, and the missing list is live.
  const missing = checklist.elements.filter((e) => e.status === 'missing');
  const blocked = !checklist.canApprove || unsaved;
  return (
    <section className="card" aria-labelledby="actions-h">
      <h2 id="actions-h">{t('actions')}</h2>
      <ErrorBanner error={error} />
      <div className="studio-actions">
        {notice.state === 'draft' ? (
          <button type="button" className="primary" disabled={submit.busy} onClick={async () => onChanged(await submit.run({ id: notice.id }))}>
            {t('submit')}
          </button>
        ) : null}
        {notice.state === 'inReview' ? (
          <>
            <button type="button" className="primary" disabled={approve.busy || blocked} aria-describedby={blocked ? 'approve-blocked' : undefined} onClick={() => setConfirmApprove(true)}>{t('approve')}</button>
            <button type="button" disabled={back.busy} onClick={async () => onChanged(await back.run({ id: notice.id }))}>{t('returnDraft')}</button>
          </>
        ) : null}
        {notice.state === 'inReview' && blocked ? (
          <div id="approve-blocked" className="field__hint" role="status">
            {unsaved && checklist.canApprove ? t('approveSaveFirst') : t('approveMissing', { list: missing.map((e) => L(e.rule)).join('; ') || t('mergeProblems') })}
          </div>
        ) : null}
        {notice.state === 'approved' ? <button type="button" className="primary" onClick={() => setDispatching(true)}>{t('dispatch')}</button> : null}
      </div>
      <ConfirmDialog
        open={confirmApprove}
        title={t('approveTitle')}
        confirmLabel={t('approve')}
        onCancel={() => setConfirmApprove(false)}
        onConfirm={async () => {
          setConfirmApprove(false);
          const next = await approve.run({ id: notice.id });
          if (next) toast(t('s_approved'));
          onChanged(next);
        }}
      >
        <p>{t('approveText')}</p>
      </ConfirmDialog>
      <Modal open={dispatching} title={t('dispatchTitle')} onClose={() => setDispatching(false)}>
        <DispatchForm
          notice={notice}
          onDone={(n) => {
            setDispatching(false);
            onChanged(n);
          }}
          onCancel={() => setDispatching(false)}
        />
      </Modal>
    </section>
  );
}

function DispatchForm({ notice, onDone, onCancel }: { notice: NoticeDto; onDone(n?: NoticeDto): void; onCancel(): void }) {
  const t = useT(noticesText);
  const outputs = useQuery('notices.outputs', { id: notice.id }, [notice.id]);
  const mine = (outputs.data ?? []).filter((o) => o.version === notice.version);
  const [outputId, setOutputId] = useState<string>('');
  const chosen = mine.find((o) => o.outputId === outputId);
  const [channel, setChannel] = useState<DispatchChannel>('email');
  const [at, setAt] = useState(() => isoToLocalInput(new Date().toISOString()));
  const [count, setCount] = useState('1');
  const mark = useMutation('notices.markDispatched');
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        let iso = at;
        try {
          iso = localInputToIso(at) || at;
        } catch {
          // an unparseable date goes to main as typed, which names the field
        }
        const next = await mark.run({ id: notice.id, channel, dispatchedAt: iso, recipientsCount: Number(count), outputId: outputId || null });
        if (next) onDone(next);
      }}
    >
      <ErrorBanner error={mark.error} />
      <SelectField<string>
        label={t('output')}
        value={outputId}
        onChange={(id) => {
          setOutputId(id);
          const o = mine.find((x) => x.outputId === id);
          if (o) {
            setChannel(CHANNEL_OF_FORMAT[o.format] ?? 'email');
            setCount(String(o.messages));
          }
        }}
        error={fieldError(mark.error, 'outputId')}
        options={[{ value: '', label: t('noOutput') }, ...mine.map((o) => ({ value: o.outputId, label: `${o.fileName} · ${o.sha256.slice(0, 12)}…` }))]}
      />
      {chosen ? <p className="mono field__hint">SHA-256 {chosen.sha256}</p> : null}
      <SelectField<DispatchChannel> label={t('channel')} value={channel} onChange={setChannel} options={CHANNELS.map((c) => ({ value: c, label: t(`d_${c}`) }))} />
      <TextField type="datetime-local" label={t('dispatchedAt')} value={at} onChange={setAt} required error={fieldError(mark.error, 'dispatchedAt')} />
      <TextField type="number" label={t('recipients')} value={count} onChange={setCount} min={0} required error={fieldError(mark.error, 'recipientsCount')} />
      <div className="dialog__actions">
        <button type="button" onClick={onCancel}>{t('mmClose')}</button>
        <button type="submit" className="primary" disabled={mark.busy}>{t('record')}</button>
      </div>
    </form>
  );
}
