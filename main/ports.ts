import { inboxPort } from './inbox/port';
import { incidentsPort } from './incidents/port';
import { noticesPort } from './notices/port';
import { transfersPort } from './transfers/port';
import { installRecordPort } from './shared/record-ports';

/** The composition root of the record ports (main/shared/record-ports.ts); main/api.ts runs it. */
export function installRecordPorts(): void {
  installRecordPort('incidents', incidentsPort);
  installRecordPort('inbox', inboxPort);
  installRecordPort('transfers', transfersPort);
  installRecordPort('notices', noticesPort);
}
