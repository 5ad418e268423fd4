/**
 * How much unique text there is to train on, in tokens: orders of magnitude to judge a data limit
 * (a scenario's `data.uniqueTokens`) against. The indexed web holds about 510T tokens; the largest
 * released training set about 18T.
 */
export const TEXT_STOCK = {
  indexedWebTokens: 510e12,
  largestReleasedDatasetTokens: 18e12,
} as const;
