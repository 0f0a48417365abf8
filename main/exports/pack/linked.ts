import type { ModuleName } from '../../../preload/contract/common';
import { getRequest } from '../../inbox/query';
import { getIncident } from '../../incidents/queries';
import type { Session } from '../../shared/session';
import { getTransfer } from '../../transfers/service';
import { MODULE_NAMES } from '../labels';
import { L } from './common';
import type { Section, Text } from './pdf';

/** The records linked to the pack's record, by their own reference and title. */
export function linkedSection(session: Session, linked: { module: string; recordId: string }[]): Section {
  const rows: Text[][] = [];
  for (const l of linked) {
    const found = describe(session, l.module, l.recordId);
    rows.push([MODULE_NAMES[l.module as ModuleName] ?? L(l.module, l.module), found?.ref ?? l.recordId, found?.title ?? L('(not found)', '（未找到）')]);
  }
  return {
    heading: L('Linked transfers, requests and incidents', '关联的出境记录、请求与事件'),
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: L('Kind', '类别'), width: 16 },
          { header: L('Reference', '编号'), width: 20 },
          { header: L('Title', '标题'), width: 64 },
        ],
        rows,
        empty: L('No linked record (records are linked through the notices that name them).', '无关联记录（记录经由同时关联它们的通知相联系）。'),
      },
    ],
  };
}

function describe(session: Session, module: string, id: string): { ref: string; title: string } | null {
  try {
    if (module === 'transfers') {
      const t = getTransfer(session, id);
      return { ref: t.ref, title: t.recipient.name };
    }
    if (module === 'inbox') {
      const r = getRequest(session, id);
      return { ref: r.ref, title: r.subject };
    }
    if (module === 'incidents') {
      const i = getIncident(session, id);
      return { ref: i.ref, title: i.facts.title };
    }
  } catch {
    // A link to a record since removed is shown as not found.
  }
  return null;
}
