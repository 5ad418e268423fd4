/**
 * The app's comparison worker: solves the scenario under every law and with every input moved,
 * off the UI thread (0.1–2 s on the test-time examples), so typing never waits (compare-client.ts).
 */
import { expose } from 'comlink';
import { compareLaws, computeSensitivity } from './compare';

export const compareWorker = { compareLaws, computeSensitivity };
export type CompareWorker = typeof compareWorker;

expose(compareWorker);
