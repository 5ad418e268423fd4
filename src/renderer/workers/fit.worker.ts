/** The fit dialog's worker: fits and bootstrap refits, off the page's thread (see lib/fit-jobs.ts). */
import * as Comlink from 'comlink';
import { bootstrapPart, fitRunsText } from '../../fit/fit-job';

const api = { fitRunsText, bootstrapPart };
export type FitWorkerApi = typeof api;

Comlink.expose(api);
