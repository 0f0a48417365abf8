import type { jobsChannels } from '../../preload/contract/jobs';
import type { SessionHandlers } from '../shared/handlers';

export const jobsHandlers: SessionHandlers<typeof jobsChannels> = {
  'jobs.status': (input, session) => session.jobs.status(input.jobId),
  'jobs.cancel': (input, session) => session.jobs.cancel(input.jobId, 'user'),
  'jobs.list': (_input, session) => session.jobs.list(),
  'jobs.dismiss': (input, session) => session.jobs.dismiss(input.jobId),
};
