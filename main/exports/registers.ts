import type { z } from 'zod';
import type { RegisterExport } from '../../preload/contract/exports';
import type { JobInfo } from '../../preload/contract/jobs';
import { auditRegister } from '../audit/register';
import { deadlineRegister } from '../deadlines/register';
import { requestRegister } from '../inbox/register';
import { incidentRegister } from '../incidents/register';
import { noticeRegister } from '../notices/register';
import type { Session } from '../shared/session';
import { transferRegister } from '../transfers/export';
import type { RegisterSource } from './model';
import { startRegisterExport } from './service';

type Input = z.output<typeof RegisterExport>;

/** Each register's filter as its module's source reads it. */
function sourceOf(session: Session, input: Input): { source: RegisterSource<unknown, unknown>; filter: unknown } {
  const as = <F, T>(source: RegisterSource<F, T>, filter: F) => ({ source: source as unknown as RegisterSource<unknown, unknown>, filter });
  switch (input.register) {
    case 'incidents':
      return as(incidentRegister, input.filter);
    case 'notices':
      return as(noticeRegister, input.filter);
    case 'transfers': {
      const { overdue, ...rest } = input.filter;
      return as(transferRegister, { ...rest, overdueAt: overdue ? session.now().toISOString() : undefined });
    }
    case 'requests':
      return as(requestRegister, input.filter);
    case 'deadlines':
      return as(deadlineRegister, input.filter);
    case 'audit':
      return as(auditRegister, input.filter);
  }
}

export function exportRegister(session: Session, input: Input): JobInfo {
  const { source, filter } = sourceOf(session, input);
  return startRegisterExport(session, { register: input.register, source, filter, format: input.format, language: input.language, grantId: input.grantId });
}
