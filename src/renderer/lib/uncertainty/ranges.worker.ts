/**
 * The app's uncertainty worker: draws the laws and solves them off the UI thread, so typing never
 * waits for the ranges (ranges-client.ts talks to it).
 */
import { expose } from 'comlink';
import { computeRanges } from './ranges';

export const rangesWorker = { computeRanges };
export type RangesWorker = typeof rangesWorker;

expose(rangesWorker);
